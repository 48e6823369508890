"""What a customer wrote in an email, as text: HTML turned into clean text, and a reply's quoted history and
signature trimmed. Pure (no I/O); the vocabularies (quote headers per language, mobile footers, HTML quote
containers) are data: data/email.json.

Trimming only ever removes what follows what the customer wrote (quoted history, a signature, a footer), never
text in between; when nothing would be left (a forward, a message that is all quote) the text stays whole.
The caller keeps the full text too, so nothing is lost."""

import json
import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from importlib import resources
from typing import Any

# Elements whose content is never text for a person, and those that end a line (or a paragraph).
_INVISIBLE = frozenset({"script", "style", "head", "title", "template", "noscript", "svg", "object", "iframe"})
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "wbr", "area", "base", "col", "source", "track"})
_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "header", "footer", "blockquote", "pre", "ul", "ol", "table", "tr",
        "h1", "h2", "h3", "h4", "h5", "h6", "address", "center", "dl", "dt", "dd", "form", "fieldset", "main",
    }
)  # fmt: skip


@dataclass(frozen=True)
class TextRules:
    quote_headers: list[re.Pattern[str]]
    separators: list[re.Pattern[str]]
    mobile_footers: list[re.Pattern[str]]
    footer_lines_searched: int
    html_quote_classes: frozenset[str]
    html_quote_ids: frozenset[str]
    raw: dict[str, Any]


@cache
def rules() -> TextRules:
    raw = json.loads(resources.files("parley_ingest").joinpath("data/email.json").read_text())

    def compiled(name: str) -> list[re.Pattern[str]]:
        return [re.compile(p, re.IGNORECASE) for p in raw[name]]

    return TextRules(
        quote_headers=compiled("quote_headers"),
        separators=compiled("separators"),
        mobile_footers=compiled("mobile_footers"),
        footer_lines_searched=int(raw["footer_lines_searched"]),
        html_quote_classes=frozenset(c.lower() for c in raw["html_quote_classes"]),
        html_quote_ids=frozenset(i.lower() for i in raw["html_quote_ids"]),
        raw=raw,
    )


# --- HTML → text ---------------------------------------------------------------------------------------------


class _TextExtractor(HTMLParser):
    """Text of an HTML body: no scripts or styles, one line per block, links kept as `text (url)`, list items
    as `- item`, and (with `skip_quotes`) without the containers mail clients put quoted history in."""

    def __init__(self, skip_quotes: bool) -> None:
        super().__init__(convert_charrefs=True)
        self._skip_quotes = skip_quotes
        self._out: list[str] = []
        self._stack: list[tuple[str, bool, str | None]] = []  # (tag, hidden, link href)
        self._hidden = 0
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self.handle_startendtag(tag, attrs)
            return
        attributes = {k.lower(): (v or "") for k, v in attrs}
        hidden = tag in _INVISIBLE or (self._skip_quotes and _is_quote_container(tag, attributes))
        href = attributes.get("href") if tag == "a" else None
        self._stack.append((tag, hidden, href))
        if hidden:
            self._hidden += 1
        if self._hidden:
            return
        if tag == "pre":
            self._pre += 1
        if tag in _BLOCKS or tag in ("li", "td", "th"):
            self._newline()
        if tag == "li":
            self._out.append("- ")
        if tag in ("td", "th") and self._out and not self._out[-1].endswith("\n"):
            self._out.append(" ")
        if href is not None:
            self._out.append("\x00")  # where the link's text starts, to compare with its address at the end

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._hidden:
            return
        if tag == "br":
            self._out.append("\n")
        elif tag == "hr":
            self._newline()
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self._out.append(f"[{alt}]")

    def handle_endtag(self, tag: str) -> None:
        if not any(t == tag for t, _, _ in self._stack):
            return  # a stray end tag: nothing to close
        while self._stack:
            open_tag, hidden, href = self._stack.pop()
            if hidden:
                self._hidden -= 1
            elif not self._hidden:
                self._close(open_tag, href)
            if open_tag == tag:
                break

    def _close(self, tag: str, href: str | None) -> None:
        if tag == "pre":
            self._pre = max(0, self._pre - 1)
        if href is not None:
            self._close_link(href)
        if tag in _BLOCKS or tag == "li":
            self._newline()

    def _close_link(self, href: str) -> None:
        text = "".join(self._out)
        start = text.rfind("\x00")
        label = text[start + 1 :].strip() if start >= 0 else ""
        self._out = [text.replace("\x00", "", 1) if start >= 0 else text]
        target = href.strip()
        if not target or target.startswith(("#", "javascript:")) or target.removeprefix("mailto:") == label:
            return
        if target.rstrip("/") != label.rstrip("/"):
            self._out.append(f" ({target})" if label else target)

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        if self._pre:
            self._out.append(data)
            return
        text = re.sub(r"\s+", " ", data)
        if text == " " and (not self._out or self._out[-1].endswith(("\n", " "))):
            return  # whitespace between blocks is not text
        self._out.append(text)

    def _newline(self) -> None:
        while self._out and self._out[-1] == " ":
            self._out.pop()
        if self._out and not self._out[-1].endswith("\n"):
            self._out.append("\n")

    def text(self) -> str:
        raw = "".join(self._out).replace("\x00", "").replace("\xa0", " ")
        lines = [line.strip() for line in raw.split("\n")]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _is_quote_container(tag: str, attributes: dict[str, str]) -> bool:
    quote = rules()
    if tag == "blockquote" and attributes.get("type", "").lower() == "cite":
        return True
    classes = {c.lower() for c in attributes.get("class", "").split()}
    return bool(classes & quote.html_quote_classes) or attributes.get("id", "").lower() in quote.html_quote_ids


def html_to_text(html: str, *, skip_quotes: bool = False) -> str:
    """Readable text of an HTML body (see `_TextExtractor`); never raises on broken HTML."""
    extractor = _TextExtractor(skip_quotes)
    extractor.feed(html)
    extractor.close()
    return extractor.text()


# --- trimming a reply ----------------------------------------------------------------------------------------


def trim_reply(text: str) -> str:
    """What the customer wrote in this message: the text before a quote header ("On … wrote:"), an Outlook
    original-message block or `>`-quoted lines, without a signature ("-- ") or a mobile footer. The whole text
    when trimming would leave nothing."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = lines[: _quote_start(lines)]
    lines = lines[: _signature_start(lines)]
    lines = _without_footer(lines)
    lines = _without_trailing_quotes(lines)
    trimmed = "\n".join(lines).strip()
    return trimmed or text.strip()


def _quote_start(lines: list[str]) -> int:
    quote = rules()
    for i, line in enumerate(lines):
        stripped = line.strip()
        joined = f"{stripped} {lines[i + 1].strip()}" if i + 1 < len(lines) else stripped
        if any(p.match(stripped) or p.match(joined) for p in quote.quote_headers):
            return i
        if any(p.match(stripped) for p in quote.separators):
            return i
        if _outlook_header(lines, i):
            return i
    return len(lines)


_OUTLOOK_FIELDS = re.compile(
    r"^(Sent|Date|To|Subject|Enviado|Para|Asunto|Envoy[ée]|[ÀA]|Objet|Gesendet|An|Betreff):", re.I
)
_OUTLOOK_FROM = re.compile(r"^(From|De|Von):\s*\S", re.I)


def _outlook_header(lines: list[str], i: int) -> bool:
    """`From: …` followed by `Sent:`/`To:`/`Subject:` lines: the header Outlook writes above the original."""
    if not _OUTLOOK_FROM.match(lines[i].strip().lstrip("*")):
        return False
    following = [line.strip().lstrip("*") for line in lines[i + 1 : i + 4]]
    return sum(1 for line in following if _OUTLOOK_FIELDS.match(line)) >= 2


def _signature_start(lines: list[str]) -> int:
    """RFC 3676 §4.3's delimiter, "-- " (some clients drop the space)."""
    for i, line in enumerate(lines):
        if line in ("-- ", "--") and i > 0:
            return i
    return len(lines)


def _without_footer(lines: list[str]) -> list[str]:
    quote = rules()
    content = [i for i, line in enumerate(lines) if line.strip()]
    for i in content[-quote.footer_lines_searched :]:
        if any(p.match(lines[i].strip()) for p in quote.mobile_footers):
            return lines[:i]
    return lines


def _without_trailing_quotes(lines: list[str]) -> list[str]:
    """Lines quoted with `>` go wherever they are: a bottom-poster's quote comes first and their answer after."""
    return [line for line in lines if not line.lstrip().startswith(">")]
