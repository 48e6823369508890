"""dashboard-api's FastAPI app: operators' and admins' HTTP API behind an API key."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI

from parley_dashboard.deps import require_api_key
from parley_dashboard.routes import bot_config, knowledge, threads
from parley_dashboard.settings import DashboardSettings
from parley_runtime.mongo import connect


def create_app(settings: DashboardSettings) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        client, db = connect(settings)
        app.state.settings = settings
        app.state.db = db
        try:
            yield
        finally:
            await client.close()

    app = FastAPI(title="Parley dashboard API", version="0.1.0", lifespan=lifespan)
    guarded = [Depends(require_api_key)]
    app.include_router(threads.router, dependencies=guarded)
    app.include_router(knowledge.router, dependencies=guarded)
    app.include_router(bot_config.router, dependencies=guarded)

    @app.get("/healthz", tags=["health"])
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return app
