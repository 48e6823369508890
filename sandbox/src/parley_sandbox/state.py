"""Everything one sandbox app holds: settings, recordings, faults, the flow API's scripts, the HTTP client to ingest,
background tasks."""

import asyncio
import time
from collections.abc import Callable, Coroutine
from typing import Any

import aiohttp
import httpx
from httpx_aiohttp import AiohttpTransport

from parley_sandbox.faults import FaultInjector
from parley_sandbox.flow_api.endpoints import FlowEndpoints
from parley_sandbox.logs import get_logger
from parley_sandbox.settings import SandboxSettings
from parley_sandbox.store import DeliveryKind, MediaStore, TrafficStore, WebhookDelivery

log = get_logger("parley_sandbox.state")
# What a call to ingest can raise: httpx's errors, and the aiohttp errors httpx-aiohttp leaves unmapped (an answer
# that is not HTTP, a reset while the answer is read). Every one means "ingest unreachable" (502).
INGEST_UNREACHABLE = (httpx.HTTPError, aiohttp.ClientError)


class SandboxState:
    def __init__(
        self,
        settings: SandboxSettings,
        *,
        http_client: httpx.AsyncClient | None = None,
        clock: Callable[[], float] = time.time,
        enforce_window: bool = True,
    ) -> None:
        self.settings = settings
        self.clock = clock
        # Meta's 24 h customer-service window; only tests that predate it switch it off (see create_app).
        self.enforce_window = enforce_window
        self.store = TrafficStore(settings.sandbox_max_records, clock)
        self.media = MediaStore(settings.sandbox_max_records, clock=clock)
        self.faults = FaultInjector()
        # The business API Parley's question flows call (flow_api/): its scripts and the calls it received.
        self.flow_api = FlowEndpoints(settings.sandbox_flow_api_secret, settings.sandbox_max_records)
        # Tests inject a client (MockTransport, ASGITransport); otherwise we own one and close it.
        self._client = http_client
        self._owns_client = http_client is None
        self._tasks: set[asyncio.Task[Any]] = set()

    @property
    def http(self) -> httpx.AsyncClient:
        # Created lazily so the app also works when driven without its lifespan (httpx.ASGITransport).
        if self._client is None:
            # Over aiohttp's pool: httpcore's pool costs more per call the more connections it holds, and status
            # webhooks go out several at a time (docs/adr/0010-http-client-over-aiohttp.md).
            self._client = httpx.AsyncClient(
                transport=AiohttpTransport(), timeout=self.settings.sandbox_ingest_timeout_seconds
            )
        return self._client

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Run work after the response (status webhooks); keep a reference so it is not garbage-collected."""
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def drain(self) -> None:
        """Wait for background work (tests use it to wait for status webhooks); bound it with asyncio.timeout."""
        while self._tasks:
            await asyncio.wait(set(self._tasks))

    async def aclose(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._owns_client and self._client is not None:
            await self._client.aclose()
            self._client = None

    async def deliver(
        self,
        *,
        channel: str,
        kind: DeliveryKind,
        body: bytes,
        headers: dict[str, str],
        contact_id: str | None,
        message_id: str | None,
        meta: dict[str, Any] | None = None,
        url: str | None = None,
    ) -> WebhookDelivery:
        """POST a webhook to ingest and record the attempt, whatever its outcome. `url`: where, when not the
        channel's one URL (Telegram: one per bot)."""
        url = url or self.settings.ingest_webhook_url(channel)
        status: int | None = None
        text: str | None = None
        error: str | None = None
        started = time.perf_counter()
        try:
            response = await self.http.post(url, content=body, headers=headers)
            status, text = response.status_code, response.text
        except INGEST_UNREACHABLE as exc:  # connection refused, timeout, ...: the caller decides (502)
            error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        (log.info if error is None else log.warning)(
            "webhook.delivered" if error is None else "webhook.unreachable",
            channel=channel,
            kind=kind,
            url=url,
            message_id=message_id,
            ingest_status=status,
            error=error,
            elapsed_ms=round((time.perf_counter() - started) * 1000, 2),
        )
        return await self.store.add_delivery(
            channel=channel,
            kind=kind,
            url=url,
            body=body,
            headers=headers,
            contact_id=contact_id,
            message_id=message_id,
            ingest_status=status,
            ingest_body=text,
            error=error,
            meta=meta or {},
        )
