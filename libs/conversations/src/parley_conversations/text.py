"""How customers' short answers are compared with phrase lists (start over, yes/no, skip, choices)."""

import unicodedata


def normalize(text: str) -> str:
    """Case, accents on Latin letters, punctuation and spacing do not matter ("Menú!" = "menu"); Indic vowel
    signs are part of the word and stay."""
    kept: list[str] = []
    for char in unicodedata.normalize("NFD", text.casefold()):
        if unicodedata.category(char) == "Mn" and kept and kept[-1].isascii():
            continue  # an accent on a Latin letter
        kept.append(" " if unicodedata.category(char)[0] in "PSZ" else char)
    return " ".join(unicodedata.normalize("NFC", "".join(kept)).split())
