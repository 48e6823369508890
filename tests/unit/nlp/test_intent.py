"""Handoff requests, intent, category and priority."""

import pytest

from parley_contracts import Sentiment
from parley_nlp.analysis import (
    classify_category,
    detect_intent,
    detect_wants_human,
    handoff_request,
    priority,
)


@pytest.mark.parametrize(
    "text",
    [
        # Direct, en/es/pt/it/fr.
        "I want an agent",
        "Can I speak to a manager?",
        "Please transfer me to customer service",
        "connect me with a live agent",
        "quiero hablar con un asesor",
        "pásame con un humano",
        "¿me pueden comunicar con un agente?",
        "quero falar com um atendente",
        "me passa para um humano por favor",
        "preciso de um atendente",
        "vorrei parlare con un operatore",
        "je voudrais parler à un conseiller",
        # Indirect.
        "is there a real person there?",
        "is anyone there?",
        "can someone call me?",
        "llámenme por favor, es urgente",
        "tem alguém aí?",
        "Is a human available?",
        "I don't want to talk to a bot",
        "não quero falar com robô, quero uma pessoa",
        # Bare nouns.
        "agent please",
        "operator!",
        "REPRESENTATIVE",
        # Romanized Indic.
        "kisi insaan se baat karao",
        "mujhe customer care se baat karni hai",
        "mujhe call karo please",
        "yaaravadhu call pannunga",
        "manushan kitta pesa mudiyuma?",
        "evaraina call cheyyandi",
        "manishi tho matladali",
        # Native scripts.
        "मुझे एजेंट से बात करनी है",
        "कृपया किसी इंसान से बात करवाइए",
        "ஏஜென்ட்டிடம் பேசணும்",
        "மனிதரிடம் பேச வேண்டும்",
        "మనిషితో మాట్లాడాలి",
        "ఎవరైనా కాల్ చేయండి",
    ],
)
def test_wants_human(text: str) -> None:
    request = handoff_request(text, "und")
    assert request.wanted, request
    assert request.confidence >= 0.5
    assert request.reason


@pytest.mark.parametrize(
    "text",
    [
        "what are your support hours?",
        "¿a qué hora abre el chat?",
        "what is your phone number?",
        "qual o telefone de vocês?",
        "cuál es el número de atención al cliente?",
        "what time does customer service open?",
        "the delivery guy was rude",
        "I talked to an agent yesterday and he said 3 days",
        "the agent told me the refund would take 5 days",
        "can I transfer my booking to another person?",
        "¿puedo cambiar la reserva a nombre de otra persona?",
        "how much is it per person?",
        "somos 25 personas, ¿hay descuento?",
        "¿trabajan con agentes de viajes?",
        "nobody called me back",
        "I don't need an agent, just tell me the price",
        "people say your service is great",
        "mi hijo es una persona con discapacidad, ¿hay asistencia?",
        "order cancel karna hai",
        "naaku refund kavali",
        "refund eppo varum?",
    ],
)
def test_not_a_handoff(text: str) -> None:
    assert not detect_wants_human(text, "und"), handoff_request(text)


NEUTRAL = Sentiment(label="neutral", score=0.0)
ANGRY = Sentiment(label="negative", score=-0.8)
HAPPY = Sentiment(label="positive", score=0.6)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("hola", "greeting"),
        ("Good morning!", "greeting"),
        ("thank you so much", "thanks"),
        ("bye, see you", "goodbye"),
        ("where is my order #88213?", "order_status"),
        ("mi pedido todavía no llega, ¿dónde está?", "order_status"),
        ("do you ship to Chile?", "question"),
        ("quanto custa o frete", "question"),
        ("I want to talk to a human", "request_human"),
        ("This is unacceptable, worst store ever", "complaint"),
        ("Loved the new app, great job!", "feedback"),
    ],
)
def test_detect_intent(text: str, intent: str) -> None:
    assert detect_intent(text, "und") == intent


def test_intent_uses_given_signals() -> None:
    assert detect_intent("hello there", "en", wants_human=True, sentiment=NEUTRAL) == "request_human"
    assert detect_intent("hello there", "en", wants_human=False, sentiment=ANGRY) == "complaint"


@pytest.mark.parametrize(
    ("text", "intent", "sentiment", "category"),
    [
        ("terrible service", "complaint", ANGRY, "complaint"),
        ("you should add PayPal as a payment option", "other", NEUTRAL, "suggestion"),
        ("sería bueno que tengan envío a Chile", "other", NEUTRAL, "suggestion"),
        ("great job", "feedback", HAPPY, "feedback"),
        ("do you ship to Chile?", "question", NEUTRAL, "inquiry"),
        ("hi", "greeting", NEUTRAL, "other"),
    ],
)
def test_category(text: str, intent: str, sentiment: Sentiment, category: str) -> None:
    assert classify_category(text, intent, sentiment) == category


def test_priority() -> None:
    assert priority("get me a human now, this is a joke", "request_human", ANGRY, True) == "high"
    assert priority("es urgente, mi vuelo sale hoy", "question", NEUTRAL, False) == "high"
    assert priority("I want an agent", "request_human", NEUTRAL, True) == "medium"
    assert priority("do you ship to Chile?", "question", NEUTRAL, False) == "medium"
    assert priority("thanks!", "thanks", NEUTRAL, False) == "low"
    assert priority("love it", "feedback", HAPPY, False) == "low"
