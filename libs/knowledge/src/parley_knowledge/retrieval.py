"""Answers from a search result: calibrated confidence and concise answers. Pure (the cached, store-backed
`Retriever` is in parley_knowledge.retriever).

The confidence (0–1) that the best section answers what is asked is a logistic regression over the pairwise
products of standardised features of the search (degree 2: how well the section covers the question matters
differently when the question names something the knowledge base never mentions). The features:
- coverage: the idf-weighted share of the question's content words found in the section;
- sentence: the same share within the single best-matching sentence of the section;
- margin / second_ratio: how far the best section is ahead of the runner-up;
- matched / n_units: how many content words matched, how many the question has;
- heading: whether a question word is in the section's heading;
- unknown / unknown_max: the share of the question's weight made of words the knowledge base never mentions,
  and the heaviest of them ("does the insurance cover *skiing*?");
- thing_gap: the heaviest question word the section lacks, against the heaviest it has (the thing asked
  about must be in the section, not just the FAQ's vocabulary around it);
- proper_unmatched: a capitalised name the section does not contain (a city, a product);
- specificity / concept_share / score: how specific the best match is, how much of it is lexicon concepts
  (cross-language matches), its BM25 score;
- question / wants_human: whether the message asks anything at all, and whether it asks for a person.
The weights are data (data/answer_model.json), fitted by `parley-nlp-train-answers` (`make train`) on every
labelled set, with the curve shifted so that the default handoff threshold 0.3 sits at the operating point
chosen on out-of-fold predictions (leave-one-set-out: each set was written by a different writer). `make eval`
prints precision and answer rate for thresholds 0.1…0.9."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from parley_knowledge import vocab
from parley_knowledge.index import Hit, KnowledgeIndex, SearchResult

MAX_ANSWER_CHARS = 420
HANDOFF_THRESHOLD = 0.3  # the bot's default handoff threshold: the model's operating point sits here

FEATURES = (
    "coverage",
    "sentence",
    "margin",
    "matched",
    "heading",
    "unknown",
    "n_units",
    "unknown_max",
    "specificity",
    "concept_share",
    "score",
    "second_ratio",
    "question",
    "wants_human",
    "proper_unmatched",
    "thing_gap",
)


@dataclass(frozen=True)
class Asked:
    """What the text analysis knows about the message beside its words."""

    question: bool = True  # it asks something ("?", a question word); a bare complaint does not
    wants_human: bool = False  # it asks for a person: the handoff words leave the query
    refuses_human: bool = False  # it says it needs no person: those words leave the query too

    @property
    def drops_handoff_words(self) -> bool:
        return self.wants_human or self.refuses_human


def answer_search(index: KnowledgeIndex, query: str, asked: Asked, k: int = 5) -> SearchResult:
    """The search an answer is read from, at run time and when the confidence is fitted alike: answerable sections
    only, without the words of a request for a person (or of a refusal of one)."""
    return index.search(query, k=k, drop_handoff=asked.drops_handoff_words, answerable_only=True)


def answer_features(result: SearchResult, asked: Asked | None = None) -> dict[str, float] | None:
    """What the confidence is computed from, by name (None when nothing matched)."""
    best = result.best
    if best is None or best.score <= 0:
        return None
    asked = asked or Asked()
    weights = result.unit_weights
    scale = result.max_weight or 1.0
    matched = set(best.matched)
    matched_weight = sum(weights.get(raw, 0.0) for raw in matched)
    concept_weight = sum(weights.get(u.raw, 0.0) for u in result.query_units if u.concept and u.raw in matched)
    unmatched = [weights.get(u.raw, 0.0) for u in result.query_units if u.raw not in matched]
    heaviest_matched = max((weights.get(raw, 0.0) for raw in matched), default=0.0)
    second = result.hits[1].score if len(result.hits) > 1 else 0.0
    return {
        "coverage": best.coverage,
        "sentence": best.sentence_coverage,
        "margin": result.margin(),
        "matched": min(len(best.matched), 4) / 4,
        "heading": 1.0 if best.heading_matched else 0.0,
        "unknown": result.unknown_weight / result.total_weight if result.total_weight else 0.0,
        "n_units": min(len(result.query_units), 10) / 10,
        "unknown_max": max((weights.get(raw, 0.0) for raw in result.unknown_units), default=0.0) / scale,
        "specificity": result.specificity(),
        "concept_share": concept_weight / matched_weight if matched_weight else 0.0,
        "score": min(best.score, 20.0) / 20.0,
        "second_ratio": second / best.score,
        "question": 1.0 if asked.question else 0.0,
        "wants_human": 1.0 if asked.wants_human else 0.0,
        "proper_unmatched": 1.0 if any(u.proper and u.raw not in matched for u in result.query_units) else 0.0,
        "thing_gap": min(2.0, max(unmatched, default=0.0) / (heaviest_matched or 1e-9)) / 2.0,
    }


def pairwise_terms(standardised: list[float]) -> list[float]:
    """The degree-2 expansion the model is linear in: every feature, then every product x_i·x_j with i ≤ j."""
    n = len(standardised)
    terms = list(standardised)
    for i in range(n):
        xi = standardised[i]
        terms.extend(xi * standardised[j] for j in range(i, n))
    return terms


@dataclass(frozen=True)
class AnswerModel:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    operating_point: float  # the fitted probability placed at HANDOFF_THRESHOLD

    @classmethod
    def load(cls, data: dict[str, Any] | None = None) -> AnswerModel:
        """The model in data/answer_model.json, or in `data` (a file's contents)."""
        data = data if data is not None else vocab.load("answer_model")
        return cls(
            features=tuple(data["features"]),
            mean=tuple(float(v) for v in data["mean"]),
            scale=tuple(float(v) for v in data["scale"]),
            weights=tuple(float(v) for v in data["weights"]),
            bias=float(data["bias"]),
            operating_point=float(data["operating_point"]),
        )

    def logit(self, features: dict[str, float]) -> float:
        """The fitted log-odds that the best section answers the question."""
        z = [(features[name] - m) / s for name, m, s in zip(self.features, self.mean, self.scale, strict=True)]
        return self.bias + sum(w * t for w, t in zip(self.weights, pairwise_terms(z), strict=True))

    @cached_property
    def shift(self) -> float:
        """What moves the operating point to HANDOFF_THRESHOLD, in log-odds (computed once)."""
        return _log_odds(HANDOFF_THRESHOLD) - _log_odds(self.operating_point)

    def confidence(self, features: dict[str, float]) -> float:
        """The fitted probability, shifted so that the operating point reads as HANDOFF_THRESHOLD."""
        return round(1.0 / (1.0 + math.exp(-(self.logit(features) + self.shift))), 4)

    def to_data(self, about: str) -> dict[str, Any]:
        """The contents of an answer_model.json (what `load` reads)."""
        return {
            "_about": about,
            "features": list(self.features),
            "mean": [round(v, 6) for v in self.mean],
            "scale": [round(v, 6) for v in self.scale],
            "bias": round(self.bias, 6),
            "weights": [round(v, 6) for v in self.weights],
            "operating_point": round(self.operating_point, 4),
        }


def _log_odds(p: float) -> float:
    return math.log(p / (1 - p))


MODEL = AnswerModel.load()


def answer_confidence(result: SearchResult, asked: Asked | None = None) -> float:
    feats = answer_features(result, asked)
    if feats is None:
        return 0.0
    return MODEL.confidence(feats)


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
