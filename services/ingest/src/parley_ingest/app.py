"""Ingest's FastAPI app: webhook routes, health, and the Kafka producer's lifetime."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, status
from fastapi.responses import JSONResponse

from parley_ingest.deps import UNAVAILABLE_RETRY_AFTER_SECONDS, IngestContext
from parley_ingest.publisher import EventPublisher, KafkaEventPublisher
from parley_ingest.routes import whatsapp
from parley_ingest.settings import IngestSettings
from parley_runtime.kafka import make_broker


def create_app(settings: IngestSettings, publisher: EventPublisher | None = None) -> FastAPI:
    """`publisher` is injected by unit tests; by default events go to Kafka."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if publisher is not None:
            app.state.ingest = IngestContext(settings, publisher)
            yield
            return
        broker = make_broker(settings, "ingest")
        async with broker:
            await broker.connect()
            app.state.ingest = IngestContext(settings, KafkaEventPublisher(broker))
            yield

    app = FastAPI(title="Parley ingest", version="0.1.0", lifespan=lifespan)
    app.include_router(whatsapp.router)

    @app.get("/healthz", tags=["health"])
    async def healthz(request: Request) -> JSONResponse:
        """200 while ingest can publish; 503 (with the reason) while webhooks could only be answered 503."""
        ingest: IngestContext = request.app.state.ingest
        if problem := await ingest.health.problem():
            return JSONResponse(
                {"status": "unavailable", "reason": problem},
                status.HTTP_503_SERVICE_UNAVAILABLE,
                headers={"Retry-After": str(UNAVAILABLE_RETRY_AFTER_SECONDS)},
            )
        return JSONResponse({"status": "ok"})

    return app
