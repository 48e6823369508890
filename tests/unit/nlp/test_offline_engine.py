import pytest

from parley_contracts import ReplySource
from parley_knowledge import Retriever
from parley_nlp.engine import AnalysisRequest
from parley_nlp.engines.offline import OfflineEngine
from tests.unit.nlp.nlp_fakes import FakeBotConfigStore, FakeKnowledgeStore, inbound


def engine(store: FakeKnowledgeStore | None = None, **config: object) -> OfflineEngine:
    return OfflineEngine(Retriever(store or FakeKnowledgeStore(), refresh_seconds=0), FakeBotConfigStore(**config))


async def analyze(text: str, eng: OfflineEngine | None = None, tenant: str = "acme"):
    return await (eng or engine()).analyze(AnalysisRequest(inbound=inbound(text, tenant)))


async def test_answerable_question_gets_a_concise_grounded_answer() -> None:
    a = await analyze("How heavy can my checked suitcase be?")
    assert a.engine == "offline"
    assert a.reply is not None
    assert a.reply.source == ReplySource.KNOWLEDGE_BASE
    assert a.reply.section == "1. Baggage allowance"
    assert "23 kg" in a.reply.text
    assert "Guide dogs" not in a.reply.text
    assert a.reply.confidence >= 0.3
    assert a.kb_matches and a.kb_matches[0].section == "1. Baggage allowance"
    assert a.processing_ms > 0


async def test_question_in_another_language_is_answered_with_a_localised_lead_in() -> None:
    a = await analyze("¿Puedo llevar a mi perro en la cabina del avión?")
    assert a.language == "es"
    assert a.reply is not None and a.reply.section == "3. Pets on board"
    assert a.reply.text.startswith("Según nuestras preguntas frecuentes (3. Pets on board):")
    assert a.reply.confidence >= 0.3


async def test_question_not_covered_is_not_answered_confidently() -> None:
    a = await analyze("Which restaurants do you recommend near the Colosseum?")
    assert a.reply is None or (a.reply.source == ReplySource.KNOWLEDGE_BASE and a.reply.confidence < 0.3)


async def test_request_for_a_person_has_no_knowledge_base_answer() -> None:
    a = await analyze("I want to talk to a real person please")
    assert a.wants_human is True
    assert a.reply is None
    assert a.kb_matches == []


async def test_request_for_a_person_with_a_question_still_carries_the_answer() -> None:
    a = await analyze("Can I talk to an agent? Also, are refunds paid to the original card?")
    assert a.wants_human is True
    assert a.reply is not None and a.reply.section == "2. Refunds"


async def test_a_refused_person_leaves_the_question_to_the_bot() -> None:
    # "no need to pass me to anyone": the refusal's words leave the query like a request's would, so what is
    # left is the question, and the bot answers it.
    a = await analyze("no need to pass me to anyone or talk to an agent, how heavy can my checked suitcase be?")
    assert a.wants_human is False
    assert a.reply is not None and a.reply.section == "1. Baggage allowance"
    kept = await analyze("how heavy can my checked suitcase be?")
    assert kept.reply is not None and a.reply.confidence == pytest.approx(kept.reply.confidence, abs=0.15)


@pytest.mark.parametrize(("text", "language", "snippet"), [("Hola!", "es", "Hola"), ("thanks!", "en", "welcome")])
async def test_small_talk_gets_a_short_fallback_reply(text: str, language: str, snippet: str) -> None:
    a = await analyze(text)
    assert a.reply is not None
    assert a.reply.source == ReplySource.FALLBACK
    assert a.reply.section is None
    assert snippet in a.reply.text


async def test_knowledge_base_disabled_means_no_kb_answer() -> None:
    a = await analyze("How heavy can my checked suitcase be?", engine(knowledge_base_enabled=False))
    assert a.reply is None and a.kb_matches == []


async def test_tenant_without_documents_gets_no_answer() -> None:
    a = await analyze("How heavy can my checked suitcase be?", tenant="nobody")
    assert a.reply is None


async def test_reupload_takes_effect_on_the_next_message() -> None:
    store = FakeKnowledgeStore()
    eng = engine(store)
    before = await analyze("How heavy can my checked suitcase be?", eng)
    assert before.reply is not None and "23 kg" in before.reply.text
    store.version = "v2"
    store.load(
        [["1. Baggage allowance", "Every ticket now includes one checked suitcase of 32 kg.", "2. Other", "Nothing."]]
    )
    after = await analyze("How heavy can my checked suitcase be?", eng)
    assert after.reply is not None and "32 kg" in after.reply.text


async def test_deterministic() -> None:
    """The same message gets the same analysis every time (its cost is measured by `make bench`, not here)."""
    eng = engine()
    first = await analyze("Do cats travel in the cabin?", eng)
    for _ in range(5):
        again = await analyze("Do cats travel in the cabin?", eng)
        assert again.reply == first.reply and again.intent == first.intent and again.language == first.language
