"""No message, however long or strange, costs more than a channel's worth of analysis (an outside probe
stalled nlp for an estimated 77 minutes on one 950 KB word)."""

import time

import pytest

from parley_contracts import Channel
from parley_conversations.windows import text_limit
from parley_nlp.analysis.keywords import extract_entities
from parley_nlp.handlers import within_limit
from tests.unit.nlp.nlp_fakes import inbound

# Shapes that made the entity patterns backtrack (long digit runs, words without "@", separators).
PATHOLOGICAL = ["1", "A", "a", "A1", "a.", "a@", "a-", "1,", "Rs1 ", "+1 ", "😡", "க"]


def test_text_beyond_the_channels_limit_is_cut_before_analysis_and_short_text_untouched():
    limit = text_limit(Channel.WHATSAPP)
    long = inbound("x" * (limit * 200))
    cut = within_limit(long)
    assert len(cut.content.text) == limit == 4096 and long.content.text != cut.content.text
    short = inbound("hola")
    assert within_limit(short) is short


def _cost(text: str) -> float:
    # The best of several runs: a busy machine (CI, other tests) only ever adds time, so the minimum is the cost.
    best = float("inf")
    for _ in range(9):
        started = time.perf_counter()
        extract_entities(text)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize("unit", PATHOLOGICAL)
def test_entity_extraction_grows_linearly_on_pathological_text(unit: str):
    """Four times the text must not cost sixteen times as much (a quadratic pattern would): the ratio of the
    best of nine runs stays far below that, whatever the machine's speed."""
    small = (unit * 2000)[:2000]
    large = (unit * 8000)[:8000]
    ratio = _cost(large) / max(_cost(small), 1e-6)
    assert ratio < 10, f"{unit!r}: 4× the text cost {ratio:.1f}× the time"
