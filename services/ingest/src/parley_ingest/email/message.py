"""A customer's email (RFC 5322 bytes, as IMAP gives them) → what Parley keeps of it, and its `message.received`
event. Pure: no I/O (the mailbox reader stores the attachments and publishes the event).

Read with the stdlib's `email` package (`policy.default`), leniently: a header that does not parse is kept as
text, a message without a Message-ID gets one derived from its bytes (so reading it again dedupes), a Date that
is not plausible becomes the time it was read. Text: the text/plain body if there is one, else the HTML body
as clean text; the reply's quoted history and signature are trimmed (`text.trim_reply`) and the whole text is
kept in `content.data["full_text"]`. Every other part (attachments, inline images, forwarded messages) is an
attachment, stored under `inbound_media_id(email, account, "<Message-ID>:<part index>")`.

Threads: one email conversation is one thread, `thread_key(…, contact, conversation=<root Message-ID>)`; the
root is the first of References, else In-Reply-To, else the message's own Message-ID. Parley's replies put the
root first in their References, so a customer's answer to Parley lands in the same thread. Auto-replies and
bounces (Auto-Submitted, Precedence: bulk, mailer daemons, delivery reports) are `system` messages: recorded,
never answered."""

import base64
import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage, Message
from email.utils import getaddresses, parseaddr, parsedate_to_datetime
from functools import cache
from importlib import resources
from typing import Any

from parley_contracts import (
    Channel,
    Contact,
    InboundContent,
    MediaKind,
    MediaRef,
    MessageReceived,
    dedupe_key,
    inbound_media_id,
    thread_key,
)
from parley_ingest.email.text import html_to_text, trim_reply

_MSG_ID = re.compile(r"<[^<>\s]+>")
_CLOCK_SKEW = timedelta(days=1)


@dataclass(frozen=True)
class Attachment:
    index: int  # the part's place in the message's walk order: stable, so reading again gives the same id
    mime_type: str
    data: bytes
    filename: str | None = None
    inline: bool = False
    content_id: str | None = None

    @property
    def kind(self) -> str:
        major = self.mime_type.split("/", 1)[0]
        return {"image": MediaKind.IMAGE, "audio": MediaKind.AUDIO, "video": MediaKind.VIDEO}.get(
            major, MediaKind.DOCUMENT
        )


@dataclass(frozen=True)
class ParsedMail:
    message_id: str
    subject: str
    from_address: str | None
    from_name: str | None
    text: str  # what the customer wrote in this message (trimmed)
    full_text: str
    sent_at: datetime | None
    in_reply_to: str | None = None
    references: list[str] = field(default_factory=list)
    to: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    from_html: bool = False
    attachments: list[Attachment] = field(default_factory=list)
    auto: str | None = None  # why it is an auto-reply or bounce
    message_id_derived: bool = False
    problems: list[str] = field(default_factory=list)  # headers that did not parse (names only)

    @property
    def root(self) -> str:
        """The conversation's first message: what threads it. Parley's own Message-IDs carry the root of the
        conversation they answer, so a reply to Parley threads right even when the customer's client sent only
        In-Reply-To, or shortened References."""
        for answered in [self.in_reply_to, *reversed(self.references)]:
            if answered and (root := root_in_parley_id(answered)):
                return root
        if self.references:
            return self.references[0]
        return self.in_reply_to or self.message_id


_PARLEY_ID = re.compile(r"^<parley\.[0-9a-f]{32}\.([a-z2-7]+)@[^<>\s]+>$")


def root_in_parley_id(message_id: str) -> str | None:
    """The root Message-ID a Parley reply's own id carries (outbound's `email_parts.own_message_id`:
    `<parley.<hash>.<base32 of the root without brackets>@domain>`), or None."""
    found = _PARLEY_ID.match(message_id)
    if found is None:
        return None
    encoded = found.group(1).upper()
    try:
        inner = base64.b32decode(encoded + "=" * (-len(encoded) % 8)).decode()
    except (ValueError, UnicodeDecodeError):
        return None
    return f"<{inner}>" if "@" in inner and not set(inner) & set("<> \t\r\n") else None


@cache
def _rules() -> dict[str, Any]:
    return json.loads(resources.files("parley_ingest").joinpath("data/email.json").read_text())


def parse_mail(raw: bytes, received_at: datetime) -> ParsedMail:
    """Never raises for a message's bytes: whatever cannot be read is left out and named in `problems`."""
    message = message_from_bytes(raw, policy=policy.default)
    problems: list[str] = []
    headers = _Headers(message, problems)
    message_id = _first_id(headers.text("Message-ID"))
    derived = message_id is None
    if message_id is None:
        message_id = f"<{hashlib.sha256(raw).hexdigest()[:40]}@parley.invalid>"
    name, address = _sender(headers)
    references = _MSG_ID.findall(headers.text("References") or "")
    in_reply_to = _first_id(headers.text("In-Reply-To"))
    try:
        body, from_html, attachments = _body_and_attachments(message, problems)
    except Exception:  # the stdlib's MIME parsing has edge cases that raise: keep the raw body as text
        problems.append("mime structure")
        body, from_html, attachments = _raw_body(raw), False, []
    return ParsedMail(
        message_id=message_id,
        subject=_one_line(headers.text("Subject") or ""),
        from_address=address,
        from_name=name,
        text=trim_reply(body),
        full_text=body.strip(),
        sent_at=_sent_at(headers.text("Date"), received_at),
        in_reply_to=in_reply_to,
        references=_kept_references(references, in_reply_to),
        to=headers.addresses("To"),
        cc=headers.addresses("Cc"),
        from_html=from_html,
        attachments=attachments,
        auto=_guarded(lambda: _auto_reason(message, headers, address), problems, "auto-reply headers"),
        message_id_derived=derived,
        problems=problems,
    )


def _raw_body(raw: bytes) -> str:
    """What follows the header block, as text: for a message whose MIME structure cannot be walked."""
    for separator in (b"\r\n\r\n", b"\n\n"):
        if separator in raw:
            return raw.split(separator, 1)[1].decode("utf-8", errors="replace")
    return ""


def _guarded(read, problems: list[str], what: str):  # type: ignore[no-untyped-def]
    try:
        return read()
    except Exception:  # as above: a header the stdlib cannot parse is left out, not a lost message
        problems.append(what)
        return None


class _Headers:
    """Header values as text whatever their shape; a header the parser chokes on is read raw."""

    def __init__(self, message: Message, problems: list[str]) -> None:
        self._message = message
        self._problems = problems

    def text(self, name: str) -> str | None:
        try:
            value = self._message.get(name)
        except Exception:  # the header parser has edge cases that raise: the raw value is still text
            self._problems.append(name)
            value = next((v for k, v in self._message.raw_items() if k.lower() == name.lower()), None)
            value = re.sub(r"\s+", " ", str(value)) if value is not None else None
        return None if value is None else str(value)

    def present(self, name: str) -> bool:
        return any(k.lower() == name.lower() for k, _ in self._message.raw_items())

    def addresses(self, name: str) -> list[str]:
        value = self.text(name)
        if not value:
            return []
        return [addr.lower() for _, addr in getaddresses([value]) if "@" in addr]


def _first_id(value: str | None) -> str | None:
    if not value:
        return None
    found = _MSG_ID.search(value)
    if found:
        return found.group(0)
    bare = value.strip().split()[0] if value.strip() else ""
    return f"<{bare}>" if "@" in bare else None  # some mailers drop the brackets


def _sender(headers: _Headers) -> tuple[str | None, str | None]:
    for name in ("From", "Sender", "Reply-To", "Return-Path"):
        display, address = parseaddr(headers.text(name) or "")
        if "@" in address:
            return (_one_line(display) or None), address.strip().lower()
    return None, None


def _one_line(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()


def _kept_references(references: list[str], in_reply_to: str | None) -> list[str]:
    """The root and the latest references (a long conversation's chain can be hundreds of ids): the root
    threads, the latest ones are what a reply chains on."""
    if in_reply_to and in_reply_to not in references:
        references = [*references, in_reply_to]
    limit = int(_rules()["references_kept"])
    if len(references) <= limit:
        return references
    return [references[0], *references[-(limit - 1) :]]


def _sent_at(value: str | None, received_at: datetime) -> datetime | None:
    if not value:
        return None
    try:
        at = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    if at > received_at + _CLOCK_SKEW or at.year < 1990:
        return None
    return at.astimezone(UTC)


def _auto_reason(message: Message, headers: _Headers, sender: str | None) -> str | None:
    rules = _rules()
    submitted = (headers.text("Auto-Submitted") or "").strip().lower()
    if submitted and submitted.split(";")[0].strip() not in rules["auto_submitted_values_not_auto"]:
        return f"Auto-Submitted: {submitted.split(';')[0].strip()}"
    precedence = (headers.text("Precedence") or "").strip().lower()
    if precedence in rules["auto_precedence"]:
        return f"Precedence: {precedence}"
    for name in rules["auto_headers_present"]:
        if headers.present(name):
            return f"{name} present"
    if sender and sender.split("@", 1)[0] in rules["auto_sender_locals"]:
        return f"sent by {sender.split('@', 1)[0]}"
    if message.get_content_type() in rules["auto_content_types"]:
        return f"Content-Type: {message.get_content_type()}"
    return None


def _body_and_attachments(message: Message, problems: list[str]) -> tuple[str, bool, list[Attachment]]:
    """The text (text/plain preferred, else HTML as text) and every other part as an attachment."""
    plain: tuple[int, str] | None = None
    html: tuple[int, str] | None = None
    candidates: list[tuple[int, Message]] = []
    for index, part in enumerate(message.walk()):
        if part.is_multipart():
            continue
        content_type = part.get_content_type()
        disposition = part.get_content_disposition()
        if content_type == "text/plain" and disposition != "attachment" and plain is None:
            plain = (index, _decoded_text(part, problems))
        elif content_type == "text/html" and disposition != "attachment" and html is None:
            html = (index, _decoded_text(part, problems))
        elif content_type == "message/delivery-status" or content_type.startswith("multipart/"):
            continue
        else:
            candidates.append((index, part))
    if plain is not None and plain[1].strip():
        text, from_html = plain[1], False
    elif html is not None:
        text, from_html = html_to_text(html[1]), True
    else:
        text, from_html = "", False
    attachments = [a for index, part in candidates if (a := _attachment(index, part, problems)) is not None]
    # An alternative body not chosen is not an attachment; a second text/plain part is (a .txt file).
    return text, from_html, attachments


def _decoded_text(part: Message, problems: list[str]) -> str:
    try:
        content = part.get_content() if isinstance(part, EmailMessage) else part.get_payload(decode=True)
    except (LookupError, ValueError, AssertionError):  # an unknown charset or a broken encoding
        problems.append("body charset")
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", errors="replace") if isinstance(payload, bytes) else str(payload)
    if isinstance(content, bytes):
        content = content.decode("utf-8", errors="replace")
    return str(content)


def _attachment(index: int, part: Message, problems: list[str]) -> Attachment | None:
    content_type = part.get_content_type()
    if content_type == "message/rfc822":
        inner = part.get_payload()
        data = inner[0].as_bytes() if isinstance(inner, list) and inner else b""
        filename = part.get_filename() or "forwarded-message.eml"
    else:
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            problems.append(f"part {index}")
            return None
        data = payload
        filename = part.get_filename()
    if not data:
        return None
    content_id = part.get("Content-ID")
    return Attachment(
        index=index,
        mime_type=content_type,
        data=data,
        filename=_one_line(filename) if filename else None,
        inline=part.get_content_disposition() == "inline" or (content_id is not None and not filename),
        content_id=str(content_id).strip() if content_id else None,
    )


# --- the event ---------------------------------------------------------------------------------------------


class Unusable(ValueError):
    """A message Parley cannot file in any conversation (no sender address at all)."""


@dataclass(frozen=True)
class InboundMail:
    event: MessageReceived
    files: list[tuple[MediaRef, bytes]]  # to store before the event is published


def inbound_mail(
    parsed: ParsedMail, *, tenant: str, account_id: str, mailbox: str, received_at: datetime
) -> InboundMail:
    """The `message.received` event for a parsed mail and the files it names (media ids derived from the
    Message-ID and the part's index). Raises `Unusable` when the mail has no sender address."""
    if parsed.from_address is None:
        raise Unusable("no sender address (From, Sender, Reply-To or Return-Path)")
    if parsed.from_address == account_id.lower() and parsed.auto is None:
        parsed = replace(parsed, auto="sent by this mailbox")  # answering ourselves would loop
    files = [(_media_ref(parsed, account_id, attachment), attachment.data) for attachment in parsed.attachments]
    media = [ref for ref, _ in files]
    data: dict[str, Any] = {
        "subject": parsed.subject,
        "message_id": parsed.message_id,
        "mailbox": mailbox,
    }
    if parsed.in_reply_to:
        data["in_reply_to"] = parsed.in_reply_to
    if parsed.references:
        data["references"] = parsed.references
    if parsed.full_text != parsed.text:
        data["full_text"] = parsed.full_text
    if parsed.from_html:
        data["from_html"] = True
    if parsed.to:
        data["to"] = parsed.to
    if parsed.cc:
        data["cc"] = parsed.cc
    if parsed.auto:
        data["auto"] = parsed.auto
    if parsed.message_id_derived:
        data["message_id_derived"] = True
    if parsed.sent_at is None:
        data["date_unreadable"] = True
    content = InboundContent(type=_content_type(parsed, media), text=parsed.text, media=media, data=data)
    conversation = parsed.root
    event = MessageReceived(
        tenant=tenant,
        channel=Channel.EMAIL,
        thread_key=thread_key(tenant, Channel.EMAIL, account_id, parsed.from_address, conversation=conversation),
        account_id=account_id,
        contact=Contact(id=parsed.from_address, name=parsed.from_name),
        provider_message_id=parsed.message_id,
        dedupe_key=dedupe_key(Channel.EMAIL, account_id, parsed.message_id),
        sent_at=parsed.sent_at or received_at,
        content=content,
        reply_to_provider_id=parsed.in_reply_to,
        reply_context={
            "message_id": parsed.message_id,
            "subject": parsed.subject,
            "references": parsed.references,
            "root": conversation,
        },
    )
    return InboundMail(event, files)


def _media_ref(parsed: ParsedMail, account_id: str, attachment: Attachment) -> MediaRef:
    provider_id = f"{parsed.message_id}:{attachment.index}"
    return MediaRef(
        kind=attachment.kind,
        media_id=inbound_media_id(Channel.EMAIL, account_id, provider_id),
        provider_media_id=provider_id,
        mime_type=attachment.mime_type,
        filename=attachment.filename,
        size=len(attachment.data),
        sha256=hashlib.sha256(attachment.data).hexdigest(),
    )


def _content_type(parsed: ParsedMail, media: list[MediaRef]) -> str:
    if parsed.auto:
        return "system"
    if not parsed.text and media:
        return media[0].kind
    return "text"
