"""WhatsApp Cloud API webhook payloads → Parley events. Pure: no I/O.

The payload models accept what Meta may add (extra fields are ignored) but insist on what Parley
needs; anything else is a `MalformedWebhook` with a reason the caller can return as a 400."""

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from parley_contracts import (
    Channel,
    Contact,
    DeliveryState,
    InboundContent,
    MessageReceived,
    MessageStatus,
    dedupe_key,
    thread_key,
)
from parley_runtime.validation import summarize


class MalformedWebhook(ValueError):
    pass


class _Lenient(BaseModel):
    model_config = ConfigDict(extra="ignore")


class WaProfile(_Lenient):
    name: str | None = None


class WaContact(_Lenient):
    wa_id: str | None = None
    profile: WaProfile | None = None


class WaText(_Lenient):
    body: str


class WaReply(_Lenient):
    id: str
    title: str
    description: str | None = None


class WaInteractive(_Lenient):
    type: str
    button_reply: WaReply | None = None
    list_reply: WaReply | None = None


class WaMedia(_Lenient):
    id: str
    mime_type: str | None = None
    sha256: str | None = None
    caption: str | None = None
    filename: str | None = None


class WaContext(_Lenient):
    id: str | None = None


class WaMessage(_Lenient):
    id: str = Field(min_length=1)
    from_: str = Field(alias="from", min_length=1)
    timestamp: str
    type: str
    text: WaText | None = None
    interactive: WaInteractive | None = None
    image: WaMedia | None = None
    audio: WaMedia | None = None
    video: WaMedia | None = None
    document: WaMedia | None = None
    location: dict[str, Any] | None = None
    button: dict[str, Any] | None = None
    context: WaContext | None = None


class WaStatus(_Lenient):
    id: str
    status: Literal["sent", "delivered", "read", "failed"]
    timestamp: str
    recipient_id: str
    errors: list[dict[str, Any]] = Field(default_factory=list)


class WaMetadata(_Lenient):
    phone_number_id: str = Field(min_length=1)
    display_phone_number: str | None = None


class WaValue(_Lenient):
    messaging_product: Literal["whatsapp"]
    metadata: WaMetadata
    contacts: list[WaContact] = Field(default_factory=list)
    messages: list[WaMessage] = Field(default_factory=list)
    statuses: list[WaStatus] = Field(default_factory=list)


class WaChange(_Lenient):
    field: str
    value: dict[str, Any]


class WaEntry(_Lenient):
    id: str
    changes: list[WaChange] = Field(default_factory=list)


class WaWebhook(_Lenient):
    object: Literal["whatsapp_business_account"]
    entry: list[WaEntry]


def parse_events(payload: bytes, tenant_for: Callable[[str], str]) -> list[MessageReceived | MessageStatus]:
    """Every message and status in one webhook delivery, in payload order."""
    try:
        hook = WaWebhook.model_validate_json(payload)
    except ValidationError as exc:
        raise MalformedWebhook(summarize(exc)) from exc
    events: list[MessageReceived | MessageStatus] = []
    for entry in hook.entry:
        for change in entry.changes:
            if change.field != "messages":
                continue  # account/template updates: nothing for a conversation
            try:
                value = WaValue.model_validate(change.value)
            except ValidationError as exc:
                raise MalformedWebhook("entry.changes.value: " + summarize(exc)) from exc
            account = value.metadata.phone_number_id
            tenant = tenant_for(account)
            names = {c.wa_id: c.profile.name for c in value.contacts if c.wa_id and c.profile}
            events += [_received(m, tenant, account, names.get(m.from_)) for m in value.messages]
            events += [_status(s, tenant, account) for s in value.statuses]
    return events


def _received(m: WaMessage, tenant: str, account: str, name: str | None) -> MessageReceived:
    return MessageReceived(
        tenant=tenant,
        channel=Channel.WHATSAPP,
        thread_key=thread_key(tenant, Channel.WHATSAPP, account, m.from_),
        account_id=account,
        contact=Contact(id=m.from_, name=name),
        provider_message_id=m.id,
        dedupe_key=dedupe_key(Channel.WHATSAPP, m.id),
        sent_at=_when(m.timestamp),
        content=_content(m),
        reply_to_provider_id=m.context.id if m.context else None,
    )


def _content(m: WaMessage) -> InboundContent:
    if m.type == "text" and m.text:
        return InboundContent(type="text", text=m.text.body)
    if m.type == "interactive" and m.interactive:
        reply = m.interactive.button_reply or m.interactive.list_reply
        if reply:
            return InboundContent(type="button_reply", text=reply.title, payload=reply.id)
    if m.type == "button" and m.button:  # a template's quick-reply button
        return InboundContent(type="button_reply", text=str(m.button.get("text", "")), payload=m.button.get("payload"))
    media = m.image or m.audio or m.video or m.document
    if media:
        return InboundContent(type="media", text=media.caption or "", media=[{"kind": m.type, **media.model_dump()}])
    if m.type == "location" and m.location:
        return InboundContent(type="location", text=str(m.location.get("name") or ""), media=[m.location])
    return InboundContent(type="unsupported", text="")


def _status(s: WaStatus, tenant: str, account: str) -> MessageStatus:
    error = "; ".join(f"{e.get('code')}: {e.get('title') or e.get('message')}" for e in s.errors) or None
    return MessageStatus(
        tenant=tenant,
        channel=Channel.WHATSAPP,
        thread_key=thread_key(tenant, Channel.WHATSAPP, account, s.recipient_id),
        provider_message_id=s.id,
        status=DeliveryState(s.status),
        status_at=_when(s.timestamp),
        error=error,
    )


def _when(unix_seconds: str) -> datetime:
    try:
        return datetime.fromtimestamp(int(unix_seconds), UTC)
    except ValueError as exc:
        raise MalformedWebhook(f"timestamp {unix_seconds!r} is not unix seconds") from exc
