"""Text normalisation shared by the analysis modules: one place that decides what a "word" is."""

import re
import unicodedata
from functools import lru_cache

from parley_knowledge.text import fold

__all__ = ["WORD_CHAR", "fold", "is_latin_letter", "normalize", "phrase_pattern", "words"]

# A word: letters, digits, and inner apostrophes or hyphens ("don't", "check-in"). Python's \w
# leaves out combining marks, which are the vowel signs and viramas of Indic scripts, so the Indic
# sign blocks and the zero-width (non-)joiners are added explicitly or "मुझे" would fall apart.
_INDIC_SIGNS = (
    "\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963\u0b82\u0bbe-\u0bcd\u0bd7\u0c00-\u0c04\u0c3e-\u0c56\u0c62\u0c63"
)
WORD_CHAR = rf"[\w{_INDIC_SIGNS}\u200c\u200d]"
_WORD_RE = re.compile(rf"{WORD_CHAR}+(?:['’\-]{WORD_CHAR}+)*", re.UNICODE)


# Every signal folds the same message again; a small cache makes the repeats free.
@lru_cache(maxsize=512)
def normalize(text: str) -> str:
    """NFC, lower case, curly apostrophes made straight."""
    return unicodedata.normalize("NFC", text).lower().replace("’", "'")


def words(text: str) -> list[str]:
    """Word tokens of already-normalised text, digits-only tokens included."""
    return _WORD_RE.findall(text)


def is_latin_letter(ch: str) -> bool:
    return ch.isalpha() and ord(ch) < 0x250


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A regex for a whole phrase; `\\b` fails next to Indic vowel signs, so look around instead."""
    return re.compile(rf"(?<!{WORD_CHAR}){re.escape(phrase)}(?!{WORD_CHAR})")
