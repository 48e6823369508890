"""One pydantic model per topic. JSON on the wire; unknown fields are ignored so producers can add
fields without breaking older consumers; `schema_version` changes only when a field changes meaning."""

import uuid
from datetime import UTC, datetime
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from parley_contracts.topics import (
    HANDOFF_REQUESTED,
    MESSAGE_ANALYZED,
    MESSAGE_RECEIVED,
    MESSAGE_SEND,
    MESSAGE_STATUS,
)
from parley_contracts.types import AuthorKind, Channel, DeliveryState, ReplySource

SCHEMA_VERSION = 1


def _new_id() -> str:
    return uuid.uuid4().hex


def utcnow() -> datetime:
    return datetime.now(UTC)


class Event(BaseModel):
    """Fields every event carries (DESIGN.md §2)."""

    model_config = ConfigDict(extra="ignore")
    topic: ClassVar[str]

    schema_version: int = SCHEMA_VERSION
    event_id: str = Field(default_factory=_new_id)
    occurred_at: datetime = Field(default_factory=utcnow)
    tenant: str = Field(min_length=1, description="Business unit / company profile.")
    channel: Channel
    thread_key: str = Field(min_length=1, description="Partition key: one conversation.")
    trace_id: str = Field(default_factory=_new_id, description="Correlation id, also sent as a Kafka header.")

    def lineage(self) -> dict[str, Any]:
        """The fields an event caused by this one inherits: same conversation, same trace."""
        return {
            "tenant": self.tenant,
            "channel": self.channel,
            "thread_key": self.thread_key,
            "trace_id": self.trace_id,
        }

    def headers(self) -> dict[str, str]:
        return {
            "event_id": self.event_id,
            "trace_id": self.trace_id,
            "schema_version": str(self.schema_version),
            "event_type": type(self).__name__,
        }


class Contact(BaseModel):
    id: str = Field(min_length=1, description="The contact's id on the channel (wa_id, PSID, chat id, …).")
    name: str | None = None


class InboundContent(BaseModel):
    type: Literal["text", "button_reply", "media", "location", "unsupported"] = "text"
    text: str = Field(default="", description="Text, button title or media caption.")
    payload: str | None = Field(default=None, description="Button / quick-reply id.")
    media: list[dict[str, Any]] = Field(default_factory=list)


class MessageReceived(Event):
    topic: ClassVar[str] = MESSAGE_RECEIVED

    account_id: str = Field(description="The channel account written to (WhatsApp phone_number_id, page id, …).")
    contact: Contact
    provider_message_id: str
    dedupe_key: str
    sent_at: datetime = Field(description="When the customer sent it, per the provider.")
    content: InboundContent
    reply_to_provider_id: str | None = None


class Sentiment(BaseModel):
    label: Literal["positive", "neutral", "negative"] = "neutral"
    score: float = Field(default=0.0, ge=-1.0, le=1.0)


class Entity(BaseModel):
    type: str
    value: str


class KbMatch(BaseModel):
    chunk_id: str
    document_id: str
    section: str | None = None
    score: float
    text: str = ""


class SuggestedReply(BaseModel):
    text: str
    confidence: float = Field(ge=0.0, le=1.0)
    source: ReplySource
    language: str | None = None
    section: str | None = Field(default=None, description="Knowledge-base section the answer came from.")


class TokenUsage(BaseModel):
    prompt: int = 0
    completion: int = 0

    @property
    def total(self) -> int:
        return self.prompt + self.completion


class Analysis(BaseModel):
    language: str = "und"
    language_confidence: float = 0.0
    intent: str = "unknown"
    sentiment: Sentiment = Field(default_factory=Sentiment)
    topics: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    category: str = "inquiry"
    priority: Literal["low", "medium", "high"] = "medium"
    wants_human: bool = False
    kb_matches: list[KbMatch] = Field(default_factory=list)
    reply: SuggestedReply | None = None
    engine: str = "offline"
    model: str | None = None
    tokens: TokenUsage | None = None
    cost_usd: float | None = None
    processing_ms: float = 0.0


class MessageAnalyzed(Event):
    topic: ClassVar[str] = MESSAGE_ANALYZED

    inbound: MessageReceived
    analysis: Analysis


class HandoffRequested(Event):
    topic: ClassVar[str] = HANDOFF_REQUESTED

    reason: Literal["customer_asked", "low_confidence", "no_answer", "flow", "operator"]
    inbound_dedupe_key: str | None = None
    contact: Contact
    summary: str = ""
    priority: Literal["low", "medium", "high"] = "medium"


class QuickReply(BaseModel):
    id: str = Field(min_length=1, max_length=256)
    title: str = Field(min_length=1, max_length=20)


class OutboundContent(BaseModel):
    text: str = Field(min_length=1, max_length=4096)
    quick_replies: list[QuickReply] = Field(default_factory=list)


class MessageSend(Event):
    topic: ClassVar[str] = MESSAGE_SEND

    send_id: str = Field(min_length=1, description="Idempotency key: outbound sends each send_id once.")
    account_id: str
    recipient: Contact
    content: OutboundContent
    author: AuthorKind = AuthorKind.BOT
    operator_id: str | None = None
    in_reply_to: str | None = Field(default=None, description="Dedupe key of the inbound message answered.")
    reply_to_provider_id: str | None = None


class MessageStatus(Event):
    topic: ClassVar[str] = MESSAGE_STATUS

    send_id: str | None = None
    provider_message_id: str | None = None
    status: DeliveryState
    status_at: datetime = Field(default_factory=utcnow)
    attempts: int = 0
    error: str | None = None


class DeadLetter(BaseModel):
    """What lands on `<topic>.dlq`: the original record, why it failed, and how often it was tried."""

    schema_version: int = SCHEMA_VERSION
    event_id: str = Field(default_factory=_new_id)
    occurred_at: datetime = Field(default_factory=utcnow)
    source_topic: str
    service: str
    key: str | None = None
    original: dict[str, Any] | str = Field(description="The original event as JSON, or its raw text if invalid.")
    error: str
    attempts: int = 1
