"""Which WhatsApp Cloud API messages one `message.send` becomes, in order. Pure (no I/O), so every rule is
unit-tested and a redelivered send is planned exactly as before:

- a template is sent on its own;
- text is one text message, or reply buttons (at most 3) when it offers quick replies;
- each attachment is one media message, sent by the id of an upload made just before it;
- the text rides as the first attachment's caption when WhatsApp allows (image, video, document; at most
  1024 characters; no buttons), and otherwise goes first, on its own;
- `context` (the customer message replied to) is on the first part only, so the chat shows one quote.
"""

import re
from typing import Any

from parley_contracts import MediaKind, MediaRef, MessageSend, OutboundContent, QuickReply, TemplateMessage
from parley_outbound.channels.base import Part, PermanentSendError

CAPTION_LIMIT = 1024
MEDIA_KINDS = frozenset(MediaKind)
CAPTIONED_KINDS = frozenset({MediaKind.IMAGE, MediaKind.VIDEO, MediaKind.DOCUMENT})
INTERACTIVE_BODY_LIMIT = 1024
MAX_REPLY_BUTTONS = 3
BSUID = re.compile(r"[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]+")


def plan_parts(message: MessageSend) -> list[Part]:
    content = message.content
    parts = [_template(content.template)] if content.template is not None else _text_and_attachments(content)
    return [_addressed(part, message, first=index == 0) for index, part in enumerate(parts)]


def with_media_id(body: dict[str, Any], media_id: str) -> dict[str, Any]:
    """A planned media message, completed with the id its attachment got when uploaded."""
    kind = body["type"]
    return {**body, kind: {"id": media_id, **body[kind]}}


def _text_and_attachments(content: OutboundContent) -> list[Part]:
    media = [_media(attachment) for attachment in content.attachments]
    if not content.text:
        if content.quick_replies:
            raise PermanentSendError("WhatsApp reply buttons need text: quick replies without text cannot be sent")
        return media
    if media and not content.quick_replies and _fits_caption(content.text, content.attachments[0]):
        return [_captioned(media[0], content.text), *media[1:]]
    return [_text(content.text, content.quick_replies), *media]


def _fits_caption(text: str, attachment: MediaRef) -> bool:
    return attachment.kind in CAPTIONED_KINDS and len(text) <= CAPTION_LIMIT


def _text(text: str, quick_replies: list[QuickReply]) -> Part:
    if not quick_replies:
        return Part({"type": "text", "text": {"body": text, "preview_url": False}})
    buttons = [{"type": "reply", "reply": {"id": q.id, "title": q.title}} for q in quick_replies]
    interactive = {
        "type": "button",
        "body": {"text": text[:INTERACTIVE_BODY_LIMIT]},
        "action": {"buttons": buttons[:MAX_REPLY_BUTTONS]},
    }
    return Part({"type": "interactive", "interactive": interactive})


def _media(attachment: MediaRef) -> Part:
    if attachment.kind not in MEDIA_KINDS:
        raise PermanentSendError(f"WhatsApp cannot send an attachment of kind {attachment.kind!r}")
    media: dict[str, Any] = {}
    if attachment.kind == MediaKind.DOCUMENT and attachment.filename:
        media["filename"] = attachment.filename
    return Part({"type": attachment.kind, attachment.kind: media}, media_id=attachment.media_id)


def _captioned(part: Part, caption: str) -> Part:
    kind = part.body["type"]
    return Part({**part.body, kind: {**part.body[kind], "caption": caption}}, media_id=part.media_id)


def _template(template: TemplateMessage) -> Part:
    body: dict[str, Any] = {"name": template.name, "language": {"code": template.language}}
    if template.parameters:
        parameters = [{"type": "text", "text": value} for value in template.parameters]
        body["components"] = [{"type": "body", "parameters": parameters}]
    return Part({"type": "template", "template": body})


def is_bsuid(contact_id: str) -> bool:
    """A business-scoped user id ("US.13491208655302741918", a parent one "US.ENT.…"), not a phone number: the
    contact id of a customer who hides their number (ingest threads them under it)."""
    return BSUID.fullmatch(contact_id) is not None


def _addressed(part: Part, message: MessageSend, *, first: bool) -> Part:
    # A BSUID goes in `recipient`, a number in `to` (Meta, business-scoped-user-ids).
    address = "recipient" if is_bsuid(message.recipient.id) else "to"
    envelope: dict[str, Any] = {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        address: message.recipient.id,
    }
    if first and message.reply_to_provider_id:
        envelope["context"] = {"message_id": message.reply_to_provider_id}
    return Part({**envelope, **part.body}, media_id=part.media_id)
