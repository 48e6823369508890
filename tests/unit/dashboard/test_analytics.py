"""The figures of GET /api/analytics from thread and message rows (parley_dashboard.analytics): what each counts,
in any row order."""

import random
from datetime import UTC, datetime, timedelta
from typing import Any

from parley_conversations.operators import Operator, Role
from parley_dashboard.analytics import Tally, percentile

UNTIL = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
SINCE = UNTIL - timedelta(days=7)
T0 = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
ANA = Operator(
    id="op_ana", email="ana@demo.local", name="Ana Lima", role=Role.OPERATOR, tenants=["demo"], created_at=T0
)
BEN = Operator(
    id="op_ben", email="ben@demo.local", name="Ben Okafor", role=Role.OPERATOR, tenants=["demo"], created_at=T0
)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def thread(key: str, created: datetime, status: str = "bot", assignee: str | None = None, channel: str = "whatsapp"):
    return {
        "_id": key,
        "tenant": "demo",
        "channel": channel,
        "created_at": created,
        "status": status,
        "assignee": {"id": assignee, "name": None} if assignee else None,
    }


def customer(key: str, mid: str, seconds: float, *, language="en", sentiment="neutral", category="inquiry", reply=None):
    analysis: dict[str, Any] = {"language": language, "sentiment": {"label": sentiment}, "category": category}
    if reply:
        analysis["reply"] = {"text": reply}
    return {
        "_id": mid,
        "thread_key": key,
        "channel": "whatsapp",
        "direction": "in",
        "author": "customer",
        "at": at(seconds),
        "text": "question",
        "analysis": analysis,
    }


def bot(key: str, mid: str, seconds: float, text: str, in_reply_to: str):
    return {
        "_id": mid,
        "thread_key": key,
        "channel": "whatsapp",
        "direction": "out",
        "author": "bot",
        "at": at(seconds),
        "text": text,
        "in_reply_to": in_reply_to,
    }


def operator_reply(key: str, mid: str, seconds: float, operator: Operator):
    return {
        "_id": mid,
        "thread_key": key,
        "channel": "whatsapp",
        "direction": "out",
        "author": "operator",
        "author_id": operator.id,
        "author_name": operator.name,
        "at": at(seconds),
        "text": "Hi, I am here",
    }


def note(key: str, mid: str, seconds: float, trigger: str, from_status: str, to_status: str, **extra):
    actor = extra.pop("actor", {"kind": "bot", "id": None, "name": "Bot"})
    transition = {
        "trigger": trigger,
        "from_status": from_status,
        "to_status": to_status,
        "actor": actor,
        "at": at(seconds).isoformat(),
        **extra,
    }
    return {
        "_id": mid,
        "thread_key": key,
        "channel": "whatsapp",
        "direction": "internal",
        "author": "system",
        "at": at(seconds) + timedelta(milliseconds=1),
        "text": "a note",
        "data": {"transition": transition},
    }


ANA_ACTOR = {"kind": "operator", "id": "op_ana", "name": "Ana Lima"}

THREADS = [
    thread("th_a", at(0)),  # answered by the bot
    thread("th_b", at(100), status="human", assignee="op_ana"),  # asked for a person; Ana answers, holds it
    thread("th_c", at(200), status="resolved"),  # no answer → handoff; Ana resolves
    thread("th_old", SINCE - timedelta(days=3), status="needs_human", assignee="op_ben"),  # older, Ben holds it
    thread("th_tg", UNTIL - timedelta(hours=1), channel="telegram"),  # another day, another channel, no message
]
MESSAGES = [
    customer("th_a", "m_a1", 0, reply="We open at 9."),
    bot("th_a", "m_a2", 1, "We open at 9.", "m_a1"),
    customer("th_a", "m_a3", 10, sentiment="positive", category="feedback", reply="You're welcome!"),
    bot("th_a", "m_a4", 11, "You're welcome!", "m_a3"),
    customer("th_b", "m_b1", 100, language="es", sentiment="negative", reply="Abrimos a las 9."),
    note("th_b", "n_b1", 102, "handoff", "bot", "needs_human", reason="customer_asked"),
    bot("th_b", "m_b2", 102.5, "Una persona te responderá.", "m_b1"),  # not the suggestion: not an answer
    note("th_b", "n_b2", 103, "auto_assign", "needs_human", "needs_human", actor={"kind": "system"}),
    operator_reply("th_b", "m_b3", 160, ANA),
    note("th_b", "n_b3", 160, "operator_reply", "needs_human", "human", actor=ANA_ACTOR),
    customer("th_c", "m_c1", 200, language="pt"),  # analysed, no suggestion
    note("th_c", "n_c1", 203, "handoff", "bot", "needs_human", reason="no_answer"),
    bot("th_c", "m_c2", 203.5, "Uma pessoa vai responder.", "m_c1"),
    note("th_c", "n_c2", 500, "resolve", "needs_human", "resolved", actor=ANA_ACTOR),
    # Before the period: not counted (the row may still come from a wider query).
    customer("th_old", "m_o1", -10 * 86400),
    # The old thread, handed to the team by a person in the period.
    note("th_old", "n_o1", 300, "assign", "bot", "needs_human", actor=ANA_ACTOR, reason="VIP: handle with care"),
    operator_reply("th_old", "m_o2", 400, BEN),
]


def report(messages=MESSAGES, threads=THREADS):
    tally = Tally(SINCE, UNTIL)
    for row in threads:
        tally.add_thread(row)
    for row in messages:
        tally.add_message(row)
    return tally.report("demo", [ANA, BEN])


def test_totals():
    totals = report().totals
    assert totals.conversations == 4  # th_old was created before the period
    assert (totals.messages_in, totals.messages_out) == (4, 6)  # system notes are not messages
    assert totals.handoffs == 3 and totals.handoff_rate == 0.75
    assert totals.bot_answer_rate == 0.5  # two of four analysed customer messages answered by the bot itself
    assert totals.resolved == 1


def test_per_day_by_channel_and_breakdowns():
    out = report()
    assert [(d.day, d.channel, d.conversations, d.messages) for d in out.per_day] == [
        ("2026-12-02", "whatsapp", 3, 10),
        ("2026-12-03", "telegram", 1, 0),
    ]
    assert [(k.key, k.count) for k in out.languages] == [("en", 2), ("es", 1), ("pt", 1)]
    assert [(k.key, k.count) for k in out.sentiment] == [("neutral", 2), ("negative", 1), ("positive", 1)]
    assert [(k.key, k.count) for k in out.categories] == [("inquiry", 3), ("feedback", 1)]
    assert [(r.key, r.label, r.count) for r in out.handoff_reasons] == [
        ("customer_asked", "the customer asked for a person", 1),
        ("no_answer", "the bot found no answer", 1),
        ("operator", "an operator asked for it", 1),
    ]


def test_first_response_and_resolution():
    out = report()
    # th_a: 1 s (the bot), th_b: 2.5 s (the bot's holding message), th_c: 3.5 s.
    assert out.first_response_seconds.model_dump() == {"p50": 2.5, "p90": 3.3, "count": 3}
    assert out.resolution_seconds.model_dump() == {"p50": 300.0, "p90": 300.0, "count": 1}


def test_operators_hold_reply_and_resolve():
    rows = [(o.name, o.open_threads, o.replies, o.resolved) for o in report().operators]
    assert rows == [("Ana Lima", 1, 1, 1), ("Ben Okafor", 1, 1, 0)]


def test_the_order_of_rows_does_not_matter():
    expected = report().model_dump()
    for seed in range(5):
        shuffled = list(MESSAGES)
        random.Random(seed).shuffle(shuffled)
        assert report(shuffled, list(reversed(THREADS))).model_dump() == expected


def test_a_thread_handed_off_twice_counts_once_under_its_first_reason():
    rows = [
        *MESSAGES,
        note("th_c", "n_c3", 600, "customer_message", "resolved", "bot", actor={"kind": "customer"}),
        note("th_c", "n_c4", 601, "handoff", "bot", "needs_human", reason="low_confidence"),
    ]
    out = report(rows)
    assert out.totals.handoffs == 3
    assert {r.key: r.count for r in out.handoff_reasons} == {"customer_asked": 1, "no_answer": 1, "operator": 1}


def test_nothing_in_the_period():
    out = Tally(SINCE, UNTIL).report(None, [])
    assert out.totals.model_dump() == {
        "conversations": 0,
        "messages_in": 0,
        "messages_out": 0,
        "handoffs": 0,
        "handoff_rate": 0.0,
        "bot_answer_rate": 0.0,
        "resolved": 0,
    }
    assert out.per_day == [] and out.operators == []
    assert out.first_response_seconds.model_dump() == {"p50": None, "p90": None, "count": 0}


def test_percentiles_interpolate_between_ranks():
    assert percentile([], 0.5) is None
    assert percentile([7.0], 0.9) == 7.0
    assert percentile([4.0, 1.0, 3.0, 2.0], 0.5) == 2.5
    assert percentile([float(i) for i in range(1, 11)], 0.9) == 9.1


def test_the_response_has_exactly_the_frontend_keys():
    body = report().model_dump(mode="json")
    assert set(body) == {
        "tenant",
        "since",
        "until",
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
