from pathlib import Path

import pytest

from parley_knowledge import chunk_pages, extract_pages
from parley_knowledge.chunking import split_sentences
from parley_knowledge.extract import ExtractedPage
from tests.unit.knowledge.kb_pdfs import ACME_PAGES, text_pdf

EVAL = Path(__file__).resolve().parents[3].parent / "shared" / "eval"

AURORA_SECTIONS = [
    "1. Shipping times",
    "2. Shipping costs",
    "3. International shipping",
    "4. Order tracking",
    "5. Returns",
    "6. Refund timing",
    "7. Warranty",
    "8. Payment methods",
    "9. Installments (meses sin intereses)",
    "10. Invoices (CFDI / nota fiscal)",
    "11. Store pickup locations and hours",
    "12. Price match",
    "13. Order cancellation",
    "14. Damaged or wrong items",
    "15. Trade-in program",
    "16. Customer support hours and channels",
]


@pytest.mark.skipif(not (EVAL / "aurora-faq.pdf").exists(), reason="eval PDFs not present")
def test_eval_pdf_sections_are_the_numbered_headings_verbatim() -> None:
    chunks = chunk_pages(extract_pages((EVAL / "aurora-faq.pdf").read_bytes()))
    sections = list(dict.fromkeys(c.section for c in chunks if c.section))
    assert sections == AURORA_SECTIONS
    assert chunks[0].kind == "preamble" and chunks[0].section is None
    # A section spanning a page break stays one section: 7. Warranty ends on page 2 with "refund you."
    warranty = next(c for c in chunks if c.section == "7. Warranty")
    assert warranty.text.endswith("we replace it or refund you.")


def test_generated_pdf_sections_and_sentences() -> None:
    chunks = chunk_pages(extract_pages(text_pdf(ACME_PAGES)))
    assert [c.section for c in chunks if c.kind == "section"] == [
        "1. Baggage allowance",
        "2. Refunds",
        "3. Pets on board",
        "4. Customer support hours",
    ]
    pets = next(c for c in chunks if c.section == "3. Pets on board")
    assert pets.sentences == [
        "Cats and dogs up to 8 kg travel in the cabin in a closed carrier for 50 EUR.",
        "Guide dogs travel free of charge.",
    ]
    assert pets.page == 2


def test_numbers_inside_text_are_not_headings() -> None:
    page = ExtractedPage(1, "1. Delivery\nWe deliver in\n2. business days or less.\n2. Returns\nReturns are free.")
    chunks = chunk_pages([page])
    # "2. business days" starts lower-case: a wrapped sentence, not a heading.
    assert [c.section for c in chunks] == ["1. Delivery", "2. Returns"]
    assert "2. business days" in chunks[0].text


def test_long_sections_are_split_but_keep_their_section() -> None:
    body = " ".join(f"Sentence number {i} explains one more rule of the policy." for i in range(60))
    chunks = chunk_pages([ExtractedPage(1, f"1. Long policy\n{body}\n2. Short one\nDone here.")], max_chars=500)
    long_parts = [c for c in chunks if c.section == "1. Long policy"]
    assert len(long_parts) > 3
    assert all(len(c.text) <= 520 for c in long_parts)
    assert [c.part for c in long_parts] == list(range(len(long_parts)))


def test_question_headings_when_there_is_no_numbering() -> None:
    text = (
        "Shop FAQ\nHow long does delivery take?\nDelivery takes three days.\n"
        "Can I pay with PayPal?\nYes, PayPal is accepted at checkout."
    )
    chunks = chunk_pages([ExtractedPage(1, text)])
    assert [c.section for c in chunks if c.kind == "section"] == [
        "How long does delivery take?",
        "Can I pay with PayPal?",
    ]


def test_sentence_split_keeps_abbreviations_together() -> None:
    assert split_sentences("Open from 10:00 a.m. to 9:00 p.m. on weekdays. Closed on Sunday.") == [
        "Open from 10:00 a.m. to 9:00 p.m. on weekdays.",
        "Closed on Sunday.",
    ]
