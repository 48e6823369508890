"""`parley-admin seed-demo --knowledge-base` (what `make run` does, parley_devstack.cli): the demo unit gets the
sample FAQ through the upload's code path, once, and the bot finds its answers in it; the demo unit gets the
sandbox's WhatsApp number. Seeding without the flag (what the tests' stacks do) leaves the knowledge base empty."""

import uuid

import pytest
from pymongo import AsyncMongoClient

from parley_business import BusinessUnitStore
from parley_devstack.paths import SAMPLE
from parley_devstack.process import free_port
from parley_devstack.services import SERVICES, RunningStack, stack_env
from parley_knowledge import KnowledgeStore, Retriever
from tests.stack import drop_database

pytestmark = pytest.mark.integration


@pytest.fixture
def seeding(infra, tmp_path):
    name = f"parley_seed_{uuid.uuid4().hex[:8]}"
    env = stack_env(infra.kafka_bootstrap, infra.mongodb_url, {s.name: free_port() for s in SERVICES})
    yield name, RunningStack({}, {**env, "MONGODB_DATABASE": name}, tmp_path)
    drop_database(infra.mongodb_url, name)


async def test_make_runs_seed_gives_the_demo_unit_the_sample_faq_once(seeding, infra):
    name, stack = seeding
    client: AsyncMongoClient = AsyncMongoClient(infra.mongodb_url, tz_aware=True)
    db = client[name]
    try:
        assert "demo knowledge base" not in stack.seed_demo()  # the tests' seeding: accounts and unit only
        assert await KnowledgeStore(db).list_documents("demo") == []
        assert (await BusinessUnitStore(db).get("demo")).whatsapp_number == "15550000001"

        first = stack.seed_demo(knowledge_base=SAMPLE / "demo-faq.pdf")
        assert "demo knowledge base: demo-faq.pdf, 10 sections" in first
        assert "demo knowledge base: already has a document" in stack.seed_demo(knowledge_base=SAMPLE / "demo-faq.pdf")
        [document] = await KnowledgeStore(db).list_documents("demo")
        assert document["filename"] == "demo-faq.pdf" and document["sections"][0] == "1. Opening hours"

        _, answer = await Retriever(KnowledgeStore(db), refresh_seconds=0).answer(
            "demo", "what are your opening hours?"
        )
        assert answer is not None and answer.hit.chunk.section == "1. Opening hours"
        assert "9:00 to 19:00" in answer.text and answer.confidence >= 0.3
    finally:
        await client.close()
