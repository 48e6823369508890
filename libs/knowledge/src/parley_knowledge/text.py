"""Text normalisation shared by indexing and querying.

Latin-script words are lower-cased, accent-folded ("reembolsão" → "reembolsao"), double letters are
collapsed ("cancellation" → "cancelation") and a light suffix strip + 5-character truncation makes a
"stem" that also joins many en/es/pt/it cognates ("instalación"/"installation", "aeroporto"/
"aeropuerto"). Devanagari, Tamil and Telugu words keep their vowel signs (folding them would destroy
the word) and are matched through the concept lexicon's prefixes instead."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Word characters plus the Devanagari, Tamil and Telugu blocks (Python's \w misses their vowel signs).
_TOKEN = re.compile(r"[\w\u0900-\u0963\u0966-\u097F\u0B80-\u0BFF\u0C00-\u0C7F\u200c\u200d]+", re.UNICODE)
_ZW = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
_US = re.compile(r"\bU\.?S\.?A?\b\.?")


# The one accent fold of the product (nlp's analysis and the knowledge base both use it): lower case,
# curly apostrophes straight, marks stripped from Latin letters only (customers type "dias"/"días",
# "nao"/"não" interchangeably, but the marks on Devanagari/Tamil/Telugu letters are vowel signs), zero-width
# characters removed. Linear in the text; cached because every signal folds the same message again.
@lru_cache(maxsize=512)
def fold(text: str) -> str:
    """Lower-case; strip accents from Latin letters only."""
    out: list[str] = []
    base_latin = False
    for ch in unicodedata.normalize("NFKD", text.lower()):
        cat = unicodedata.category(ch)
        if cat in ("Mn", "Mc"):
            if base_latin:
                continue
        else:
            base_latin = ord(ch) < 0x0370
        out.append(ch)
    folded = unicodedata.normalize("NFC", "".join(out))
    return _ZW.sub("", folded.replace("ß", "ss").replace("’", "'"))


def is_latin(token: str) -> bool:
    return all(ord(ch) < 0x0370 for ch in token)


@dataclass(frozen=True)
class Token:
    text: str  # folded
    raw: str  # as typed
    position: int  # index in the token stream
    sentence_start: bool


def tokenize(text: str) -> list[Token]:
    # "US"/"U.S." (upper case) is the country, not the pronoun: rewrite before lower-casing.
    text = _US.sub(" usa ", text)
    tokens: list[Token] = []
    sentence_start = True
    pos = 0
    for m in re.finditer(r"[.!?¿¡\n\u0964\u0965]+|" + _TOKEN.pattern, text):
        piece = m.group(0)
        if re.fullmatch(r"[.!?¿¡\n\u0964\u0965]+", piece):
            sentence_start = True
            continue
        piece = _ZW.sub("", piece).strip("_")
        if not piece:
            continue
        tokens.append(Token(fold(piece), piece, pos, sentence_start))
        sentence_start = False
        pos += 1
    return tokens


_SUFFIXES = ("ing", "ed", "es", "s")


def stem(word: str) -> str:
    """Stemming-lite for Latin-script words; other scripts are returned unchanged."""
    if not is_latin(word):
        return word
    w = re.sub(r"(.)\1+", r"\1", word)
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
            w = w[: -len(suffix)]
            break
    return w[:5]
