"""Two router replicas in one consumer group share the partitions of all four input topics (co-partitioned,
range assignment): every thread is written by one of them, nothing is applied twice, and each silent
thread's idle timer fires once, on the instance that owns it."""

import asyncio
import sys
import uuid

import pytest

from parley_business import BusinessUnitStore, UnitSettings
from parley_devstack.process import Child, free_port
from tests.events import analyzed, received
from tests.kafka_helpers import eventually, publish_events, wait_for_records

pytestmark = pytest.mark.integration
THREADS = 30


async def test_two_replicas_split_the_work_and_apply_everything_once(services, infra, db, tmp_path):
    stack = services("router", ROUTER_TIMER_SECONDS="0.5")
    second = Child(
        "router-2",
        [sys.executable, "-m", "parley_router.main"],
        tmp_path / "router-2.log",
        env={**stack.env, "ROUTER_PORT": str(free_port())},
    )
    try:
        await asyncio.sleep(8)  # both members joined; the group has settled
        unit = "it-replicas-" + uuid.uuid4().hex[:6]
        await BusinessUnitStore(db).put(unit, UnitSettings(idle_timeout_seconds=4))
        inbound = [received(f"question {n}", tenant=unit) for n in range(THREADS)]
        events = [e for n, m in enumerate(inbound) for e in (m, analyzed(m, reply=f"answer {n}", confidence=0.9))]
        await publish_events(infra.kafka_bootstrap, events)

        async def all_resolved() -> bool:
            return await db["threads"].count_documents({"tenant": unit, "status": "resolved"}) == THREADS

        assert await eventually(all_resolved, timeout=60), "idle timers did not resolve every thread"
        await asyncio.sleep(3)  # a duplicate timer would fire within a few ticks
        for message in inbound:
            kinds = sorted(
                [(m["author"], m["type"]) async for m in db["messages"].find({"thread_key": message.thread_key})]
            )
            assert kinds == [("bot", "text"), ("customer", "text"), ("system", "activity")], message.thread_key
            thread = await db["threads"].find_one({"_id": message.thread_key})
            assert thread["message_count"] == 2
        sends = await wait_for_records(
            infra.kafka_bootstrap,
            "message.send",
            lambda v: v.get("tenant") == unit,
            count=THREADS,
        )
        assert len({s["send_id"] for s in sends}) == THREADS
        logs = [stack.children["router"].log_path.read_text(), (tmp_path / "router-2.log").read_text()]
        partitions = [
            {
                line.split('"partition": ')[1].split(",")[0]
                for line in log.splitlines()
                if "thread.inbound_appended" in line
            }
            for log in logs
        ]
        assert all(partitions), f"one replica did no work: {partitions}"
        assert not partitions[0] & partitions[1], f"a partition was written by both replicas: {partitions}"
    finally:
        second.stop()
