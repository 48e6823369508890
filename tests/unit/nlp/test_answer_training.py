"""The answer confidence's trainer (parley_nlp.answer_training), on the shared eval sample (50 messages, two
PDFs): what it writes is a model the retrieval loads, its operating point keeps its promise out of fold, and it
refuses the held-out set."""

import json
from pathlib import Path

import pytest

from parley_knowledge.retrieval import FEATURES, AnswerModel
from parley_nlp import answer_training

EVAL = Path(__file__).resolve().parents[3].parent / "shared" / "eval"
needs_eval = pytest.mark.skipif(not (EVAL / "aurora-faq.pdf").exists(), reason="eval PDFs not present")


@needs_eval
def test_examples_label_the_right_section_and_leave_out_what_the_engine_would_not_answer() -> None:
    data = answer_training.examples([EVAL / "messages.jsonl"], [EVAL])
    assert len(data) == 50
    assert sum(e.answerable for e in data) == 28
    assert all(not e.right for e in data if not e.answerable)
    assert sum(e.right for e in data) >= 20  # the right section is found for most answerable ones
    assert any(e.features is None for e in data)  # a bare request for a person gets no answer at all
    assert all(set(e.features) == set(FEATURES) for e in data if e.features is not None)


@needs_eval
def test_the_written_model_loads_and_its_operating_point_holds_out_of_fold(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(answer_training, "EPOCHS", 60)
    data = answer_training.examples([EVAL / "messages.jsonl"], [EVAL])
    # Two "writers": leave-one-file-out needs more than one source.
    halves = [
        answer_training.Example(f"part{i % 2}", e.language, e.answerable, e.features, e.right)
        for i, e in enumerate(data)
    ]
    probs = answer_training.out_of_fold(halves)
    point = answer_training.operating_point(halves, probs, max_wrong=0.1)
    assert point.wrong <= 0.1 * len(halves)
    assert point.right > 0
    out = tmp_path / "answer_model.json"
    answer_training.write(answer_training.fit(halves), point, len(halves), out)
    model = AnswerModel.load(json.loads(out.read_text("utf-8")))
    assert model.features == FEATURES and model.operating_point == round(point.threshold, 4)
    right = next(e for e in data if e.right)
    assert 0 < model.confidence(right.features) < 1


def test_the_held_out_set_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "heldout11"
    folder.mkdir()
    (folder / "messages.jsonl").write_text("", "utf-8")
    with pytest.raises(SystemExit, match="must not train"):
        answer_training.examples([folder / "messages.jsonl"], [tmp_path])
