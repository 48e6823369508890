"""Answers from a search result: calibrated confidence and concise answers. Pure (the cached, store-backed
`Retriever` is in parley_knowledge.retriever).

Confidence (0–1) of answering from the best section is a logistic function of:
- coverage: the idf-weighted share of the question's content words found in the section (words the
  knowledge base never mentions pull it down);
- sentence coverage: the same share within the single best-matching sentence of the section (words
  that occur together in one sentence are stronger evidence than words scattered over a section);
- margin: how far the best section is ahead of the runner-up (an ambiguous match is less certain);
- support: whether more than one content word matched (or every content word did), and how many
  matched (up to 4);
- heading: whether a question word is in the section's heading;
- unknown: the share of the question's weight made of words the knowledge base never mentions.
The weights come from an L2-regularised logistic regression (answered from the right section or not)
over both labelled sets (the eval sample and the held-out dev set, 170 messages in 8 languages),
checked by leave-one-tenant-out, leave-one-set-out and 10-fold cross-validation. The curve is then
shifted so that the default handoff threshold 0.3 sits where the fitted probability of a right answer
is 0.6: a wrong answer costs as much as a handoff, so the bot only answers when it is more likely right
than not. `make eval` prints precision and answer rate for thresholds 0.1…0.9."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from parley_knowledge import vocab
from parley_knowledge.index import Hit, KnowledgeIndex, SearchResult

MAX_ANSWER_CHARS = 420

# Logistic calibration of the answer confidence: the weights are data (data/answer_model.json; see the module
# docstring for how they were fitted).
_MODEL = vocab.load("answer_model")
WEIGHTS: dict[str, float] = {k: float(v) for k, v in _MODEL["weights"].items()}
FITTED_BIAS = float(_MODEL["fitted_bias"])
HANDOFF_THRESHOLD = 0.3  # the bot's default handoff threshold ...
TARGET_PROBABILITY = float(_MODEL["target_probability"])  # ... is placed where p(right answer) is this


BIAS = (
    FITTED_BIAS
    + math.log(HANDOFF_THRESHOLD / (1 - HANDOFF_THRESHOLD))
    - math.log(TARGET_PROBABILITY / (1 - TARGET_PROBABILITY))
)


def answer_features(result: SearchResult) -> dict[str, float] | None:
    """What the confidence is computed from, by name (None when nothing matched)."""
    best = result.best
    if best is None or best.score <= 0:
        return None
    # Support: two or more content words matched, or the question's only content word(s) all did.
    support = 1.0 if len(best.matched) >= 2 or best.coverage >= 0.999 else 0.0
    unknown = result.unknown_weight / result.total_weight if result.total_weight else 0.0
    return {
        "coverage": best.coverage,
        "sentence": best.sentence_coverage,
        "margin": result.margin(),
        "support": support,
        "matched": min(len(best.matched), 4) / 4,
        "heading": 1.0 if best.heading_matched else 0.0,
        "unknown": unknown,
    }


def answer_confidence(result: SearchResult) -> float:
    feats = answer_features(result)
    if feats is None:
        return 0.0
    z = BIAS + sum(WEIGHTS[k] * v for k, v in feats.items())
    return round(1.0 / (1.0 + math.exp(-z)), 4)


@dataclass
class Answer:
    hit: Hit
    text: str
    confidence: float


def compose_answer(result: SearchResult, index: KnowledgeIndex, max_chars: int = MAX_ANSWER_CHARS) -> str:
    """The most relevant sentences of the best section, in document order, at most ~max_chars."""
    best = result.best
    if best is None:
        return ""
    chunk = best.chunk
    sentences = chunk.sentences or [chunk.text]
    features = chunk.sentence_features or [frozenset()] * len(sentences)
    scored: list[tuple[float, int]] = []
    for i, feats in enumerate(features):
        s = 0.0
        for unit in result.query_units:
            if unit.features & feats:
                s += result.unit_weights.get(unit.raw, 0.0)
        scored.append((s - 0.01 * i, i))  # ties: earlier sentence first
    scored.sort(reverse=True)
    top_score = scored[0][0] if scored else 0.0
    chosen: list[int] = []
    size = 0
    for s, i in scored:
        if chosen and (s < 0.5 * top_score or s <= 0):
            break
        if chosen and size + len(sentences[i]) > max_chars:
            continue
        chosen.append(i)
        size += len(sentences[i]) + 1
        if len(chosen) == 3:
            break
    text = " ".join(sentences[i] for i in sorted(chosen))
    if len(text) > max_chars + 200:
        text = text[:max_chars].rsplit(" ", 1)[0] + "…"
    return re.sub(r"\s+", " ", text).strip()
