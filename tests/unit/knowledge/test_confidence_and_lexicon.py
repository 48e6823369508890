"""The confidence features (sentence coverage, heading match, unknown words) and the added lexicon forms,
with questions written for these tests (not the labelled eval messages)."""

import math

import pytest

from parley_knowledge import KnowledgeIndex, answer_confidence, chunk_pages, extract_pages, retrieval
from parley_knowledge.index import analyze
from parley_knowledge.lexicon import default_lexicon
from tests.unit.knowledge.kb_pdfs import ACME_PAGES, text_pdf


@pytest.fixture(scope="module")
def acme() -> KnowledgeIndex:
    chunks = chunk_pages(extract_pages(text_pdf(ACME_PAGES)))
    return KnowledgeIndex.of_chunks(chunks)


@pytest.mark.parametrize(
    ("word", "concept"),
    [
        ("livraison", "ship"),
        ("remboursement", "refund"),
        ("valise", "baggage"),
        ("caduca", "expire"),
        ("vencimiento", "expire"),
        ("depósito", "deposit"),
        ("diferença", "difference"),
        ("bono", "voucher"),
        ("whatsapp", "whatsapp"),
        ("naai", "pet"),
        ("kukka", "pet"),
        ("पार्सल", "package_trip"),
    ],
)
def test_added_forms_map_to_their_concept(word: str, concept: str) -> None:
    units = analyze(word)
    assert units and f"#{concept}" in units[0].features


def test_whatsapp_and_email_are_not_generic_support_words() -> None:
    lex = default_lexicon()
    assert "support" not in lex.concepts("whatsapp")
    assert "support" not in lex.concepts("email")


def test_multiword_forms_match_as_one_unit() -> None:
    assert [u.raw for u in analyze("can I send it back")] == ["send_it_back"]
    assert "#carry_on" in analyze("mala de mão")[0].features


def test_french_and_italian_function_words_are_not_content() -> None:
    assert [u.raw for u in analyze("est-ce que vous avez des valises")] == ["valises"]
    assert [u.raw for u in analyze("vorrei sapere anche il prezzo")] == ["prezzo"]


def test_hit_carries_sentence_coverage_heading_match_and_unknown_weight(acme: KnowledgeIndex) -> None:
    result = acme.search("how much does an extra suitcase cost per flight", answerable_only=True)
    best = result.best
    assert best is not None and best.chunk.section == "1. Baggage allowance"
    assert 0 < best.sentence_coverage <= best.coverage <= 1
    assert best.heading_matched  # "suitcase" ↔ "Baggage" through the lexicon
    assert result.unknown_weight == 0

    unknown = acme.search("suitcase zorblax quintessence", answerable_only=True)
    assert unknown.unknown_weight > 0 and unknown.unknown_weight < unknown.total_weight


def test_words_the_knowledge_base_never_mentions_lower_confidence(acme: KnowledgeIndex) -> None:
    known = answer_confidence(acme.search("extra suitcase cost", answerable_only=True))
    with_unknown = answer_confidence(acme.search("extra suitcase cost zorblax quintessence", answerable_only=True))
    mostly_unknown = answer_confidence(acme.search("suitcase zorblax quintessence flumph", answerable_only=True))
    assert known >= 0.3
    assert known > with_unknown > mostly_unknown
    assert mostly_unknown < 0.3


def test_confidence_is_deterministic_and_bounded(acme: KnowledgeIndex) -> None:
    a = answer_confidence(acme.search("refund to my card", answerable_only=True))
    b = answer_confidence(acme.search("refund to my card", answerable_only=True))
    assert a == b and 0 <= a <= 1
    assert answer_confidence(acme.search("zorblax", answerable_only=True)) == 0


def test_the_answer_model_file_weighs_exactly_the_features_the_confidence_computes(acme: KnowledgeIndex) -> None:
    features = retrieval.answer_features(acme.search("extra suitcase cost", answerable_only=True))
    assert features is not None
    model = retrieval.AnswerModel.load()
    assert list(features) == list(model.features) == list(retrieval.FEATURES)
    n = len(model.features)
    assert len(model.mean) == len(model.scale) == n
    assert len(model.weights) == len(retrieval.pairwise_terms([0.0] * n)) == n + n * (n + 1) // 2
    assert all(s > 0 for s in model.scale)
    assert 0 < model.operating_point < 1


def test_pairwise_terms_are_the_features_then_every_product_once() -> None:
    assert retrieval.pairwise_terms([2.0, 3.0]) == [2.0, 3.0, 4.0, 6.0, 9.0]


def test_the_operating_point_reads_as_the_default_handoff_threshold() -> None:
    model = retrieval.AnswerModel.load()
    features = dict.fromkeys(model.features, 0.5)
    fitted = 1 / (1 + math.exp(-model.logit(features)))
    shown = model.confidence(features)
    # Above the operating point exactly when shown above 0.3: the bot answers what the fit chose to answer.
    assert (fitted >= model.operating_point) == (shown >= retrieval.HANDOFF_THRESHOLD)


def test_a_section_that_states_an_amount_answers_what_something_costs() -> None:
    pages = [
        [
            "Harbour Kayaks - Questions and answers",
            "1. Kayak rental",
            "Single kayaks rent for 17 EUR per hour; the pier desk opens at 7:45 every morning.",
            "2. Storms",
            "When the harbour master raises the red flag, rentals stop and are refunded in full.",
        ]
    ]
    chunks = chunk_pages(extract_pages(text_pdf(pages)))
    index = KnowledgeIndex.of_chunks(chunks)
    result = index.search("how much does a kayak rental cost per hour?", answerable_only=True)
    assert result.best is not None and result.best.chunk.section == "1. Kayak rental"
    assert "cost" in result.best.matched and not result.unknown_units
    assert answer_confidence(result) >= 0.3
    # The query is not expanded: asking about a currency is asking about that currency.
    assert analyze("EUR")[0].features == frozenset({"#money"})
