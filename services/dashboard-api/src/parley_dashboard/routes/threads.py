"""Threads and their messages, for operators."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status
from pymongo import ASCENDING, DESCENDING

from parley_contracts import Channel
from parley_dashboard.deps import DbDep
from parley_dashboard.schemas import MessageOut, Page, ThreadOut, message_out, thread_out

router = APIRouter(prefix="/api/threads", tags=["threads"])

ThreadStatusFilter = Annotated[
    str | None, Query(pattern="^(bot|needs_human|human|resolved)$", description="bot, needs_human, human, resolved")
]


@router.get("", response_model=Page[ThreadOut])
async def list_threads(
    db: DbDep,
    status_filter: Annotated[ThreadStatusFilter, Query(alias="status")] = None,
    channel: Channel | None = None,
    tenant: str | None = None,
    page: Annotated[int, Query(ge=1)] = 1,
    page_size: Annotated[int, Query(ge=1, le=200)] = 50,
) -> Page[ThreadOut]:
    """Newest activity first."""
    query: dict = {}
    if status_filter:
        query["status"] = status_filter
    if channel:
        query["channel"] = str(channel)
    if tenant:
        query["tenant"] = tenant
    total = await db["threads"].count_documents(query)
    cursor = (
        db["threads"]
        .find(query)
        .sort([("last_message_at", DESCENDING), ("_id", ASCENDING)])
        .skip((page - 1) * page_size)
        .limit(page_size)
    )
    return Page(items=[thread_out(d) async for d in cursor], total=total, page=page, page_size=page_size)


@router.get("/{thread_key}", response_model=ThreadOut)
async def get_thread(db: DbDep, thread_key: str) -> ThreadOut:
    doc = await db["threads"].find_one({"_id": thread_key})
    if doc is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no thread {thread_key}")
    return thread_out(doc)


@router.get("/{thread_key}/messages", response_model=Page[MessageOut])
async def list_messages(
    db: DbDep,
    thread_key: str,
    page: Annotated[int, Query(ge=1)] = 1,
    page_size: Annotated[int, Query(ge=1, le=500)] = 100,
) -> Page[MessageOut]:
    """Oldest first: the conversation as it happened."""
    if await db["threads"].count_documents({"_id": thread_key}, limit=1) == 0:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no thread {thread_key}")
    query = {"thread_key": thread_key}
    total = await db["messages"].count_documents(query)
    cursor = (
        db["messages"]
        .find(query)
        .sort([("at", ASCENDING), ("_id", ASCENDING)])
        .skip((page - 1) * page_size)
        .limit(page_size)
    )
    return Page(items=[message_out(d) async for d in cursor], total=total, page=page, page_size=page_size)
