"""`make eval`'s sentiment figures and where it finds a tenant's PDF."""

from pathlib import Path

import pytest

from parley_nlp.evaluation import Outcome, knowledge_base, read_messages, sentiment_metrics


def _o(label: str | None, said: str, lang: str = "en") -> Outcome:
    return Outcome("m", "t", lang, False, None, False, lang, False, None, 0.0, 1.0, label, said)


def test_sentiment_accuracy_and_negative_recall_count_only_labelled_messages():
    outcomes = [
        _o("negative", "negative"),
        _o("negative", "neutral", "hi"),
        _o("neutral", "negative", "hi"),
        _o("positive", "positive"),
        _o(None, "negative"),  # no label: left out
    ]
    m = sentiment_metrics(outcomes)
    assert (m["correct"], m["n"], m["accuracy"]) == (2, 4, 0.5)
    assert (m["negative_true_positives"], m["negative_labelled"], m["negative_recall"]) == (1, 2, 0.5)
    assert m["negative_precision"] == 0.5
    assert m["by_language"]["hi"] == {"accuracy": 0.0, "negative_recall": 0.0, "n": 2}


def test_the_pdf_comes_from_the_first_folder_that_has_it_and_several_files_are_read(tmp_path: Path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (second / "demo-faq.pdf").write_bytes(b"%PDF")
    assert knowledge_base("demo", [first, second]) == second / "demo-faq.pdf"
    with pytest.raises(SystemExit):
        knowledge_base("other", [first, second])
    (first / "m.jsonl").write_text('{"id": "1"}\n\n', "utf-8")
    (second / "m.jsonl").write_text('{"id": "2"}\n{"id": "3"}\n', "utf-8")
    assert [r["id"] for r in read_messages([first / "m.jsonl", second / "m.jsonl"])] == ["1", "2", "3"]
