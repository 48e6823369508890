"""Operators' commands and the router's timers, applied by the router process in order with the customer's
messages (real Kafka, FerretDB): the router is the only writer of a thread (docs/adr/0001)."""

import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from parley_business import BusinessUnitStore, UnitSettings
from parley_contracts import CommandAction, Event, OutboundContent
from parley_conversations.documents import ThreadRecord
from parley_conversations.operators import Availability, Operator, Role
from parley_conversations.roster import OperatorDirectory
from tests.events import ANA, analyzed, command, received
from tests.kafka_helpers import eventually, publish_events, wait_for_records

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def router(services):
    return services("router", ROUTER_TIMER_SECONDS="0.5", ROUTER_ASSIGN_RETRY_SECONDS="1", ROSTER_REFRESH_SECONDS="0")


def tenant() -> str:
    return "it-" + uuid.uuid4().hex[:8]


async def updates_for(infra, thread_key: str, count: int, **kwargs) -> list[dict]:
    return await wait_for_records(
        infra.kafka_bootstrap, "thread.updated", lambda v: v.get("thread_key") == thread_key, count=count, **kwargs
    )


def in_sequence(*makers: Callable[[], Event]) -> list[Event]:
    """Events made a few milliseconds apart, as they would be in life (timelines sort by event time)."""
    events = []
    for make in makers:
        events.append(make())
        time.sleep(0.005)
    return events


async def test_commands_are_applied_in_order_with_the_customers_messages(router, infra, db):
    first = received("hello")
    customer = first.contact.id
    second, third, fourth = (received(text, wa_id=customer) for text in ("are you there?", "thanks!", "one more"))
    reply = command(first, CommandAction.REPLY, content=OutboundContent(text="Hi, Ana here"))
    events = in_sequence(
        lambda: first.model_copy(update={"occurred_at": datetime.now(UTC)}),
        lambda: analyzed(first, reply="Hello! How can I help?", confidence=0.9),
        lambda: command(first, CommandAction.TAKE_OVER),
        lambda: second.model_copy(update={"occurred_at": datetime.now(UTC)}),
        lambda: analyzed(second, reply="The bot must not say this", confidence=0.9),
        lambda: reply.model_copy(update={"occurred_at": datetime.now(UTC)}),
        lambda: command(first, CommandAction.HAND_BACK, reason="all sorted"),
        lambda: third.model_copy(update={"occurred_at": datetime.now(UTC)}),
        lambda: analyzed(third, reply="You're welcome!", confidence=0.9),
        lambda: command(first, CommandAction.RESOLVE),
        lambda: fourth.model_copy(update={"occurred_at": datetime.now(UTC)}),
    )
    await publish_events(infra.kafka_bootstrap, events)

    thread = await eventually(
        lambda: db["threads"].find_one({"_id": first.thread_key, "message_count": 7, "status": "bot"}), timeout=30
    )
    assert thread.get("assignee") is None and thread["version"] == 11
    messages = [m async for m in db["messages"].find({"thread_key": first.thread_key}).sort([("at", 1), ("_id", 1)])]
    said = [(m["author"], m["text"]) for m in messages if m["type"] != "activity"]
    assert said == [
        ("customer", "hello"),
        ("bot", "Hello! How can I help?"),
        ("customer", "are you there?"),
        ("operator", "Hi, Ana here"),
        ("customer", "thanks!"),
        ("bot", "You're welcome!"),
        ("customer", "one more"),
    ]
    notes = [m["text"] for m in messages if m["type"] == "activity"]
    assert notes == [
        "Ana Lima took over",
        "Ana Lima handed the conversation back to the bot",
        "Ana Lima resolved the conversation",
        "Reopened: the customer wrote again",
    ]
    operator_message = next(m for m in messages if m["author"] == "operator")
    assert operator_message["author_id"] == ANA.id and operator_message["author_name"] == "Ana Lima"

    sends = await wait_for_records(
        infra.kafka_bootstrap, "message.send", lambda v: v.get("thread_key") == first.thread_key, count=3, settle=2
    )
    assert [(s["author"], s["content"]["text"]) for s in sends] == [
        ("bot", "Hello! How can I help?"),
        ("operator", "Hi, Ana here"),
        ("bot", "You're welcome!"),
    ]
    answers = [u for u in await updates_for(infra, first.thread_key, 11) if u.get("command_id")]
    assert [(u["outcome"], u["thread"]["status"]) for u in answers] == [
        ("applied", "human"),
        ("applied", "human"),
        ("applied", "bot"),
        ("applied", "resolved"),
    ]
    assert any(u["command_id"] == reply.command_id for u in answers)


async def test_an_illegal_command_is_refused_with_its_reason_and_changes_nothing(router, infra, db):
    inbound = received("hi")
    resolve = command(inbound, CommandAction.RESOLVE)
    hand_back = command(inbound, CommandAction.HAND_BACK)
    unknown = command(inbound, CommandAction.ASSIGN, operator_id="op_nobody")
    await publish_events(infra.kafka_bootstrap, [inbound, resolve, hand_back, unknown])
    answers = await wait_for_records(
        infra.kafka_bootstrap,
        "thread.updated",
        lambda v: v.get("command_id") in {resolve.command_id, hand_back.command_id, unknown.command_id},
        count=3,
    )
    by_id = {a["command_id"]: a for a in answers}
    assert by_id[resolve.command_id]["outcome"] == "applied"
    assert by_id[hand_back.command_id]["outcome"] == "rejected"
    assert "resolved" in by_id[hand_back.command_id]["reason"]
    assert by_id[unknown.command_id]["outcome"] == "rejected" and "op_nobody" in by_id[unknown.command_id]["reason"]
    thread = await db["threads"].find_one({"_id": inbound.thread_key})
    assert thread["status"] == "resolved" and thread["version"] == 2


async def test_a_private_note_is_kept_in_the_timeline_in_any_status_and_never_sent(router, infra, db):
    inbound = received("my order never arrived")
    resolve = command(inbound, CommandAction.RESOLVE)
    note = command(inbound, CommandAction.NOTE, content=OutboundContent(text="Carrier says Tuesday; call back then"))
    blank = command(inbound, CommandAction.NOTE, content=OutboundContent(text="   "))
    await publish_events(infra.kafka_bootstrap, [inbound, resolve, note, blank])
    answers = await wait_for_records(
        infra.kafka_bootstrap,
        "thread.updated",
        lambda v: v.get("command_id") in {note.command_id, blank.command_id},
        count=2,
    )
    by_id = {a["command_id"]: a for a in answers}
    added = by_id[note.command_id]
    assert added["outcome"] == "applied" and added["transitions"] == []
    [line] = added["messages"]
    assert (line["direction"], line["author"], line["type"], line["author_name"]) == (
        "internal",
        "operator",
        "note",
        ANA.name,
    )
    assert line["text"] == "Carrier says Tuesday; call back then" and line["send_id"] is None
    assert by_id[blank.command_id]["outcome"] == "rejected" and "needs text" in by_id[blank.command_id]["reason"]
    thread = await db["threads"].find_one({"_id": inbound.thread_key})
    assert thread["status"] == "resolved"  # a note does not reopen the conversation
    assert thread["message_count"] == 1 and thread["last_message"]["author"] == "customer"  # nor is it a line of it
    stored = await db["messages"].find_one({"_id": line["id"]})
    assert stored is not None and stored["direction"] == "internal" and stored["type"] == "note"
    sent = await wait_for_records(  # the note was applied: had it been sent, its message.send would be there
        infra.kafka_bootstrap, "message.send", lambda v: v.get("thread_key") == inbound.thread_key, count=0, settle=1.5
    )
    assert sent == []


async def test_a_handoff_goes_to_the_least_loaded_online_operator_and_resolving_frees_them(router, infra, db):
    unit = tenant()
    directory = OperatorDirectory(db)
    for name, availability in (
        ("busy", Availability.ONLINE),
        ("free", Availability.ONLINE),
        ("away", Availability.AWAY),
    ):
        await directory.create(
            Operator(
                id=f"op_{unit}_{name}",
                email=f"{name}@{unit}.test",
                name=name.title(),
                role=Role.OPERATOR,
                tenants=[unit],
                availability=availability,
                created_at=datetime.now(UTC),
            )
        )
    await db["workload"].insert_one(
        {"_id": f"op_{unit}_busy:9", "operator_id": f"op_{unit}_busy", "partition": 9, "threads": ["x", "y"]}
    )
    inbound = received("a person, please", tenant=unit)
    await publish_events(infra.kafka_bootstrap, [analyzed(inbound, wants_human=True)])
    thread = await eventually(lambda: db["threads"].find_one({"_id": inbound.thread_key, "assignee.id": {"$ne": None}}))
    assert thread["assignee"] == {"id": f"op_{unit}_free", "name": "Free"} and thread["status"] == "needs_human"
    load = await eventually(lambda: db["workload"].find_one({"operator_id": f"op_{unit}_free"}))
    assert load["threads"] == [inbound.thread_key]

    await publish_events(infra.kafka_bootstrap, [command(inbound, CommandAction.RESOLVE)])
    assert await eventually(
        lambda: db["workload"].find_one({"operator_id": f"op_{unit}_free", "threads": []}), timeout=15
    )


async def test_a_waiting_thread_is_assigned_when_someone_comes_online(router, infra, db):
    unit = tenant()
    inbound = received("a person, please", tenant=unit)
    await publish_events(infra.kafka_bootstrap, [analyzed(inbound, wants_human=True)])
    await eventually(lambda: db["threads"].find_one({"_id": inbound.thread_key, "status": "needs_human"}))
    await OperatorDirectory(db).create(
        Operator(
            id=f"op_{unit}_late",
            email=f"late@{unit}.test",
            name="Late",
            role=Role.OPERATOR,
            tenants=[unit],
            availability=Availability.ONLINE,
            created_at=datetime.now(UTC),
        )
    )
    thread = await eventually(
        lambda: db["threads"].find_one({"_id": inbound.thread_key, "assignee.id": f"op_{unit}_late"}), timeout=20
    )
    assert thread["status"] == "needs_human"


async def test_a_silent_conversation_is_resolved_once_and_the_bots_session_cleared(router, infra, db):
    unit = tenant()
    await BusinessUnitStore(db).put(unit, UnitSettings(idle_timeout_seconds=2))
    quiet = received("hi", tenant=unit)
    await publish_events(infra.kafka_bootstrap, [analyzed(quiet, reply="Hello!", confidence=0.9)])
    thread = await eventually(
        lambda: db["threads"].find_one({"_id": quiet.thread_key, "status": "resolved"}), timeout=20
    )
    assert ThreadRecord.from_document(thread).recent == [] and thread["context_reset_at"] is not None
    notes = [m async for m in db["messages"].find({"thread_key": quiet.thread_key, "type": "activity"})]
    assert [n["text"] for n in notes] == ["Resolved after no customer message for 2 s"]
    assert notes[0]["data"]["transition"]["actor"]["kind"] == "system"
    # Later ticks do not resolve it again.
    later = received("back again", tenant=unit, wa_id=quiet.contact.id)
    await publish_events(infra.kafka_bootstrap, [later])
    reopened = await eventually(lambda: db["threads"].find_one({"_id": quiet.thread_key, "status": "bot"}))
    assert reopened["message_count"] == 3


async def test_start_over_resets_the_bots_session_in_the_customers_language(router, infra, db):
    inbound = received("hola")
    reset = received("empezar de nuevo", wa_id=inbound.contact.id)
    reset_analysis = analyzed(reset, reply="no", confidence=0.9)
    reset_analysis.analysis.language = "es"
    await publish_events(infra.kafka_bootstrap, [analyzed(inbound, reply="¡Hola!", confidence=0.9), reset_analysis])
    sends = await wait_for_records(
        infra.kafka_bootstrap, "message.send", lambda v: v.get("thread_key") == inbound.thread_key, count=2
    )
    assert sends[-1]["content"]["text"] == "Empecemos de nuevo. ¿En qué te puedo ayudar?"
    thread = await eventually(
        lambda: db["threads"].find_one({"_id": inbound.thread_key, "context_reset_at": {"$ne": None}})
    )
    assert [t.text for t in ThreadRecord.from_document(thread).recent] == [
        "Empecemos de nuevo. ¿En qué te puedo ayudar?"
    ]
