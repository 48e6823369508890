"""nlp wiring: the engine chosen by configuration, one subscriber on `message.received`."""

from faststream.asgi import AsgiFastStream

from parley_contracts import MessageReceived
from parley_conversations.store import Conversations
from parley_nlp.analysis import learned
from parley_nlp.engines import build_engine
from parley_nlp.engines.config import EngineSettings
from parley_nlp.handlers import NlpHandlers
from parley_nlp.history import HistoryReader
from parley_nlp.settings import NlpSettings
from parley_runtime.kafka import make_broker
from parley_runtime.mongo import connect
from parley_runtime.steps import subscribe_step
from parley_runtime.worker import make_worker_app


def create_app(settings: NlpSettings, engine_settings: EngineSettings) -> AsgiFastStream:
    learned.load()
    broker = make_broker(settings, "nlp")
    client, db = connect(settings)
    handlers = NlpHandlers(
        broker, build_engine(db, engine_settings), HistoryReader(Conversations(db), settings.history_turns)
    )
    subscribe_step(
        broker, settings, service="nlp", group=settings.consumer_group, model=MessageReceived, step=handlers.analyze
    )

    async def close_db() -> None:
        await client.close()

    return make_worker_app(broker, title="Parley nlp", after_shutdown=[close_db])
