"""WhatsApp Cloud API webhook payloads → Parley events. Pure: no I/O (the caller logs the notes it returns).

Meta retries a delivery it did not get a 200 for, whole, for up to 7 days; one delivery may carry several
customers' messages and statuses. So a body is refused (`MalformedWebhook`, a 400 with the reason) only when it
is not a WhatsApp webhook at all (not JSON, another `object`, no `entry` list), or when nothing in it is usable
and something is broken. Otherwise every item stands on its own, with a `Note` for the log:

- *invalid*: an item without what Parley needs (a message without `from`, a change without `metadata`) is
  skipped; the rest of the delivery is published;
- *ignored*: a value this code does not know (a status Meta added later) is skipped; unknown is not invalid;
- *repaired*: a timestamp that is not plausible unix seconds becomes the receipt time (the provider's value is
  kept in `content.data["provider_timestamp"]`); a text over the limit is cut (see `sizing`).

A message's own content is kept whatever it is: known types become typed `InboundContent`; a known type that
does not parse, `unsupported` and future types are kept with their provider object in `data`. Ids and payloads
that arrive as numbers (or objects) are read as text.

Shapes: Meta's messages webhook reference, one page per type,
https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/<type>
(text, reaction, image, sticker, location, contacts, order, system, unsupported, …); statuses:
…/webhooks/reference/messages/status; flow replies:
https://developers.facebook.com/documentation/business-messaging/whatsapp/flows/guides/receiveflowresponse"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any, Literal

from pydantic import (
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    model_validator,
)
from pydantic_core import from_json, to_json

from parley_contracts import (
    Channel,
    Contact,
    DeliveryState,
    InboundContent,
    MediaRef,
    MessageReceived,
    MessageStatus,
    dedupe_key,
    inbound_media_id,
    thread_key,
    utcnow,
)
from parley_ingest.delivery import (
    Delivery,
    DeliveryReader,
    Id,
    Lenient,
    MalformedWebhook,
    Payload,
    TenantFor,
    vocabulary,
)
from parley_ingest.sizing import SizeLimits
from parley_runtime.validation import summarize


class WaProfile(Lenient):
    name: str | None = None


class WaContact(Lenient):
    wa_id: Id | None = None
    user_id: Id | None = None  # the business-scoped user id (BSUID)
    profile: WaProfile | None = None


class WaContext(Lenient):
    """What a message answers (`id`), or how it reached the customer (forwarded, a catalog product)."""

    id: Id | None = None
    forwarded: bool = False
    frequently_forwarded: bool = False
    referred_product: dict[str, Any] | None = None


class WaMessage(Lenient):
    """The envelope every message shares: `id` and who sent it are required (without them a message cannot be
    deduplicated or threaded). Who: the phone number (`from`), or, for a customer who hides it behind a username,
    only the business-scoped user id (`from_user_id`, a BSUID such as "US.13491208655302741918"; Meta,
    https://developers.facebook.com/documentation/business-messaging/whatsapp/business-scoped-user-ids). The phone
    number stays the contact id whenever it is sent, so existing conversations keep their thread; the BSUID is
    the contact id only without it. The type's own object (`"image": {…}`) and any other key (`referral`, `errors`,
    `identity`, keys Meta adds later) stay in `model_extra`, parsed per type by `_content()`; `timestamp`,
    `type` and `context` are read leniently there too, so one odd field never loses the message."""

    model_config = ConfigDict(extra="allow")

    id: Id
    from_: Id = Field(alias="from")
    from_user_id: Id | None = None
    timestamp: Any = None
    type: Any = None
    context: Any = None

    @model_validator(mode="before")
    @classmethod
    def _bsuid_without_number(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("from") is None and data.get("from_user_id") is not None:
            return {**data, "from": data["from_user_id"]}
        return data


# The object of each known message type: only the fields Parley reads, and what they must be.


class WaText(Lenient):
    body: str


class WaInteractive(Lenient):
    type: str


class WaReply(Lenient):
    id: Payload
    title: str
    description: str | None = None


class WaFlowReply(Lenient):
    name: str | None = None
    body: str | None = None
    response_json: str | None = None


class WaButton(Lenient):
    text: str
    payload: Payload | None = None


class WaMedia(Lenient):
    id: str = Field(min_length=1)
    mime_type: str | None = None
    sha256: str | None = None
    caption: str | None = None
    filename: str | None = None


class WaLocation(Lenient):
    latitude: float
    longitude: float
    name: str | None = None
    address: str | None = None


class WaCardName(Lenient):
    formatted_name: str | None = None
    first_name: str | None = None
    last_name: str | None = None


class WaContactCard(Lenient):
    name: WaCardName | None = None


class WaReaction(Lenient):
    message_id: str = Field(min_length=1)
    emoji: str | None = None  # absent (or "") when the customer removes their reaction


class WaOrderItem(Lenient):
    quantity: int = Field(default=1, ge=0)


class WaOrder(Lenient):
    text: str | None = None
    product_items: list[WaOrderItem] = Field(default_factory=list)


class WaSystem(Lenient):
    body: str = ""


_CONTACT_CARDS = TypeAdapter(list[WaContactCard])


class WaStatus(Lenient):
    """A status of a message the business sent. `status`, `timestamp` and `errors` are read leniently by
    `_status()`: an unknown status is ignored, an odd timestamp replaced, errors kept in any shape. The recipient
    is the phone number (`recipient_id`) or, without it, the BSUID (`recipient_user_id`), as for messages."""

    id: Id
    recipient_id: Id
    status: Any = None
    timestamp: Any = None
    errors: Any = None

    @model_validator(mode="before")
    @classmethod
    def _bsuid_without_number(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("recipient_id") is None and data.get("recipient_user_id") is not None:
            return {**data, "recipient_id": data["recipient_user_id"]}
        return data


class WaMetadata(Lenient):
    phone_number_id: Id


class WaValue(Lenient):
    """A change's value: only the account it is for is required. Its lists are read item by item (`_Reader.each`):
    contacts that are not a list lose only the names, statuses only themselves, and so on."""

    metadata: WaMetadata
    contacts: Any = None
    messages: Any = None
    statuses: Any = None


class WaChange(Lenient):
    field: str
    value: Any = None


class WaEntry(Lenient):
    changes: Any = None


class WaWebhook(Lenient):
    object: Literal["whatsapp_business_account"]
    entry: list[Any]


def parse_delivery(
    payload: bytes,
    tenant_for: TenantFor,
    limits: SizeLimits,
    received_at: datetime | None = None,
) -> Delivery:
    """Every message and status in one webhook delivery, in payload order, each within `limits`; `received_at`
    (default: now) stands in for timestamps that cannot be read. Raises `MalformedWebhook` when the body is not a
    WhatsApp webhook, or nothing in it is usable and something is invalid. A phone number id nobody connected
    (`tenant_for` gives None) is listed in `Delivery.unconnected`, its items skipped."""
    try:
        hook = WaWebhook.model_validate_json(payload)
    except ValidationError as exc:
        raise MalformedWebhook(summarize(exc)) from exc
    reader = _Reader(tenant_for, limits, received_at or utcnow())
    for where, entry in reader.each(hook.entry, WaEntry, "entry"):
        for at, change in reader.each(entry.changes, WaChange, f"{where}.changes"):
            if change.field == "messages":  # account and template updates are nothing for a conversation
                reader.read_value(change.value, f"{at}.value")
    return reader.finish()


@dataclass
class _Reader(DeliveryReader):
    """One WhatsApp delivery being read."""

    def read_value(self, raw: Any, where: str) -> None:
        value = self.one(raw, WaValue, where)
        if value is None:
            return
        account = value.metadata.phone_number_id
        tenant = self.tenant_for(account)
        if tenant is None:
            self.unconnected(where, account)
            return
        names: dict[str, str | None] = {}
        for _, c in self.each(value.contacts, WaContact, f"{where}.contacts"):
            for contact_id in (c.wa_id, c.user_id):
                if contact_id and c.profile:
                    names[contact_id] = c.profile.name
        for at, message in self.each(value.messages, WaMessage, f"{where}.messages"):
            self.add(at, message.id, self.received(message, tenant, account, names.get(message.from_), at))
        for at, status in self.each(value.statuses, WaStatus, f"{where}.statuses"):
            if (event := self.status(status, tenant, account, at)) is not None:
                self.add(at, status.id, event)

    def received(self, m: WaMessage, tenant: str, account: str, name: str | None, where: str) -> MessageReceived:
        sent_at = self.when(m.timestamp, where, m.id)
        reply_to, context_data = _context(m.context)
        content = _content(m)
        for key, value in context_data.items():
            content.data.setdefault(key, value)
        if sent_at is None and m.timestamp is not None:
            content.data["provider_timestamp"] = m.timestamp
        if m.from_user_id and m.from_user_id != m.from_:
            content.data.setdefault("from_user_id", m.from_user_id)  # the BSUID, for when the number goes away
        for ref in content.media:
            # Known now, before the download (outbound's inbound consumer stores the file under this id).
            if ref.provider_media_id:
                ref.media_id = inbound_media_id(Channel.WHATSAPP, account, ref.provider_media_id)
        return MessageReceived(
            tenant=tenant,
            channel=Channel.WHATSAPP,
            thread_key=thread_key(tenant, Channel.WHATSAPP, account, m.from_),
            account_id=account,
            contact=Contact(id=m.from_, name=name),
            provider_message_id=m.id,
            dedupe_key=dedupe_key(Channel.WHATSAPP, account, m.id),
            sent_at=sent_at or self.received_at,
            content=content,
            reply_to_provider_id=reply_to,
        )

    def status(self, s: WaStatus, tenant: str, account: str, where: str) -> MessageStatus | None:
        state = _DELIVERY_STATES.get(s.status) if isinstance(s.status, str) else None
        if state is None:
            self.note(where, f"status {vocabulary(s.status)} is not one Parley knows: ignored", "ignored", s.id)
            return None
        return MessageStatus(
            tenant=tenant,
            channel=Channel.WHATSAPP,
            thread_key=thread_key(tenant, Channel.WHATSAPP, account, s.recipient_id),
            provider_message_id=s.id,
            status=state,
            status_at=self.when(s.timestamp, where, s.id) or self.received_at,
            error=_error_text(s.errors),
        )


# Meta's status values → Parley's. `played`: a voice message the customer listened to, sent instead of `read`
# (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status):
# it is read, and states never move backwards, so mapping it keeps a later `read` (or `played`) harmless.
_DELIVERY_STATES: dict[str, DeliveryState] = {
    "sent": DeliveryState.SENT,
    "delivered": DeliveryState.DELIVERED,
    "read": DeliveryState.READ,
    "played": DeliveryState.READ,
    "failed": DeliveryState.FAILED,
}


_ERROR_CHARS = 1000


def _error_text(errors: Any) -> str | None:
    """Meta's `errors` (`[{code, title, message, error_data}]`) as one line, whatever their shape."""
    if not errors:
        return None
    items = errors if isinstance(errors, list) else [errors]
    parts = [
        f"{e.get('code')}: {e.get('title') or e.get('message')}" if isinstance(e, dict) else to_json(e).decode()
        for e in items
    ]
    return "; ".join(parts)[:_ERROR_CHARS] or None


def _content(m: WaMessage) -> InboundContent:
    """The message as `InboundContent`, never an exception: see `_CONVERTERS` for the known types. Keys beside
    the type's object (referral, errors, identity, …) are added to `data`; a `type` that is not text is kept
    there too, and the message is `unsupported`."""
    extras = dict(m.model_extra or {})
    kind = m.type if isinstance(m.type, str) and m.type else "unsupported"
    if m.type is not None and kind != m.type:
        extras["type"] = m.type
    convert = _CONVERTERS.get(kind)
    if convert is None:  # `unsupported`, `unknown` and types newer than this code: keep everything
        content = InboundContent(type=_UNSUPPORTED.get(kind, kind))
    else:
        raw = extras.pop(kind, None)
        try:
            content = convert(raw)
        except ValidationError as exc:  # a known type in a shape we cannot read: keep it as Meta sent it
            content = InboundContent(type="unsupported", data={kind: raw, "error": f"{kind}: {summarize(exc)}"})
    for key, value in extras.items():
        content.data.setdefault(key, value)
    return content


_UNSUPPORTED = {"unsupported": "unsupported", "unknown": "unsupported"}  # `unknown`: older API versions' name


def _context(raw: Any) -> tuple[str | None, dict[str, Any]]:
    """What the message answers (a provider id), and how it reached the customer as data: `forwarded` holds
    which of Meta's two flags was set (forwarded up to five times, or more), `referred_product` the catalog item
    a "Message business" tap came from. A context this code cannot read is kept whole as `data["context"]`."""
    if raw is None:
        return None, {}
    try:
        context = WaContext.model_validate(raw)
    except ValidationError:
        return None, {"context": raw}
    data: dict[str, Any] = {}
    if context.frequently_forwarded or context.forwarded:
        data["forwarded"] = "frequently_forwarded" if context.frequently_forwarded else "forwarded"
    if context.referred_product:
        data["referred_product"] = context.referred_product
    return context.id, data


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
    """A completed Flow: its answers are `response_json`, a JSON string (kept as the raw string if it is not, or
    if it nests deeper than pydantic's parser allows: the same limits as the webhook body itself)."""
    try:
        answers = from_json(reply.response_json or "{}")
    except ValueError:
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


class WaEdit(Lenient):
    original_message_id: Id
    message: dict[str, Any] = Field(default_factory=dict)


class WaRevoke(Lenient):
    original_message_id: Id


def _edit(raw: Any) -> InboundContent:
    """The customer edited an earlier message (within 15 minutes; text or a caption): `edit.message` is the
    message as it now reads, in the shape of any message. Generic for the router: type `edit`, the new text,
    and `data.edits_message_id` (the original's provider id). Meta documents it for WhatsApp Business app users
    ("Coexistence") and has at times delivered edits as `unsupported` instead:
    https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/edit"""
    edit = WaEdit.model_validate(raw)
    inner = edit.message
    kind = inner.get("type")
    convert = _CONVERTERS.get(kind) if isinstance(kind, str) and kind not in ("edit", "revoke") else None
    now = convert(inner.get(kind)) if convert is not None else InboundContent(type="unsupported")
    return InboundContent(
        type="edit",
        text=now.text,
        media=now.media,
        data={"edits_message_id": edit.original_message_id, "edited_type": kind, "edit": raw},
    )


def _revoke(raw: Any) -> InboundContent:
    """The customer deleted an earlier message for everyone (within two days). Generic for the router: type
    `delete` and `data.deletes_message_id`:
    https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/revoke"""
    revoke = WaRevoke.model_validate(raw)
    return InboundContent(type="delete", data={"deletes_message_id": revoke.original_message_id})


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
    "edit": _edit,
    "revoke": _revoke,
}
