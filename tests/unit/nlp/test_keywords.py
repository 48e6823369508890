"""Keywords, entities and topics."""

import pytest

from parley_nlp.analysis import extract_entities, extract_keywords, topics
from parley_nlp.analysis.keywords import topic_terms


def _entities(text: str) -> set[tuple[str, str]]:
    return {(e.type, e.value) for e in extract_entities(text)}


def test_keywords_drop_stop_words_in_every_language() -> None:
    assert extract_keywords("What is the warranty for the new laptop?", "en") == ["warranty", "new", "laptop"]
    assert "garantia" in extract_keywords("¿Cuál es la garantía de la laptop?", "es")
    kws = extract_keywords("mujhe apna order track karna hai", "hi")
    assert kws == ["apna", "order", "track"] or set(kws) >= {"order", "track"}
    assert "mujhe" not in kws and "hai" not in kws
    assert extract_keywords("மனிதரிடம் பேச வேண்டும்", "ta") == ["மனிதரிடம்", "பேச"]


def test_keywords_ranked_by_frequency_and_limited() -> None:
    kws = extract_keywords("refund refund refund please, my refund for the blender and the toaster", "en", limit=2)
    assert kws == ["refund", "blender"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Is shipping free if my order is 1,200 pesos?", {("money", "1,200 pesos")}),
        ("The laptop is 18,500 MXN", {("money", "18,500 MXN")}),
        ("paguei R$ 350,00 no pix", {("money", "R$ 350,00")}),
        ("si cancelo 20 dias antes cuanto pierdo", {("duration", "20 dias")}),
        ("It stopped working after 8 months", {("duration", "8 months")}),
        ("mi pedido lleva dos semanas sin llegar", {("duration", "dos semanas")}),
        ("write to me at ana.souza@example.com.br", {("email", "ana.souza@example.com.br")}),
        ("my order #AUR-558812 has not arrived", {("order_id", "AUR-558812")}),
        ("pedido 4471902 atrasado", {("order_id", "4471902")}),
        ("call me on +52 55 1234 5678", {("phone", "+52 55 1234 5678")}),
        ("I fly on 12/03/2025", {("date", "12/03/2025")}),
        ("viajo el 5 de marzo", {("date", "5 de marzo")}),
        ("my dog weighs 5 kg", {("quantity", "5 kg")}),
        ("somos 25 compañeros", {("number", "25")}),
    ],
)
def test_entities(text: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= _entities(text)


def test_money_is_not_also_a_number() -> None:
    assert _entities("it costs 1,200 pesos") == {("money", "1,200 pesos")}
    assert extract_entities("") == []


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("how long does shipping take to Monterrey?", "shipping"),
        ("quiero devolver mis audífonos", "returns"),
        ("when will I get my refund?", "refunds"),
        ("¿puedo pagar en cuotas sin interés?", "payments"),
        ("Vocês aceitam pix?", "payments"),
        ("necesito la factura CFDI", "invoices"),
        ("a nota fiscal vem junto?", "invoices"),
        ("is it still under warranty?", "warranty"),
        ("I forgot my password", "account"),
        ("quiero reservar un hotel en Cancún", "booking"),
        ("order cancel karna hai", "cancellation"),
        ("maleta facturada cuantos kilos?", "baggage"),
        ("do I need a visa for Mexico?", "documents"),
        ("o seguro de viagem cobre doença?", "insurance"),
        ("¿puedo viajar con mi perro?", "pets"),
        ("tengo un cupón de descuento", "promotions"),
        ("mi madre va en silla de ruedas", "accessibility"),
        ("I want to talk to an agent", "support"),
        ("मुझे रिफंड चाहिए", "refunds"),
    ],
)
def test_topics(text: str, topic: str) -> None:
    assert topic in topics(topic_terms(text))


def test_topics_avoid_false_friends() -> None:
    assert topics(topic_terms("¿a qué hora sale el vuelo?")) == ["booking"]  # "sale" is not a sale
    assert "invoices" not in topics(topic_terms("maleta facturada"))
    assert topics(topic_terms("what's the capital of australia")) == ["other"]
    assert topics([]) == ["other"]
