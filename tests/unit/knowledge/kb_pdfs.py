"""PDFs generated for the tests (reportlab), so no fixture file is needed."""

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def text_pdf(pages: list[list[str]]) -> bytes:
    """One PDF page per list of lines, with a running footer on each page."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for number, lines in enumerate(pages, start=1):
        y = 800
        for line in lines:
            c.drawString(50, y, line)
            y -= 16
        c.drawString(50, 30, f"Acme Travel FAQ - {number}/{len(pages)}")
        c.showPage()
    c.save()
    return buf.getvalue()


def scanned_pdf() -> bytes:
    """A page with only drawn shapes (what a scan looks like to a text extractor: no text layer)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for i in range(40):
        c.rect(40 + i * 10, 400 + (i % 7) * 12, 8, 30, fill=1)
    c.showPage()
    c.save()
    return buf.getvalue()


ACME_PAGES = [
    [
        "Acme Travel - Frequently Asked Questions",
        "Edition 2025.",
        "1. Baggage allowance",
        "Every ticket includes one checked suitcase of 23 kg and one cabin bag of 8 kg.",
        "Extra suitcases cost 40 EUR per flight when added online.",
        "2. Refunds",
        "Refunds are paid to the original card within 10 business days.",
        "Non-refundable fares are not refunded, but taxes are returned on request.",
    ],
    [
        "3. Pets on board",
        "Cats and dogs up to 8 kg travel in the cabin in a closed carrier for 50 EUR.",
        "Guide dogs travel free of charge.",
        "4. Customer support hours",
        "Our call centre is open Monday to Friday from 9:00 to 18:00.",
        "On weekends only the chat is available.",
    ],
]
