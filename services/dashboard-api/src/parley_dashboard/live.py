"""Live updates for open consoles (`WS /api/live`): every thread change, new message and notification of the
caller's business units, as it happens.

Each dashboard-api replica reads all of `thread.updated` (no consumer group: every replica needs every
update for its own connections) and fans it out here. A connection that cannot keep up is closed, so the
console reconnects and reloads rather than silently missing updates.

The hub also says who is at work: the operators with a console connected here are marked present when they
connect and every `PRESENCE_BEAT_SECONDS` after (parley_conversations.presence), so the router stops assigning to
someone whose consoles are all closed."""

import asyncio
import contextlib
from dataclasses import dataclass, field
from typing import Any

import structlog
from fastapi import WebSocket

from parley_contracts import ThreadUpdated, utcnow
from parley_conversations.presence import PresenceStore
from parley_dashboard.auth.principal import Principal
from parley_dashboard.notifications import Notification

log = structlog.get_logger()
QUEUE_LIMIT = 1000
SLOW_CONSUMER = 1013  # "try again later": the console reconnects


@dataclass(eq=False)
class Connection:
    websocket: WebSocket
    principal: Principal
    queue: asyncio.Queue[dict[str, Any]] = field(default_factory=lambda: asyncio.Queue(QUEUE_LIMIT))


def thread_event(update: ThreadUpdated) -> dict[str, Any]:
    return {
        "type": "thread.updated",
        "event_id": update.event_id,
        "thread_key": update.thread_key,
        "tenant": update.tenant,
        "cause": update.cause,
        "thread": update.thread.model_dump(mode="json") if update.thread else None,
        "messages": [m.model_dump(mode="json") for m in update.messages],
        "transitions": [t.model_dump(mode="json") for t in update.transitions],
        "command_id": update.command_id,
        "outcome": update.outcome,
        "reason": update.reason,
    }


def notification_event(note: Notification) -> dict[str, Any]:
    return {"type": "notification", "notification": note.model_dump(mode="json", exclude={"email"})}


class LiveHub:
    def __init__(self, presence: PresenceStore | None = None, beat_seconds: float = 20.0) -> None:
        self._connections: set[Connection] = set()
        self._presence = presence
        self._beat = beat_seconds

    def people(self) -> set[str]:
        """The operators with a console connected here (not integrations' API keys)."""
        return {c.principal.id for c in self._connections if c.principal.is_person}

    async def keep_presence(self) -> None:
        """Every beat, mark the people connected here present (one write per person, by `_id`)."""
        if self._presence is None:
            return
        while True:
            await asyncio.sleep(self._beat)
            await self._mark_present(self.people())

    async def _mark_present(self, operator_ids: set[str]) -> None:
        if self._presence is None:
            return
        try:
            await self._presence.seen(operator_ids, utcnow())
        except Exception as exc:  # the store is away: the next beat tries again; the stream goes on
            log.warning("live.presence_not_written", error=type(exc).__name__)

    @property
    def connections(self) -> int:
        return len(self._connections)

    def publish(self, update: ThreadUpdated, notes: list[Notification]) -> None:
        event = thread_event(update)
        for conn in list(self._connections):
            if conn.principal.sees(update.tenant):
                self._offer(conn, event)
            for note in notes:
                if note.recipient == conn.principal.id:
                    self._offer(conn, notification_event(note))

    def _offer(self, conn: Connection, event: dict[str, Any]) -> None:
        try:
            conn.queue.put_nowait(event)
        except asyncio.QueueFull:
            log.warning("live.slow_consumer_closed", principal=conn.principal.id)
            self._connections.discard(conn)
            asyncio.get_running_loop().create_task(conn.websocket.close(SLOW_CONSUMER, "too slow: reconnect"))

    async def serve(
        self, websocket: WebSocket, principal: Principal, hello: dict[str, Any], ping_every: float = 25.0
    ) -> None:
        """Stream to one accepted connection until it goes away."""
        conn = Connection(websocket, principal)
        self._connections.add(conn)
        if principal.is_person:
            await self._mark_present({principal.id})
        log.info("live.connected", principal=principal.id, connections=len(self._connections))
        receiver = asyncio.create_task(self._drain_incoming(websocket))
        getter: asyncio.Task[dict[str, Any]] | None = None
        try:
            await websocket.send_json(hello)
            while True:
                getter = asyncio.create_task(conn.queue.get())
                done, _ = await asyncio.wait(
                    {getter, receiver}, timeout=ping_every, return_when=asyncio.FIRST_COMPLETED
                )
                if receiver in done:
                    break
                event = getter.result() if getter in done else {"type": "ping"}
                await websocket.send_json(event)
        except Exception as exc:  # the peer went away mid-send
            log.info("live.send_stopped", error=type(exc).__name__)
        finally:
            if getter is not None:
                getter.cancel()
            receiver.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await receiver
            self._connections.discard(conn)
            log.info("live.disconnected", principal=principal.id, connections=len(self._connections))

    @staticmethod
    async def _drain_incoming(websocket: WebSocket) -> None:
        """Clients may send pings; a closed socket ends the stream."""
        while True:
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                return

    async def close_all(self) -> None:
        for conn in list(self._connections):
            with contextlib.suppress(Exception):
                await conn.websocket.close(1012, "service restarting")
        self._connections.clear()
