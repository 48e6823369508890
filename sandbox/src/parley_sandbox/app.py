"""App factory: wires the channel-independent routes and one provider/customer pair per channel."""

import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI

from parley_sandbox import control, whatsapp
from parley_sandbox.settings import SandboxSettings, get_settings
from parley_sandbox.state import SandboxState

# Add Messenger, Instagram, Telegram, MercadoLibre here as sibling packages exposing `routers(state)`.
CHANNELS = {whatsapp.CHANNEL: whatsapp.routers}


def create_app(
    settings: SandboxSettings | None = None,
    *,
    http_client: httpx.AsyncClient | None = None,
    clock: Callable[[], float] = time.time,
) -> FastAPI:
    """Build a sandbox. Tests inject `http_client` (e.g. `httpx.MockTransport`) to capture webhooks."""
    settings = settings or get_settings()
    state = SandboxState(settings, http_client=http_client, clock=clock)

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
    app.include_router(control.build_router(state, list(CHANNELS)))
    for build_routers in CHANNELS.values():
        for router in build_routers(state):
            app.include_router(router)
    return app
