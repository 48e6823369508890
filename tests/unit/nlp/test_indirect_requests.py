"""Indirect requests for a person and angry customers, in every language (issue 12): the misses of the
held-out measurement were of these shapes."""

import pytest

from parley_nlp.analysis import analyze_sentiment, handoff_request


@pytest.mark.parametrize(
    "text",
    [
        "could someone from your team contact me today?",
        "this bot is useless",
        "hello??? anyone?",
        "me pueden marcar mas tarde?",
        "ya me canse, paseme con una persona",
        "me comunica con alguien de ventas?",
        "preciso que alguem entre em contato comigo",
        "chega de robo, quero um atendente",
        "ye bot kuch samajhta nahi",
        "कृपया मुझसे संपर्क करें",
        "யாராவது இருக்கீங்களா?",
        "ఎవరైనా ఉన్నారా?",
        "Preciso falar com uma pessoa: qual é o horário de sábado?",
        "let me speak to a human please, what time do you close today?",
        "hello? is anyone reading this?",
        "is there anybody who can actually help me?",
        "koi hai?",
        "कोई है?",
    ],
)
def test_indirect_requests_for_a_person_are_caught(text: str):
    assert handoff_request(text).wanted, text


@pytest.mark.parametrize(
    "text",
    [
        "what number do I call to talk to an agent?",
        "venden refrigeradores marca mabe?",
        "can someone else pick up my order for me?",
        "how can I contact you?",
        "customer care ka number kya hai?",
        "do you have human agents on weekends?",
    ],
)
def test_questions_about_contact_details_or_brands_are_not_requests(text: str):
    assert not handoff_request(text).wanted, text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("You people are a joke, nobody told me anything", "en"),
        ("I've explained this three times already", "en"),
        ("chega de robo, quero um atendente", "pt"),
        ("esto es un robo, me cobraron de mas", "es"),
        ("आप लोग धोखेबाज़ हो", "hi"),
        ("romba kovama irukku", "ta"),
        ("chala kopam ga undi", "te"),
        ("ரொம்ப கோபமா இருக்கு", "ta"),
        ("qué mal servicio", "es"),
    ],
)
def test_angry_customers_read_as_negative(text: str, language: str):
    assert analyze_sentiment(text, language).label == "negative", text


def test_theft_insurance_is_not_a_complaint():
    """The Spanish "robo" is theft: a question about insurance against it is neutral; only "es un robo" complains."""
    assert analyze_sentiment("el seguro cubre el robo del equipaje?", "es").label == "neutral"
