"""Knowledge store and the admin routes against a real MongoDB-protocol server (FerretDB or MongoDB)."""

import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from pymongo import AsyncMongoClient

from parley_business import BotConfig, BotConfigStore
from parley_conversations.operators import Role
from parley_dashboard.app import build_services
from parley_dashboard.auth.principal import Principal
from parley_dashboard.deps import current_principal
from parley_dashboard.routes import bot_config as bot_config_routes
from parley_dashboard.routes import knowledge as knowledge_routes
from parley_dashboard.settings import DashboardSettings
from parley_devstack import Infrastructure
from parley_knowledge import KnowledgeStore, Retriever, ingest_pdf
from tests.unit.knowledge.kb_pdfs import ACME_PAGES, scanned_pdf, text_pdf

pytestmark = pytest.mark.integration

V2_PAGES = [
    [
        "1. Baggage allowance",
        "Every ticket now includes one checked suitcase of 32 kg.",
        "2. Seats",
        "Seat selection is free for every passenger.",
    ]
]


@pytest.fixture
async def db(infra: Infrastructure) -> AsyncIterator:
    client: AsyncMongoClient = AsyncMongoClient(infra.mongodb_url)
    name = f"parley_kb_{uuid.uuid4().hex[:8]}"
    try:
        yield client[name]
    finally:
        await client.drop_database(name)
        await client.close()


async def test_upload_reupload_replaces_and_delete(db) -> None:
    store = KnowledgeStore(db)
    await store.ensure_indexes()
    first = await ingest_pdf(store, "acme", "faq.pdf", text_pdf(ACME_PAGES))
    assert first.sections == ["1. Baggage allowance", "2. Refunds", "3. Pets on board", "4. Customer support hours"]
    assert first.replaced_version is None
    retriever = Retriever(store, refresh_seconds=0)
    _, answer = await retriever.answer("acme", "how heavy can my suitcase be?")
    assert answer is not None and "23 kg" in answer.text

    second = await ingest_pdf(store, "acme", "faq.pdf", text_pdf(V2_PAGES))
    assert second.document_id == first.document_id
    assert second.replaced_version == first.version
    rows = await db["kb_chunks"].find({"document_id": first.document_id}).to_list()
    assert {r["version"] for r in rows} == {second.version}  # old chunks deleted
    _, answer = await retriever.answer("acme", "how heavy can my suitcase be?")
    assert answer is not None and "32 kg" in answer.text and "23 kg" not in answer.text

    other = await ingest_pdf(store, "acme", "prices.pdf", text_pdf(ACME_PAGES))
    assert len(await store.list_documents("acme")) == 2
    assert await store.list_documents("globex") == []
    assert await store.delete_document("acme", other.document_id) is True
    assert await store.delete_document("acme", other.document_id) is False
    assert await db["kb_chunks"].count_documents({"document_id": other.document_id}) == 0
    assert [d["filename"] for d in await store.list_documents("acme")] == ["faq.pdf"]


async def test_bot_config_defaults_and_put(db) -> None:
    configs = BotConfigStore(db)
    default = await configs.get("acme")
    assert default.handoff_threshold == 0.3 and default.knowledge_base_enabled
    await configs.put(BotConfig(tenant="acme", personality="cheerful", handoff_threshold=0.45, languages=["es", "en"]))
    stored = await configs.get("acme")
    assert (stored.personality, stored.handoff_threshold, stored.languages) == ("cheerful", 0.45, ["es", "en"])
    assert stored.updated_at is not None


async def test_cached_bot_config_is_served_for_its_ttl_and_dropped_on_put(db) -> None:
    reader = BotConfigStore(db, ttl_seconds=60)
    admin = BotConfigStore(db)
    assert (await reader.get("cache")).handoff_threshold == 0.3
    await admin.put(BotConfig(tenant="cache", handoff_threshold=0.6))
    assert (await reader.get("cache")).handoff_threshold == 0.3  # another process's write: seen after the TTL
    assert (await BotConfigStore(db, ttl_seconds=0).get("cache")).handoff_threshold == 0.6
    await reader.put(BotConfig(tenant="cache", handoff_threshold=0.7))
    assert (await reader.get("cache")).handoff_threshold == 0.7  # its own write: seen at once


@pytest.fixture
async def api(db) -> AsyncIterator[httpx.AsyncClient]:
    """The two routers in-process, as an admin of every business unit (auth itself: test_dashboard_api.py)."""
    app = FastAPI()
    app.state.services = build_services(DashboardSettings(), db, broker=None)  # type: ignore[arg-type]
    app.dependency_overrides[current_principal] = lambda: Principal("integration", "key_t", "t", Role.ADMIN, None)
    app.include_router(knowledge_routes.router)
    app.include_router(bot_config_routes.router)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
        yield client


async def test_knowledge_routes(api: httpx.AsyncClient) -> None:
    base = "/api/tenants/acme/knowledge"
    pdf = {"file": ("faq.pdf", text_pdf(ACME_PAGES), "application/pdf")}
    created = await api.post(f"{base}/documents", files=pdf)
    assert created.status_code == 201, created.text
    assert created.json()["chunks"] >= 4

    scanned = await api.post(f"{base}/documents", files={"file": ("scan.pdf", scanned_pdf(), "application/pdf")})
    assert scanned.status_code == 422 and "no extractable text" in scanned.json()["detail"]
    wrong = await api.post(f"{base}/documents", files={"file": ("notes.txt", b"hello", "text/plain")})
    assert wrong.status_code == 415
    too_big = b"%PDF-1.4\n" + b"0" * (knowledge_routes.MAX_UPLOAD_BYTES + 1)
    big = await api.post(f"{base}/documents", files={"file": ("big.pdf", too_big, "application/pdf")})
    assert big.status_code == 413

    listed = (await api.get(f"{base}/documents")).json()
    assert [d["filename"] for d in listed] == ["faq.pdf"]
    found = (await api.get(f"{base}/search", params={"q": "¿puedo llevar a mi gato en cabina?"})).json()
    assert found["section"] == "3. Pets on board" and found["confidence"] >= 0.3

    assert (await api.delete(f"{base}/documents/{listed[0]['document_id']}")).status_code == 204
    assert (await api.delete(f"{base}/documents/{listed[0]['document_id']}")).status_code == 404
    assert (await api.get(f"{base}/documents")).json() == []


async def test_bot_config_routes(api: httpx.AsyncClient) -> None:
    url = "/api/tenants/acme/bot-config"
    assert (await api.get(url)).json()["handoff_threshold"] == 0.3
    ok = await api.put(url, json={"name": "Ana", "handoff_threshold": 0.5, "languages": ["es", "pt"]})
    assert ok.status_code == 200 and ok.json()["tenant"] == "acme"
    assert (await api.get(url)).json()["name"] == "Ana"
    assert (await api.put(url, json={"handoff_threshold": 1.5})).status_code == 422
    assert (await api.put(url, json={"languages": ["español!"]})).status_code == 422
    assert (await api.put(url, json={"channels": ["fax"]})).status_code == 422
    assert (await api.put(url, json={"unknown_field": 1})).status_code == 422
