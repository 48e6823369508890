"""Language detection: script first, then function words, then the statistical detector."""

import pytest

from parley_nlp.analysis import LanguageGuess, detect_language


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # Native scripts.
        ("मेरा ऑर्डर अभी तक नहीं आया, कृपया जाँच करें", "hi"),
        ("என் பணம் எப்போது திரும்ப வரும்?", "ta"),
        ("నా డబ్బు ఎప్పుడు తిరిగి వస్తుంది?", "te"),
        ("order का status बताओ", "hi"),
        # Romanized and code-mixed Indic.
        ("bhai mera parcel kab tak aayega?", "hi"),
        ("payment fail ho gaya but paise kat gaye", "hi"),
        ("return policy kya hai", "hi"),
        ("en order enga irukku?", "ta"),
        ("delivery late aagudhu, enna problem?", "ta"),
        ("cash on delivery irukka?", "ta"),
        ("naan booking cancel pannanum", "ta"),
        ("naa order ekkada undi?", "te"),
        ("refund eppudu vastundi?", "te"),
        ("payment ela cheyyali?", "te"),
        # European languages, code-mixed included.
        ("where is my package", "en"),
        ("Is shipping free if my order is 1,200 pesos?", "en"),
        ("do u ship to texas", "en"),
        ("mi paquete no llegó y necesito el refund ya", "es"),
        ("hey, my order llegó roto y quiero un refund", "es"),
        ("cuanto tarda el envio?", "es"),
        ("meu pedido não chegou ainda", "pt"),
        ("oi, gostaria de saber cuanto custa o frete para São Paulo", "pt"),
        ("a entrega é grátis?", "pt"),
        ("vorrei sapere quando arriva il mio ordine", "it"),
        ("je voudrais annuler ma commande", "fr"),
        ("Wann kommt mein Paket an?", "de"),
    ],
)
def test_detects_language(text: str, code: str) -> None:
    assert detect_language(text).code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("hola", "es"),
        ("oi", "pt"),
        ("thanks", "en"),
        ("obrigado", "pt"),
        ("gracias", "es"),
        ("namaste", "hi"),
        ("vanakkam", "ta"),
        ("namaskaram", "te"),
        ("ciao", "it"),
    ],
)
def test_short_greetings(text: str, code: str) -> None:
    guess = detect_language(text)
    assert guess.code == code
    assert guess.confidence < 0.8, "one word should not make the detector sure"


def test_confidence_grows_with_evidence() -> None:
    short = detect_language("hola")
    long = detect_language("Hola, quiero saber cuánto tarda el envío de mi pedido a Monterrey, por favor")
    assert long.code == short.code == "es"
    assert long.confidence > short.confidence
    assert long.confidence >= 0.85


@pytest.mark.parametrize("text", ["", "   ", "12345", "👍👍", "?!"])
def test_undetermined(text: str) -> None:
    assert detect_language(text) == LanguageGuess("und", 0.0)


def test_result_is_frozen_and_bounded() -> None:
    guess = detect_language("quero devolver o produto")
    assert 0.0 <= guess.confidence <= 1.0
    with pytest.raises(AttributeError):
        guess.code = "xx"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("installments mein pay kar sakte hai?", "hi"),  # the detector alone says German ("mein")
        ("card se payment le lete ho?", "hi"),
        ("a loja abre no domingo?", "pt"),
        ("aceptan bizum?", "es"),
    ],
)
def test_short_code_mixed_and_romance_questions(text: str, code: str):
    assert detect_language(text).code == code
