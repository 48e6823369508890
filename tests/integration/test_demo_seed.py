"""`parley-admin seed-demo --knowledge-base` (what `make run` does, parley_devstack.cli): the demo unit gets the
sample FAQ through the upload's code path, once, and the bot finds its answers in it; the demo unit gets the
sandbox's WhatsApp number. Seeding without the flag (what the tests' stacks do) leaves the knowledge base empty."""

import uuid

import pytest
from pymongo import AsyncMongoClient

from parley_business import BusinessUnitStore
from parley_business.channel_account_store import ChannelAccountStore, SecretCipher
from parley_business.flow_store import FlowStore
from parley_contracts import Channel
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


async def test_every_seeding_connects_the_sandbox_accounts_and_renews_what_a_restarted_sandbox_forgot(seeding, infra):
    """Every channel's sandbox account is connected to demo; MercadoLibre's rotated OAuth tokens (the sandbox
    forgets the ones it issued when it restarts) are set back to its published refresh token at each seeding."""
    name, stack = seeding
    client: AsyncMongoClient = AsyncMongoClient(infra.mongodb_url, tz_aware=True)
    accounts = ChannelAccountStore(client[name], SecretCipher(stack.env["CHANNEL_SECRETS_KEY"]))
    try:
        stack.seed_demo()
        views = await accounts.views({"demo"})
        assert {v.channel for v in views} == set(Channel)
        seller = await accounts.get(Channel.MERCADOLIBRE, "500000001")
        assert seller is not None
        await accounts.update_secrets(seller, {"refresh_token": "rotated-by-an-earlier-run", "access_token": "old"})
        stack.seed_demo()
        renewed = await accounts.get(Channel.MERCADOLIBRE, "500000001")
        assert renewed is not None and renewed.secret("refresh_token") == "sandbox-ml-refresh"
        assert renewed.secret("access_token_expires_at").startswith("1970-01-01")  # taken as expired: refreshed
    finally:
        await client.close()


async def test_make_runs_seed_gives_the_demo_unit_a_question_flow_calling_the_sandbox_once(seeding, infra):
    name, stack = seeding
    client: AsyncMongoClient = AsyncMongoClient(infra.mongodb_url, tz_aware=True)
    flows = FlowStore(client[name], SecretCipher(stack.env["CHANNEL_SECRETS_KEY"]))
    try:
        stack.seed_demo()
        assert await flows.of_tenant("demo") == [], "the tests' seeding has no flow"
        stack.seed_demo(flows=(SAMPLE / "demo-flow.json",))
        [flow] = await flows.of_tenant("demo")
        assert flow.flow_id == "visit" and flow.version == 1 and flow.secret_set
        assert flow.endpoint is not None
        assert flow.endpoint.url == f"http://127.0.0.1:{stack.env['SANDBOX_PORT']}/sandbox/flow-api/demo"
        assert await flows.secret("demo", "visit", 1) == "sandbox-flow-secret"
        stack.seed_demo(flows=(SAMPLE / "demo-flow.json",))
        assert [f.version for f in await flows.of_tenant("demo")] == [1], "seeded once: an admin's edits stay"
    finally:
        await client.close()
