"""Router wiring: one processing step per topic it consumes."""

from faststream.asgi import AsgiFastStream

from parley_contracts import MessageAnalyzed, MessageReceived, MessageStatus
from parley_knowledge.bot_config import BotConfigStore
from parley_router.handlers import RouterHandlers
from parley_router.settings import RouterSettings
from parley_router.threads import ThreadStore
from parley_runtime.kafka import make_broker
from parley_runtime.mongo import connect
from parley_runtime.steps import subscribe_step
from parley_runtime.worker import make_worker_app


def create_app(settings: RouterSettings) -> AsgiFastStream:
    broker = make_broker(settings, "router")
    client, db = connect(settings)
    threads = ThreadStore(db)
    handlers = RouterHandlers(broker, threads, BotConfigStore(db, ttl_seconds=settings.bot_config_refresh_seconds))

    steps = (
        (MessageReceived, handlers.append_inbound),
        (MessageAnalyzed, handlers.act_on_analysis),
        (MessageStatus, handlers.record_status),
    )
    for model, step in steps:
        # One group per topic: FastStream gives each subscriber its own consumer, and consumers with different
        # subscriptions in one group would rebalance each other on every join.
        group = f"{settings.consumer_group}.{model.topic}"
        subscribe_step(broker, settings, service="router", group=group, model=model, step=step)

    async def close_db() -> None:
        await client.close()

    return make_worker_app(broker, title="Parley router", on_startup=[threads.ensure_indexes], on_shutdown=[close_db])
