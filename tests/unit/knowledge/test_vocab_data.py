"""The vocabularies are data (libs/knowledge/…/data, services/nlp/…/data): check the files themselves, since a
bad entry (two scripts in one word, a duplicate, an unfolded accent) never matches and fails silently."""

import re
from collections.abc import Iterator
from typing import Any

import pytest

from parley_knowledge import vocab
from parley_knowledge.text import fold

KNOWLEDGE_FILES = ("concepts", "stopwords", "handoff")
NLP_FILES = ("sentiment", "language", "questions")
LANGUAGES = ("en", "es", "pt", "hi", "ta", "te")
# Keys whose values are regular expressions or phrases, not words.
PATTERN_KEYS = {"rewrites", "direct", "info", "phrases"}


def _entries(node: Any, key: str = "") -> Iterator[tuple[str, str]]:
    """Every word entry of a data file with the key it sits under (patterns left out)."""
    if key in PATTERN_KEYS:
        return
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _entries(v, k)
    elif isinstance(node, list):
        for v in node:
            if isinstance(v, str):
                yield key, v
            elif isinstance(v, list) and v and isinstance(v[0], str) and key == "direct_native":
                yield key, v[0]


def _all_files() -> list[tuple[str, str]]:
    return [(n, "parley_knowledge") for n in KNOWLEDGE_FILES] + [(n, "parley_nlp") for n in NLP_FILES]


@pytest.mark.parametrize(("name", "package"), _all_files())
def test_every_entry_is_written_in_one_script(name: str, package: str):
    data = vocab.load(name, package)
    mixed = [(k, e) for k, e in _entries(data) if k != "emoji" and len(vocab.scripts_in(e)) > 1]
    assert not mixed, f"{name}: entries mixing scripts can never match: {mixed}"
    assert sum(1 for _ in _entries(data)) > 20


@pytest.mark.parametrize(("name", "package"), _all_files())
def test_no_list_holds_an_entry_twice(name: str, package: str):
    def lists(node: Any, path: str = "") -> Iterator[tuple[str, list[Any]]]:
        if isinstance(node, dict):
            for k, v in node.items():
                yield from lists(v, f"{path}/{k}")
        elif isinstance(node, list):
            yield path, node

    checked = 0
    for path, items in lists(vocab.load(name, package)):
        keys = [repr(i[0]) if isinstance(i, list) else repr(i) for i in items]
        dupes = sorted({k for k in keys if keys.count(k) > 1})
        assert not dupes, f"{name}{path}: duplicates {dupes}"
        checked += 1
    assert checked


@pytest.mark.parametrize(("name", "package"), _all_files())
def test_latin_entries_are_already_folded(name: str, package: str):
    """Text is folded before it is matched, so an entry with an accent or a capital would never match."""
    bad = [
        e
        for k, e in _entries(vocab.load(name, package))
        if k != "emoji" and vocab.scripts_in(e) == {"latin"} and fold(e) != e and name != "concepts"
    ]
    assert not bad, f"{name}: not folded: {bad[:20]}"


def test_stop_words_are_filed_under_their_own_script():
    data = vocab.load("stopwords")
    for tier in ("function", "low_content"):
        assert set(data[tier]) == set(vocab.SCRIPTS)
        for script, words in data[tier].items():
            wrong = [w for w in words if vocab.scripts_in(w) - {script}]
            assert not wrong, f"{tier}/{script}: {wrong}"
    assert "the" in vocab.stopwords() and "que" in vocab.stopwords() and "days" not in vocab.stopwords()


def test_every_language_has_handoff_persons_talk_verbs_and_direct_patterns():
    data = vocab.handoff()
    persons = set(data["person"])
    # One person noun per language at least (romanized Indic and native script both present).
    for word in ("agent", "agente", "atendente", "insaan", "manushan", "manishi", "इंसान", "மனித", "మనిషి"):
        assert word in persons, word
    for key in ("person", "someone", "talk", "want_after", "query_words"):
        assert {"latin", "devanagari", "tamil", "telugu"} <= {s for w in data[key] for s in vocab.scripts_in(w)}, key
    for pattern, conf in data["direct"]:
        re.compile(pattern)
        assert 0 < conf <= 1


def test_the_verbs_of_wanting_a_thing_are_want_verbs():
    # `wanting` (a short message that wants something and names nobody) picks from the want lists, minus verbs of
    # existence ("hay", "irukkeengala"): a verb added only there would be a want verb the grammar does not know.
    data = vocab.handoff()
    wanting = set(data["wanting"])
    assert wanting <= set(data["want_before"]) | set(data["want_after"]), wanting - set(data["want_before"])
    assert not wanting & {"hay", "ha", "there", "tem", "hai", "irukkeengala", "unnara", "available"}


def test_language_lexicon_and_sentiment_cover_every_language():
    lang = vocab.load("language", "parley_nlp")
    assert set(LANGUAGES) <= set(lang["strong"]) and set(LANGUAGES) <= set(lang["weak"])
    sentiment = vocab.load("sentiment", "parley_nlp")
    scripts = {s for words in sentiment["negative"].values() for w in words for s in vocab.scripts_in(w)}
    assert scripts == set(vocab.SCRIPTS)
    for pattern, weight in sentiment["phrases"]:
        re.compile(pattern)
        assert -1.5 <= weight <= 1.5
