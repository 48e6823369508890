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
