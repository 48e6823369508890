"""What one `message.send` becomes on email, and the MIME message itself. Pure (no I/O), so every rule is
unit-tested and a redelivered send is planned, and built, exactly as before:

- one send is one email (text, choices and every attachment together): one part;
- a proper reply (RFC 5322 §3.6.4): `In-Reply-To` = the customer's Message-ID (the message answered, else the
  thread's latest), `References` = theirs + that Message-ID, with the conversation's root first (kept even
  when the chain is shortened), `Subject: Re: <their subject>`; all from `MessageSend.reply_context`, which
  the router copies from the thread, so outbound never reads threads;
- text and an HTML alternative (multipart/alternative), attachments after them (multipart/mixed);
- quick replies as numbered options (email has no buttons);
- our own Message-ID derived from the send id and the part, on the account's domain, carrying the
  conversation's root: a retried send carries the same id (the customer's client shows one message), and a
  reply to it threads even from a client that sends only In-Reply-To;
- the bot's messages say `Auto-Submitted: auto-replied` (RFC 3834), so well-behaved auto-responders do not
  answer them (and ours does not answer theirs: an auto-submitted message is not answered at ingest)."""

import base64
import hashlib
import html
import re
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from typing import Any

from parley_contracts import AuthorKind, MessageSend
from parley_outbound.channels.base import MediaFile, Part, PermanentSendError

REFERENCES_KEPT = 20
ROOT_CARRIED_CHARS = 160  # base32 of a root id up to 100 characters: a Message-ID stays far below line limits
SUBJECT_FROM_TEXT_CHARS = 60
_REPLY_PREFIX = re.compile(r"^\s*(re|aw|sv|antw|rif|r)\s*:", re.IGNORECASE)
_URL = re.compile(r"https?://[^\s<>\"]+")


def plan_parts(message: MessageSend) -> list[Part]:
    content = message.content
    if content.template is not None:
        raise PermanentSendError("message templates are WhatsApp's: an email is sent as text")
    context = message.reply_context or {}
    answered = message.reply_to_provider_id or _text(context.get("message_id"))
    body: dict[str, Any] = {
        "to": message.recipient.id,
        "to_name": message.recipient.name,
        "subject": reply_subject(_text(context.get("subject")), content.text or ""),
        "text": _with_choices(content.text or "", [q.title for q in content.quick_replies]),
        "message_id": own_message_id(message.send_id, 0, message.account_id, _text(context.get("root"))),
        "in_reply_to": answered,
        "references": reply_references(context, answered),
        "tenant": message.tenant,
        "automatic": message.author == AuthorKind.BOT,
        "attachments": [
            {"media_id": a.media_id, "filename": a.filename, "mime_type": a.mime_type} for a in content.attachments
        ],
    }
    return [Part(body)]


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def own_message_id(send_id: str, part: int, account_address: str, root: str | None = None) -> str:
    """`<parley.<hash of send id and part>.<base32 of the conversation's root>@<mailbox domain>>`: the same for a
    retried send, and carrying the root, so ingest threads a customer's reply to it right even when their client
    sends only In-Reply-To (ingest's `message.root_in_parley_id`). A root too long to carry is left out."""
    domain = account_address.rsplit("@", 1)[-1] if "@" in account_address else "parley.invalid"
    digest = hashlib.sha256(f"{send_id}\x1f{part}".encode()).hexdigest()[:32]
    carried = ""
    if root and root.startswith("<") and root.endswith(">"):
        encoded = base64.b32encode(root[1:-1].encode()).decode().rstrip("=").lower()
        if len(encoded) <= ROOT_CARRIED_CHARS:
            carried = f".{encoded}"
    return f"<parley.{digest}{carried}@{domain}>"


def reply_subject(original: str | None, text: str) -> str:
    if original:
        return original if _REPLY_PREFIX.match(original) else f"Re: {original}"
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first_line[:SUBJECT_FROM_TEXT_CHARS] or "Your message"


def reply_references(context: dict[str, Any], answered: str | None) -> list[str]:
    """Their References, then the message answered; the root first, and at most `REFERENCES_KEPT` ids (the
    root and the latest ones)."""
    chain = [r for r in context.get("references") or [] if isinstance(r, str) and r]
    root = _text(context.get("root"))
    if root and root not in chain:
        chain.insert(0, root)
    if answered and answered not in chain:
        chain.append(answered)
    if len(chain) > REFERENCES_KEPT:
        chain = [chain[0], *chain[-(REFERENCES_KEPT - 1) :]]
    return chain


def _with_choices(text: str, titles: list[str]) -> str:
    if not titles:
        return text
    options = "\n".join(f"{n}. {title}" for n, title in enumerate(titles, start=1))
    return f"{text}\n\n{options}".strip()


def to_html(text: str) -> str:
    """The text as simple HTML: paragraphs, line breaks, links."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    rendered = []
    for paragraph in paragraphs:
        escaped = html.escape(paragraph)
        linked = _URL.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', escaped)
        rendered.append("<p>" + linked.replace("\n", "<br>\n") + "</p>")
    return (
        '<!DOCTYPE html>\n<html><body style="font-family: sans-serif">\n' + "\n".join(rendered) + "\n</body></html>\n"
    )


def build_message(
    body: dict[str, Any], *, sender: str, sender_name: str | None, files: list[MediaFile], at: datetime
) -> EmailMessage:
    """The MIME message of a planned part, with the attachments' bytes."""
    message = EmailMessage()
    message["From"] = formataddr((sender_name or "", sender)) if sender_name else sender
    message["To"] = formataddr((body.get("to_name") or "", body["to"])) if body.get("to_name") else body["to"]
    message["Subject"] = body["subject"]
    message["Date"] = format_datetime(at)
    message["Message-ID"] = body["message_id"]
    if body.get("in_reply_to"):
        message["In-Reply-To"] = body["in_reply_to"]
    if body.get("references"):
        message["References"] = " ".join(body["references"])
    if body.get("automatic"):
        message["Auto-Submitted"] = "auto-replied"
    text = body.get("text") or ""
    message.set_content(text or " ")
    message.add_alternative(to_html(text), subtype="html")
    for file in files:
        mime_type = file.ref.mime_type or "application/octet-stream"
        maintype, _, subtype = mime_type.partition("/")
        message.add_attachment(
            file.data,
            maintype=maintype,
            subtype=subtype or "octet-stream",
            filename=file.ref.filename or f"attachment-{file.ref.media_id}",
        )
    return message
