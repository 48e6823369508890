"""Render demo-faq.md as demo-faq.pdf: the demo business's knowledge base (`make run` seeds it for the `demo` unit;
`make eval` measures the bot on it). Run after editing the Markdown, and commit both files:

    uv run python deploy/local/sample/make_pdf.py

Only the Markdown this FAQ uses: `# ` the title, `## ` a section heading ("1. Opening hours", numbered as the
knowledge base's chunker expects), blank-line separated paragraphs. Helvetica text on A4 with a running footer
(which the PDF reader drops), made with reportlab (already a dev dependency, uv.lock); `invariant` output, so the
same Markdown always gives the same bytes."""

import sys
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
from reportlab.platypus.flowables import Flowable

HERE = Path(__file__).resolve().parent
TITLE = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=16, leading=20, spaceAfter=8)
HEADING = ParagraphStyle("heading", fontName="Helvetica-Bold", fontSize=12, leading=15, spaceBefore=8, spaceAfter=3)
BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=10.5, leading=14, spaceAfter=4)
FOOTER = "Parley Demo Cycles FAQ - {page}"


def flowables(markdown: str) -> list[Flowable]:
    out: list[Flowable] = []
    for block in (b.strip() for b in markdown.split("\n\n")):
        if not block:
            continue
        text = " ".join(line.strip() for line in block.splitlines())
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        if text.startswith("## "):
            out.append(Paragraph(escaped[3:], HEADING))
        elif text.startswith("# "):
            out.append(Paragraph(escaped[2:], TITLE))
        else:
            out.append(Paragraph(escaped, BODY))
    return [*out, Spacer(1, 0)]


def footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.drawString(20 * mm, 12 * mm, FOOTER.format(page=doc.page))
    canvas.restoreState()


def render(source: Path, target: Path) -> None:
    doc = SimpleDocTemplate(
        str(target),
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=22 * mm,
        title="Parley Demo Cycles - Frequently Asked Questions",
        author="Parley",
        invariant=1,
    )
    doc.build(flowables(source.read_text("utf-8")), onFirstPage=footer, onLaterPages=footer)


def main() -> int:
    source, target = HERE / "demo-faq.md", HERE / "demo-faq.pdf"
    render(source, target)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
