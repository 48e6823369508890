"""The customer's tone, from a weighted lexicon with negation, intensifiers and shouting cues.

Calibrated to the labelling rule the product uses: a routine "please"/"thanks" is not positive, and
a calm report of a problem ("it stopped working after 8 months") is neutral; displeasure (anger,
frustration with the business or with the bot) is negative; praise or enthusiasm is positive. So
problem words weigh little and their total is capped, while emotion words weigh a lot.
"""

import math
import re
from dataclasses import dataclass

from parley_contracts import Sentiment
from parley_knowledge import vocab
from parley_nlp.analysis import learned
from parley_nlp.analysis.text import WORD_CHAR, fold, phrase_pattern, words

STRONG = 1.0
MILD = 0.6
WEAK_POSITIVE = 0.4
PROBLEM = -0.3  # a symptom, not an emotion: never enough on its own

# The lexicon is data (data/sentiment.json). Entries are accent-folded; a trailing "*" matches any word
# starting with it (native-script words take suffixes, and "frustrat*" covers frustrated/frustration).
_DATA = vocab.load("sentiment", "parley_nlp")
_TIER_WEIGHT = {"strong": STRONG, "mild": MILD, "weak": WEAK_POSITIVE, "problem": -PROBLEM}
_POSITIVE: dict[float, list[str]] = {_TIER_WEIGHT[tier]: words for tier, words in _DATA["positive"].items()}
_NEGATIVE: dict[float, list[str]] = {_TIER_WEIGHT[tier]: words for tier, words in _DATA["negative"].items()}
# Phrases that express a feeling as a whole (regular expressions over folded text), matched before words.
_PHRASES: tuple[tuple[str, float], ...] = tuple((p, float(w)) for p, w in _DATA["phrases"])
_NEGATORS = frozenset(_DATA["negators"])
# Negators placed after what they negate ("accha nahi", "nalla illa", "bagaledu").
_POSTPOSED_NEGATORS = frozenset(_DATA["postposed_negators"])
_INTENSIFIERS = frozenset(_DATA["intensifiers"])
# Words people shout in anger or impatience; capitals on these are a cue, on "TV" or "CFDI" they are not.
_SHOUT_WORDS = frozenset(_DATA["shout_words"])
_EMOJI: dict[str, float] = {e: float(w) for e, w in _DATA["emoji"].items()}

_EMOJI_RE = re.compile("[" + "".join(_EMOJI) + "]")


@dataclass(frozen=True)
class _Lexicon:
    exact: dict[str, float]
    prefixes: dict[str, float]
    prefix_re: re.Pattern[str]  # one alternation, longest first: a single match per token

    def weight(self, token: str) -> float | None:
        w = self.exact.get(token)
        if w is not None:
            return w
        m = self.prefix_re.match(token)
        return self.prefixes[m.group(0)] if m else None


def _build() -> _Lexicon:
    exact: dict[str, float] = {}
    prefixes: dict[str, float] = {}
    for sign, table in ((1.0, _POSITIVE), (-1.0, _NEGATIVE)):
        for weight, blob in table.items():
            for entry in blob:
                w = sign * weight
                key = fold(entry).replace("_", " ")
                if key.endswith("*"):
                    prefixes[vocab.prefix_form(key[:-1])] = w
                else:
                    exact[key] = w
    ordered = sorted(prefixes, key=len, reverse=True)
    return _Lexicon(exact, prefixes, re.compile("|".join(map(re.escape, ordered))))


_LEX = _build()
# Multi-word lexicon entries ("fed up", "charged twice") become phrases.
_MULTI = tuple((phrase_pattern(k).pattern, w) for k, w in _LEX.exact.items() if " " in k) + _PHRASES
# All phrases in one alternation (named groups tell which matched): one scan instead of fifty, and
# only tried where a word starts, which makes it three times faster again.
_MULTI_RE = re.compile(
    rf"(?<!{WORD_CHAR})(?=\w)(?:" + "|".join(f"(?P<p{i}>{p})" for i, (p, _) in enumerate(_MULTI)) + ")"
)
_MULTI_WEIGHT = {f"p{i}": w for i, (_, w) in enumerate(_MULTI)}
# Words that mean something else in one language: "mala" is a suitcase in Portuguese and "robo" a
# robot, while "show" and "top" are praise only in Brazilian Portuguese ("show me", "top of the box").
_ONLY_IN: dict[str, frozenset[str]] = {w: frozenset(v) for w, v in _DATA["only_in"].items()}
_NOT_IN: dict[str, frozenset[str]] = {w: frozenset(v) for w, v in _DATA["not_in"].items()}
# "how fast is…", "que tan rapido…": a question about speed, not praise.
_DEGREE_QUESTION = frozenset(_DATA["degree_question"])
_O_QUE_END = re.compile(r"\bo que\s*\?+\W*$")
_THRESHOLD = 0.5
_PROBLEM_CAP = -0.45


def _shouting(text: str) -> float:
    """Anger cue from capitals and repeated exclamation marks (0 or negative)."""
    raw = re.findall(r"[^\W\d_]+", text)
    caps = [w for w in raw if len(w) >= 2 and w.isupper() and w.isascii()]
    cue = 0.0
    if any(w.lower() in _SHOUT_WORDS for w in caps):
        cue -= 0.5
    letters = [w for w in raw if w.isascii() and len(w) >= 2]
    if len(letters) >= 4 and len(caps) >= 0.6 * len(letters):
        cue -= 0.5  # the whole message is shouted
    return cue


def analyze_sentiment(text: str, language: str = "und") -> Sentiment:
    """The lexicon's verdict, with a learned model (`analysis.learned`) as a second opinion on displeasure: a
    message the lexicon reads as neutral is negative when the model is confident. (Angry customers say it in
    words no list foresaw — "third time I ask, still nothing"; praise is rarer and the lexicon catches it: a
    model for it added one message in 114 under cross-validation, so there is none.)"""
    verdict = lexicon_sentiment(text, language)
    if verdict.label != "neutral" or not text.strip():
        return verdict
    model = learned.model("negative")
    p_negative = model.probability(text)
    if p_negative >= model.threshold:
        return Sentiment(label="negative", score=round(min(verdict.score, -p_negative), 3))
    return verdict


def lexicon_sentiment(text: str, language: str = "und") -> Sentiment:
    """The lexicon alone. It is shared because customers mix languages; `language` only settles the few
    words that mean something else in one of them."""
    if not text or not text.strip():
        return Sentiment(label="neutral", score=0.0)
    folded = fold(text)

    total = 0.0
    placeholders: dict[str, float] = {}

    def _placeholder(m: re.Match[str]) -> str:
        key = f"zz{m.lastgroup}zz"
        placeholders[key] = _MULTI_WEIGHT[m.lastgroup or ""]
        return f" {key} "

    folded = _MULTI_RE.sub(_placeholder, folded)

    tokens = words(folded)
    problems = 0.0
    for i, tok in enumerate(tokens):
        w = placeholders.get(tok)
        if w is None:
            w = _LEX.weight(tok)
        if not w:
            continue
        only = _ONLY_IN.get(tok)
        if (only is not None and language not in only) or language in _NOT_IN.get(tok, ()):
            continue
        if 0 < w < STRONG and i > 0 and tokens[i - 1] in _DEGREE_QUESTION:
            continue
        is_problem = w == PROBLEM
        if tok in _INTENSIFIERS and i + 1 < len(tokens) and _LEX.weight(tokens[i + 1]):
            continue  # "super happy": "super" is the intensifier here, not a word of its own
        before = tokens[max(0, i - 3) : i]
        after = tokens[i + 1 : i + 3]
        # A phrase of displeasure is not undone by a negator before it: "doesn't cover it?? what's the point".
        negatable = not (tok in placeholders and w < 0)
        if negatable and (any(t in _NEGATORS for t in before) or any(t in _POSTPOSED_NEGATORS for t in after)):
            # "not good" is displeasure; "not bad" is only mildly good.
            w = -max(0.5, 0.6 * w) if w > 0 else -0.3 * w
        elif i > 0 and (tokens[i - 1] in _INTENSIFIERS or (i > 1 and tokens[i - 2] in _INTENSIFIERS)):
            w *= 1.5
        if is_problem and w < 0:
            problems += w
        else:
            total += w
    total += max(problems, _PROBLEM_CAP)
    total += sum(_EMOJI[ch] for ch in _EMOJI_RE.findall(text))

    shout = _shouting(text)
    exclaim = "!!" in text or text.count("!") >= 3
    if total < 0 or shout < 0:
        total += shout - (0.5 if exclaim or "??" in text else 0.0)
    elif total > 0 and exclaim:
        total += 0.3

    if language == "es" and _O_QUE_END.search(folded):
        total -= 0.6  # "¿me devuelven la diferencia o qué?": a challenge, not a question
    score = round(math.tanh(total / 1.5), 3)
    if total <= -_THRESHOLD:
        return Sentiment(label="negative", score=score)
    if total >= _THRESHOLD:
        return Sentiment(label="positive", score=score)
    return Sentiment(label="neutral", score=score)
