"""The daily figures document (parley_conversations.daily_figures): histograms that give percentiles close to the
exact ones, figures that add up, and offsets that keep a record from being counted twice."""

import random
from datetime import UTC, datetime, timedelta, timezone
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest

from parley_conversations.daily_figures import BOUNDS, DayFigures, Figures, Histogram, day_of, period_ids


def exact(values: list[float], q: float) -> float:
    """numpy's default percentile (linear between closest ranks)."""
    ordered = sorted(values)
    rank = q * (len(ordered) - 1)
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def test_the_buckets_grow_by_an_eighth_up_to_ninety_days():
    assert BOUNDS[0] == 0.5 and BOUNDS[-1] >= 90 * 86400 > BOUNDS[-2]
    assert all(abs(b / a - 1.125) < 1e-9 for a, b in pairwise(BOUNDS))


@pytest.mark.parametrize("seed", range(5))
def test_percentiles_from_the_histogram_are_within_six_percent_of_the_exact_ones(seed):
    rng = random.Random(seed)
    values = [rng.lognormvariate(4, 1.5) for _ in range(rng.randint(50, 2000))]  # seconds to hours
    histogram = Histogram()
    for value in values:
        histogram.add(value)
    assert histogram.total == len(values)
    for q in (0.5, 0.9):
        assert histogram.quantile(q) == pytest.approx(exact(values, q), rel=0.07)


def test_a_histogram_of_nothing_one_value_and_the_overflow():
    histogram = Histogram()
    assert histogram.quantile(0.5) is None and histogram.total == 0
    histogram.add(3.0)
    p50 = histogram.quantile(0.5)
    assert p50 == histogram.quantile(0.9) and 3.0 / 1.125 < p50 < 3.0 * 1.125  # the middle of its bucket
    histogram.add(-1.0)  # a clock a little behind: counted as zero
    assert histogram.quantile(0.0) == pytest.approx(0.25)
    beyond = Histogram()
    beyond.add(400 * 86400.0)
    assert beyond.quantile(0.5) == round(BOUNDS[-1], 3)  # said as the last bound


def test_figures_merge_and_say_whether_they_hold_anything():
    one = Figures()
    assert not one
    one.conversations["whatsapp"] += 1
    one.handoffs["customer_asked"] += 1
    one.analysed, one.answered = 2, 1
    one.names["op_ana"] = "Ana"
    one.first_response.add(10)
    total = Figures()
    total.merge(one)
    total.merge(one)
    assert total.conversations == {"whatsapp": 2} and total.handoffs == {"customer_asked": 2}
    assert (total.analysed, total.answered, total.first_response.total) == (4, 2, 2)
    assert total.names == {"op_ana": "Ana"} and total


def figures(n: int = 1) -> Figures:
    f = Figures()
    f.messages_in["whatsapp"] += n
    return f


def test_a_record_counted_once_however_often_it_is_processed():
    document = DayFigures(tenant="demo", day="2026-12-06", partition=0)
    # A batch, its threads side by side: offsets out of order, each counted once.
    assert document.count("message.received", 11, figures())
    assert document.count("message.received", 10, figures())
    assert not document.count("message.received", 11, figures())  # the step retried within the batch
    assert document.count("message.analyzed", 4, figures())  # another topic, its own offsets
    document.settle()
    assert document.offsets == {"message.received": 11, "message.analyzed": 4}
    # Written, then the batch comes again (its threads were not written): nothing is counted twice.
    stored = DayFigures.from_document(document.to_document())
    assert stored.figures.messages_in == {"whatsapp": 3} and stored.offsets == document.offsets
    assert not stored.count("message.received", 10, figures()) and not stored.count("message.received", 11, figures())
    assert stored.count("message.received", 12, figures())
    assert stored.figures.messages_in == {"whatsapp": 4}
    assert stored.count(None, None, figures())  # outside a consumer (no position): counted


def test_the_document_round_trips_packed():
    document = DayFigures(tenant="demo", day="2026-12-06", partition=2)
    f = figures(2)
    f.resolution.add(3600)
    document.count("thread.command", 7, f)
    document.settle()
    stored = document.to_document()
    assert stored["_id"] == "demo/2026-12-06/2" == document.id
    assert set(stored) == {"_id", "tenant", "day", "partition", "offsets", "figures"}
    assert isinstance(stored["figures"], bytes)  # one value for FerretDB to convert
    assert DayFigures.from_document(stored) == document


def test_a_period_is_every_tenant_day_and_partition():
    ids = period_ids(["demo", "aurora"], ["2026-12-05", "2026-12-06"], 3)
    assert len(ids) == 12 == len(set(ids)) and "aurora/2026-12-06/2" in ids


def test_the_day_is_the_utc_date():
    assert day_of(datetime(2026, 12, 6, 23, 59, tzinfo=UTC)) == "2026-12-06"
    assert day_of(datetime(2026, 12, 6, 23, 0, tzinfo=timezone(timedelta(hours=-3)))) == "2026-12-07"
    assert day_of(datetime(2026, 12, 6, 0, 30)) == "2026-12-06"
    buenos_aires = ZoneInfo("America/Argentina/Buenos_Aires")  # UTC-3
    assert day_of(datetime(2026, 12, 7, 2, 59, tzinfo=UTC), buenos_aires) == "2026-12-06"
    assert day_of(datetime(2026, 12, 7, 3, 0, tzinfo=UTC), buenos_aires) == "2026-12-07"
    assert day_of(datetime(2026, 12, 7, 2, 0), buenos_aires) == "2026-12-06"  # naive: UTC
