"""Which messages the offline engine answers from the knowledge base at all (issue 12: complaints and requests
for a person that share the FAQ's words were answered)."""

import pytest

from parley_contracts import ReplySource
from parley_knowledge import Retriever
from parley_nlp.analysis import asks_question
from parley_nlp.engine import AnalysisRequest
from parley_nlp.engines.offline import OfflineEngine
from tests.unit.nlp.nlp_fakes import FakeBotConfigStore, FakeKnowledgeStore, inbound


@pytest.mark.parametrize(
    "text",
    [
        "how long does a refund take",
        "customer care number enna",
        "refund kitne din mein aayega",
        "రీఫండ్ ఎన్ని రోజుల్లో",
        "¿cuánto tarda el envío",
        "can I return it?",
    ],
)
def test_questions_are_recognised_in_every_language(text: str):
    assert asks_question(text)


@pytest.mark.parametrize(
    "text", ["worst store ever, my refund never came", "please call me back", "romba mosamana service"]
)
def test_complaints_and_requests_ask_nothing(text: str):
    assert not asks_question(text)


async def _reply(text: str):
    engine = OfflineEngine(Retriever(FakeKnowledgeStore(), refresh_seconds=0), FakeBotConfigStore())
    return (await engine.analyze(AnalysisRequest(inbound=inbound(text)))).reply


async def test_an_angry_complaint_without_a_question_gets_no_knowledge_base_answer():
    question = await _reply("how long does a refund take?")
    assert question is not None and question.source == ReplySource.KNOWLEDGE_BASE
    complaint = await _reply("This is ridiculous, my refund is late again and nobody cares!!")
    assert complaint is None or complaint.source != ReplySource.KNOWLEDGE_BASE
