"""One pydantic model per topic. JSON on the wire; unknown fields are ignored so producers can add
fields without breaking older consumers; `schema_version` changes only when a field changes meaning."""

import uuid
from datetime import UTC, datetime
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from parley_contracts.topics import (
    CHANNEL_NOTIFICATION,
    FLOW_SUBMISSION,
    HANDOFF_REQUESTED,
    MESSAGE_ANALYZED,
    MESSAGE_RECEIVED,
    MESSAGE_SEND,
    MESSAGE_STATUS,
    THREAD_COMMAND,
    THREAD_UPDATED,
)
from parley_contracts.types import (
    ActorKind,
    AuthorKind,
    Channel,
    CommandAction,
    DeliveryState,
    ReplySource,
    ThreadStatus,
)

SCHEMA_VERSION = 1


def _new_id() -> str:
    return uuid.uuid4().hex


def utcnow() -> datetime:
    return datetime.now(UTC)


class Event(BaseModel):
    """Fields every event carries (docs/architecture.md)."""

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


class MediaRef(BaseModel):
    """A file in a message: in Parley's media store (`media_id`), at the provider (`provider_media_id`), or both.
    Only references travel on Kafka, never bytes."""

    kind: str = Field(description="image, audio, video, document, sticker (MediaKind); unknown kinds are kept.")
    media_id: str | None = Field(default=None, description="Parley's media store id (GET /api/media/{id}).")
    provider_media_id: str | None = Field(default=None, description="The provider's id (WhatsApp media id, …).")
    mime_type: str | None = None
    filename: str | None = None
    size: int | None = Field(default=None, ge=0)
    sha256: str | None = None


class InboundContent(BaseModel):
    type: str = Field(
        default="text",
        description="text, button_reply, image, audio, video, document, sticker, location, contacts, reaction, "
        "order, system, unsupported (the provider's own name for anything else). Unknown types are kept.",
    )
    text: str = Field(default="", description="Text, button title, caption, reaction emoji, place or contact names.")
    payload: str | None = Field(default=None, description="Button / quick-reply id.")
    media: list[MediaRef] = Field(default_factory=list)
    data: dict[str, Any] = Field(
        default_factory=dict,
        description="The rest of the provider's object for this type (coordinates, contact cards, the reacted "
        "message id, an order's items, …), so nothing the customer sent is lost.",
    )


class MessageReceived(Event):
    topic: ClassVar[str] = MESSAGE_RECEIVED

    account_id: str = Field(description="The channel account written to (WhatsApp phone_number_id, page id, …).")
    contact: Contact
    provider_message_id: str
    dedupe_key: str
    sent_at: datetime = Field(description="When the customer sent it, per the provider.")
    content: InboundContent
    reply_to_provider_id: str | None = None
    conversation: str | None = Field(
        default=None,
        description="Which of the contact's conversations on the channel (part of the thread key): a MercadoLibre "
        "question (question:<id>) or pack (pack:<id>). None where a contact has one conversation.",
    )
    reply_context: dict[str, Any] | None = Field(
        default=None,
        description="What answering in this conversation takes on channels that need more than the contact "
        "(email: the message's subject, Message-ID and References). The router keeps the customer's latest on "
        "the thread and copies it onto every message.send of the thread, bot's and operators' alike.",
    )


class ChannelNotification(Event):
    """A provider's notification that something changed on its side, without the content (MercadoLibre's
    notifications: `{"resource": "/questions/123", "topic": "questions", …}`). Ingest publishes it as received;
    outbound fetches the resource with the account's credentials and publishes `message.received`. Its
    `thread_key` is the resource's key (`resource_key`): the thread is known only once the resource is read."""

    topic: ClassVar[str] = CHANNEL_NOTIFICATION

    account_id: str = Field(description="The channel account notified (MercadoLibre: the seller's user id).")
    subject: str = Field(min_length=1, description="The provider's topic: questions, messages, …")
    resource: str = Field(min_length=1, description="What changed, as the provider names it (/questions/123, …).")
    notification_id: str | None = Field(default=None, description="The provider's id of the notification.")
    attempts: int = Field(default=1, ge=0, description="How often the provider has sent it.")
    sent_at: datetime | None = None
    payload: dict[str, Any] = Field(default_factory=dict, description="The notification as received.")


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

    reason: Literal[
        "customer_asked", "low_confidence", "no_answer", "flow", "operator", "delivery_failed", "needs_person"
    ]
    inbound_dedupe_key: str | None = None
    contact: Contact
    summary: str = ""
    priority: Literal["low", "medium", "high"] = "medium"


class QuickReply(BaseModel):
    id: str = Field(min_length=1, max_length=256)
    title: str = Field(min_length=1, max_length=20)


class TemplateMessage(BaseModel):
    """An approved message template (WhatsApp): the only thing that may be sent outside the customer-service
    window."""

    name: str = Field(min_length=1, max_length=512, pattern=r"^[a-z0-9_]+$")
    language: str = Field(min_length=2, max_length=15, description="Template language code: en, en_US, pt_BR, …")
    parameters: list[str] = Field(default_factory=list, max_length=20, description="Body parameters {{1}}, {{2}}, …")


class OutboundContent(BaseModel):
    """What is sent: text (with optional quick replies), attachments (the text becomes the first one's caption
    where the channel allows), or a template on its own."""

    text: str | None = Field(default=None, min_length=1, max_length=4096)
    quick_replies: list[QuickReply] = Field(default_factory=list)
    attachments: list[MediaRef] = Field(default_factory=list, max_length=10)
    template: TemplateMessage | None = None

    @model_validator(mode="after")
    def _something_to_send(self) -> "OutboundContent":
        if self.template is not None and (self.text or self.attachments or self.quick_replies):
            raise ValueError("a template is sent on its own: no text, attachments or quick replies with it")
        if self.template is None and not self.text and not self.attachments:
            raise ValueError("nothing to send: give text, attachments or a template")
        if any(a.media_id is None for a in self.attachments):
            raise ValueError("attachments must be in Parley's media store (media_id)")
        return self

    @property
    def preview(self) -> str:
        """One line for thread lists and logs-free summaries."""
        if self.text:
            return self.text
        if self.template is not None:
            return f"[template {self.template.name}]"
        first = self.attachments[0]
        return f"[{first.kind}] {first.filename or ''}".strip()


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
    tag: str | None = Field(
        default=None,
        max_length=64,
        description="The message tag the provider needs for this send (Messenger/Instagram `HUMAN_AGENT`: an "
        "operator's reply past the 24-hour window), set by the router from parley_conversations.windows.",
    )
    conversation: str | None = Field(
        default=None, description="The thread's conversation reference (MessageReceived.conversation), if any."
    )
    reply_context: dict[str, Any] | None = Field(
        default=None,
        description="The thread's reply context (see message.received): e.g. the subject and References an "
        "email reply needs, without outbound reading the thread.",
    )
    redrive: int = Field(
        default=0,
        ge=0,
        description="Times an operator re-sent it from the dead letters: outbound tries a failed send again.",
    )


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
    redrivable: bool = Field(
        default=True, description="False for what publishing again cannot fix (a webhook for an unconnected account)."
    )


class Actor(BaseModel):
    """Who did something: an operator (id, name), an integration's API key, the bot, the customer or the system."""

    kind: ActorKind
    id: str | None = None
    name: str | None = None


class FlowResult(BaseModel):
    """What the business's API answered one flow submission (`flow_result` commands): its JSON reply when it
    answered 2xx with a JSON object, otherwise why not (`error`)."""

    session_id: str
    round: int = Field(ge=1)
    attempt: int = Field(ge=1)
    ok: bool
    status_code: int | None = None
    error: str | None = Field(default=None, max_length=500)
    response: dict[str, Any] | None = None


class FlowSubmission(Event):
    """A question flow's answers to POST to the business's API (seed 003's payload plus Parley's ids). The router
    publishes one per attempt; outbound signs and sends it and answers with a `flow_result` command."""

    topic: ClassVar[str] = FLOW_SUBMISSION

    submission_id: str = Field(description="Idempotency key of this attempt (also the result command's id source).")
    session_id: str
    flow_id: str
    flow_version: int = Field(ge=1)
    round: int = Field(ge=1, description="1: the flow's questions; 2, 3, …: after the API's additional questions.")
    attempt: int = Field(ge=1)
    url: str
    timeout_seconds: float = Field(gt=0, le=60)
    payload: dict[str, Any] = Field(description="The JSON body sent to the API.")


class ThreadCommand(Event):
    """An operator's (or integration's, or the router's own timer's) request to change a thread. dashboard-api
    publishes it; the router applies it in order with the thread's other events and answers on `thread.updated`
    with the same `command_id` (docs/adr/0002-thread-command-topic.md)."""

    topic: ClassVar[str] = THREAD_COMMAND

    command_id: str = Field(default_factory=_new_id, description="Idempotency key; echoed on thread.updated.")
    action: CommandAction
    actor: Actor
    operator_id: str | None = Field(default=None, description="assign: the operator to assign the thread to.")
    content: OutboundContent | None = Field(default=None, description="reply: what to send to the customer.")
    reason: str | None = Field(default=None, max_length=500, description="A note kept with the transition.")
    due_at: datetime | None = Field(default=None, description="Timers: the deadline that fired.")
    flow_result: FlowResult | None = Field(default=None, description="flow_result: what the business's API said.")
    session_id: str | None = Field(default=None, description="flow_retry / flow_reset / flow_timer: the session.")


class Assignee(BaseModel):
    id: str
    name: str | None = None


class LastMessage(BaseModel):
    text: str = ""
    at: datetime
    author: AuthorKind
    type: str = "text"


class ThreadView(BaseModel):
    """A thread as operators and integrators see it (the dashboard API's thread and `thread.updated`)."""

    thread_key: str
    tenant: str
    channel: Channel
    account_id: str
    contact: Contact
    status: ThreadStatus
    assignee: Assignee | None = None
    handoff_reason: str | None = None
    status_changed_at: datetime | None = None
    language: str | None = None
    last_sentiment: str | None = None
    labels: list[str] = Field(default_factory=list)
    message_count: int = 0
    last_message: LastMessage | None = None
    last_inbound_at: datetime | None = Field(default=None, description="When the customer last wrote.")
    reply_window_closes_at: datetime | None = Field(
        default=None, description="When free-form replies stop being allowed (WhatsApp's 24 h window); None: never."
    )
    operator_window_closes_at: datetime | None = Field(
        default=None,
        description="Where people may answer past that window (Messenger/Instagram: 7 days, sent with the "
        "HUMAN_AGENT tag), when an operator's replies stop being allowed; None: no such extension.",
    )
    created_at: datetime
    updated_at: datetime
    version: int = Field(default=0, description="Grows with every change: newer snapshots win.")


class StatusChange(BaseModel):
    status: DeliveryState
    at: datetime
    error: str | None = None


class MessageView(BaseModel):
    """A message as operators see it: the customer's, the bot's, an operator's, or a system note (`activity`)."""

    id: str
    thread_key: str
    direction: Literal["in", "out", "internal"]
    author: AuthorKind
    author_id: str | None = Field(default=None, description="The operator's id, for operator messages.")
    author_name: str | None = None
    type: str = "text"
    text: str = Field(default="", description="Text, caption, reaction emoji, template body, activity summary.")
    media: list[MediaRef] = Field(default_factory=list)
    data: dict[str, Any] = Field(default_factory=dict)
    quick_replies: list[QuickReply] = Field(default_factory=list)
    at: datetime
    sent_at: datetime | None = None
    provider_message_id: str | None = None
    send_id: str | None = None
    in_reply_to: str | None = None
    status: DeliveryState | None = None
    status_history: list[StatusChange] = Field(default_factory=list)
    error: str | None = None
    analysis: Analysis | None = None


class Transition(BaseModel):
    """One change of a thread's status and/or assignee, with who caused it, why and when."""

    trigger: str
    from_status: ThreadStatus
    to_status: ThreadStatus
    from_assignee: str | None = None
    to_assignee: str | None = None
    actor: Actor
    reason: str | None = None
    at: datetime


class ThreadUpdated(Event):
    """Every change the router applied to a thread (and every command it refused): what the live console and
    the notifications are built on. Idempotent for consumers: `event_id` is derived from what caused it."""

    topic: ClassVar[str] = THREAD_UPDATED

    cause: str = Field(description="The topic of the event that caused this update.")
    thread: ThreadView | None = Field(default=None, description="The thread after the change (absent: unchanged).")
    messages: list[MessageView] = Field(default_factory=list, description="Messages added or changed.")
    transitions: list[Transition] = Field(default_factory=list, description="Status/assignee changes, in order.")
    command_id: str | None = None
    outcome: Literal["applied", "unchanged", "rejected"] | None = Field(
        default=None, description="For commands: applied, unchanged (nothing to do), rejected (see reason)."
    )
    reason: str | None = None
