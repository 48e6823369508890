"""Ranking, cross-language matching and confidence, on a generated PDF and on the eval PDFs, with
questions written for these tests (not the labelled sample messages)."""

from pathlib import Path

import pytest

from parley_knowledge import KnowledgeIndex, answer_confidence, chunk_pages, compose_answer, extract_pages
from parley_knowledge.index import analyze
from parley_knowledge.text import fold, stem
from tests.unit.knowledge.kb_pdfs import ACME_PAGES, text_pdf

EVAL = Path(__file__).resolve().parents[3].parent / "shared" / "eval"


def build(data: bytes) -> KnowledgeIndex:
    chunks = chunk_pages(extract_pages(data))
    return KnowledgeIndex.of_chunks(chunks)


@pytest.fixture(scope="module")
def acme() -> KnowledgeIndex:
    return build(text_pdf(ACME_PAGES))


def best(index: KnowledgeIndex, query: str, drop_handoff: bool = False) -> tuple[str | None, float]:
    result = index.search(query, answerable_only=True, drop_handoff=drop_handoff)
    return (result.best.chunk.section if result.best else None), answer_confidence(result)


def test_fold_keeps_indic_vowel_signs_and_strips_latin_accents() -> None:
    assert fold("Reembolsão") == "reembolsao"
    assert fold("धनवापसी") == "धनवापसी"
    assert stem("cancellation") == stem("cancelación") == "cancel"[:5]


CROSS_LANGUAGE = [
    ("How many kilos can my suitcase weigh?", "1. Baggage allowance"),
    ("¿Cuánto pesa la maleta que puedo facturar?", "1. Baggage allowance"),
    ("Quero meu reembolso, quando cai no cartão?", "2. Refunds"),
    ("mera refund card pe kab milega", "2. Refunds"),
    ("मेरा रिफंड कब मिलेगा?", "2. Refunds"),
    ("Posso levar meu cachorro na cabine?", "3. Pets on board"),
    ("naaku pet tho travel cheyyali, kukka ni cabin lo teesukuvellacha", "3. Pets on board"),
    ("¿El call centre abre los sábados?", "4. Customer support hours"),
]


@pytest.mark.parametrize(("query", "section"), CROSS_LANGUAGE)
def test_cross_language_questions_find_the_right_section(acme: KnowledgeIndex, query: str, section: str) -> None:
    found, _ = best(acme, query)
    assert found == section


def answered_share(confidences: list[float]) -> float:
    return sum(c >= 0.3 for c in confidences) / len(confidences)


def test_most_cross_language_questions_are_answered(acme: KnowledgeIndex) -> None:
    """The confidence keeps wrong answers at 2 % of all messages (parley_knowledge.retrieval), so a question the
    section covers only in part may go to a person instead; most of these must still be answered."""
    confidences = [best(acme, q)[1] for q, _ in CROSS_LANGUAGE]
    assert answered_share(confidences) >= 0.7, confidences


@pytest.mark.parametrize(
    "query",
    [
        "Which museum should I visit in Rome?",
        "¿Venden entradas para conciertos?",
        "Vocês têm vagas de emprego?",
        "what's the weather tomorrow",
    ],
)
def test_questions_the_document_does_not_cover_get_low_confidence(acme: KnowledgeIndex, query: str) -> None:
    _, confidence = best(acme, query)
    assert confidence < 0.3


def test_handoff_words_are_not_searched_when_the_customer_wants_a_person(acme: KnowledgeIndex) -> None:
    assert analyze("I want to talk to a human agent please", drop_handoff=True) == []
    found, confidence = best(acme, "let me speak to an agent, and how heavy can my suitcase be?", drop_handoff=True)
    assert found == "1. Baggage allowance" and confidence >= 0.3


def test_answer_is_the_relevant_sentence_not_the_whole_section(acme: KnowledgeIndex) -> None:
    result = acme.search("are guide dogs free?", answerable_only=True)
    text = compose_answer(result, acme)
    assert "Guide dogs travel free of charge." in text
    assert len(text) < len(result.best.chunk.text)


EVAL_CROSS_LANGUAGE = [
    ("aurora", "Do you deliver to Colombia?", "3. International shipping"),
    ("aurora", "Aceitam boleto bancário?", "8. Payment methods"),
    ("aurora", "¿Cuántos días tengo para devolver un producto?", "5. Returns"),
    ("aurora", "kya EMI pe le sakte hain bina interest ke?", "9. Installments (meses sin intereses)"),
    ("solmar", "Can I bring my surfboard on the plane?", "4. Equipaje"),
    ("solmar", "Preciso de passaporte para ir aos Estados Unidos?", "5. Documentación y visados"),
    ("solmar", "hotel booking cancel karne par refund milega?", "3. Cancelaciones y reembolsos"),
]
needs_eval = pytest.mark.skipif(not (EVAL / "aurora-faq.pdf").exists(), reason="eval PDFs not present")


@needs_eval
@pytest.mark.parametrize(("tenant", "query", "section"), EVAL_CROSS_LANGUAGE)
def test_eval_knowledge_bases_cross_language(tenant: str, query: str, section: str) -> None:
    index = build((EVAL / f"{tenant}-faq.pdf").read_bytes())
    found, _ = best(index, query)
    assert found == section


@needs_eval
def test_most_eval_cross_language_questions_are_answered() -> None:
    indexes = {t: build((EVAL / f"{t}-faq.pdf").read_bytes()) for t in ("aurora", "solmar")}
    confidences = [best(indexes[t], q)[1] for t, q, _ in EVAL_CROSS_LANGUAGE]
    assert answered_share(confidences) >= 0.7, confidences


def test_title_words_are_the_business_name_and_weigh_next_to_nothing(acme: KnowledgeIndex) -> None:
    assert "acme" in acme.brand
    result = acme.search("does Acme refund taxes", answerable_only=True)
    assert result.best is not None and result.best.chunk.section == "2. Refunds"
    assert "acme" not in result.best.matched  # the business's name alone is no match
    assert result.unit_weights["acme"] < 0.2 * result.unit_weights["taxes"]


def test_a_times_heading_answers_how_long_questions() -> None:
    from parley_knowledge.index import _heading_features
    from parley_knowledge.lexicon import default_lexicon

    lex = default_lexicon()
    feats = _heading_features("1. Shipping times", analyze("Shipping times", lex), lex)
    assert "#duration" in feats and "#ship" in feats


DEMO_FAQ = Path(__file__).resolve().parents[3] / "deploy" / "local" / "sample" / "demo-faq.pdf"


@pytest.mark.parametrize("query", ["¿cuál es el horario de atención?", "quais os horarios de atendimento?"])
def test_service_hours_are_opening_hours(query: str) -> None:
    # "horario de atención" names the hours as a whole, not a support channel: the English FAQ's opening hours
    # answer it (its "atención" alone once pointed at the contact section and kept the answer below 0.3).
    found, confidence = best(build(DEMO_FAQ.read_bytes()), query)
    assert found == "1. Opening hours" and confidence >= 0.3
