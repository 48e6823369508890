"""What the dashboard API returns (its OpenAPI document is generated from these)."""

from datetime import datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    page: int
    page_size: int


class ThreadOut(BaseModel):
    thread_key: str
    tenant: str
    channel: str
    account_id: str | None = None
    contact_id: str
    contact_name: str | None = None
    status: str
    assignee: str | None = None
    bot_paused: bool = False
    labels: list[str] = Field(default_factory=list)
    message_count: int = 0
    language: str | None = None
    last_sentiment: str | None = None
    last_message_preview: str | None = None
    last_author: str | None = None
    handoff_reason: str | None = None
    created_at: datetime
    last_message_at: datetime


class MessageOut(BaseModel):
    id: str
    thread_key: str
    direction: str
    author: str
    author_name: str | None = None
    text: str
    at: datetime
    provider_message_id: str | None = None
    send_id: str | None = None
    status: str | None = None
    status_history: list[dict[str, Any]] = Field(default_factory=list)
    error: str | None = None
    analysis: dict[str, Any] | None = None


def thread_out(doc: dict[str, Any]) -> ThreadOut:
    return ThreadOut(thread_key=doc["_id"], **{k: v for k, v in doc.items() if k != "_id"})


def message_out(doc: dict[str, Any]) -> MessageOut:
    return MessageOut(id=doc["_id"], **{k: v for k, v in doc.items() if k in MessageOut.model_fields and k != "id"})
