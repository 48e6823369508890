"""THE ingestion code path, used by the upload endpoint and by the evaluation alike."""

from __future__ import annotations

import hashlib

from parley_knowledge.chunking import chunk_pages
from parley_knowledge.extract import extract_pages
from parley_knowledge.store import DocumentSummary, KnowledgeStore


async def ingest_pdf(store: KnowledgeStore, tenant: str, filename: str, data: bytes) -> DocumentSummary:
    """Extract, chunk and index a PDF for `tenant`; re-uploading the same filename replaces it.

    Raises `parley_knowledge.ExtractionError` (not a readable PDF) or `NoExtractableText` (scanned)."""
    pages = extract_pages(data)
    chunks = chunk_pages(pages)
    return await store.save_document(
        tenant,
        filename,
        chunks,
        pages=len(pages),
        sha256=hashlib.sha256(data).hexdigest(),
        size_bytes=len(data),
    )
