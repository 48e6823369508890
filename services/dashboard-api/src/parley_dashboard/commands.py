"""Operator actions become `thread.command` events for the router, the only writer of a thread
(docs/adr/0002-thread-command-topic.md). The request waits a little for the router's answer on
`thread.updated` (same `command_id`): applied, unchanged or rejected; after `wait_seconds` it answers
202 and the change still happens (the console also sees it live). `respond` is the one HTTP answer every route
that sends a command gives."""

import asyncio
import contextlib

import structlog
from fastapi import status
from fastapi.responses import JSONResponse
from faststream.kafka import KafkaBroker

from parley_contracts import ThreadCommand, ThreadUpdated, ThreadView
from parley_dashboard.schemas import CommandOut
from parley_runtime.kafka import publish

log = structlog.get_logger()


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


async def respond(gateway: CommandGateway, command: ThreadCommand, thread: ThreadView | None) -> JSONResponse:
    """Send `command` and answer the request with the router's verdict: 200 applied or unchanged (the thread as the
    router left it), 409 rejected (why), 202 when the router has not answered within the wait (`thread`: as it
    was read before sending)."""
    answer = await gateway.submit(command)
    log.info(
        "command.submitted",
        command_id=command.command_id,
        action=command.action,
        session_id=command.session_id,
        answered=answer is not None,
    )
    if answer is None:
        pending = CommandOut(command_id=command.command_id, outcome="pending", thread=thread)
        return JSONResponse(pending.model_dump(mode="json"), status_code=status.HTTP_202_ACCEPTED)
    if answer.outcome == "rejected":
        return conflict(answer.reason or "refused", answer.thread or thread, command.command_id)
    out = CommandOut(
        command_id=command.command_id, outcome=answer.outcome or "applied", reason=answer.reason, thread=answer.thread
    )
    return JSONResponse(out.model_dump(mode="json"))


def conflict(reason: str, thread: ThreadView | None, command_id: str = "") -> JSONResponse:
    """409 with why (also as `detail`, like every other error of the API)."""
    body = CommandOut(command_id=command_id, outcome="rejected", reason=reason, thread=thread)
    return JSONResponse(body.model_dump(mode="json") | {"detail": reason}, status_code=status.HTTP_409_CONFLICT)
