from pathlib import Path

import pytest

from parley_knowledge import ExtractionError, NoExtractableText, extract_pages
from tests.unit.knowledge.kb_pdfs import ACME_PAGES, scanned_pdf, text_pdf

EVAL = Path(__file__).resolve().parents[3].parent / "shared" / "eval"
needs_eval = pytest.mark.skipif(not (EVAL / "aurora-faq.pdf").exists(), reason="eval PDFs not present")


@needs_eval
@pytest.mark.parametrize(("tenant", "pages"), [("aurora", 5), ("solmar", 4)])
def test_eval_pdfs_extract_every_page_without_running_footers(tenant: str, pages: int) -> None:
    extracted = extract_pages((EVAL / f"{tenant}-faq.pdf").read_bytes())
    assert len(extracted) == pages
    text = "\n".join(p.text for p in extracted)
    assert "Frequently Asked Questions" in text or "Preguntas frecuentes" in text
    assert " - 1/" not in text  # "Aurora Electronics FAQ - 1/5" footers are gone
    assert "3. International shipping" in text or "3. Cancelaciones y reembolsos" in text


def test_generated_pdf_text_is_extracted_per_page() -> None:
    pages = extract_pages(text_pdf(ACME_PAGES))
    assert [p.number for p in pages] == [1, 2]
    assert "1. Baggage allowance" in pages[0].text
    assert "3. Pets on board" in pages[1].text
    assert "Acme Travel FAQ - 1/2" not in pages[0].text


def test_scanned_pdf_without_text_layer_is_refused() -> None:
    with pytest.raises(NoExtractableText, match="no extractable text"):
        extract_pages(scanned_pdf())


def test_non_pdf_bytes_are_refused() -> None:
    with pytest.raises(ExtractionError):
        extract_pages(b"PK\x03\x04 this is a zip file, not a pdf")


def test_truncated_pdf_is_refused() -> None:
    data = text_pdf(ACME_PAGES)
    with pytest.raises(ExtractionError):
        extract_pages(data[:200])
