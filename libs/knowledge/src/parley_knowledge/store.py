"""MongoDB adapter of the knowledge base (works on MongoDB and FerretDB).

Collections:
- `kb_documents`: one per (tenant, filename): `_id` (document id), tenant, filename, `active_version`,
  page/chunk counts, sections, sha256, timestamps.
- `kb_chunks`: one per chunk: `_id` = "<document_id>:<version>:<ordinal>", tenant, document_id, version,
  section, kind, text, sentences.

Re-upload without transactions: the new version's chunks are written first, then the document's
`active_version` is flipped with a conditional update (expected previous version in the filter), then
the old version's chunks are deleted. Readers only use chunks of a document's active version, so they
see the old or the new document, never a mix; a crash in the middle leaves orphan chunks that the next
upload of the same file removes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel
from pymongo import ASCENDING, ReturnDocument
from pymongo.asynchronous.database import AsyncDatabase

from parley_knowledge.chunking import Chunk

DOCUMENTS = "kb_documents"
CHUNKS = "kb_chunks"


class DocumentSummary(BaseModel):
    document_id: str
    tenant: str
    filename: str
    version: str
    pages: int
    chunks: int
    sections: list[str]
    sha256: str
    size_bytes: int
    uploaded_at: datetime
    replaced_version: str | None = None


class ConcurrentUpload(RuntimeError):
    """Another upload of the same document flipped the active version first."""


@dataclass(frozen=True)
class ActiveDocument:
    document_id: str
    version: str


class KnowledgeStore:
    def __init__(self, db: AsyncDatabase) -> None:
        self.db = db
        self.documents = db[DOCUMENTS]
        self.chunks = db[CHUNKS]

    async def ensure_indexes(self) -> None:
        await self.documents.create_index([("tenant", ASCENDING), ("filename", ASCENDING)], unique=True)
        await self.chunks.create_index([("tenant", ASCENDING), ("document_id", ASCENDING), ("version", ASCENDING)])

    async def save_document(
        self,
        tenant: str,
        filename: str,
        chunks: list[Chunk],
        *,
        pages: int,
        sha256: str,
        size_bytes: int,
    ) -> DocumentSummary:
        now = datetime.now(UTC)
        doc = await self.documents.find_one_and_update(
            {"tenant": tenant, "filename": filename},
            {"$setOnInsert": {"_id": uuid.uuid4().hex, "tenant": tenant, "filename": filename, "created_at": now}},
            upsert=True,
            return_document=ReturnDocument.AFTER,
        )
        document_id = doc["_id"]
        previous = doc.get("active_version")
        version = uuid.uuid4().hex[:12]
        rows = [
            {
                "_id": f"{document_id}:{version}:{c.ordinal}",
                "tenant": tenant,
                "document_id": document_id,
                "version": version,
                "ordinal": c.ordinal,
                "section": c.section,
                "section_number": c.section_number,
                "kind": c.kind,
                "page": c.page,
                "part": c.part,
                "text": c.text,
                "sentences": c.sentences,
            }
            for c in chunks
        ]
        if rows:
            await self.chunks.insert_many(rows, ordered=False)
        sections = list(dict.fromkeys(c.section for c in chunks if c.section))
        flipped = await self.documents.find_one_and_update(
            {"_id": document_id, "active_version": previous},
            {
                "$set": {
                    "active_version": version,
                    "pages": pages,
                    "chunks": len(rows),
                    "sections": sections,
                    "sha256": sha256,
                    "size_bytes": size_bytes,
                    "uploaded_at": now,
                }
            },
            return_document=ReturnDocument.AFTER,
        )
        if flipped is None:
            await self.chunks.delete_many({"document_id": document_id, "version": version})
            raise ConcurrentUpload(f"document {document_id} was replaced concurrently; retry the upload")
        # Remove every other version (the previous one, and orphans of interrupted uploads).
        await self.chunks.delete_many({"document_id": document_id, "version": {"$ne": version}})
        return DocumentSummary(
            document_id=document_id,
            tenant=tenant,
            filename=filename,
            version=version,
            pages=pages,
            chunks=len(rows),
            sections=sections,
            sha256=sha256,
            size_bytes=size_bytes,
            uploaded_at=now,
            replaced_version=previous,
        )

    async def list_documents(self, tenant: str) -> list[dict[str, Any]]:
        cursor = self.documents.find({"tenant": tenant, "active_version": {"$ne": None}}).sort("filename", ASCENDING)
        return [doc async for doc in cursor]

    async def active_versions(self, tenant: str) -> list[ActiveDocument]:
        cursor = self.documents.find(
            {"tenant": tenant, "active_version": {"$ne": None}}, {"_id": 1, "active_version": 1}
        )
        out = [ActiveDocument(str(d["_id"]), str(d["active_version"])) async for d in cursor]
        return sorted(out, key=lambda a: a.document_id)

    async def load_chunks(self, tenant: str, active: list[ActiveDocument] | None = None) -> list[dict[str, Any]]:
        active = await self.active_versions(tenant) if active is None else active
        if not active:
            return []
        wanted = {(a.document_id, a.version) for a in active}
        cursor = self.chunks.find({"tenant": tenant, "document_id": {"$in": [a.document_id for a in active]}})
        rows = [row async for row in cursor if (row["document_id"], row["version"]) in wanted]
        rows.sort(key=lambda r: (r["document_id"], r["ordinal"]))
        for row in rows:
            row["chunk_id"] = row["_id"]
        return rows

    async def delete_document(self, tenant: str, document_id: str) -> bool:
        result = await self.documents.delete_one({"_id": document_id, "tenant": tenant})
        if result.deleted_count == 0:
            return False
        await self.chunks.delete_many({"tenant": tenant, "document_id": document_id})
        return True
