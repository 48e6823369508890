"""WhatsApp Cloud API webhook payloads → Parley events. Pure: no I/O.

The envelope models accept what Meta may add (extra fields are ignored) but insist on what Parley needs; a
broken envelope is a `MalformedWebhook` with a reason the caller can return as a 400. A message's own content
is different: whatever the customer sent is kept, because a 400 would make Meta retry (and fail) the whole
batch. Known types become typed `InboundContent`; a known type that does not parse, `unsupported` and future
types are kept with their provider object in `data`.

Shapes: Meta's messages webhook reference, one page per type,
https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/<type>
(text, reaction, image, sticker, location, contacts, order, system, unsupported, …); flow replies:
https://developers.facebook.com/documentation/business-messaging/whatsapp/flows/guides/receiveflowresponse"""

import json
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from parley_contracts import (
    Channel,
    Contact,
    DeliveryState,
    InboundContent,
    MediaRef,
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


class WaContext(_Lenient):
    """What a message answers (`id`), or how it reached the customer (forwarded, a catalog product)."""

    id: str | None = None
    forwarded: bool = False
    frequently_forwarded: bool = False
    referred_product: dict[str, Any] | None = None


class WaMessage(_Lenient):
    """The envelope every message shares. The type's own object (`"image": {…}`) and any other key (`referral`,
    `errors`, `identity`, keys Meta adds later) stay in `model_extra`, parsed per type by `_content()`, so one
    odd message never fails the batch."""

    model_config = ConfigDict(extra="allow")

    id: str = Field(min_length=1)
    from_: str = Field(alias="from", min_length=1)
    timestamp: str
    type: str
    context: WaContext | None = None


# The object of each known message type: only the fields Parley reads, and what they must be.


class WaText(_Lenient):
    body: str


class WaInteractive(_Lenient):
    type: str


class WaReply(_Lenient):
    id: str
    title: str
    description: str | None = None


class WaFlowReply(_Lenient):
    name: str | None = None
    body: str | None = None
    response_json: str | None = None


class WaButton(_Lenient):
    text: str
    payload: str | None = None


class WaMedia(_Lenient):
    id: str = Field(min_length=1)
    mime_type: str | None = None
    sha256: str | None = None
    caption: str | None = None
    filename: str | None = None


class WaLocation(_Lenient):
    latitude: float
    longitude: float
    name: str | None = None
    address: str | None = None


class WaCardName(_Lenient):
    formatted_name: str | None = None
    first_name: str | None = None
    last_name: str | None = None


class WaContactCard(_Lenient):
    name: WaCardName | None = None


class WaReaction(_Lenient):
    message_id: str = Field(min_length=1)
    emoji: str | None = None  # absent (or "") when the customer removes their reaction


class WaOrderItem(_Lenient):
    quantity: int = Field(default=1, ge=0)


class WaOrder(_Lenient):
    text: str | None = None
    product_items: list[WaOrderItem] = Field(default_factory=list)


class WaSystem(_Lenient):
    body: str = ""


_CONTACT_CARDS = TypeAdapter(list[WaContactCard])


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
        dedupe_key=dedupe_key(Channel.WHATSAPP, account, m.id),
        sent_at=_when(m.timestamp),
        content=_content(m),
        reply_to_provider_id=m.context.id if m.context else None,
    )


def _content(m: WaMessage) -> InboundContent:
    """The message as `InboundContent`, never an exception: see `_CONVERTERS` for the known types. Keys beside
    the type's object (referral, errors, identity, …) and the context's flags are added to `data`."""
    extras = dict(m.model_extra or {})
    convert = _CONVERTERS.get(m.type)
    if convert is None:  # `unsupported`, `unknown` and types newer than this code: keep everything
        content = InboundContent(type=_UNSUPPORTED.get(m.type, m.type))
    else:
        raw = extras.pop(m.type, None)
        try:
            content = convert(raw)
        except ValidationError as exc:  # a known type in a shape we cannot read: keep it as Meta sent it
            content = InboundContent(type="unsupported", data={m.type: raw, "error": f"{m.type}: {summarize(exc)}"})
    for key, value in (extras | _context_data(m.context)).items():
        content.data.setdefault(key, value)
    return content


_UNSUPPORTED = {"unsupported": "unsupported", "unknown": "unsupported"}  # `unknown`: older API versions' name


def _context_data(context: WaContext | None) -> dict[str, Any]:
    """How the message reached the customer: `forwarded` holds which of Meta's two flags was set (forwarded up
    to five times, or more), `referred_product` the catalog item a "Message business" tap came from."""
    if context is None:
        return {}
    data: dict[str, Any] = {}
    if context.frequently_forwarded or context.forwarded:
        data["forwarded"] = "frequently_forwarded" if context.frequently_forwarded else "forwarded"
    if context.referred_product:
        data["referred_product"] = context.referred_product
    return data


def _text(raw: Any) -> InboundContent:
    return InboundContent(type="text", text=WaText.model_validate(raw).body)


def _interactive(raw: Any) -> InboundContent:
    """Replies to what the business sent: reply buttons and list rows (`button_reply`, as template buttons
    are), and completed WhatsApp Flows (`nfm_reply`). Other kinds are kept as `interactive`."""
    kind = WaInteractive.model_validate(raw).type
    if kind in ("button_reply", "list_reply"):
        reply = WaReply.model_validate(raw.get(kind))
        return InboundContent(type="button_reply", text=reply.title, payload=reply.id, data=raw)
    if kind == "nfm_reply":
        return _flow_reply(WaFlowReply.model_validate(raw.get(kind)))
    return InboundContent(type="interactive", data={"interactive": raw})


def _flow_reply(reply: WaFlowReply) -> InboundContent:
    """A completed Flow: its answers are `response_json`, a JSON string (kept as the raw string if it is not)."""
    try:
        answers = json.loads(reply.response_json or "{}")
    except json.JSONDecodeError:
        answers = reply.response_json
    data = answers if isinstance(answers, dict) else {"response_json": answers}
    return InboundContent(type="flow_reply", text=reply.body or reply.name or "", data=data)


def _button(raw: Any) -> InboundContent:
    """A template's quick-reply button."""
    button = WaButton.model_validate(raw)
    return InboundContent(type="button_reply", text=button.text, payload=button.payload, data=raw)


_MEDIA_REF_FIELDS = frozenset({"id", "mime_type", "sha256", "filename", "caption"})


def _media(kind: str, raw: Any) -> InboundContent:
    """A reference to the file at Meta (downloading it is the media store's job), the caption (a document's
    file name if it has none) as text, and the rest of the object (`audio.voice`, `sticker.animated`) as data."""
    media = WaMedia.model_validate(raw)
    ref = MediaRef(
        kind=kind, provider_media_id=media.id, mime_type=media.mime_type, sha256=media.sha256, filename=media.filename
    )
    rest = {k: v for k, v in raw.items() if k not in _MEDIA_REF_FIELDS}
    return InboundContent(type=kind, text=media.caption or media.filename or "", media=[ref], data=rest)


def _location(raw: Any) -> InboundContent:
    place = WaLocation.model_validate(raw)
    text = ", ".join(part for part in (place.name, place.address) if part) or f"{place.latitude}, {place.longitude}"
    return InboundContent(type="location", text=text, data=raw)


def _contacts(raw: Any) -> InboundContent:
    """Shared contact cards; their names are what an operator needs at a glance."""
    cards = _CONTACT_CARDS.validate_python(raw)
    names = [_card_name(card.name) for card in cards if card.name]
    return InboundContent(type="contacts", text=", ".join(name for name in names if name), data={"contacts": raw})


def _card_name(name: WaCardName) -> str:
    return name.formatted_name or " ".join(part for part in (name.first_name, name.last_name) if part)


def _reaction(raw: Any) -> InboundContent:
    """An emoji on an earlier message (`message_id`); an empty emoji means the reaction was removed."""
    reaction = WaReaction.model_validate(raw)
    emoji = reaction.emoji or ""
    return InboundContent(type="reaction", text=emoji, data={**raw, "emoji": emoji})


def _order(raw: Any) -> InboundContent:
    """A cart sent from a catalog message. Items, prices and the catalog stay in data; the text counts units
    and carries the customer's note."""
    order = WaOrder.model_validate(raw)
    units = sum(item.quantity for item in order.product_items)
    summary = f"Order: {units} item{'' if units == 1 else 's'}"
    return InboundContent(type="order", text=f"{summary} — {order.text}" if order.text else summary, data=raw)


def _system(raw: Any) -> InboundContent:
    """WhatsApp's own notices (the customer changed number or identity): the body says what happened."""
    return InboundContent(type="system", text=WaSystem.model_validate(raw).body, data=raw)


_CONVERTERS: dict[str, Callable[[Any], InboundContent]] = {
    "text": _text,
    "interactive": _interactive,
    "button": _button,
    "image": partial(_media, "image"),
    "audio": partial(_media, "audio"),
    "video": partial(_media, "video"),
    "document": partial(_media, "document"),
    "sticker": partial(_media, "sticker"),
    "location": _location,
    "contacts": _contacts,
    "reaction": _reaction,
    "order": _order,
    "system": _system,
}


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
