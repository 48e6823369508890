"""Telegram Bot API webhook updates → Parley events. Pure: no I/O (the route checks the bot and its secret token,
logs the notes and publishes).

Telegram posts one `Update` per request to the URL set with `setWebhook` for one bot, and retries it while the
answer is not 2xx (and holds the updates behind it). So a body is refused (`MalformedWebhook`, a 400) only when it
is not an Update (not a JSON object, no integer `update_id`) or when what it carries is broken (a message without
`chat`); an update of a kind Parley does not handle (inline queries, polls, member changes, channel posts) is
answered 200 and noted as ignored.

Ids: a message id is unique only within its chat, so Parley's provider id of a Telegram message is
`"<chat_id>:<message_id>"` (the outbound adapter answers with the same form); a callback query's own id is its
provider id. An edit (`edited_message`) carries the original's message id and is its own event, of type `edit`,
with `data.edits_message_id` naming the original. The contact is the chat (in a private chat, the user's id).

Shapes: https://core.telegram.org/bots/api#update, #message, #photosize, #document, #video, #voice, #audio,
#sticker, #location, #venue, #contact, #callbackquery, #inlinekeyboardmarkup."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StrictInt, ValidationError

from parley_contracts import (
    Channel,
    Contact,
    InboundContent,
    MediaRef,
    MessageReceived,
    dedupe_key,
    inbound_media_id,
    thread_key,
    utcnow,
)
from parley_ingest.delivery import Delivery, DeliveryReader, Id, Lenient, MalformedWebhook
from parley_ingest.sizing import SizeLimits
from parley_runtime.validation import summarize

CHANNEL = Channel.TELEGRAM
M = TypeVar("M", bound=BaseModel)


# Telegram's ids are integers (chat ids up to 52 bits, negative for groups); Parley keeps them as text.
TgId = Annotated[Id, Field(pattern=r"^-?\d{1,20}$")]


class TgUser(Lenient):
    id: TgId
    first_name: str = ""
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None

    @property
    def name(self) -> str | None:
        return " ".join(part for part in (self.first_name, self.last_name) if part) or None


class TgChat(Lenient):
    id: TgId
    type: str = "private"


class TgMessage(Lenient):
    """The envelope: `message_id` and `chat` are required (the provider id and the thread need them). The content
    keys (`text`, `photo`, `document`, …) stay in `model_extra`, read per kind by `_content()`."""

    model_config = ConfigDict(extra="allow")

    message_id: StrictInt
    chat: TgChat
    from_: Any = Field(default=None, alias="from")
    date: Any = None
    edit_date: Any = None
    reply_to_message: Any = None


class TgCallbackQuery(Lenient):
    id: str = Field(min_length=1)
    from_: TgUser = Field(alias="from")
    message: Any = None
    inline_message_id: str | None = None
    chat_instance: str | None = None
    data: str | None = None
    game_short_name: str | None = None


class TgUpdate(BaseModel):
    model_config = ConfigDict(extra="allow")

    update_id: StrictInt


class TgFile(Lenient):
    file_id: str = Field(min_length=1)
    file_unique_id: str | None = None
    file_size: int | None = Field(default=None, ge=0)
    mime_type: str | None = None
    file_name: str | None = None


class TgPhotoSize(TgFile):
    width: int = 0
    height: int = 0


class TgLocation(Lenient):
    latitude: float
    longitude: float


class TgVenue(Lenient):
    location: TgLocation
    title: str = ""
    address: str = ""


class TgContact(Lenient):
    phone_number: str = ""
    first_name: str = ""
    last_name: str | None = None


# Updates about messages of channels the bot administers: not a customer conversation.
_CHANNEL_KINDS = frozenset({"channel_post", "edited_channel_post"})


@dataclass(frozen=True)
class TelegramDelivery:
    """The delivery, and the callback query to acknowledge in the webhook's answer (see routes/telegram.py)."""

    delivery: Delivery
    callback_query_id: str | None = None


def parse_update(
    payload: bytes, bot_id: str, tenant: str, limits: SizeLimits, received_at: datetime | None = None
) -> TelegramDelivery:
    """The event one Update for bot `bot_id` (connected to `tenant`) holds, within `limits`. Raises
    `MalformedWebhook` when the body is not an Update, or the message or callback query in it is unusable."""
    try:
        update = TgUpdate.model_validate_json(payload)
    except ValidationError as exc:
        raise MalformedWebhook(summarize(exc)) from exc
    reader = _Reader(lambda account: tenant if account == bot_id else None, limits, received_at or utcnow())
    extra = update.model_extra or {}
    kinds = [kind for kind, value in extra.items() if value is not None]
    item_id = str(update.update_id)
    callback_id = None
    if not kinds:
        reader.note("update", "no content: nothing to do", "ignored", item_id)
    for kind in kinds:
        where = f"update.{kind}"
        if kind in ("message", "edited_message"):
            reader.read_message(extra[kind], where, bot_id, tenant, edited=kind == "edited_message")
        elif kind == "callback_query":
            callback_id = reader.read_callback(extra[kind], where, bot_id, tenant)
        elif kind in _CHANNEL_KINDS:
            reader.note(where, "a channel's post is not a customer conversation: ignored", "ignored", item_id)
        else:
            reader.note(where, "update kind Parley does not handle: ignored", "ignored", item_id)
    return TelegramDelivery(reader.finish(), callback_id)


def message_id(chat_id: str, telegram_message_id: int | str) -> str:
    """Parley's provider id of a Telegram message: message ids are per chat."""
    return f"{chat_id}:{telegram_message_id}"


@dataclass
class _Reader(DeliveryReader):
    """One Telegram update being read."""

    def read_message(self, raw: Any, where: str, bot_id: str, tenant: str, *, edited: bool) -> None:
        m = self.one(raw, TgMessage, where)
        if m is None:
            return
        chat = m.chat.id
        provider_id = message_id(chat, m.message_id)
        sent_at = self.when(m.edit_date if edited else m.date, where, provider_id)
        content = _content(m)
        reply_to = _reply_to(chat, m.reply_to_message)
        if edited:
            # The same message id as the original: the edit is an event of its own, naming what it edits.
            edit_date = m.edit_date if isinstance(m.edit_date, int) else "unknown"
            data = {**content.data, "edits_message_id": provider_id, "edited_type": content.type}
            content = InboundContent(type="edit", text=content.text, media=content.media, data=data)
            provider_id = f"{provider_id}:edit:{edit_date}"
        if m.chat.type != "private":
            content.data.setdefault("chat_type", m.chat.type)
        sender = _lenient(TgUser, m.from_)
        name = sender.name if sender else None
        event = self._received(bot_id, tenant, chat, name, provider_id, sent_at, content, reply_to)
        self.add(where, provider_id, event)

    def read_callback(self, raw: Any, where: str, bot_id: str, tenant: str) -> str | None:
        """A tap on an inline keyboard button: a `button_reply` whose payload is the button's callback data and
        whose text is the button's label (found in the message's keyboard), or the data itself."""
        query = self.one(raw, TgCallbackQuery, where)
        if query is None:
            return None
        message = _lenient(TgMessage, query.message)
        # Without the message (an inline-mode message), the chat is the private one with the user who tapped.
        chat = message.chat.id if message else query.from_.id
        data: dict[str, Any] = {"callback_query_id": query.id}
        if query.chat_instance:
            data["chat_instance"] = query.chat_instance
        if message:
            data["message_provider_id"] = message_id(chat, message.message_id)
        if query.inline_message_id:
            data["inline_message_id"] = query.inline_message_id
        if query.game_short_name:
            data["game_short_name"] = query.game_short_name
        label = _button_text(query.message, query.data) if query.data is not None else None
        content = InboundContent(
            type="button_reply", text=label or query.data or query.game_short_name or "", payload=query.data, data=data
        )
        event = self._received(bot_id, tenant, chat, query.from_.name, query.id, None, content, None)
        self.add(where, query.id, event)
        return query.id

    def _received(
        self,
        bot_id: str,
        tenant: str,
        chat: str,
        name: str | None,
        provider_id: str,
        sent_at: datetime | None,
        content: InboundContent,
        reply_to: str | None,
    ) -> MessageReceived:
        return MessageReceived(
            tenant=tenant,
            channel=CHANNEL,
            thread_key=thread_key(tenant, CHANNEL, bot_id, chat),
            account_id=bot_id,
            contact=Contact(id=chat, name=name),
            provider_message_id=provider_id,
            dedupe_key=dedupe_key(CHANNEL, bot_id, provider_id),
            sent_at=sent_at or self.received_at,
            content=_with_media_ids(content, bot_id),
            reply_to_provider_id=reply_to,
        )


def _lenient(model: type[M], raw: Any) -> M | None:
    try:
        return model.model_validate(raw) if raw is not None else None
    except ValidationError:
        return None


def _reply_to(chat: str, raw: Any) -> str | None:
    if isinstance(raw, dict) and isinstance(raw.get("message_id"), int):
        return message_id(chat, raw["message_id"])
    return None


def _button_text(message: Any, callback_data: str) -> str | None:
    """The label of the button whose callback data was tapped, from the message's inline keyboard."""
    markup = message.get("reply_markup") if isinstance(message, dict) else None
    rows = markup.get("inline_keyboard") if isinstance(markup, dict) else None
    for row in rows if isinstance(rows, list) else []:
        for button in row if isinstance(row, list) else []:
            if isinstance(button, dict) and button.get("callback_data") == callback_data:
                text = button.get("text")
                return text if isinstance(text, str) else None
    return None


def _with_media_ids(content: InboundContent, bot_id: str) -> InboundContent:
    """Every file gets the media store id it will have once downloaded (outbound's MediaFetcher)."""
    for ref in content.media:
        if ref.provider_media_id and ref.media_id is None:
            ref.media_id = inbound_media_id(CHANNEL, bot_id, ref.provider_media_id)
    return content


# Message fields that are not content: kept out of `data` (ids, who, when, the envelope).
_ENVELOPE = frozenset(
    {
        "message_id",
        "message_thread_id",
        "from",
        "chat",
        "date",
        "edit_date",
        "reply_to_message",
        "entities",
        "caption_entities",
        "sender_chat",
        "has_protected_content",
        "author_signature",
    }
)


def _content(m: TgMessage) -> InboundContent:
    """The message's content, never an exception: the first known content key decides the type (`animation`
    before `document`: Telegram sets both for a GIF); a known key that does not parse, and unknown ones, keep
    the message as `unsupported` with its fields in `data`."""
    fields = {k: v for k, v in (m.model_extra or {}).items() if k not in _ENVELOPE and v is not None}
    caption = fields.pop("caption", None)
    for kind, convert in _CONVERTERS:
        if kind not in fields:
            continue
        raw = fields.pop(kind)
        if kind == "animation":
            fields.pop("document", None)
        try:
            content = convert(raw, caption if isinstance(caption, str) else "")
        except (ValidationError, ValueError) as exc:
            error = summarize(exc) if isinstance(exc, ValidationError) else str(exc)
            return InboundContent(type="unsupported", data={**fields, kind: raw, "error": f"{kind}: {error}"})
        for key, value in fields.items():
            content.data.setdefault(key, value)
        return content
    if caption is not None:
        fields["caption"] = caption
    return InboundContent(type="unsupported", data=fields)


def _text(raw: Any, _: str) -> InboundContent:
    if not isinstance(raw, str):
        raise ValueError("text is not a string")
    return InboundContent(type="text", text=raw)


def _photo(raw: Any, caption: str) -> InboundContent:
    """Telegram sends every size it made of the photo: the largest is the one kept."""
    if not isinstance(raw, list) or not raw:
        raise ValueError("photo is not a non-empty list of sizes")
    sizes = [TgPhotoSize.model_validate(size) for size in raw]
    best = max(sizes, key=lambda s: (s.width * s.height, s.file_size or 0))
    ref = MediaRef(kind="image", provider_media_id=best.file_id, mime_type="image/jpeg", size=best.file_size)
    data = {"file_unique_id": best.file_unique_id, "width": best.width, "height": best.height}
    return InboundContent(type="image", text=caption, media=[ref], data=data)


def _file(kind: str, default_mime: str | None, raw: Any, caption: str, **extra: Any) -> InboundContent:
    file = TgFile.model_validate(raw)
    ref = MediaRef(
        kind=kind,
        provider_media_id=file.file_id,
        mime_type=file.mime_type or default_mime,
        filename=file.file_name,
        size=file.file_size,
    )
    rest = {k: v for k, v in raw.items() if k not in ("file_id", "mime_type", "file_name", "file_size", "thumbnail")}
    text = caption or (file.file_name or "" if kind == "document" else "")
    return InboundContent(type=kind, text=text, media=[ref], data={**rest, **extra})


def _sticker(raw: Any, _: str) -> InboundContent:
    """Static stickers are WebP, animated ones TGS (gzipped Lottie), video ones WebM."""
    animated = isinstance(raw, dict) and raw.get("is_animated") is True
    video = isinstance(raw, dict) and raw.get("is_video") is True
    mime = "video/webm" if video else "application/x-tgsticker" if animated else "image/webp"
    content = _file("sticker", mime, raw, "")
    emoji = raw.get("emoji")
    content.text = emoji if isinstance(emoji, str) else ""
    return content


def _location(raw: Any, _: str) -> InboundContent:
    place = TgLocation.model_validate(raw)
    return InboundContent(type="location", text=f"{place.latitude}, {place.longitude}", data=raw)


def _venue(raw: Any, _: str) -> InboundContent:
    venue = TgVenue.model_validate(raw)
    text = ", ".join(part for part in (venue.title, venue.address) if part)
    return InboundContent(
        type="location", text=text or f"{venue.location.latitude}, {venue.location.longitude}", data=raw
    )


def _contact(raw: Any, _: str) -> InboundContent:
    """A shared contact card: its name is what an operator needs at a glance (the number stays in data)."""
    card = TgContact.model_validate(raw)
    name = " ".join(part for part in (card.first_name, card.last_name) if part)
    return InboundContent(type="contacts", text=name, data={"contacts": [raw]})


def _media(kind: str, default_mime: str | None, **extra: Any) -> Callable[[Any, str], InboundContent]:
    return lambda raw, caption: _file(kind, default_mime, raw, caption, **extra)


# Checked in this order; `venue` before `location` (a venue message carries both).
_CONVERTERS: list[tuple[str, Callable[[Any, str], InboundContent]]] = [
    ("text", _text),
    ("photo", _photo),
    ("animation", _media("video", "video/mp4", animation=True)),
    ("video", _media("video", "video/mp4")),
    ("video_note", _media("video", "video/mp4", video_note=True)),
    ("voice", _media("audio", "audio/ogg", voice=True)),
    ("audio", _media("audio", "audio/mpeg")),
    ("document", _media("document", None)),
    ("sticker", _sticker),
    ("venue", _venue),
    ("location", _location),
    ("contact", _contact),
]
