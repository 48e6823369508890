"""Which language is the customer writing in?

Three layers, cheapest first:
1. Script. Devanagari, Tamil and Telugu letters settle it (and a few other scripts map to one code).
2. Function words. Short, frequent words ("hai", "kitta", "tho", "que", "você", "the") and a few verb
   endings identify romanized Hindi/Tamil/Telugu and the Latin-script languages even in code-mixed
   text, where the content words are often English ("order cancel karna hai").
3. A statistical detector (lingua, low-accuracy mode: character trigrams, models shipped inside
   the wheel, ~50 µs per message) for Latin-script text, weighted by length because it is
   unreliable on two or three words and very reliable on a sentence.
"""

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from parley_knowledge import vocab
from parley_nlp.analysis.text import fold, words

UNDETERMINED = "und"


@dataclass(frozen=True)
class LanguageGuess:
    code: str  # ISO 639-1, or "und"
    confidence: float  # 0..1


# --- 1. scripts -------------------------------------------------------------------------------
# (first code point, last code point, language). Devanagari is also Marathi/Nepali; for a customer-
# care inbox in this market "hi" is the right default.
_SCRIPTS: tuple[tuple[int, int, str], ...] = (
    (0x0900, 0x097F, "hi"),
    (0x0980, 0x09FF, "bn"),
    (0x0A00, 0x0A7F, "pa"),
    (0x0A80, 0x0AFF, "gu"),
    (0x0B00, 0x0B7F, "or"),
    (0x0B80, 0x0BFF, "ta"),
    (0x0C00, 0x0C7F, "te"),
    (0x0C80, 0x0CFF, "kn"),
    (0x0D00, 0x0D7F, "ml"),
    (0x0600, 0x06FF, "ar"),
    (0x0400, 0x04FF, "ru"),
    (0x0370, 0x03FF, "el"),
    (0x0590, 0x05FF, "he"),
    (0x0E00, 0x0E7F, "th"),
    (0xAC00, 0xD7AF, "ko"),
    (0x3040, 0x30FF, "ja"),
    (0x4E00, 0x9FFF, "zh"),
)


def _script_of(ch: str) -> str | None:
    cp = ord(ch)
    for lo, hi, code in _SCRIPTS:
        if lo <= cp <= hi:
            return code
    return None


_ROMANIZED_INDIC = ("hi", "ta", "te")
_STAT_LANGS = ("en", "es", "pt", "it", "fr", "de")

# --- 2. function-word lexicons ---------------------------------------------------------------
# Strong words count 1, weak ones 0.4; a word listed for several languages is split between them,
# so "que" (es/pt/fr) says "Romance" without picking one. Lists are accent-folded.
_LANG_DATA = vocab.load("language", "parley_nlp")
_STRONG: dict[str, list[str]] = _LANG_DATA["strong"]
_WEAK: dict[str, list[str]] = _LANG_DATA["weak"]


# A distinctive romanized Hindi/Tamil/Telugu word almost never turns up by accident in European
# text, and code-mixed messages carry only a few of them among English nouns: they weigh more.
_INDIC_BOOST = 1.8


def _build_lexicon() -> dict[str, dict[str, float]]:
    owners: dict[str, list[tuple[str, float]]] = {}
    for weight, table in ((1.0, _STRONG), (0.4, _WEAK)):
        for lang, blob in table.items():
            boost = _INDIC_BOOST if lang in _ROMANIZED_INDIC and weight == 1.0 else 1.0
            for word in set(blob):
                owners.setdefault(word, []).append((lang, weight * boost))
    return {word: {lang: weight / len(entries) for lang, weight in entries} for word, entries in owners.items()}


_LEXICON = _build_lexicon()

# Verb endings that survive romanization; only applied to words no lexicon knows.
_SUFFIXES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"^\w{3,}(?:unga|ungal|inga|anum|aanum|aagum|alaama?|alama|iruku|irukku|aachu|kitta|udhu|uthu)$"),
        "ta",
    ),
    (re.compile(r"^\w{3,}(?:ikku|aikku|ukku)$"), "ta"),
    # Tamil: "-umbothu" (while …ing), "-ttu" (having …ed), "-eengala/-inga" (will you …?).
    (re.compile(r"^\w{3,}(?:iducha|iduchu|aducha|aduchu)$"), "ta"),
    (re.compile(r"^\w{3,}(?:umbothu|umpothu|umbodhu|uttu|ittu|eengala|eenga|ingala|vaanga|vanga)$"), "ta"),
    (re.compile(r"^\w{3,}(?:andi|aali|aalanu|tundi|tunnanu|tanu|ledu|indi|inchandi)$"), "te"),
    # Telugu: "-unda" (is there …?), "-occha/-vacha" (may I …?), "-galana/-galara" (can I/you …?).
    (re.compile(r"^\w{2,}(?:yinda|yyinda|chinda|sinda|yindi|chindi)$"), "te"),
    (re.compile(r"^\w{2,}(?:tunda|unnara|occha|ocha|vacha|vachha|galana|galara|galaru|stara|staru)$"), "te"),
    (re.compile(r"^\w{2,}(?:iye|enge|ogi|oge|unga|wana|vana|wao|vao|wayi)$"), "hi"),
)

# Letters only one language family writes.
_CHAR_HINTS: dict[str, dict[str, float]] = {
    "ñ": {"es": 1.5},
    "¿": {"es": 1.5},
    "¡": {"es": 1.5},
    "ã": {"pt": 1.5},
    "õ": {"pt": 1.5},
    "ç": {"pt": 0.6, "fr": 0.6},
    "ê": {"pt": 0.5, "fr": 0.5},
    "ô": {"pt": 0.5, "fr": 0.5},
    "è": {"it": 0.7, "fr": 0.5},
    "ò": {"it": 1.0},
    "ì": {"it": 1.0},
    "ù": {"it": 0.5, "fr": 0.5},
    "ß": {"de": 1.5},
    "ä": {"de": 1.0},
    "ö": {"de": 1.0},
}


@cache
def _detector():  # type: ignore[no-untyped-def]
    """Built on first use: low-accuracy mode needs no preloading and keeps memory near 20 MB."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in _STAT_LANGS]
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


def warm_up() -> None:
    """Load the statistical models now rather than on the first customer message."""
    _statistical("warm up the detector")


# The statistical detector grows faster than linearly on one long run of letters, and a few sentences settle
# the language anyway: it reads at most this much.
STATISTICAL_MAX_CHARS = 600


def _statistical(text: str) -> dict[str, float]:
    values = _detector().compute_language_confidence_values(text[:STATISTICAL_MAX_CHARS])
    return {v.language.iso_code_639_1.name.lower(): v.value for v in values}


def _script_guess(text: str) -> tuple[str | None, float, int]:
    """(dominant non-Latin script's language, its share of letters, number of Latin letters)."""
    counts: Counter[str] = Counter()
    latin = 0
    for ch in text:
        if ord(ch) < 0x250:
            latin += ch.isalpha()
            continue
        code = _script_of(ch)  # letters and vowel signs alike: both say which script it is
        if code is not None:
            counts[code] += 1
    if not counts:
        return None, 0.0, latin
    # Kana anywhere means Japanese even though most characters may be shared CJK ideographs.
    if counts.get("ja") and counts.get("zh"):
        counts["ja"] += counts.pop("zh")
    code, n = counts.most_common(1)[0]
    return code, n / (n + latin + sum(counts.values()) - n), latin


_ACRONYM_RE = re.compile(r"\b[A-Z]{2,4}\b")


def _lexical_scores(tokens: list[str]) -> dict[str, float]:
    scores: dict[str, float] = dict.fromkeys((*_STAT_LANGS, *_ROMANIZED_INDIC), 0.0)
    for tok in tokens:
        entry = _LEXICON.get(tok)
        if entry is not None:
            for lang, w in entry.items():
                scores[lang] += w
            continue
        for pattern, lang in _SUFFIXES:
            if pattern.match(tok):
                scores[lang] += 1.0
                break
    return scores


def _confidence(best: float, second: float, evidence: float) -> float:
    """High when the winner is far ahead *and* there was enough evidence to be sure."""
    margin = (best - second) / best if best > 0 else 0.0
    strength = 1.0 - math.exp(-evidence / 1.2)
    return round(max(0.05, min(0.99, (0.35 + 0.65 * margin) * strength)), 3)


def detect_language(text: str) -> LanguageGuess:
    if not text or not text.strip():
        return LanguageGuess(UNDETERMINED, 0.0)

    script_code, script_share, latin_letters = _script_guess(text)
    if script_code is not None and script_share >= 0.2:
        # Native script is near-conclusive; only a handful of letters lowers the confidence.
        conf = min(0.99, 0.6 + 0.4 * script_share) * (1.0 - math.exp(-len(text.strip()) / 4))
        return LanguageGuess(script_code, round(conf, 3))

    if latin_letters == 0:
        return LanguageGuess(UNDETERMINED, 0.0)

    folded = fold(text)
    tokens = [t for t in words(folded) if not t.isdigit()]
    # Short all-capital words in otherwise lower-case text are acronyms ("EMI", "COD", "TV"), not
    # the function words they happen to spell ("emi" is Telugu for "what").
    if any(ch.islower() for ch in text):
        acronyms = {w.lower() for w in _ACRONYM_RE.findall(text)}
        if acronyms:
            tokens = [t for t in tokens if t not in acronyms]
    scores = _lexical_scores(tokens)
    for ch in text.lower():
        hint = _CHAR_HINTS.get(ch)
        if hint:
            for lang, w in hint.items():
                scores[lang] += w

    # The detector's weight grows with length: ~0 for "oi", full for a sentence. When the function
    # words have already decided by a wide margin it cannot change the answer, so it is skipped.
    stat_weight = min(2.5, latin_letters / 12)
    top_two = sorted(scores.values(), reverse=True)[:2]
    decided = top_two[0] >= 4.0 and top_two[1] + stat_weight < top_two[0] - stat_weight
    if stat_weight >= 0.25 and not decided:
        for lang, p in _statistical(text).items():
            if lang in scores:
                # A language none of whose function words occur gets half a vote: the detector
                # only knows European languages and must pick one of them even for Hinglish.
                scores[lang] += stat_weight * p * (1.0 if scores[lang] > 0 else 0.5)

    # Romanized Indic text is English-heavy in content words; let the European votes count less when
    # Indic function words are present, since the detector cannot know those languages at all (it reads
    # "installments mein pay kar sakte hai" as German).
    indic_best = max(scores[c] for c in _ROMANIZED_INDIC)
    if indic_best >= 1.0:
        for lang in _STAT_LANGS:
            scores[lang] *= 0.7

    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    (best_lang, best), (_, second) = ranked[0], ranked[1]
    if best <= 0.15:
        return LanguageGuess(UNDETERMINED, 0.0)
    return LanguageGuess(best_lang, _confidence(best, second, best))
