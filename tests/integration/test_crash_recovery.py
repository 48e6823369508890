"""SIGKILL the router in the middle of a stream: after a restart nothing is lost and nothing is stored twice
(offsets are committed only after a step's effects are durable; steps are idempotent: docs/architecture.md)."""

import asyncio

import pytest

from parley_contracts import CommandAction, OutboundContent
from tests.events import analyzed, command, received
from tests.kafka_helpers import eventually, first_of_each, publish_events, wait_for_records

pytestmark = pytest.mark.integration
MESSAGES = 60


async def test_router_killed_mid_stream_loses_and_duplicates_nothing(services, infra, db):
    stack = services("router")
    inbound = [received(f"question {i}") for i in range(MESSAGES)]
    pairs = [[event, analyzed(event, reply=f"answer to {event.dedupe_key}")] for event in inbound]
    # The router gathers what arrives together into one batch and writes it at once (parley_runtime.steps): a stream
    # published in one go could be answered in full by the first write the test sees. So the first half goes first,
    # and once the router has answered part of it, the second half, and the kill at once, while it is processed.
    half = MESSAGES // 2
    await publish_events(infra.kafka_bootstrap, [e for pair in pairs[:half] for e in pair])
    await eventually(lambda: db["messages"].count_documents({"direction": "out"}), timeout=30, interval=0.05)
    await publish_events(infra.kafka_bootstrap, [e for pair in pairs[half:] for e in pair])
    stack.children["router"].kill()
    done_before = await db["messages"].count_documents({"direction": "out"})
    stack.stop("router")
    stack.start("router")

    async def all_answered() -> bool:
        return await db["messages"].count_documents({"direction": "out"}) >= MESSAGES

    assert await eventually(all_answered, timeout=90), "replies missing after the restart"
    await asyncio.sleep(2)  # give a duplicate the chance to appear
    for event in inbound:
        messages = [m async for m in db["messages"].find({"thread_key": event.thread_key})]
        assert sorted(m["author"] for m in messages) == ["bot", "customer"], event.thread_key
        thread = await db["threads"].find_one({"_id": event.thread_key})
        assert thread["message_count"] == 2
    # At-least-once may publish a reply twice across the crash, but always under the same send_id, which
    # outbound sends once: distinct send_ids == messages. (Copies count towards `count`, so the wait reads on for
    # `settle` seconds after it: every send is in the topic by now.)
    sends = await wait_for_records(
        infra.kafka_bootstrap,
        "message.send",
        lambda v: v.get("in_reply_to") in {e.dedupe_key for e in inbound},
        count=MESSAGES,
        timeout=30,
        settle=2,
    )
    assert len({s["send_id"] for s in sends}) == MESSAGES
    assert done_before < MESSAGES, "the router finished before it was killed: the test proved nothing"


async def test_router_killed_during_a_stream_of_commands_applies_each_once(services, infra, db):
    stack = services("router")
    threads = [received(f"customer {i}") for i in range(20)]
    await publish_events(infra.kafka_bootstrap, threads)

    async def all_threads() -> bool:
        return await db["threads"].count_documents({"_id": {"$in": [t.thread_key for t in threads]}}) == len(threads)

    assert await eventually(all_threads, timeout=60)
    commands = [
        c
        for n, t in enumerate(threads)
        for c in (
            command(t, CommandAction.TAKE_OVER),
            command(t, CommandAction.REPLY, content=OutboundContent(text=f"reply {n}")),
            command(t, CommandAction.HAND_BACK),
            command(t, CommandAction.RESOLVE),
        )
    ]
    keys = [t.thread_key for t in threads]
    half = len(commands) // 2  # as in the test above: the kill while the second half is processed
    await publish_events(infra.kafka_bootstrap, commands[:half])
    await eventually(
        lambda: db["messages"].count_documents({"thread_key": {"$in": keys}, "type": "activity"}), interval=0.05
    )
    await publish_events(infra.kafka_bootstrap, commands[half:])
    stack.children["router"].kill()
    notes_before = await db["messages"].count_documents({"thread_key": {"$in": keys}, "type": "activity"})
    stack.stop("router")
    stack.start("router")

    async def all_resolved() -> bool:
        return await db["threads"].count_documents({"_id": {"$in": keys}, "status": "resolved"}) == len(threads)

    assert await eventually(all_resolved, timeout=90), "commands missing after the restart"
    await asyncio.sleep(2)
    for n, t in enumerate(threads):
        messages = [m async for m in db["messages"].find({"thread_key": t.thread_key})]
        said = sorted((m["author"], m["text"]) for m in messages if m["type"] != "activity")
        assert said == [("customer", f"customer {n}"), ("operator", f"reply {n}")], t.thread_key
        notes = sorted(m["text"] for m in messages if m["type"] == "activity")
        assert notes == sorted(
            [
                "Ana Lima took over",
                "Ana Lima handed the conversation back to the bot",
                "Ana Lima resolved the conversation",
            ]
        ), t.thread_key
        thread = await db["threads"].find_one({"_id": t.thread_key})
        assert thread["message_count"] == 2 and thread["version"] == 5
    sends = await wait_for_records(
        infra.kafka_bootstrap,
        "message.send",
        lambda v: v.get("thread_key") in set(keys),
        count=len(threads),
        settle=2,
    )
    assert len({s["send_id"] for s in sends}) == len(threads)
    # Each command's first answer (a replay may announce one again; copies must not end the wait early).
    answers = await wait_for_records(
        infra.kafka_bootstrap,
        "thread.updated",
        first_of_each("command_id", {c.command_id for c in commands}),
        count=len(commands),
    )
    assert {a["command_id"] for a in answers} == {c.command_id for c in commands}
    assert all(a["outcome"] == "applied" for a in answers)
    assert notes_before < 3 * len(threads), "the router finished before it was killed: the test proved nothing"
