"""Ingest's app: webhook deliveries (served by the lane), Meta's verification GETs, health, and the Kafka
producer's lifetime."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, status
from fastapi.responses import JSONResponse

from parley_business.channel_account_store import AccountLookup
from parley_ingest import lane
from parley_ingest.deps import UNAVAILABLE_RETRY_AFTER_SECONDS, IngestContext
from parley_ingest.email.wiring import email_readers
from parley_ingest.publisher import EventPublisher, KafkaEventPublisher
from parley_ingest.routes import mercadolibre, meta, telegram
from parley_ingest.settings import IngestSettings
from parley_runtime.kafka import make_broker
from parley_runtime.mongo import connect


def create_app(
    settings: IngestSettings, publisher: EventPublisher | None = None, accounts: AccountLookup | None = None
) -> FastAPI:
    """`publisher` and `accounts` are injected by unit tests; by default events go to Kafka and the channel
    accounts are read from MongoDB (cached: a webhook costs no database read)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if publisher is not None and accounts is not None:
            app.state.ingest = IngestContext(settings, publisher, accounts)
            yield
            return
        broker = make_broker(settings, "ingest")
        client, db = connect(settings)
        try:
            async with broker:
                await broker.connect()
                store = settings.channel_account_store(db)
                app.state.ingest = IngestContext(settings, KafkaEventPublisher(broker), store)
                readers = email_readers(app.state.ingest, db) if settings.email_readers_enabled else None
                if readers is not None:
                    await readers.start()
                try:
                    yield
                finally:
                    if readers is not None:
                        await readers.stop()
        finally:
            await client.close()

    app = FastAPI(title="Parley ingest", version="0.1.0", lifespan=lifespan)
    for router in meta.ROUTERS:
        app.include_router(router)
    lane.serve(app, (*meta.DELIVERY_ROUTES, telegram.ROUTE, mercadolibre.ROUTE))

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
