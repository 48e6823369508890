"""The live hub marks who is at a console (parley_dashboard.live, parley_conversations.presence): people, not
integrations; at once on connecting and every beat after; a store that fails never ends anyone's stream."""

import asyncio
import contextlib

from parley_conversations.operators import Role
from parley_dashboard.auth.principal import Principal
from parley_dashboard.live import Connection, LiveHub

ANA = Principal(kind="operator", id="op_ana", name="Ana", role=Role.OPERATOR, tenants=frozenset({"demo"}))
CRM = Principal(kind="integration", id="key_crm", name="CRM", role=Role.ADMIN, tenants=None)


class Presence:
    def __init__(self, failing: bool = False) -> None:
        self.marked: list[set[str]] = []
        self.failing = failing

    async def seen(self, operator_ids, at) -> None:
        if self.failing:
            raise ConnectionError("store away")
        self.marked.append(set(operator_ids))


class Socket:
    """A console that says hello and goes away when told."""

    def __init__(self) -> None:
        self.sent: list[dict] = []
        self.gone = asyncio.Event()

    async def send_json(self, event: dict) -> None:
        self.sent.append(event)

    async def receive(self) -> dict:
        await self.gone.wait()
        return {"type": "websocket.disconnect"}


def test_only_people_are_at_a_console():
    hub = LiveHub()
    hub._connections |= {Connection(Socket(), ANA), Connection(Socket(), CRM)}  # type: ignore[arg-type]
    assert hub.people() == {"op_ana"}


async def test_a_person_is_marked_on_connecting_and_every_beat_while_connected():
    presence = Presence()
    hub = LiveHub(presence, beat_seconds=0.01)  # type: ignore[arg-type]
    socket = Socket()
    serving = asyncio.create_task(hub.serve(socket, ANA, {"type": "hello"}))  # type: ignore[arg-type]
    beats = asyncio.create_task(hub.keep_presence())
    await asyncio.sleep(0.1)
    assert presence.marked[0] == {"op_ana"} and len(presence.marked) >= 3  # on connecting, then each beat
    socket.gone.set()
    await serving
    marked = len(presence.marked)
    await asyncio.sleep(0.05)
    assert all(ids == set() for ids in presence.marked[marked:])  # gone: nobody left to mark
    beats.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await beats


async def test_a_failing_store_does_not_end_the_stream():
    hub = LiveHub(Presence(failing=True), beat_seconds=0.01)  # type: ignore[arg-type]
    socket = Socket()
    serving = asyncio.create_task(hub.serve(socket, ANA, {"type": "hello"}))  # type: ignore[arg-type]
    await asyncio.sleep(0.05)
    assert socket.sent[0] == {"type": "hello"} and hub.connections == 1
    socket.gone.set()
    await serving
    assert hub.connections == 0
