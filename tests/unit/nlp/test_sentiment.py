"""Tone: routine courtesy and calm problem reports are neutral; emotion decides."""

import pytest

from parley_nlp.analysis import analyze_sentiment


@pytest.mark.parametrize(
    "text",
    [
        "Absolutely love this store, fast delivery and great service!",
        "¡Me encantó el hotel, todo perfecto!",
        "Adorei o atendimento, muito obrigada!",
        "bahut badhiya service, thank you",
        "service semma, romba santhosham",
        "mee service chala bagundi",
        "बहुत बढ़िया सेवा, धन्यवाद",
        "அருமையான சேவை",
        "సేవ అద్భుతంగా ఉంది",
        "Estamos súper ilusionados con el viaje",
    ],
)
def test_positive(text: str) -> None:
    result = analyze_sentiment(text, "und")
    assert result.label == "positive"
    assert result.score > 0


@pytest.mark.parametrize(
    "text",
    [
        "This is the worst service ever, I'm furious",
        "Terrible. Nobody answers and I'm still waiting for my refund",
        "Estoy harto, es una vergüenza cómo tratan a los clientes",
        "Que absurdo, péssimo atendimento!!!",
        "bakwas service hai, bilkul bekar",
        "romba mosam, kevalam service",
        "chala chetta service, kopam vastundi",
        "बहुत घटिया सेवा है",
        "you don't understand anything, useless bot",
        "The screen arrived cracked!!! unacceptable",
        "WHERE IS MY ORDER I PAID TWO WEEKS AGO",
    ],
)
def test_negative(text: str) -> None:
    result = analyze_sentiment(text, "und")
    assert result.label == "negative"
    assert result.score < 0


@pytest.mark.parametrize(
    "text",
    [
        "thanks",
        "please help me with my order, thank you",
        "Muchas gracias, por favor envíen la factura",
        "Bom dia, obrigado",
        "My headphones stopped working after 3 months, is that covered?",
        "the box arrived damaged, how do I return it?",
        "can you recommend a good hotel in Madrid?",
        "Good morning, what are your opening hours?",
        "order cancel karna hai, status processing dikha raha hai",
        "I would love to know if you ship to Chile",
    ],
)
def test_neutral(text: str) -> None:
    assert analyze_sentiment(text, "und").label == "neutral"


def test_negation_flips() -> None:
    assert analyze_sentiment("the service was good, very good", "en").label == "positive"
    assert analyze_sentiment("the service was not good at all, not good", "en").label == "negative"
    assert analyze_sentiment("service accha nahi hai, bilkul accha nahi", "hi").label == "negative"


def test_intensifier_and_exclamations_strengthen() -> None:
    plain = analyze_sentiment("this is bad", "en").score
    stronger = analyze_sentiment("this is really bad!!!", "en").score
    assert stronger < plain


def test_score_bounds_and_empty() -> None:
    assert analyze_sentiment("", "und").label == "neutral"
    for text in ["awful awful awful horrible terrible!!!", "love love love amazing perfect"]:
        assert -1.0 <= analyze_sentiment(text, "en").score <= 1.0


@pytest.mark.parametrize(
    "text",
    [
        # Asking again: the customer already asked and got nothing.
        "third time asking: do you sell gift cards or not",
        "asked twice already. how much is a wheel truing?",
        "ya van dos veces que pregunto y nada: tienen instalacion?",
        "segunda vez q pergunto: tem cabine com varanda?",
        "zum dritten Mal jetzt: verkauft ihr Handyvertraege?",
        "तीसरी बार पूछ रहा हूँ, रिफंड कब आएगा?",
        "நான்காவது முறை கேட்கிறேன்: ரீஃபண்ட் எப்போ வரும்?",
        "నాలుగోసారి అడుగుతున్నా: డబ్బులు ఎప్పుడు వస్తాయి?",
        # A one-word sentence of praise after a problem is sarcasm.
        "the bike came with a cracked frame. Lovely. how do I send it back?",
        # Not even one call; what's the point; expected better.
        "oru phone call kooda panna mudiyadha?",
        "so the insurance doesn't cover cancelling?? whats the point of it",
        "the strap snapped in a week, honestly expected better",
    ],
)
def test_displeasure_without_swear_words(text: str) -> None:
    assert analyze_sentiment(text, "und").label == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Great. How do I book a rental bike?",  # praise at the start is praise
        "thanks for the info. Perfect.",  # a courteous close, with no problem before it
        "ek aadmi mahine me kitni baar price match use kar sakta hai?",  # "how many times", a question
        "courier మూడు సార్లు వచ్చినప్పుడు నేను ఇంట్లో లేకపోతే ఏమవుతుంది?",  # "three times", a question
    ],
)
def test_counting_and_praise_are_not_displeasure(text: str) -> None:
    assert analyze_sentiment(text, "und").label != "negative"


@pytest.mark.parametrize(
    "text",
    [
        "so I pay extra for express and it still takes a week? make it make sense",
        "why is it so hard to get a straight answer from you",
        "i'm done waiting, when will you fix this?",
        "otra vez el mismo problema con la bici, no me lo puedo creer",
        "ya me estan cansando con tantas excusas",
        "que poca seriedad, me dejaron plantado en el aeropuerto",
        "es increible que tarden tanto en devolver el dinero",
        "que decepcao, a bike veio com o pneu furado",
        "kitni baar bolna padega, refund kab aayega",
        "ye kya mazaak hai, order abhi tak nahi aaya",
    ],
)
def test_exasperation(text: str) -> None:
    assert analyze_sentiment(text, "und").label == "negative"


def test_amazement_stays_praise() -> None:
    assert analyze_sentiment("es increible lo rapido que llego, genial", "und").label == "positive"
    assert analyze_sentiment("how long does a refund take?", "und").label == "neutral"
