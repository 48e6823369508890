"""Fixtures for the channel sandbox: an app wired to a fake ingest that records what it receives."""

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from parley_sandbox.app import create_app
from tests.unit.sandbox.sandbox_fakes import NOW, FakeIngest, make_settings


@pytest.fixture
def ingest() -> FakeIngest:
    return FakeIngest()


@pytest.fixture
def make_client(ingest: FakeIngest) -> Iterator[Callable[..., TestClient]]:
    """Build a sandbox TestClient with settings overrides; the clock is fixed for exact payloads."""
    clients: list[TestClient] = []

    def _make(**overrides: Any) -> TestClient:
        http = httpx.AsyncClient(transport=httpx.MockTransport(ingest.handler))
        app = create_app(make_settings(**overrides), http_client=http, clock=lambda: NOW)
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
