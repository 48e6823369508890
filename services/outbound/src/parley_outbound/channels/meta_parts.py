"""Which Send API messages one `message.send` becomes on Messenger or Instagram, in order. Pure (no I/O), so every
rule is unit-tested and a redelivered send is planned exactly as before:

- text longer than the platform's limit (Messenger 2000, Instagram 1000 characters; meta_limits.json) is split
  into several messages, at the last line break, else the last space, before the limit (a hard cut only for a
  word longer than the limit);
- each attachment is one message, sent by the `attachment_id` of an upload made just before it (the Send API has
  no captions: the text goes first, on its own);
- quick replies (at most 13; title ≤ 20, payload ≤ 1000) ride on the last message, where the customer sees them;
- `messaging_type` is `RESPONSE`, or `MESSAGE_TAG` with the send's `tag` (`HUMAN_AGENT`: an operator's reply
  after the 24-hour window, decided by the router from parley_conversations.windows);
- a template is refused: Messenger and Instagram have none (dashboard-api and the router refuse it first).
"""

import json
from functools import cache
from importlib import resources
from typing import Any

from pydantic import BaseModel, Field

from parley_contracts import Channel, MediaRef, MessageSend, QuickReply
from parley_outbound.channels.base import Part, PermanentSendError


class MetaLimits(BaseModel):
    text_chars: int = Field(gt=0)
    quick_replies: int = Field(ge=0)
    quick_reply_title_chars: int = Field(gt=0)
    quick_reply_payload_chars: int = Field(gt=0)
    attachment_types: dict[str, str]
    upload_platform: str | None = None
    fetch_max_bytes: int = Field(gt=0)


@cache
def meta_limits() -> dict[Channel, MetaLimits]:
    raw = json.loads(resources.files("parley_outbound.channels").joinpath("meta_limits.json").read_text())
    return {Channel(name): MetaLimits.model_validate(rule) for name, rule in raw.items() if not name.startswith("_")}


def plan_parts(message: MessageSend) -> list[Part]:
    limits = meta_limits()[message.channel]
    content = message.content
    if content.template is not None:
        raise PermanentSendError(f"{message.channel} has no message templates: send text or attachments")
    parts = [Part({"text": chunk}) for chunk in split_text(content.text or "", limits.text_chars)]
    parts += [_attachment(a, message.channel) for a in content.attachments]
    if not parts:
        raise PermanentSendError("nothing to send: the text is blank and there are no attachments")
    if content.quick_replies:
        last = parts[-1]
        parts[-1] = Part({**last.body, "quick_replies": _quick_replies(content.quick_replies, limits)}, last.media_id)
    return [_addressed(part, message) for part in parts]


def with_attachment_id(body: dict[str, Any], attachment_id: str) -> dict[str, Any]:
    """A planned attachment message, completed with the id its upload got."""
    message = body["message"]
    attachment = message["attachment"]
    payload = {**attachment.get("payload", {}), "attachment_id": attachment_id}
    return {**body, "message": {**message, "attachment": {**attachment, "payload": payload}}}


def attachment_type(kind: str, channel: Channel) -> str:
    """The Send API's attachment type for a media kind; PermanentSendError when the platform cannot carry it."""
    kind_type = meta_limits()[channel].attachment_types.get(kind)
    if kind_type is None:
        raise PermanentSendError(f"{channel} cannot send an attachment of kind {kind!r}")
    return kind_type


def split_text(text: str, limit: int) -> list[str]:
    """`text` in pieces of at most `limit` characters, cut at a line break or space where there is one; the
    pieces are stripped of the whitespace they were cut at, and empty pieces dropped."""
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[: limit + 1]  # a break right after the limit still leaves a full piece before it
        cut = window.rfind("\n")
        if cut <= 0:
            cut = window.rfind(" ")
        if cut <= 0:
            cut = limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def _attachment(ref: MediaRef, channel: Channel) -> Part:
    kind = attachment_type(ref.kind, channel)
    return Part({"attachment": {"type": kind, "payload": {}}}, media_id=ref.media_id)


def _quick_replies(choices: list[QuickReply], limits: MetaLimits) -> list[dict[str, str]]:
    return [
        {
            "content_type": "text",
            "title": q.title[: limits.quick_reply_title_chars],
            "payload": q.id[: limits.quick_reply_payload_chars],
        }
        for q in choices[: limits.quick_replies]
    ]


def _addressed(part: Part, message: MessageSend) -> Part:
    body: dict[str, Any] = {"recipient": {"id": message.recipient.id}}
    if message.tag:
        body.update(messaging_type="MESSAGE_TAG", tag=message.tag)
    else:
        body["messaging_type"] = "RESPONSE"
    body["message"] = part.body
    return Part(body, media_id=part.media_id)
