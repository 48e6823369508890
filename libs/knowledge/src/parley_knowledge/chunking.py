"""Section-aware chunking.

A FAQ or policy PDF is a sequence of numbered sections ("3. International shipping") or of questions
("How long does shipping take?"). Each section becomes one chunk (long ones are split at sentence
boundaries, every piece keeping its section), and the heading is kept verbatim as `section`, exactly
as printed in the PDF, so an answer can cite it. Text before the first heading (title, preamble) is
kept as a `preamble` chunk: useful context, never cited as an answer."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parley_knowledge.extract import ExtractedPage

MAX_CHUNK_CHARS = 1200

_NUMBERED = re.compile(r"^(?P<num>\d{1,2})[.)]\s+(?P<title>\S.{0,100})$")
_QUESTION = re.compile(r"^(?:(?:Q|P|Pregunta|Pergunta|Question)\s*[:.-]\s*)?(?P<title>[^\W\d_].{8,160}\?)$")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"'¿¡(]?[^\W\d_]|\d)")


@dataclass
class Chunk:
    ordinal: int
    section: str | None
    section_number: int | None
    text: str
    page: int
    kind: str = "section"  # "section" | "preamble"
    part: int = 0
    sentences: list[str] = field(default_factory=list)


def _is_heading_title(title: str) -> bool:
    title = title.strip()
    if not title or title[-1] in ".,;:" or len(title.split()) > 12:
        return False
    first = title[0]
    return first.isalpha() and (first.isupper() or (not first.isascii() and not first.islower()))


def _join_lines(lines: list[str]) -> str:
    text = ""
    for line in lines:
        if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and line[:1].islower():
            text = text[:-1] + line  # word hyphenated across a line break
        else:
            text = f"{text} {line}" if text else line
    return re.sub(r"\s+", " ", text).strip()


def split_sentences(text: str) -> list[str]:
    parts = _SENTENCE_END.split(text)
    out: list[str] = []
    for part in parts:
        part = part.strip()
        if not part:
            continue
        # "p.m." / "e.g." style splits leave tiny fragments: glue them back.
        if out and (len(part) < 12 or re.search(r"\b(?:[ap]\.m|e\.g|i\.e|etc|No|nº|art)\.$", out[-1])):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out


def _find_headings(lines: list[tuple[int, str]]) -> list[tuple[int, str, int | None]]:
    """Indices of heading lines: numbered headings in sequence; else question lines."""
    numbered: list[tuple[int, str, int | None]] = []
    expected = None
    for idx, (_, line) in enumerate(lines):
        m = _NUMBERED.match(line)
        if not m or not _is_heading_title(m.group("title")):
            continue
        num = int(m.group("num"))
        if (expected is None and num <= 2) or num == expected:
            numbered.append((idx, line.strip(), num))
            expected = num + 1
    if len(numbered) >= 2:
        return numbered
    questions: list[tuple[int, str, int | None]] = []
    for idx, (_, line) in enumerate(lines):
        m = _QUESTION.match(line)
        if not m:
            continue
        prev = lines[idx - 1][1] if idx else ""
        if idx == 0 or prev.endswith((".", "!", "?", ":")) or len(prev) < 60:
            questions.append((idx, line.strip(), None))
    return questions if len(questions) >= 2 else []


def chunk_pages(pages: list[ExtractedPage], max_chars: int = MAX_CHUNK_CHARS) -> list[Chunk]:
    lines: list[tuple[int, str]] = [
        (page.number, line.strip()) for page in pages for line in page.text.split("\n") if line.strip()
    ]
    headings = _find_headings(lines)
    blocks: list[tuple[str | None, int | None, int, list[str]]] = []
    if not headings:
        # No structure found: paragraphs of about max_chars, no section to cite.
        blocks.append((None, None, lines[0][0] if lines else 1, [text for _, text in lines]))
    else:
        first = headings[0][0]
        if first > 0:
            blocks.append((None, None, lines[0][0], [text for _, text in lines[:first]]))
        for pos, (idx, heading, num) in enumerate(headings):
            end = headings[pos + 1][0] if pos + 1 < len(headings) else len(lines)
            blocks.append((heading, num, lines[idx][0], [text for _, text in lines[idx + 1 : end]]))

    chunks: list[Chunk] = []
    for section, num, page, body_lines in blocks:
        body = _join_lines(body_lines)
        if not body and section is None:
            continue
        sentences = split_sentences(body) if body else []
        if section is None and headings and len(body_lines) > 1:
            # The first line of a preamble is the document's title: keep it as a sentence of its own.
            sentences = [body_lines[0].strip(), *split_sentences(_join_lines(body_lines[1:]))]
        kind = "section" if section is not None else ("preamble" if headings else "section")
        for part, piece in enumerate(_pack(sentences, max_chars) or [[]]):
            chunks.append(
                Chunk(
                    ordinal=len(chunks),
                    section=section,
                    section_number=num,
                    text=" ".join(piece),
                    page=page,
                    kind=kind,
                    part=part,
                    sentences=piece,
                )
            )
    return chunks


def _pack(sentences: list[str], max_chars: int) -> list[list[str]]:
    pieces: list[list[str]] = []
    current: list[str] = []
    size = 0
    for sentence in sentences:
        if current and size + len(sentence) + 1 > max_chars:
            pieces.append(current)
            current, size = [], 0
        current.append(sentence)
        size += len(sentence) + 1
    if current:
        pieces.append(current)
    return pieces
