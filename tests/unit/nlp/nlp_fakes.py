"""In-memory stand-ins for the knowledge and bot-config stores (same methods the engines call)."""

from datetime import UTC, datetime

from parley_business import BotConfig
from parley_contracts import Channel, Contact, InboundContent, MessageReceived
from parley_knowledge import chunk_pages, extract_pages
from parley_knowledge.store import ActiveDocument
from tests.unit.knowledge.kb_pdfs import ACME_PAGES, text_pdf


class FakeKnowledgeStore:
    def __init__(self, pages: list[list[str]] = ACME_PAGES) -> None:
        self.version = "v1"
        self.load(pages)

    def load(self, pages: list[list[str]]) -> None:
        chunks = chunk_pages(extract_pages(text_pdf(pages)))
        self.rows = [
            {
                "chunk_id": f"doc1:{self.version}:{c.ordinal}",
                "document_id": "doc1",
                "version": self.version,
                "section": c.section,
                "kind": c.kind,
                "text": c.text,
                "sentences": c.sentences,
            }
            for c in chunks
        ]

    async def active_versions(self, tenant: str) -> list[ActiveDocument]:
        return [ActiveDocument("doc1", self.version)] if tenant == "acme" else []

    async def load_chunks(self, tenant: str, active: list[ActiveDocument] | None = None) -> list[dict]:
        return list(self.rows) if tenant == "acme" else []


class FakeBotConfigStore:
    def __init__(self, **overrides: object) -> None:
        self.overrides = overrides

    async def get(self, tenant: str) -> BotConfig:
        return BotConfig(tenant=tenant, **self.overrides)


def inbound(text: str, tenant: str = "acme") -> MessageReceived:
    return MessageReceived(
        tenant=tenant,
        channel=Channel.WHATSAPP,
        thread_key=f"{tenant}:t1",
        account_id="acc",
        contact=Contact(id="c1"),
        provider_message_id="m1",
        dedupe_key="whatsapp:m1",
        sent_at=datetime.now(UTC),
        content=InboundContent(text=text),
    )
