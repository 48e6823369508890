"""App factory: wires the channel-independent routes, one provider/customer pair per channel, and the stand-in
business API of question flows."""

import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from parley_sandbox import control, email, flow_api, mercadolibre, messenger, telegram, whatsapp
from parley_sandbox.meta import GraphError
from parley_sandbox.settings import SandboxSettings, get_settings
from parley_sandbox.state import SandboxState

# One package per channel exposing `routers(state)`. Messenger and Instagram come before WhatsApp: their Send API
# routes match only their own account ids, WhatsApp's `/graph/{v}/{id}/messages` any id (Starlette takes the
# first route that matches).
CHANNELS = {
    messenger.MESSENGER_CHANNEL: messenger.messenger_routers,
    messenger.INSTAGRAM_CHANNEL: messenger.instagram_routers,
    whatsapp.CHANNEL: whatsapp.routers,
    telegram.CHANNEL: telegram.routers,
    mercadolibre.CHANNEL: mercadolibre.routers,
    email.CHANNEL: email.routers,
}


def create_app(
    settings: SandboxSettings | None = None,
    *,
    http_client: httpx.AsyncClient | None = None,
    clock: Callable[[], float] = time.time,
    enforce_window: bool | None = None,
) -> FastAPI:
    """Build a sandbox. Tests inject `http_client` (e.g. `httpx.MockTransport`) to capture webhooks.

    `enforce_window=False` lets any send through Meta's 24 h customer-service window, for tests that send to
    customers who never wrote; default: `SANDBOX_ENFORCE_WINDOW` (on).
    """
    settings = settings or get_settings()
    enforce = settings.sandbox_enforce_window if enforce_window is None else enforce_window
    state = SandboxState(settings, http_client=http_client, clock=clock, enforce_window=enforce)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        await state.aclose()

    app = FastAPI(
        title="Parley channel sandbox",
        description="Plays the messaging providers for local runs and tests.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.sandbox = state
    app.add_exception_handler(GraphError, _graph_error)
    app.include_router(control.build_router(state, list(CHANNELS)))
    for build_routers in CHANNELS.values():
        for router in build_routers(state):
            app.include_router(router)
    # Not a channel: the business's own API that Parley's question flows call.
    app.include_router(flow_api.router(state))
    return app


async def _graph_error(_: Request, exc: Exception) -> JSONResponse:
    """A provider route raises GraphError; the caller gets Meta's `{"error": {...}}` body and status."""
    assert isinstance(exc, GraphError)
    return exc.response()
