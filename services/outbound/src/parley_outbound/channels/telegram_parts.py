"""Which Telegram Bot API calls one `message.send` becomes, in order. Pure (no I/O), so every rule is unit-tested
and a redelivered send is planned exactly as before:

- text is one `sendMessage`, or several when it is over Telegram's limit: cut at a paragraph, else a line,
  else a space, else hard, always the same way;
- quick replies become an inline keyboard (one button per row; `callback_data` is the choice's id, at most
  64 bytes: a longer id cannot come back from Telegram, so the send is refused) on the part carrying the text;
- each attachment is one `sendPhoto` / `sendVideo` / `sendAudio` / `sendDocument` / `sendSticker` (a photo over
  Telegram's photo limit goes as a document); its bytes are uploaded with that call;
- the text rides as the first attachment's caption when it fits (1024; not on a sticker), and otherwise goes
  first, on its own;
- `reply_parameters` (the customer message replied to) is on the first part only, and only for a message of
  this chat (a tapped button's query id is no message).

A planned part's body is `{"method": …, "params": {…}}`; a media part also names `file_field`, the parameter
its file goes in (`with_file` fills it)."""

import json
import re
from functools import cache
from importlib import resources
from typing import Any

from pydantic import BaseModel, Field

from parley_contracts import MediaKind, MediaRef, MessageSend, OutboundContent, QuickReply
from parley_outbound.channels.base import Part, PermanentSendError


class RateSpec(BaseModel):
    interval_seconds: float = Field(ge=0)
    burst: int = Field(ge=1)


class PacingSpec(BaseModel):
    private_chat: RateSpec
    group_chat: RateSpec
    bot: RateSpec
    max_wait_seconds: float = Field(ge=0)


class TelegramLimits(BaseModel):
    text_chars: int = Field(gt=0)
    caption_chars: int = Field(gt=0)
    callback_data_bytes: int = Field(gt=0)
    buttons_per_row: int = Field(gt=0)
    photo_max_bytes: int = Field(gt=0)
    upload_max_bytes: int = Field(gt=0)
    pacing: PacingSpec


@cache
def limits() -> TelegramLimits:
    raw = resources.files("parley_outbound.channels").joinpath("telegram_limits.json").read_text()
    return TelegramLimits.model_validate(json.loads(raw))


# Parley's media kind → (Bot API method, the parameter its file goes in).
_METHODS: dict[str, tuple[str, str]] = {
    MediaKind.IMAGE: ("sendPhoto", "photo"),
    MediaKind.VIDEO: ("sendVideo", "video"),
    MediaKind.AUDIO: ("sendAudio", "audio"),
    MediaKind.DOCUMENT: ("sendDocument", "document"),
    MediaKind.STICKER: ("sendSticker", "sticker"),
}
_DOCUMENT = _METHODS[MediaKind.DOCUMENT]
_UNCAPTIONED = frozenset({"sendSticker"})
# Parley's provider id of a Telegram message: "<chat id>:<message id>" (see parley_ingest.telegram).
_MESSAGE_ID = re.compile(r"^(-?\d+):(\d+)(?::.*)?$")


def plan_parts(message: MessageSend) -> list[Part]:
    content = message.content
    if content.template is not None:
        raise PermanentSendError("Telegram has no message templates: send text instead")
    keyboard = _keyboard(content.quick_replies) if content.quick_replies else None
    parts = _text_and_attachments(content, keyboard)
    chat = _chat_id(message.recipient.id)
    reply = _reply_parameters(message.reply_to_provider_id, message.recipient.id)
    return [_addressed(part, chat, reply if index == 0 else None) for index, part in enumerate(parts)]


def with_file(body: dict[str, Any], value: str) -> dict[str, Any]:
    """A planned media call's parameters, with `value` (a Telegram file id, or an upload's attach name) in its
    file parameter."""
    return {**body["params"], body["file_field"]: value}


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def split_text(text: str, limit: int) -> list[str]:
    """`text` in pieces of at most `limit` UTF-16 units: each cut at the last paragraph break, else line break,
    else space in the second half of the piece, else where the limit falls (never inside a character). The
    separator at a cut is dropped; no piece is empty."""
    pieces: list[str] = []
    rest = text
    while utf16_length(rest) > limit:
        end = _fitting_prefix(rest, limit)
        cut, skip = end, 0
        for separator in ("\n\n", "\n", " "):
            at = rest.rfind(separator, 0, end + len(separator))  # a separator right at the limit is dropped
            if at >= end // 2 and at > 0:
                cut, skip = at, len(separator)
                break
        pieces.append(rest[:cut])
        rest = rest[cut + skip :]
    if rest or not pieces:
        pieces.append(rest)
    return [piece for piece in pieces if piece] or [text]


def _fitting_prefix(text: str, limit: int) -> int:
    """How many characters of `text` fit in `limit` UTF-16 units."""
    units = 0
    for index, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            return index
    return len(text)


def _text_and_attachments(content: OutboundContent, keyboard: dict[str, Any] | None) -> list[Part]:
    media = [_media(attachment) for attachment in content.attachments]
    text = content.text
    if not text:
        if keyboard is not None:
            if not media:
                raise PermanentSendError("Telegram inline buttons need a message: quick replies without content")
            media[0] = _with_params(media[0], reply_markup=keyboard)
        return media
    first = content.attachments[0] if content.attachments else None
    if media and first is not None and _fits_caption(text, media[0]):
        return [_with_params(media[0], caption=text, **_markup(keyboard)), *media[1:]]
    pieces = split_text(text, limits().text_chars)
    texts = [Part({"method": "sendMessage", "params": {"text": piece}}) for piece in pieces]
    if keyboard is not None:
        texts[-1] = _with_params(texts[-1], reply_markup=keyboard)
    return [*texts, *media]


def _fits_caption(text: str, part: Part) -> bool:
    return part.body["method"] not in _UNCAPTIONED and utf16_length(text) <= limits().caption_chars


def _media(attachment: MediaRef) -> Part:
    method, field = _METHODS.get(attachment.kind, _DOCUMENT)
    size = attachment.size
    if method == "sendPhoto" and size is not None and size > limits().photo_max_bytes:
        method, field = _DOCUMENT  # Telegram takes larger images as files
    if size is not None and size > limits().upload_max_bytes:
        raise PermanentSendError(
            f"attachment {attachment.media_id} is {size} bytes: Telegram bots upload at most {limits().upload_max_bytes}"
        )
    return Part({"method": method, "file_field": field, "params": {}}, media_id=attachment.media_id)


def _keyboard(quick_replies: list[QuickReply]) -> dict[str, Any]:
    too_long = [q.id for q in quick_replies if len(q.id.encode()) > limits().callback_data_bytes]
    if too_long:
        raise PermanentSendError(
            f"{len(too_long)} quick reply id(s) over Telegram's {limits().callback_data_bytes}-byte callback_data"
        )
    buttons = [{"text": q.title, "callback_data": q.id} for q in quick_replies]
    per_row = limits().buttons_per_row
    return {"inline_keyboard": [buttons[i : i + per_row] for i in range(0, len(buttons), per_row)]}


def _markup(keyboard: dict[str, Any] | None) -> dict[str, Any]:
    return {"reply_markup": keyboard} if keyboard is not None else {}


def _with_params(part: Part, **params: Any) -> Part:
    return Part({**part.body, "params": {**part.body["params"], **params}}, media_id=part.media_id)


def _chat_id(recipient: str) -> int | str:
    """Telegram takes a chat id as an integer (or a channel's @username)."""
    return int(recipient) if re.fullmatch(r"-?\d+", recipient) else recipient


def _reply_parameters(reply_to: str | None, recipient: str) -> dict[str, Any] | None:
    match = _MESSAGE_ID.match(reply_to or "")
    if match is None or match.group(1) != recipient:
        return None
    # If the customer deleted it meanwhile, the answer is still worth sending.
    return {"message_id": int(match.group(2)), "allow_sending_without_reply": True}


def _addressed(part: Part, chat: int | str, reply: dict[str, Any] | None) -> Part:
    params: dict[str, Any] = {"chat_id": chat, **part.body["params"]}
    if reply is not None:
        params["reply_parameters"] = reply
    return Part({**part.body, "params": params}, media_id=part.media_id)
