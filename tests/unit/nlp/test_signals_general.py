"""General vocabulary and patterns added for language, wants_human and sentiment (own sentences)."""

import pytest

from parley_nlp.analysis import analyze_sentiment, detect_language, detect_wants_human


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # Telugu: "-unda" questions, "-occha/-vacha", "-galana", "-inda" past questions.
        ("EMI option unda?", "te"),
        ("return cheyyocha?", "te"),
        ("store lo pick up cheskovacha?", "te"),
        ("order cancel ayyinda?", "te"),
        ("gift wrap ki extra money untunda?", "te"),
        # Tamil: "-umbothu", "-ttu", "-eengala", "-iducha".
        ("order cancel aagiducha?", "ta"),
        ("pack pannumbothu bill vechu anuppuveengala?", "ta"),
        ("innum refund varala, mattum check pannunga", "ta"),
        # Hinglish with common verb forms; an all-caps acronym is not a function word.
        ("EMI option hai?", "hi"),
        ("usme kitna time lagta hai?", "hi"),
        # Portuguese chat words.
        ("valeu", "pt"),
        ("blz, e o prazo?", "pt"),
    ],
)
def test_general_language_vocabulary(text: str, code: str) -> None:
    assert detect_language(text).code == code


@pytest.mark.parametrize(
    "text",
    [
        "koi banda hai kya? refund ka scene samjhna hai",
        "kisi bande se baat karwa do",
        "யாராவது என்னை கூப்பிட முடியுமா?",
        "necesito que alguien me llame por lo de mi reserva",
        "quiero hablar con tu jefe",
        "quero falar com o responsável",
        "can a person help me with this?",
        "put me through to someone please",
        "I want to speak with a human being",
    ],
)
def test_general_handoff_requests(text: str) -> None:
    assert detect_wants_human(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm a sales agent for a phone brand, can we sell on your site?",
        "my freight agent needs the invoice",
        "somos agentes de viajes, ¿tienen comisiones?",
        "do you have a phone with a good camera?",
        "how do I call customer service?",
        "péssimo atendimento",
        "koi discount hai kya?",
        "quero falar sobre banda larga",
    ],
)
def test_general_not_handoff(text: str) -> None:
    assert not detect_wants_human(text)


@pytest.mark.parametrize(
    ("text", "language", "label"),
    [
        ("the screen cracked on day two. Seriously??", "en", "negative"),
        ("you don't understand, the bot doesn't understand anything", "en", "negative"),
        ("el asistente no me entiende", "es", "negative"),
        ("mandé dos correos sin respuesta y ya está bien", "es", "negative"),
        ("¡¡Me cobraron dos veces!! ¿Me lo devuelven o qué?", "es", "negative"),
        ("form bhar bhar ke thak gaya hoon", "hi", "negative"),
        ("¡¡Nos vamos a casar en mayo y queremos un crucero!!", "es", "positive"),
        ("can you show me the return policy?", "en", "neutral"),
        ("how quick is delivery to Monterrey?", "en", "neutral"),
        ("a mala de mão pode ter 10 kg?", "pt", "neutral"),
        ("vale, perfecto. ¿y la seña?", "es", "neutral"),
        ("atendimento top, chegou rapidinho!", "pt", "positive"),
    ],
)
def test_general_sentiment(text: str, language: str, label: str) -> None:
    assert analyze_sentiment(text, language).label == label


@pytest.mark.parametrize(
    "text",
    [
        "hello?? is anyone actually there",
        "am I just talking to a machine here?",
        "¿estoy hablando con un robot?",
        "¿Alguien me puede marcar? es urgente",
        "tem alguém de carne e osso aí?",
        "customer care la yaaravadhu irukkingala?",
    ],
)
def test_asking_whether_a_person_is_there(text):
    assert detect_wants_human(text)


@pytest.mark.parametrize(
    "text",
    [
        "is there anyone who can tell me the shipping cost?",
        "tem alguma loja aí em Campinas?",
        "I'm talking to a friend about your prices",
    ],
)
def test_presence_look_alikes_are_not_handoffs(text):
    assert not detect_wants_human(text)
