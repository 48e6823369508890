"""Fixtures for the channel sandbox: an app wired to a fake ingest that records what it receives.

Both factories build the app with Meta's 24 h customer-service window off unless asked (`enforce_window=True`):
most tests send to customers who never wrote, which Meta (and the sandbox by default) would fail with 131047.
"""

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from parley_sandbox.app import create_app
from parley_sandbox.state import SandboxState
from tests.unit.sandbox.sandbox_fakes import NOW, FakeIngest, Sandbox, make_settings


@pytest.fixture
def ingest() -> FakeIngest:
    return FakeIngest()


@pytest.fixture
def make_client(ingest: FakeIngest) -> Iterator[Callable[..., TestClient]]:
    """Build a sandbox TestClient with settings overrides; the clock is fixed for exact payloads."""
    clients: list[TestClient] = []

    def _make(*, enforce_window: bool = False, **overrides: Any) -> TestClient:
        http = httpx.AsyncClient(transport=httpx.MockTransport(ingest.handler))
        app = create_app(make_settings(**overrides), http_client=http, clock=lambda: NOW, enforce_window=enforce_window)
        client = TestClient(app)
        client.__enter__()
        clients.append(client)
        return client

    yield _make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()


@pytest.fixture
async def make_sandbox(ingest: FakeIngest) -> AsyncIterator[Sandbox]:
    """An async client over httpx.ASGITransport (no lifespan) and the app's state, to `drain()` background
    webhooks; `clock` defaults to the fixed NOW."""
    opened: list[tuple[httpx.AsyncClient, SandboxState]] = []

    def _make(
        *, enforce_window: bool = False, clock: Callable[[], float] = lambda: NOW, **overrides: Any
    ) -> tuple[httpx.AsyncClient, SandboxState]:
        to_ingest = httpx.AsyncClient(transport=httpx.MockTransport(ingest.handler))
        app = create_app(make_settings(**overrides), http_client=to_ingest, clock=clock, enforce_window=enforce_window)
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://sandbox")
        opened.append((client, app.state.sandbox))
        return client, app.state.sandbox

    yield _make
    for client, state in opened:
        await client.aclose()
        await state.aclose()
