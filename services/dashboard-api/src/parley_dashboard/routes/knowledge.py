"""Knowledge base of a business unit: upload a PDF, list, delete, and try retrieval."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, File, HTTPException, Query, UploadFile, status
from pydantic import BaseModel

from parley_dashboard.deps import AdminDep, PrincipalDep, ServicesDep, TenantPath, visible_tenant
from parley_knowledge import (
    Asked,
    ConcurrentUpload,
    DocumentSummary,
    ExtractionError,
    KnowledgeStore,
    NoExtractableText,
    Retriever,
    ingest_pdf,
)

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
PDF_TYPES = {"application/pdf", "application/x-pdf", "application/octet-stream", ""}

router = APIRouter(prefix="/api/tenants/{tenant}/knowledge", tags=["knowledge"])


class DocumentInfo(BaseModel):
    document_id: str
    filename: str
    version: str
    pages: int
    chunks: int
    sections: list[str]
    size_bytes: int
    sha256: str
    uploaded_at: datetime | None = None


class SearchHit(BaseModel):
    section: str | None
    score: float
    coverage: float
    matched: list[str]
    text: str


class SearchResponse(BaseModel):
    query: str
    answer: str | None
    section: str | None
    confidence: float
    hits: list[SearchHit]


@router.post("/documents", status_code=status.HTTP_201_CREATED, response_model=DocumentSummary)
async def upload_document(
    tenant: TenantPath, services: ServicesDep, principal: AdminDep, file: Annotated[UploadFile, File()]
) -> DocumentSummary:
    """Upload (or re-upload, same filename = replace) a text PDF (admins). 413 over 20 MB, 415 not a PDF,
    422 when the PDF has no extractable text (scanned images: run OCR first)."""
    visible_tenant(principal, tenant)
    filename = (file.filename or "document.pdf").strip()[:200] or "document.pdf"
    if (file.content_type or "") not in PDF_TYPES and not filename.lower().endswith(".pdf"):
        raise HTTPException(status.HTTP_415_UNSUPPORTED_MEDIA_TYPE, "only PDF files are accepted")
    data = await file.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, f"PDF larger than {MAX_UPLOAD_BYTES // 2**20} MB")
    if not data.lstrip()[:1024].count(b"%PDF"):
        raise HTTPException(status.HTTP_415_UNSUPPORTED_MEDIA_TYPE, "the file is not a PDF")
    store = KnowledgeStore(services.db)
    await store.ensure_indexes()
    try:
        return await ingest_pdf(store, tenant, filename, data)
    except NoExtractableText as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from exc
    except ExtractionError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"unreadable PDF: {exc}") from exc
    except ConcurrentUpload as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from exc


@router.get("/documents", response_model=list[DocumentInfo])
async def list_documents(tenant: TenantPath, services: ServicesDep, principal: PrincipalDep) -> list[DocumentInfo]:
    visible_tenant(principal, tenant)
    docs = await KnowledgeStore(services.db).list_documents(tenant)
    return [
        DocumentInfo(
            document_id=str(d["_id"]),
            filename=d["filename"],
            version=d["active_version"],
            pages=d.get("pages", 0),
            chunks=d.get("chunks", 0),
            sections=d.get("sections", []),
            size_bytes=d.get("size_bytes", 0),
            sha256=d.get("sha256", ""),
            uploaded_at=d.get("uploaded_at"),
        )
        for d in docs
    ]


@router.delete("/documents/{document_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_document(tenant: TenantPath, document_id: str, services: ServicesDep, principal: AdminDep) -> None:
    visible_tenant(principal, tenant)
    if not await KnowledgeStore(services.db).delete_document(tenant, document_id):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such document")


@router.get("/search", response_model=SearchResponse)
async def search(
    tenant: TenantPath,
    services: ServicesDep,
    principal: PrincipalDep,
    q: Annotated[str, Query(min_length=1, max_length=2000)],
    wants_human: bool = False,
) -> SearchResponse:
    """What the bot would retrieve (and answer) for a customer message: for admins to test the KB, and for
    operators looking for the business's own answer."""
    visible_tenant(principal, tenant)
    retriever = Retriever(KnowledgeStore(services.db), refresh_seconds=0)
    result, answer = await retriever.answer(tenant, q, Asked(wants_human=wants_human))
    return SearchResponse(
        query=q,
        answer=answer.text if answer else None,
        section=answer.hit.chunk.section if answer else None,
        confidence=answer.confidence if answer else 0.0,
        hits=[
            SearchHit(
                section=h.chunk.section,
                score=round(h.score, 4),
                coverage=round(h.coverage, 4),
                matched=h.matched,
                text=h.chunk.text,
            )
            for h in result.hits
        ],
    )
