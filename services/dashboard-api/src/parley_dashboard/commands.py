"""Operator actions become `thread.command` events for the router, the only writer of a thread
(docs/adr/0002-thread-command-topic.md). The request waits a little for the router's answer on
`thread.updated` (same `command_id`): applied, unchanged or rejected; after `wait_seconds` it answers
202 and the change still happens (the console also sees it live)."""

import asyncio
import contextlib

from faststream.kafka import KafkaBroker

from parley_contracts import ThreadCommand, ThreadUpdated
from parley_runtime.kafka import publish


class CommandGateway:
    def __init__(self, broker: KafkaBroker, wait_seconds: float) -> None:
        self._broker = broker
        self._wait = wait_seconds
        self._pending: dict[str, asyncio.Future[ThreadUpdated]] = {}

    async def submit(self, command: ThreadCommand) -> ThreadUpdated | None:
        """Publish and wait for the router's answer; None when it did not come in time."""
        future: asyncio.Future[ThreadUpdated] = asyncio.get_running_loop().create_future()
        self._pending[command.command_id] = future
        try:
            await publish(self._broker, command)
            with contextlib.suppress(TimeoutError):
                return await asyncio.wait_for(asyncio.shield(future), self._wait)
            return None
        finally:
            self._pending.pop(command.command_id, None)

    def resolve(self, update: ThreadUpdated) -> None:
        """Called for every `thread.updated` this process sees."""
        future = self._pending.get(update.command_id or "")
        if future is not None and not future.done():
            future.set_result(update)
