"""The learned text models (parley_nlp.analysis.learned) and their trainer (parley_nlp.training).

The shipped weights are data: check the files, that the trainer learns something real from labelled messages
and refuses the held-out sets, and that the models only ever add to the rules, never overrule their vetoes."""

import json
from pathlib import Path

import pytest

from parley_nlp import training
from parley_nlp.analysis import analyze_sentiment, handoff_request, learned
from parley_nlp.analysis.intent import handoff_rule
from parley_nlp.analysis.sentiment import lexicon_sentiment

REPO = Path(__file__).resolve().parents[3]
TRAINING = sorted((REPO / "services/nlp/training").glob("*.jsonl"))
MODELS = ("negative", "wants_human")


@pytest.mark.parametrize("name", MODELS)
def test_shipped_models_load_and_only_use_known_features(name: str):
    model = learned.model(name)
    vocabulary = learned.vocabulary()
    assert model.name == name
    assert 0.3 <= model.threshold <= 0.95
    assert len(model.weights) > 1000
    assert set(model.weights) <= set(vocabulary)
    assert all(v > 0 for v in vocabulary.values())


def test_training_sets_are_labelled_like_the_eval_format():
    assert TRAINING, "services/nlp/training/*.jsonl"
    ids = set()
    for path in TRAINING:
        for line in path.read_text("utf-8").splitlines():
            row = json.loads(line)
            assert row["id"] not in ids
            ids.add(row["id"])
            assert row["sentiment"] in {"positive", "neutral", "negative"}
            assert isinstance(row["wants_human"], bool)
            assert (row["section"] is None) == (not row["answerable"])
    assert len(ids) >= 600


def test_trainer_refuses_held_out_sets():
    with pytest.raises(SystemExit, match="held-out"):
        training.read([REPO / "tests/data/heldout10/messages.jsonl"])


def test_trainer_learns_a_separating_model_from_examples():
    angry = ["this is useless", "worst service ever", "I am furious", "terrible, useless people", "so angry now"]
    calm = ["where is my order", "do you ship to Chile", "what time do you open", "can I pay by card", "thanks"]
    rows = [{"text": t, "sentiment": "negative"} for t in angry * 3] + [
        {"text": t, "sentiment": "neutral"} for t in calm * 3
    ]
    idf = training.idf_table(rows)
    xs = [learned.vectorize(learned.feature_names(r["text"]), idf) for r in rows]
    bias, weights = training.fit(xs, [r["sentiment"] == "negative" for r in rows])
    model = learned.LinearModel("negative", bias, 0.5, weights)
    assert model.probability("useless and terrible service") > 0.5 > model.probability("do you ship to my city")


def test_threshold_keeps_the_precision_floor():
    probs = [0.9, 0.8, 0.7, 0.6, 0.4]
    labels = [True, True, False, True, False]
    threshold = training.choose_threshold(probs, [False] * 5, labels, min_precision=0.95)
    assert threshold > 0.7  # 0.6 would let the false positive at 0.7 in
    assert training.counts([p >= threshold for p in probs], labels).precision >= 0.95


def test_features_are_bounded_whatever_the_length():
    short = learned.feature_names("a" * 600)
    long = learned.feature_names("a" * 600 + " different words here" * 10_000)
    assert short == long
    # Only the first MAX_FEATURE_CHARS characters are read: the rest cannot change the verdict (or the cost).
    head = "palabra " * (learned.MAX_FEATURE_CHARS // 8)
    model = learned.model("negative")
    assert model.probability(head + "odio este servicio horrible " * 10_000) == model.probability(head)


@pytest.mark.parametrize(
    "text",
    [
        "still nothing after a week, this is getting old",
        "quinta mensagem e nada ate agora",
    ],
)
def test_the_model_catches_displeasure_the_lexicon_misses(text: str):
    assert lexicon_sentiment(text, "und").label == "neutral"
    assert analyze_sentiment(text).label == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "what number do I call to talk to an agent?",
        "can someone else pick up my order for me?",
        "nobody called me back",
        "quero falar sobre banda larga",
    ],
)
def test_a_veto_of_the_grammar_is_never_overruled(text: str):
    assert handoff_rule(text).reason.startswith("veto")
    assert not handoff_request(text).wanted


@pytest.mark.parametrize("text", ["alguien por ahi?", "please just get me someone", "yaaraavadhu irukkeengala?"])
def test_the_model_catches_indirect_requests_the_grammar_misses(text: str):
    assert not handoff_rule(text).wanted
    request = handoff_request(text)
    assert request.wanted and request.reason == "learned"
