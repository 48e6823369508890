"""nlp does not run its engine on what the bot never answers (content_rules.json), but still publishes an
analysis, marked skipped, for the router to decide on."""

from parley_contracts import Analysis, InboundContent
from parley_conversations.content_rules import SKIPPED_ENGINE
from parley_nlp.engine import AnalysisRequest
from parley_nlp.handlers import NlpHandlers
from tests.fakes import RecordingBroker
from tests.unit.nlp.nlp_fakes import inbound


class CountingEngine:
    name = "counting"
    uses_history = True

    def __init__(self) -> None:
        self.calls = 0

    async def analyze(self, request: AnalysisRequest) -> Analysis:
        self.calls += 1
        return Analysis(language="en", engine=self.name)


class NoHistory:
    async def before(self, *args: object) -> list:
        raise AssertionError("history is not read for a skipped message")


async def test_a_reaction_is_not_analysed_but_an_analysis_is_published():
    broker, engine = RecordingBroker(), CountingEngine()
    handlers = NlpHandlers(broker, engine, NoHistory())  # type: ignore[arg-type]
    event = inbound("👍")
    event.content = InboundContent(type="reaction", text="👍", data={"message_id": "wamid.X"})
    await handlers.analyze(event)
    assert engine.calls == 0
    [(topic, published)] = broker.published
    assert topic == "message.analyzed"
    assert published["analysis"]["engine"] == SKIPPED_ENGINE and published["inbound"]["content"]["type"] == "reaction"


async def test_an_order_skips_the_engine_and_text_does_not():
    broker, engine = RecordingBroker(), CountingEngine()

    class History:
        async def before(self, *args: object) -> list:
            return []

    handlers = NlpHandlers(broker, engine, History())  # type: ignore[arg-type]
    order = inbound("Order: 2 items")
    order.content = InboundContent(type="order", text="Order: 2 items")
    await handlers.analyze(order)
    await handlers.analyze(inbound("hello"))
    assert engine.calls == 1
    assert [p["analysis"]["engine"] for _, p in broker.published] == [SKIPPED_ENGINE, "counting"]
