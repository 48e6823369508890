"""The handoff grammar's rules for a human being named, a person asked to look into the case, ultimatums and
refusals (own sentences; the grammar alone, so the learned model cannot hide what a rule does)."""

import pytest

from parley_nlp.analysis.intent import handoff_request, handoff_rule


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # A human being named at all, not refused.
        ("my parcel is stuck, would prefer a human to deal with this", "human:"),
        ("are you even human??", "human:"),
        ("क्या वहाँ कोई इंसान बैठा है?", "human:"),
        ("sach me koi insaan reply karega ya nahi", "person+verb:"),
        ("నువ్వు మనిషివా లేక మెషీనా?", "human:"),
        # An ultimatum: the negation is the condition.
        ("if no real person answers me by tonight I'm cancelling everything", "human:"),
        ("si nadie del servicio al cliente me contesta hoy, me voy a otra tienda", "person+verb:"),
        # A person asked to look into the case.
        ("can an agent check my refund please", "person+handle:"),
        ("can someone check my order, it says delivered but nothing came", "person+handle:"),
        ("yaaravadhu en order-a check pannunga", "person+handle:"),
        # Case endings after a hyphen, romanized verb stems, staff roles.
        ("oru manager-a pesa sollunga", "person+verb:"),
        ("workshop lo mechanic tho matladocha?", "person+verb:"),
        ("posso falar com o tecnico sobre o freio?", "person+verb:"),
        ("me comunican con el departamento de reclamos", "person+verb:"),
        # French and German callbacks.
        ("quelqu'un peut me rappeler demain matin ?", "person+verb:"),
        ("kann mich jemand zurueckrufen?", "person+verb:"),
        ("zum dritten Mal: ich will jetzt mit einem Menschen reden", "person+verb:"),
        # Whoever handles it, the shop's owner, a travel agent at a travel agency.
        ("the saddle cracked after a month, I'd like to talk to whoever handles warranty", "person+verb:"),
        ("can I speak with the shop owner about a discount on two bikes?", "person+verb:"),
        ("quero falar com um agente de viagens sobre um pacote para Lisboa", "person+verb:"),
        # An ultimatum whose condition stands three words before its negator.
        ("se uma pessoa nao olhar meu pedido hoje vou reclamar", "person+handle:"),
        # Asking for a call, for whom to talk to, for a department; answered by email.
        ("would appreciate a call about the double charge on my card", "direct:"),
        ("quisiera una llamada para revisar la reserva", "direct:"),
        ("who do I need to talk to about a corporate purchase?", "direct:"),
        ("con quien tengo que hablar para una factura?", "direct:"),
        ("me comunicas con el area de garantias?", "person+verb:"),
        ("me gustaria hablar con el encargado de devoluciones por correo", "person+verb:"),
        ("is anyone from solmar reachable? our guide isn't answering", "direct:"),
        ("alguem da loja pode me retornar? prefiro por telefone", "direct:"),
        ("gostaria que alguem me ligasse sobre o seguro", "direct:"),
        ("o robo nao resolve, quero gente de verdade", "person+want:"),
        ("bot se kaam nahi ho raha, kisi bande ko bhejo", "person+verb:"),
        ("I want this escalated to a manager today", "direct:"),
        ("please forward my case to the warranty team", "person+verb:"),
        ("I'd like to book a call with a travel advisor about our honeymoon", "direct:"),
        ("tried the bot three times now, can a person take over?", "direct:"),
        ("please let a colleague of yours handle this", "person+handle:"),
        ("hook me up with an agent", "direct:"),
        # Asking whether anyone human is there at all.
        ("respuestas automaticas otra vez, no hay ningun humano ahi?", "direct:"),
        ("voces sao robo ou gente? preciso resolver um problema", "direct:"),
    ],
)
def test_requests(text: str, rule: str) -> None:
    found = handoff_rule(text)
    assert found.wanted, found
    assert found.reason.startswith(rule), found


@pytest.mark.parametrize(
    "text",
    [
        # Refusals: a negator near the noun or verb, in any script, or a "no need" phrase in the clause.
        "I don't need a human, just tell me the return window",
        "no necesito un humano, solo dime si hacen envios a Chile",
        "मुझे किसी एजेंट से बात नहीं करनी, बस डिलीवरी का समय बताइए",
        "no need to put me through to anyone, what is your email?",
        # The negator reaches the verb through "want to".
        "I don't want to talk to a person, just tell me when you open on Saturday",
        "किसी से बात कराने की ज़रूरत नहीं, बस बता दीजिए Google Pay चलता है क्या?",
        "nao precisa me passar pra ninguem, so quero o prazo de entrega",
        "யாரிடமும் பேச வேண்டாம், return policy மட்டும் சொல்லுங்க",
    ],
)
def test_refusals_are_vetoes(text: str) -> None:
    found = handoff_rule(text)
    assert not found.wanted, found
    assert found.reason == "veto:negated", found
    assert not handoff_request(text).wanted  # the learned model may not overrule a refusal


@pytest.mark.parametrize(
    "text",
    [
        "human error on your side: the invoice has the wrong tax id",  # not a person to talk to
        "does the warranty pass to the new owner if I sell it?",  # an owner is not staff
        "a loja do centro tem assistencia tecnica?",  # a service, not a person
        "can I check the status of my order online?",  # the customer checks, nobody is asked
        "do your agents speak English? my Spanish isn't great",  # which languages staff speak
        "మీ ఏజెంట్లు తెలుగు మాట్లాడతారా?",
        "i'm a freelance travel agent, do you pay commission?",  # the customer is the agent
        "Club Solmar ke points kisi dost ko transfer ho sakte hai kya?",  # a friend, not staff
        "I'd like a phone with a good camera, what do you have?",  # a phone, not a call
        "can I contact you by email?",  # how to reach the business, nobody asked for
        "posso retornar o produto depois de 10 dias?",  # returning a product
        "please forward the tracking number to my husband",  # forwarded to family, not to staff
        "the bot should take over my booking change",  # the bot, not a person
    ],
)
def test_look_alikes(text: str) -> None:
    assert not handoff_rule(text).wanted


def test_a_negator_reaches_a_verb_only_through_wanting() -> None:
    assert not handoff_rule("i don't want to talk to an agent").wanted
    # The negator belongs to "understand"; "want to talk" after it is a request.
    assert handoff_rule("i dont understand this invoice want to talk to an agent").wanted


def test_portuguese_no_after_a_verb_is_not_a_negation() -> None:
    found = handoff_request("pode pedir pra um atendente me chamar no whats?")
    assert found.wanted, found


@pytest.mark.parametrize(
    "text",
    [
        "the agent told me my refund would be back in a week, it's been two",
        "el asesor me dijo que el cambio de fecha era gratis",
        "o atendente falou que a troca era de graça, é verdade?",
    ],
)
def test_what_staff_said_is_reported_not_requested(text: str) -> None:
    found = handoff_rule(text)
    assert not found.wanted and found.reason == "veto:reported", found
    assert not handoff_request(text).wanted


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # A conversation that happened is reported, not asked for.
        ("I talked to an agent yesterday and he said 3 days", "veto:reported"),
        ("falei com um atendente ontem e nada", "veto:reported"),
        # A short message that wants a thing and names nobody.
        ("naaku refund kavali", "veto:thing"),
        ("quero um desconto", "veto:thing"),
    ],
)
def test_what_the_learned_model_may_not_overrule(text: str, reason: str) -> None:
    assert handoff_rule(text).reason == reason
    assert not handoff_request(text).wanted
