"""Linear text classifiers learned from labelled customer messages: a second opinion beside the lexicons.

The lexicons catch what they list; customers also say "third time I ask, still nothing" or "koi hai kya?"
in words no list foresaw. A logistic regression over character n-grams of the folded words generalises from
labelled examples, costs well under a millisecond, and needs no download. Its weights are data (`data/models/<name>.json`, written by `parley-nlp-train` from the
labelled sets under `services/nlp/training/`); this module only reads them.

Features are identical at training and at run time because both call `feature_names` and `vectorize` below.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from parley_nlp.analysis.text import fold

# Character n-grams are taken from at most this much text: a long message's tone shows in its first
# sentences, and the cost stays bounded whatever the length.
MAX_FEATURE_CHARS = 600
_CHAR_NGRAMS = (2, 3, 4, 5)
_EXCLAIM = re.compile(r"!{2,}|\?{2,}|[!?]{3,}")


def feature_names(text: str) -> set[str]:
    """What one message shows: character 2–5-grams inside each word (they carry stems and romanisation variants:
    "nahi"/"nahin", "frustrad"/"frustrat"), and shouting cues."""
    raw = text[:MAX_FEATURE_CHARS]
    tokens = fold(raw).split()
    names: set[str] = set()
    for tok in tokens:
        padded = f" {tok} "
        for n in _CHAR_NGRAMS:
            for i in range(len(padded) - n + 1):
                names.add("c:" + padded[i : i + n])
    letters = [w for w in re.findall(r"[^\W\d_]{2,}", raw) if w.isascii()]
    if len(letters) >= 3 and sum(w.isupper() for w in letters) >= 0.6 * len(letters):
        names.add("cue:caps")
    if _EXCLAIM.search(raw):
        names.add("cue:exclaim")
    if "?" in raw:
        names.add("cue:question")
    return names


def vectorize(names: set[str], idf: dict[str, float]) -> dict[str, float]:
    """The known features weighted by how rare they are (idf), scaled to unit length so one long message and
    one short one weigh alike."""
    weighted = {k: idf[k] for k in names if k in idf}
    norm = math.sqrt(sum(v * v for v in weighted.values())) or 1.0
    return {k: v / norm for k, v in weighted.items()}


# Both models read the same message: its features are extracted once (read-only; the cache keeps a few).
@lru_cache(maxsize=64)
def features(text: str) -> Mapping[str, float]:
    return vectorize(feature_names(text), vocabulary())


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class LinearModel:
    """p(label | text) = sigmoid(bias + Σ weight·feature); `threshold` is where the trainer placed the decision."""

    name: str
    bias: float
    threshold: float
    weights: dict[str, float]

    def probability(self, text: str) -> float:
        return self.probability_of(features(text))

    def probability_of(self, x: Mapping[str, float]) -> float:
        """The same for features already extracted (the trainer's out-of-fold predictions)."""
        return sigmoid(self.bias + sum(self.weights.get(k, 0.0) * v for k, v in x.items()))

    def to_json(self, about: str) -> str:
        body = {
            "_about": about,
            "name": self.name,
            "bias": round(self.bias, 6),
            "threshold": self.threshold,
            "weights": {k: round(v, 5) for k, v in sorted(self.weights.items())},
        }
        return json.dumps(body, ensure_ascii=False, indent=0, sort_keys=False) + "\n"


def _data(name: str) -> dict:
    return json.loads(resources.files("parley_nlp").joinpath("data", "models", f"{name}.json").read_text("utf-8"))


@cache
def vocabulary() -> dict[str, float]:
    """The features the models know, with their idf (`data/models/vocabulary.json`)."""
    return {k: float(v) for k, v in _data("vocabulary")["idf"].items()}


@cache
def model(name: str) -> LinearModel:
    """The shipped model `data/models/<name>.json` (loaded once)."""
    data = _data(name)
    return LinearModel(
        name=data["name"],
        bias=float(data["bias"]),
        threshold=float(data["threshold"]),
        weights={k: float(v) for k, v in data["weights"].items()},
    )


MODELS = ("negative", "wants_human")


def load() -> None:
    """Read the shipped vocabulary and models now (about 1 MB of JSON), at start-up rather than on the first
    message analysed."""
    vocabulary()
    for name in MODELS:
        model(name)
