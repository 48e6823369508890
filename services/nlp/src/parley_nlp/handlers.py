"""nlp's processing step: analyse one received message and publish the analysis."""

import structlog
from faststream.kafka import KafkaBroker

from parley_contracts import Analysis, MessageAnalyzed, MessageReceived
from parley_conversations.content_rules import SKIPPED_ENGINE, Treatment, treatment_of
from parley_conversations.windows import text_limit
from parley_nlp.engine import AnalysisRequest, Engine
from parley_nlp.history import HistoryReader
from parley_runtime.kafka import publish

log = structlog.get_logger()


def within_limit(event: MessageReceived) -> MessageReceived:
    """The message as the engine sees it: text beyond what the channel carries is cut, so no message, however
    long, costs more than a channel's worth of analysis (the stored message keeps what arrived)."""
    limit = text_limit(event.channel)
    if len(event.content.text) <= limit:
        return event
    return event.model_copy(update={"content": event.content.model_copy(update={"text": event.content.text[:limit]})})


class NlpHandlers:
    def __init__(self, broker: KafkaBroker, engine: Engine, history: HistoryReader) -> None:
        self._broker = broker
        self._engine = engine
        self._history = history

    async def analyze(self, event: MessageReceived) -> None:
        if treatment_of(event.content) != Treatment.ANSWER:
            # The bot never answers this kind of message (a reaction, an order…): no engine call, no history
            # read, but still an analysis, which is what the router decides on (content_rules.py).
            await self._publish(event, Analysis(engine=SKIPPED_ENGINE))
            log.info("nlp.skipped", content_type=event.content.type)
            return
        history = (
            await self._history.before(event.thread_key, event.occurred_at, event.dedupe_key)
            if self._engine.uses_history
            else []
        )
        analysis = await self._engine.analyze(AnalysisRequest(inbound=within_limit(event), history=history))
        await self._publish(event, analysis)
        log.info(
            "nlp.analyzed",
            engine=analysis.engine,
            language=analysis.language,
            wants_human=analysis.wants_human,
            reply_source=analysis.reply.source if analysis.reply else None,
            confidence=analysis.reply.confidence if analysis.reply else None,
            ms=round(analysis.processing_ms, 2),
        )

    async def _publish(self, event: MessageReceived, analysis: Analysis) -> None:
        await publish(self._broker, MessageAnalyzed(**event.lineage(), inbound=event, analysis=analysis))
