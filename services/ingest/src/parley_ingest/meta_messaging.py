"""Messenger and Instagram webhook payloads → Parley events: one parser for both, parameterised by `Platform`
(their webhooks share the Messenger Platform's shape). Pure: no I/O (the caller logs the notes it returns).

A body is refused (`MalformedWebhook`, a 400) only when it is not this platform's webhook at all (not JSON,
another `object`, no `entry` list), or when nothing in it is usable and something is broken. Otherwise each
messaging event stands on its own, with a `Note` for the log (see `parley_ingest.delivery`):

- a customer's message, postback (a tapped button: `button_reply`), reaction (`reaction`, data.message_id = the
  reacted mid), edit (`edit`, data.edits_message_id) or deletion (`delete`, data.deletes_message_id) becomes a
  `MessageReceived`; quick replies are `button_reply` with the payload; attachments are `MediaRef`s whose
  provider id is the attachment's URL (Meta's CDN URL: downloaded by outbound's `fetch`); an Instagram story
  reply keeps the story in `data.story_reply`, a story mention is type `story_mention` with the story's URL;
- a delivery receipt (`delivery.mids`) becomes `delivered` statuses and an Instagram read (`read.mid`) a `read`
  status; Messenger's read receipt names only a watermark (a time, no message), so it is ignored with a note;
- echoes (`is_echo`: the account's own sends, Parley's included) are ignored with a note; so are event kinds
  this code does not know, never a reason to drop the rest.

Reactions, edits and deletions carry no id of their own (a deletion repeats the original `mid`): each gets a
derived provider id (`reaction:<mid>:<timestamp>`, `edit:<mid>:<num_edit>`, `delete:<mid>`), stable across
Meta's retries, so a retry is deduplicated and the original message is not.

Shapes: Messenger Platform webhook reference,
https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/ (messages, messaging_postbacks,
message-reactions, message-deliveries, message-reads, message-echoes, message-edits); Instagram Messaging,
https://developers.facebook.com/documentation/business-messaging/instagram-messaging/webhooks and
https://developers.facebook.com/docs/instagram-platform/webhooks/examples/ (story replies and mentions,
messaging_seen, is_deleted)."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import ConfigDict, Field, ValidationError

from parley_contracts import (
    Channel,
    Contact,
    DeliveryState,
    InboundContent,
    MediaKind,
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
    unix_time,
    vocabulary,
)
from parley_ingest.sizing import SizeLimits
from parley_runtime.validation import summarize


@dataclass(frozen=True)
class Platform:
    """Which of Meta's messaging platforms a webhook comes from: its channel and its webhook `object`."""

    channel: Channel
    object: str
    name: str


MESSENGER = Platform(Channel.MESSENGER, "page", "Messenger")
INSTAGRAM = Platform(Channel.INSTAGRAM, "instagram", "Instagram")


class MetaWebhook(Lenient):
    object: str
    entry: list[Any]


class MetaEntry(Lenient):
    id: Id
    messaging: Any = None
    standby: Any = None


class MetaParty(Lenient):
    id: Id


class MetaEvent(Lenient):
    """One `entry[].messaging[]` item: who, when, and one event object (kept whole in `model_extra`)."""

    model_config = ConfigDict(extra="allow")

    sender: MetaParty
    recipient: MetaParty
    timestamp: Any = None


class MetaMessage(Lenient):
    model_config = ConfigDict(extra="allow")

    mid: Id
    text: str | None = None
    is_echo: bool = False
    is_deleted: bool = False
    quick_reply: Any = None
    attachments: Any = None
    reply_to: Any = None


class MetaQuickReply(Lenient):
    payload: Payload


class MetaAttachment(Lenient):
    model_config = ConfigDict(extra="allow")

    type: str
    payload: Any = None


class MetaPostback(Lenient):
    model_config = ConfigDict(extra="allow")

    mid: Id | None = None
    title: str | None = None
    payload: Payload | None = None


class MetaReaction(Lenient):
    mid: Id
    action: str = "react"
    reaction: str | None = None
    emoji: str | None = None


class MetaEdit(Lenient):
    mid: Id
    text: str | None = None
    num_edit: int | None = None


class MetaDeliveryReceipt(Lenient):
    mids: list[Id] = Field(default_factory=list)
    watermark: Any = None


class MetaRead(Lenient):
    mid: Id | None = None
    watermark: Any = None


# Attachment types that are files Parley keeps (Meta's `file` is a document); the rest stay in data.
_MEDIA_KINDS: dict[str, str] = {
    "image": MediaKind.IMAGE,
    "video": MediaKind.VIDEO,
    "audio": MediaKind.AUDIO,
    "file": MediaKind.DOCUMENT,
}
# The event objects of a messaging item this parser reads; any other key is an event kind it does not know.
_ENVELOPE = frozenset({"sender", "recipient", "timestamp"})


def parse_delivery(
    payload: bytes,
    platform: Platform,
    tenant_for: TenantFor,
    limits: SizeLimits,
    received_at: datetime | None = None,
) -> Delivery:
    """Every event of one webhook delivery, in payload order, each within `limits`. Raises `MalformedWebhook` when
    the body is not `platform`'s webhook, or nothing in it is usable and something is invalid. An account
    (`entry[].id`: page id, Instagram account id) nobody connected is listed in `Delivery.unconnected`."""
    try:
        hook = MetaWebhook.model_validate_json(payload)
    except ValidationError as exc:
        raise MalformedWebhook(summarize(exc)) from exc
    if hook.object != platform.object:
        raise MalformedWebhook(f"object is {vocabulary(hook.object)}, not {platform.object!r} ({platform.name})")
    reader = _Reader(tenant_for, limits, received_at or utcnow(), platform=platform)
    for where, entry in reader.each(hook.entry, MetaEntry, "entry"):
        reader.read_entry(entry, where)
    return reader.finish()


@dataclass
class _Reader(DeliveryReader):
    platform: Platform = MESSENGER

    @property
    def channel(self) -> Channel:
        return self.platform.channel

    def read_entry(self, entry: MetaEntry, where: str) -> None:
        account = entry.id
        tenant = self.tenant_for(account)
        if tenant is None:
            self.unconnected(where, account)
            return
        if entry.standby is not None:  # another app of the page holds the conversation (handover protocol)
            self.note(f"{where}.standby", "standby events (another app controls the conversation): ignored", "ignored")
        for at, event in self.each(entry.messaging, MetaEvent, f"{where}.messaging"):
            self.read_event(event, tenant, account, at)

    def read_event(self, event: MetaEvent, tenant: str, account: str, where: str) -> None:
        extra = event.model_extra or {}
        if (raw := extra.get("message")) is not None:
            self.read_message(raw, event, tenant, account, where)
        elif (raw := extra.get("postback")) is not None:
            self.read_postback(raw, event, tenant, account, where)
        elif (raw := extra.get("reaction")) is not None:
            self.read_reaction(raw, event, tenant, account, where)
        elif (raw := extra.get("message_edit")) is not None:
            self.read_edit(raw, event, tenant, account, where)
        elif (raw := extra.get("delivery")) is not None:
            self.read_delivery(raw, event, tenant, account, where)
        elif (raw := extra.get("read")) is not None:
            self.read_read(raw, event, tenant, account, where)
        else:
            kinds = sorted(set(extra) - _ENVELOPE)
            self.note(
                where, f"event kind {vocabulary(','.join(kinds) or 'none')} is not one Parley reads: ignored", "ignored"
            )

    # --- customer messages ------------------------------------------------------------------------------

    def read_message(self, raw: Any, event: MetaEvent, tenant: str, account: str, where: str) -> None:
        at = f"{where}.message"
        message = self.one(raw, MetaMessage, at)
        if message is None:
            return
        if message.is_echo:  # the account's own send coming back (ours, or one made in Meta's inbox)
            self.note(at, "echo of the account's own message: ignored", "ignored", message.mid)
            return
        if message.is_deleted:
            content = InboundContent(type="delete", data={"deletes_message_id": message.mid})
            self.customer(event, tenant, account, where, f"delete:{message.mid}", content)
            return
        content, reply_to = _message_content(message, self.channel, account)
        self.customer(event, tenant, account, where, message.mid, content, reply_to)

    def read_postback(self, raw: Any, event: MetaEvent, tenant: str, account: str, where: str) -> None:
        postback = self.one(raw, MetaPostback, f"{where}.postback")
        if postback is None:
            return
        # Postbacks carry a mid since Graph v11 (Instagram) / v8; before that the sender and time identify one.
        item_id = postback.mid or f"postback:{event.sender.id}:{event.timestamp}"
        data = {k: v for k, v in raw.items() if k not in ("mid", "title", "payload")}
        content = InboundContent(
            type="button_reply", text=postback.title or "", payload=postback.payload, data={"postback": True, **data}
        )
        self.customer(event, tenant, account, where, item_id, content)

    def read_reaction(self, raw: Any, event: MetaEvent, tenant: str, account: str, where: str) -> None:
        reaction = self.one(raw, MetaReaction, f"{where}.reaction")
        if reaction is None:
            return
        # An unreact has no emoji: an empty text, as WhatsApp's removed reaction.
        emoji = "" if reaction.action == "unreact" else (reaction.emoji or reaction.reaction or "")
        data = {"message_id": reaction.mid, "emoji": emoji, "action": reaction.action}
        if reaction.reaction:
            data["reaction"] = reaction.reaction
        content = InboundContent(type="reaction", text=emoji, data=data)
        self.customer(event, tenant, account, where, f"reaction:{reaction.mid}:{event.timestamp}", content)

    def read_edit(self, raw: Any, event: MetaEvent, tenant: str, account: str, where: str) -> None:
        edit = self.one(raw, MetaEdit, f"{where}.message_edit")
        if edit is None:
            return
        data: dict[str, Any] = {"edits_message_id": edit.mid}
        if edit.num_edit is not None:
            data["num_edit"] = edit.num_edit
        content = InboundContent(type="edit", text=edit.text or "", data=data)
        self.customer(event, tenant, account, where, f"edit:{edit.mid}:{edit.num_edit or event.timestamp}", content)

    def customer(
        self,
        event: MetaEvent,
        tenant: str,
        account: str,
        where: str,
        item_id: str,
        content: InboundContent,
        reply_to: str | None = None,
    ) -> None:
        contact = event.sender.id
        sent_at = self.when_ms(event.timestamp, where, item_id)
        if sent_at is None and event.timestamp is not None:
            content.data["provider_timestamp"] = event.timestamp
        received = MessageReceived(
            tenant=tenant,
            channel=self.channel,
            thread_key=thread_key(tenant, self.channel, account, contact),
            account_id=account,
            contact=Contact(id=contact),
            provider_message_id=item_id,
            dedupe_key=dedupe_key(self.channel, account, item_id),
            sent_at=sent_at or self.received_at,
            content=content,
            reply_to_provider_id=reply_to,
        )
        self.add(where, item_id, received)

    # --- receipts of the account's own messages -----------------------------------------------------------

    def read_delivery(self, raw: Any, event: MetaEvent, tenant: str, account: str, where: str) -> None:
        receipt = self.one(raw, MetaDeliveryReceipt, f"{where}.delivery")
        if receipt is None:
            return
        if not receipt.mids:
            self.note(where, "delivery receipt without mids (a watermark only): ignored", "ignored")
        for mid in receipt.mids:
            self.status(event, tenant, account, where, mid, DeliveryState.DELIVERED)

    def read_read(self, raw: Any, event: MetaEvent, tenant: str, account: str, where: str) -> None:
        read = self.one(raw, MetaRead, f"{where}.read")
        if read is None:
            return
        if read.mid is None:  # Messenger: "everything before this time was read", no message named
            self.note(where, "read receipt without a mid (a watermark only): ignored", "ignored")
            return
        self.status(event, tenant, account, where, read.mid, DeliveryState.READ)

    def status(self, event: MetaEvent, tenant: str, account: str, where: str, mid: str, state: DeliveryState) -> None:
        self.add(
            where,
            mid,
            MessageStatus(
                tenant=tenant,
                channel=self.channel,
                thread_key=thread_key(tenant, self.channel, account, event.sender.id),
                provider_message_id=mid,
                status=state,
                status_at=self.when_ms(event.timestamp, where, mid) or self.received_at,
            ),
        )

    def when_ms(self, raw: Any, where: str, item_id: str) -> datetime | None:
        """Meta's messaging timestamps are unix milliseconds; None (noted) when not plausible."""
        at = unix_time(raw, self.received_at, milliseconds=True)
        if at is None:
            self.note(
                where, "timestamp is not plausible unix milliseconds: the receipt time is used", "repaired", item_id
            )
        return at


def _message_content(message: MetaMessage, channel: Channel, account: str) -> tuple[InboundContent, str | None]:
    """The message as `InboundContent` (never an exception) and the mid it replies to, if any."""
    data: dict[str, Any] = dict(message.model_extra or {})
    reply_to: str | None = None
    if isinstance(message.reply_to, dict):
        if isinstance(message.reply_to.get("story"), dict):
            data["story_reply"] = message.reply_to["story"]  # Instagram: the story the customer answered
        mid = message.reply_to.get("mid")
        reply_to = str(mid) if isinstance(mid, str | int) and mid else None
    elif message.reply_to is not None:
        data["reply_to"] = message.reply_to
    text = message.text or ""
    if message.quick_reply is not None:
        try:
            payload = MetaQuickReply.model_validate(message.quick_reply).payload
            return InboundContent(type="button_reply", text=text, payload=payload, data=data), reply_to
        except ValidationError as exc:
            data["quick_reply"] = message.quick_reply
            data["error"] = f"quick_reply: {summarize(exc)}"
    media, others = _attachments(message.attachments, channel, account, data)
    if media:
        return InboundContent(type=media[0].kind, text=text, media=media, data=data), reply_to
    if others:
        kinds = [a.type for a in others]
        data["attachments"] = [a.model_dump(exclude_none=True) for a in others]
        if "story_mention" in kinds:
            mention = others[kinds.index("story_mention")]
            data["story_mention"] = mention.payload if isinstance(mention.payload, dict) else {}
            return InboundContent(type="story_mention", text=text, data=data), reply_to
        if not text:  # a share, a reel, a fallback link, …: kept under Meta's own name
            return InboundContent(type=kinds[0], data=data), reply_to
    if text:
        return InboundContent(type="text", text=text, data=data), reply_to
    return InboundContent(type="unsupported", data=data), reply_to


def _attachments(
    raw: Any, channel: Channel, account: str, data: dict[str, Any]
) -> tuple[list[MediaRef], list[MetaAttachment]]:
    """Files (image, video, audio, file with a URL) as media references; every other attachment as it came."""
    if raw is None:
        return [], []
    if not isinstance(raw, list):
        data["attachments"] = raw
        return [], []
    media: list[MediaRef] = []
    others: list[MetaAttachment] = []
    for item in raw:
        try:
            attachment = MetaAttachment.model_validate(item)
        except ValidationError:
            data.setdefault("unreadable_attachments", []).append(item)
            continue
        payload = attachment.payload if isinstance(attachment.payload, dict) else {}
        url = payload.get("url")
        kind = _MEDIA_KINDS.get(attachment.type)
        if kind is not None and payload.get("sticker_id") is not None:
            kind = MediaKind.STICKER  # Messenger's stickers (the thumbs-up too) come as images with a sticker_id
        if kind is None or not isinstance(url, str) or not url:
            others.append(attachment)
            continue
        media.append(MediaRef(kind=kind, provider_media_id=url, media_id=inbound_media_id(channel, account, url)))
        if attachment.type == "image" and payload.get("sticker_id") is not None:
            data["sticker_id"] = payload["sticker_id"]
    return media, others
