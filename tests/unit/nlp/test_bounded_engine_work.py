"""A 100 KB message costs the offline engine no more than a channel's worth of text (an outside probe stalled
nlp for 46 s on one 100 KB word). Work is counted, not timed: the characters each analysis step receives and
the tokens retrieval produces, so the test holds on any machine, however busy."""

from collections.abc import Callable
from typing import Any

import pytest

import parley_knowledge.index as kb_index
import parley_nlp.engines.offline as offline
from parley_contracts import Channel
from parley_conversations.windows import text_limit
from parley_knowledge import Asked, Retriever
from parley_nlp.engine import AnalysisRequest
from parley_nlp.engines.offline import OfflineEngine
from tests.unit.nlp.nlp_fakes import FakeBotConfigStore, FakeKnowledgeStore, inbound

LIMIT = text_limit(Channel.WHATSAPP)
HUNDRED_KB = 100 * 1024


class Work:
    def __init__(self) -> None:
        self.analysed_chars: list[int] = []
        self.query_chars: list[int] = []
        self.tokens = 0


def _counting(monkeypatch: pytest.MonkeyPatch) -> Work:
    work = Work()

    def wrap_text(fn: Callable[..., Any], sink: list[int]) -> Callable[..., Any]:
        def wrapped(text: str, *args: Any, **kwargs: Any) -> Any:
            sink.append(len(text))
            return fn(text, *args, **kwargs)

        return wrapped

    real_tokenize = kb_index.tokenize

    def tokenize(text: str) -> list[Any]:
        tokens = real_tokenize(text)
        work.tokens += len(tokens)
        return tokens

    monkeypatch.setattr(offline, "analyze_text", wrap_text(offline.analyze_text, work.analysed_chars))
    monkeypatch.setattr(kb_index, "tokenize", tokenize)
    real_answer = Retriever.answer

    async def answer(self: Retriever, tenant: str, query: str, asked: Asked | None = None) -> Any:
        work.query_chars.append(len(query))
        return await real_answer(self, tenant, query, asked)

    monkeypatch.setattr(Retriever, "answer", answer)
    return work


async def _work_for(text: str, monkeypatch: pytest.MonkeyPatch) -> Work:
    engine = OfflineEngine(Retriever(FakeKnowledgeStore(), refresh_seconds=0), FakeBotConfigStore())
    await engine.analyze(AnalysisRequest(inbound=inbound("warm up the index")))  # the index's own tokens
    work = _counting(monkeypatch)
    analysis = await engine.analyze(AnalysisRequest(inbound=inbound(text)))
    assert analysis.language  # analysed, not skipped
    return work


@pytest.mark.parametrize(
    "unit",
    ["a", "refund ", "¿dónde está mi pedido? ", "रिफंड कब मिलेगा ", "x1@"],
    ids=["one-word", "english-words", "spanish-words", "hindi-words", "symbols"],
)
async def test_a_100_kb_message_is_analysed_within_a_channels_worth_of_text(
    unit: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = (unit * (HUNDRED_KB // len(unit) + 1))[:HUNDRED_KB]
    at_limit = huge[:LIMIT]
    big = await _work_for(huge, monkeypatch)
    monkeypatch.undo()
    small = await _work_for(at_limit, monkeypatch)
    # Every analysis step saw at most the channel's limit, and exactly what a message of that size costs.
    assert big.analysed_chars and max(big.analysed_chars) <= LIMIT
    assert big.query_chars and max(big.query_chars) <= LIMIT
    assert (big.analysed_chars, big.query_chars, big.tokens) == (small.analysed_chars, small.query_chars, small.tokens)
    # Tokenising is linear: never more tokens than characters analysed.
    assert big.tokens <= LIMIT


def test_the_statistical_language_detector_reads_a_bounded_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    """lingua grows faster than linearly on one long run of letters: it only ever sees a few sentences."""
    from parley_nlp.analysis import language

    seen: list[int] = []

    class Recorder:
        def compute_language_confidence_values(self, text: str) -> list[Any]:
            seen.append(len(text))
            return []

    monkeypatch.setattr(language, "_detector", lambda: Recorder())
    for text in ("a" * LIMIT, "refund please " * 300, "short message"):
        language.detect_language(text)
    assert seen and max(seen) <= language.STATISTICAL_MAX_CHARS
    assert len("short message") in seen  # short text is read whole
