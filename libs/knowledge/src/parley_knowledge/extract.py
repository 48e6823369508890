"""PDF bytes → text per page.

Only PDFs with a text layer are supported. A scanned PDF (page images, no text layer) yields no text
and raises `NoExtractableText`: Parley does not run OCR, the admin is told to upload a text PDF (or
run OCR first). Lines repeated on most pages (running headers and footers such as
"Aurora Electronics FAQ - 1/5") are removed so they do not pollute sections."""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.errors import PdfReadError

MIN_TEXT_CHARS = 20


class ExtractionError(ValueError):
    """The bytes are not a readable PDF."""


class NoExtractableText(ExtractionError):
    """The PDF has no text layer (scanned or image-only)."""


@dataclass(frozen=True)
class ExtractedPage:
    number: int
    text: str


_PAGE_NUMBER = re.compile(r"(?:\bpage\s*)?\d{1,4}\s*(?:/|of|de|-)\s*\d{1,4}\s*$", re.IGNORECASE)


def _footer_key(line: str) -> str:
    """A line with its page numbers blanked, so "FAQ - 1/5" and "FAQ - 2/5" compare equal."""
    return re.sub(r"\d+", "#", line.strip().lower())


def extract_pages(data: bytes) -> list[ExtractedPage]:
    """Extract the text of every page. Raises `ExtractionError` / `NoExtractableText`."""
    if not data.startswith(b"%PDF"):
        # Tolerate a little leading junk, as PDF readers do, but not a different file type.
        if b"%PDF" not in data[:1024]:
            raise ExtractionError("not a PDF file")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception as exc:  # pragma: no cover - depends on the PDF
                raise ExtractionError("the PDF is encrypted") from exc
        raw = [(page.extract_text() or "") for page in reader.pages]
    except ExtractionError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ExtractionError(f"unreadable PDF: {exc}") from exc

    pages = [_clean(text) for text in raw]
    pages = _drop_running_lines(pages)
    if sum(len(re.sub(r"\s", "", p)) for p in pages) < MIN_TEXT_CHARS:
        raise NoExtractableText(
            "no extractable text: the PDF has no text layer (scanned pages?). Upload a text PDF or run OCR first."
        )
    return [ExtractedPage(number=i + 1, text=t) for i, t in enumerate(pages)]


def _clean(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00ad", "")  # soft hyphen
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def _drop_running_lines(pages: list[str]) -> list[str]:
    """Remove headers/footers: lines that (numbers aside) recur on at least half of the pages."""
    if len(pages) < 2:
        return [_strip_bare_page_number(p) for p in pages]
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({_footer_key(line) for line in page.split("\n")})
    threshold = max(2, (len(pages) + 1) // 2)
    running = {key for key, n in counts.items() if n >= threshold and len(key) < 120}
    out = []
    for page in pages:
        lines = [line for line in page.split("\n") if _footer_key(line) not in running]
        out.append(_strip_bare_page_number("\n".join(lines)))
    return out


def _strip_bare_page_number(page: str) -> str:
    lines = page.split("\n")
    while lines and (_PAGE_NUMBER.fullmatch(lines[-1].strip()) or lines[-1].strip().isdigit()):
        lines.pop()
    return "\n".join(lines)


def extract_text(data: bytes) -> str:
    return "\n".join(page.text for page in extract_pages(data))
