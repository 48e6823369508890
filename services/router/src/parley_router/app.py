"""Router wiring: subscribe each step to its topic under one consumer group."""

from faststream.asgi import AsgiFastStream

from parley_contracts import (
    MESSAGE_ANALYZED,
    MESSAGE_RECEIVED,
    MESSAGE_STATUS,
    MessageAnalyzed,
    MessageReceived,
    MessageStatus,
)
from parley_knowledge.bot_config import BotConfigStore
from parley_router.handlers import RouterHandlers
from parley_router.settings import RouterSettings
from parley_router.threads import ThreadStore
from parley_runtime.kafka import make_broker
from parley_runtime.mongo import connect
from parley_runtime.steps import StepRunner
from parley_runtime.worker import make_worker_app


def create_app(settings: RouterSettings) -> AsgiFastStream:
    broker = make_broker(settings, "router")
    client, db = connect(settings)
    threads = ThreadStore(db)
    handlers = RouterHandlers(broker, threads, BotConfigStore(db))

    def runner(model, step) -> StepRunner:
        return StepRunner(
            broker=broker,
            service="router",
            model=model,
            step=step,
            max_attempts=settings.consumer_max_attempts,
            base_delay=settings.consumer_retry_base_seconds,
        )

    for topic, model, step in (
        (MESSAGE_RECEIVED, MessageReceived, handlers.append_inbound),
        (MESSAGE_ANALYZED, MessageAnalyzed, handlers.act_on_analysis),
        (MESSAGE_STATUS, MessageStatus, handlers.record_status),
    ):
        # One group per topic: FastStream gives each subscriber its own consumer, and consumers with different
        # subscriptions in one group would rebalance each other on every join.
        group = f"{settings.consumer_group}.{topic}"
        broker.subscriber(topic, group_id=group, auto_offset_reset="earliest")(runner(model, step))

    async def close_db() -> None:
        await client.close()

    return make_worker_app(broker, title="Parley router", on_startup=[threads.ensure_indexes], on_shutdown=[close_db])
