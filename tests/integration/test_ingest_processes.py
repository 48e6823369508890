"""INGEST_PROCESSES=2 against the real broker: the helper answers webhooks on the first process's port, reads no
mailbox, and the processes live and die together (parley_ingest.processes)."""

import os
import signal
import time
import uuid
from pathlib import Path

import pytest

from parley_business import ChannelAccountIn
from parley_contracts import Channel
from parley_devstack.services import RunningStack
from tests.integration.test_ingest_service import META, SECRET, sign, whatsapp_text
from tests.kafka_helpers import eventually, wait_for_records

pytestmark = pytest.mark.integration


def helpers_of(pid: int) -> list[int]:
    return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def environment_of(pid: int) -> list[bytes]:
    return Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")


def gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
            if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
                return True  # exited, not yet reaped by its parent
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
async def two_processes(services, channel_accounts) -> RunningStack:
    await channel_accounts.put(
        Channel.WHATSAPP,
        META.whatsapp_phone_number_id,
        ChannelAccountIn(tenant="aurora", secrets={"access_token": "t"}),
    )
    stack = services("ingest", WHATSAPP_APP_SECRET=SECRET, INGEST_PROCESSES="2")
    first = stack.children["ingest"].proc.pid
    assert await eventually(lambda: helpers_of(first), timeout=30), "no helper started"
    return stack


async def test_the_helper_answers_on_the_same_port_while_the_first_process_is_paused(two_processes, http, infra):
    first = two_processes.children["ingest"].proc.pid
    [helper] = helpers_of(first)
    wamid = f"wamid.{uuid.uuid4().hex}"
    body = whatsapp_text(wamid, "5215550101", "¿a qué hora abren?")
    os.kill(first, signal.SIGSTOP)  # only the helper can accept now
    try:
        response = await http.post(
            two_processes.url("ingest") + "/webhooks/whatsapp", content=body, headers=sign(body), timeout=20
        )
    finally:
        os.kill(first, signal.SIGCONT)
    assert response.status_code == 200
    [record] = await wait_for_records(
        infra.kafka_bootstrap, "message.received", lambda v: v.get("provider_message_id") == wamid, timeout=20
    )
    assert record["tenant"] == "aurora"
    assert b"EMAIL_READERS_ENABLED=false" in environment_of(helper)  # one reader per mailbox: the first process's


async def test_a_helper_that_dies_takes_the_first_process_with_it(two_processes):
    child = two_processes.children["ingest"]
    [helper] = helpers_of(child.proc.pid)
    os.kill(helper, signal.SIGKILL)
    # A failure the supervisor sees (it restarts them all), not a clean stop.
    assert child.proc.wait(30) == 1, "the first process kept serving without its helper, or exited as if stopped"


async def test_a_killed_first_process_takes_its_helper_with_it(two_processes):
    first = two_processes.children["ingest"].proc.pid
    [helper] = helpers_of(first)
    os.kill(first, signal.SIGKILL)  # only this process: not its group
    assert gone(helper, 30), "the helper outlived the first process"


async def test_sigterm_stops_both(two_processes):
    child = two_processes.children["ingest"]
    [helper] = helpers_of(child.proc.pid)
    os.kill(child.proc.pid, signal.SIGTERM)  # the process alone, as docker stop does: not its group
    assert child.proc.wait(30) == -signal.SIGTERM  # uvicorn ends by the signal it caught, once drained
    assert gone(helper, 1), "the helper was not stopped before the first process ended"
