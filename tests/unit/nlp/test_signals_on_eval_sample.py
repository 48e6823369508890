"""Floors on the labelled eval sample (../shared/eval/messages.jsonl next to the repo).

Prints the figures so a run shows where the signals stand; run with `-s` to see them."""

import json
from collections import defaultdict
from pathlib import Path

import pytest

from parley_nlp.analysis import analyze_text

REPO_ROOT = Path(__file__).resolve().parents[3]
SAMPLE = REPO_ROOT.parent / "shared" / "eval" / "messages.jsonl"

pytestmark = pytest.mark.skipif(not SAMPLE.exists(), reason=f"eval sample not found at {SAMPLE}")


@pytest.fixture(scope="module")
def scored() -> list[tuple[dict, object]]:
    rows = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(row, analyze_text(row["text"])) for row in rows]


def test_language_accuracy(scored) -> None:
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row, sig in scored:
        per[row["language"]][0] += sig.language == row["language"]
        per[row["language"]][1] += 1
    hits = sum(h for h, _ in per.values())
    accuracy = hits / len(scored)
    print(f"\nlanguage accuracy {accuracy:.3f} ({hits}/{len(scored)})")
    for lang, (h, n) in sorted(per.items()):
        print(f"  {lang}: {h}/{n}")
    assert accuracy >= 0.9


def test_wants_human_precision_recall(scored) -> None:
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, flagged, labelled
    for row, sig in scored:
        counts = per[row["language"]]
        counts[0] += sig.wants_human and row["wants_human"]
        counts[1] += sig.wants_human
        counts[2] += row["wants_human"]
    tp, flagged, labelled = (sum(c[i] for c in per.values()) for i in range(3))
    precision = tp / flagged if flagged else 0.0
    recall = tp / labelled if labelled else 0.0
    print(f"\nwants_human precision {precision:.3f} ({tp}/{flagged}) recall {recall:.3f} ({tp}/{labelled})")
    for lang, (t, f, n) in sorted(per.items()):
        print(f"  {lang}: precision {t}/{f} recall {t}/{n}")
    assert recall >= 0.9
    assert precision >= 0.85


def test_sentiment_accuracy_is_reported(scored) -> None:
    hits = sum(sig.sentiment.label == row["sentiment"] for row, sig in scored)
    print(f"\nsentiment accuracy {hits / len(scored):.3f} ({hits}/{len(scored)})")
    # Not a product floor, but a sample this size should not be mostly wrong.
    assert hits / len(scored) >= 0.7
