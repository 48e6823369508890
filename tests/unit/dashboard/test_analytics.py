"""The figures of GET /api/analytics added up from daily figures documents (parley_dashboard.analytics): every
partition's and day's documents summed, in any order, into the keys the console reads; the period's days taken in
each business unit's time zone."""

import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from parley_conversations.daily_figures import DayFigures, Figures
from parley_conversations.operators import Operator, Role
from parley_dashboard.analytics import Period, period, report

UNTIL = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
PERIOD = Period(since=datetime(2026, 11, 27, tzinfo=UTC), time_zone="UTC", document_ids=[])
T0 = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
ANA = Operator(
    id="op_ana", email="ana@demo.local", name="Ana Lima", role=Role.OPERATOR, tenants=["demo"], created_at=T0
)
BEN = Operator(
    id="op_ben", email="ben@demo.local", name="Ben Okafor", role=Role.OPERATOR, tenants=["demo"], created_at=T0
)


def document(day: str, partition: int, **counts) -> DayFigures:
    figures = Figures()
    for name, value in counts.items():
        if isinstance(value, dict):
            getattr(figures, name).update(value)
        elif isinstance(value, list):
            for seconds in value:
                getattr(figures, name).add(seconds)
        else:
            setattr(figures, name, value)
    return DayFigures(tenant="demo", day=day, partition=partition, figures=figures)


DOCUMENTS = [
    document(
        "2026-12-02",
        0,
        conversations={"whatsapp": 2},
        messages_in={"whatsapp": 3},
        messages_out={"whatsapp": 3},
        analysed=3,
        answered=2,
        languages={"en": 2, "es": 1},
        sentiment={"neutral": 2, "negative": 1},
        categories={"inquiry": 2, "complaint": 1},
        handoffs={"customer_asked": 1},
        first_response=[0.5, 1.0],
    ),
    document(
        "2026-12-02",
        1,
        conversations={"telegram": 1},
        messages_in={"telegram": 1},
        messages_out={"telegram": 2},
        analysed=1,
        languages={"pt": 1},
        sentiment={"positive": 1},
        categories={"greeting": 1},
        handoffs={"operator": 1, "customer_asked": 1},
        resolved=1,
        replies_by={"op_ana": 1},
        resolved_by={"op_ana": 1},
        names={"op_ana": "Ana Lima", "op_old": "Olga Former"},
        first_response=[120.0],
        resolution=[600.0],
    ),
    document("2026-12-03", 0, messages_in={"whatsapp": 1}, analysed=1, languages={"en": 1}),
]


def test_totals_and_rates():
    totals = report("demo", PERIOD, UNTIL, DOCUMENTS, [ANA, BEN], {}).totals
    assert totals.model_dump() == {
        "conversations": 3,
        "messages_in": 5,
        "messages_out": 5,
        "handoffs": 3,
        "handoff_rate": 1.0,
        "bot_answer_rate": 0.4,
        "resolved": 1,
    }


def test_per_day_by_channel_and_breakdowns_most_frequent_first():
    out = report("demo", PERIOD, UNTIL, DOCUMENTS, [], {})
    assert [(d.day, d.channel, d.conversations, d.messages) for d in out.per_day] == [
        ("2026-12-02", "telegram", 1, 3),
        ("2026-12-02", "whatsapp", 2, 6),
        ("2026-12-03", "whatsapp", 0, 1),
    ]
    assert [(k.key, k.count) for k in out.languages] == [("en", 3), ("es", 1), ("pt", 1)]
    assert [(r.key, r.count) for r in out.handoff_reasons] == [("customer_asked", 2), ("operator", 1)]
    assert out.handoff_reasons[0].label == "the customer asked for a person"


def test_durations_from_the_histograms():
    out = report("demo", PERIOD, UNTIL, DOCUMENTS, [], {})
    first = out.first_response_seconds
    assert first.count == 3 and 0.9 < first.p50 < 1.1 and 80 < first.p90 < 120
    resolution = out.resolution_seconds
    assert resolution.count == 1 and resolution.p50 == resolution.p90 and 560 < resolution.p50 < 640


def test_operators_hold_reply_and_resolve():
    out = report("demo", PERIOD, UNTIL, DOCUMENTS, [ANA, BEN], {"op_ben": 2, "op_gone": 0})
    rows = [(o.operator_id, o.name, o.open_threads, o.replies, o.resolved) for o in out.operators]
    assert rows == [
        ("op_ana", "Ana Lima", 0, 1, 1),
        ("op_ben", "Ben Okafor", 2, 0, 0),
        ("op_old", "Olga Former", 0, 0, 0),  # acted in the period, no longer on the roster
    ]


def test_the_order_of_documents_does_not_matter():
    shuffled = DOCUMENTS[:]
    random.Random(3).shuffle(shuffled)
    assert report("demo", PERIOD, UNTIL, shuffled, [ANA], {}) == report("demo", PERIOD, UNTIL, DOCUMENTS, [ANA], {})


def test_nothing_in_the_period():
    out = report(None, PERIOD, UNTIL, [], [], {})
    assert out.totals.conversations == 0 and out.totals.handoff_rate == 0.0 and out.totals.bot_answer_rate == 0.0
    assert out.per_day == [] and out.operators == []
    assert out.first_response_seconds.model_dump() == {"p50": None, "p90": None, "count": 0}
    assert out.since == PERIOD.since and out.time_zone == "UTC"


def test_the_response_has_exactly_the_frontend_keys():
    body = report("demo", PERIOD, UNTIL, DOCUMENTS, [ANA], {}).model_dump(mode="json")
    assert set(body) == {
        "tenant",
        "since",
        "until",
        "time_zone",
        "totals",
        "per_day",
        "languages",
        "sentiment",
        "categories",
        "handoff_reasons",
        "first_response_seconds",
        "resolution_seconds",
        "operators",
    }
    assert set(body["totals"]) == {
        "conversations",
        "messages_in",
        "messages_out",
        "handoffs",
        "handoff_rate",
        "bot_answer_rate",
        "resolved",
    }
    assert set(body["per_day"][0]) == {"day", "channel", "conversations", "messages"}
    assert set(body["handoff_reasons"][0]) == {"key", "label", "count"}
    assert set(body["operators"][0]) == {"operator_id", "name", "open_threads", "replies", "resolved"}


BUENOS_AIRES = ZoneInfo("America/Argentina/Buenos_Aires")  # UTC-3, no daylight saving time
KOLKATA = ZoneInfo("Asia/Kolkata")  # UTC+5:30


def test_a_units_days_run_from_its_own_midnight():
    late_evening_in_buenos_aires = datetime(2026, 12, 3, 1, 30, tzinfo=UTC)  # 22:30 on 2 December there
    days = period(late_evening_in_buenos_aires, 2, {"solmar": BUENOS_AIRES}, partitions=2)
    assert days.document_ids == [
        "solmar/2026-12-01/0",
        "solmar/2026-12-01/1",
        "solmar/2026-12-02/0",
        "solmar/2026-12-02/1",
    ]
    assert days.since == datetime(2026, 12, 1, 3, 0, tzinfo=UTC) and days.since.utcoffset() == timedelta(hours=-3)
    assert days.time_zone == "America/Argentina/Buenos_Aires"


def test_units_in_different_zones_each_count_their_own_days():
    at = datetime(2026, 12, 3, 1, 30, tzinfo=UTC)  # 2 December in Buenos Aires, 3 December in Kolkata and in UTC
    days = period(at, 1, {"solmar": BUENOS_AIRES, "aurora": KOLKATA, "demo": ZoneInfo("UTC")}, partitions=1)
    assert days.document_ids == ["solmar/2026-12-02/0", "aurora/2026-12-03/0", "demo/2026-12-03/0"]
    assert days.time_zone is None
    assert days.since == datetime(2026, 12, 2, 3, 0, tzinfo=UTC) and days.since.tzinfo == UTC  # the earliest midnight


def test_the_same_zone_everywhere_is_named():
    days = period(UNTIL, 7, {"a": KOLKATA, "b": ZoneInfo("Asia/Kolkata")}, partitions=1)
    assert days.time_zone == "Asia/Kolkata" and len(days.document_ids) == 14
    assert days.since == datetime(2026, 11, 27, tzinfo=KOLKATA)


def test_no_business_unit_is_an_empty_period_of_utc_days():
    days = period(UNTIL, 7, {}, partitions=3)
    assert days.document_ids == [] and days.time_zone == "UTC"
    assert UNTIL - days.since == timedelta(days=6, hours=12)
