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
    ],
)
def test_look_alikes(text: str) -> None:
    assert not handoff_rule(text).wanted


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
