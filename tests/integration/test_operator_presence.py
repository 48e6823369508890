"""Closing the console is going away: with the router and dashboard-api on the real Kafka and FerretDB, an online
operator gets conversations by workload only while a console of theirs is connected to `WS /api/live` (or just after
logging in), within OPERATOR_PRESENCE_SECONDS (3 s here; dashboard-api marks the connected present every 0.5 s)."""

import asyncio

import httpx
import pytest
import websockets

from tests.auth import KEY, login
from tests.events import analyzed, received
from tests.kafka_helpers import eventually, publish_events

pytestmark = pytest.mark.integration
WINDOW_SECONDS = 3.0


@pytest.fixture(scope="module")
def stack(services):
    running = services(
        "router",
        "dashboard-api",
        OPERATOR_PRESENCE_SECONDS=str(WINDOW_SECONDS),
        PRESENCE_BEAT_SECONDS="0.5",
        ROSTER_REFRESH_SECONDS="0",
        ROUTER_ASSIGN_RETRY_SECONDS="1",  # a waiting thread is offered again every second
        ROUTER_TIMER_SECONDS="0.5",
        LOGIN_MAX_FAILURES_PER_ADDRESS="1000",
    )
    running.seed_demo()
    return running


async def _thread(http: httpx.AsyncClient, api: str, key: str) -> dict | None:
    response = await http.get(f"{api}/api/threads/{key}", headers=KEY)
    return response.json() if response.status_code == 200 else None


async def _assigned(http: httpx.AsyncClient, api: str, key: str) -> dict | None:
    thread = await _thread(http, api, key)
    return thread if thread and thread["assignee"] else None


async def _asks_for_a_person(stack, http: httpx.AsyncClient, text: str) -> dict:
    """A customer asks for a person; the thread once it waits for one (`needs_human`, maybe assigned)."""
    api = stack.url("dashboard-api")
    inbound = received(text)
    await publish_events(stack.env["KAFKA_BOOTSTRAP_SERVERS"], [inbound, analyzed(inbound, wants_human=True)])

    async def waiting() -> dict | None:
        thread = await _thread(http, api, inbound.thread_key)
        return thread if thread and thread["status"] == "needs_human" else None

    thread = await eventually(waiting, timeout=30)
    assert thread is not None, "the handoff never happened"
    return thread


async def test_conversations_go_to_the_operator_only_while_her_console_is_open(stack, http):
    api = stack.url("dashboard-api")
    ben = await login(http, api, "ben@demo.local")
    assert (await http.put(api + "/api/me/availability", json={"availability": "away"}, headers=ben)).status_code == 200
    ana = await login(http, api, "ana@demo.local")  # online, and present for the window after logging in
    token = ana["Authorization"].split()[1]

    team = (await http.get(api + "/api/team", params={"tenant": "demo"}, headers=KEY)).json()
    seen = {m["operator"]["name"]: m["last_seen_at"] for m in team}
    assert seen["Ana Lima"] is not None and seen["Ben Okafor"] is not None  # both logged in just now

    first = await _asks_for_a_person(stack, http, "I want to talk to a person")
    assert first["assignee"] and first["assignee"]["name"] == "Ana Lima", first["assignee"]

    await asyncio.sleep(WINDOW_SECONDS + 1)  # no console open: Ana is online, but nobody is there
    second = await _asks_for_a_person(stack, http, "can a human help me?")
    await asyncio.sleep(2)  # offered again twice meanwhile (ROUTER_ASSIGN_RETRY_SECONDS=1)
    unassigned = await _thread(http, api, second["thread_key"])
    assert unassigned is not None and unassigned["assignee"] is None, unassigned

    async with websockets.connect(f"{api.replace('http', 'ws')}/api/live?access_token={token}") as live:
        await live.recv()  # hello: she is present from now on

        # The waiting customer is offered again, now to Ana.
        taken = await eventually(lambda: _assigned(http, api, second["thread_key"]), timeout=15)
        assert taken is not None and taken["assignee"]["name"] == "Ana Lima", "the waiting customer was never assigned"
        await asyncio.sleep(WINDOW_SECONDS + 1)  # connected the whole time: still present
        third = await _asks_for_a_person(stack, http, "please put me through to someone")
        third = await eventually(lambda: _assigned(http, api, third["thread_key"]), timeout=15)
        assert third is not None and third["assignee"]["name"] == "Ana Lima"

    await asyncio.sleep(WINDOW_SECONDS + 1)  # the console closed: gone again
    fourth = await _asks_for_a_person(stack, http, "is anybody there?")
    await asyncio.sleep(2)
    left = await _thread(http, api, fourth["thread_key"])
    assert left is not None and left["assignee"] is None, left


async def test_logging_out_is_going_away_at_once(stack, http):
    api = stack.url("dashboard-api")
    ben = await login(http, api, "ben@demo.local")
    assert (await http.put(api + "/api/me/availability", json={"availability": "away"}, headers=ben)).status_code == 200
    ana = await login(http, api, "ana@demo.local")
    assert (await http.post(api + "/api/auth/logout", headers=ana)).status_code == 204
    thread = await _asks_for_a_person(stack, http, "I need someone from the team")  # within the login's window
    await asyncio.sleep(1.5)  # offered again meanwhile
    left = await _thread(http, api, thread["thread_key"])
    assert left is not None and left["assignee"] is None, left
