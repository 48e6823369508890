"""The vocabularies nlp and the knowledge base share, loaded once from the JSON files in `data/`.

Word lists live in data files, not code, so there is one stop list and one handoff vocabulary for both
(tests/unit/knowledge/test_vocab_data.py checks every file: one script per entry, no duplicates)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

SCRIPTS = ("latin", "devanagari", "tamil", "telugu")


@cache
def load(name: str, package: str = "parley_knowledge") -> dict[str, Any]:
    """`<package>/data/<name>.json` without its `_about` note."""
    text = resources.files(package).joinpath("data", f"{name}.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    data.pop("_about", None)
    return data


def script_of(ch: str) -> str | None:
    """The script of one letter among those the product reads, None for anything else (digits, marks …)."""
    cp = ord(ch)
    if 0x0900 <= cp <= 0x097F:
        return "devanagari"
    if 0x0B80 <= cp <= 0x0BFF:
        return "tamil"
    if 0x0C00 <= cp <= 0x0C7F:
        return "telugu"
    if ch.isalpha() and cp < 0x0250:
        return "latin"
    return None


# A native-script prefix written as a whole word ("நாள்*", "கோபம்*") must still match the word with a case
# ending, where its final virama gives way to a vowel sign ("நாளில்", "கோபமா"): prefixes drop a final virama.
VIRAMAS = "\u094d\u0bcd\u0c4d"


def prefix_form(prefix: str) -> str:
    return prefix.rstrip(VIRAMAS) if len(prefix) > 3 else prefix


def scripts_in(entry: str) -> set[str]:
    return {s for s in map(script_of, entry) if s is not None}


@cache
def stopwords() -> frozenset[str]:
    """Function words: no content anywhere (retrieval queries, keywords)."""
    data = load("stopwords")
    return frozenset(w for words in data["function"].values() for w in words)


@cache
def retrieval_stopwords() -> frozenset[str]:
    """What a retrieval query drops: function words and words of feeling ("romba", "ridiculous", "adorei"): an
    angry or delighted customer asks the same question as a calm one."""
    data = load("stopwords")
    return stopwords() | frozenset(w for words in data["feeling"].values() for w in words)


@cache
def low_content_words() -> frozenset[str]:
    """Also left out of keywords, but kept for retrieval ("days", "dia")."""
    data = load("stopwords")
    return frozenset(w for words in data["low_content"].values() for w in words)


def handoff() -> dict[str, Any]:
    return load("handoff")
