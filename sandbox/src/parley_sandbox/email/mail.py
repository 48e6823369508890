"""The customer's mail, built and read. Pure: no I/O (customer.py sends and fetches)."""

import base64
import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid, parsedate_to_datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class AttachmentIn(BaseModel):
    filename: str = Field(min_length=1, max_length=200)
    mime_type: str = Field(default="application/octet-stream", pattern=r"^[\w.+-]+/[\w.+-]+$")
    content_base64: str


class CustomerMailIn(BaseModel):
    """The customer writes: text and/or HTML, attachments, optionally as a reply to Parley's last mail."""

    model_config = ConfigDict(populate_by_name=True)

    from_: str = Field(alias="from", pattern=r"^[^@\s]+@[^@\s]+$", description="The customer's address.")
    text: str | None = None
    html: str | None = Field(default=None, description="An HTML body (alone: an HTML-only mail).")
    name: str | None = None
    subject: str | None = None
    attachments: list[AttachmentIn] = Field(default_factory=list, max_length=10)
    reply_to_last: bool = Field(default=False, description="Answer the last mail Parley sent this customer.")
    message_id: str | None = Field(
        default=None, description="Send again the mail with this Message-ID, byte for byte (a duplicate delivery)."
    )
    headers: dict[str, str] = Field(default_factory=dict, description="Extra headers (Auto-Submitted, …).")


class AttachmentView(BaseModel):
    filename: str | None
    mime_type: str
    size: int
    sha256: str


class MailView(BaseModel):
    direction: str  # inbound = customer → business (as the other channels' transcripts say it)
    author: str
    message_id: str | None
    time: float
    iso_time: str
    subject: str
    text: str
    html: str | None = None
    in_reply_to: str | None = None
    references: list[str] = Field(default_factory=list)
    auto_submitted: str | None = None
    attachments: list[AttachmentView] = Field(default_factory=list)


class Conversation(BaseModel):
    channel: str = "email"
    address: str
    messages: list[MailView]


@dataclass
class Reply:
    """What answering a mail takes from it."""

    message_id: str
    subject: str
    references: list[str] = field(default_factory=list)
    sender: str = ""
    date: str = ""
    text: str = ""


def build_mail(req: CustomerMailIn, to: str, replying: Reply | None, now: datetime) -> EmailMessage:
    if not (req.text or req.html or req.attachments):
        raise ValueError("give text, html or attachments")
    message = EmailMessage()
    message["From"] = formataddr((req.name, req.from_)) if req.name else req.from_
    message["To"] = to
    subject = req.subject or (_re(replying.subject) if replying else "Hello")
    message["Subject"] = subject
    message["Date"] = format_datetime(now)
    message["Message-ID"] = make_msgid(domain=req.from_.rsplit("@", 1)[1])
    if replying:
        message["In-Reply-To"] = replying.message_id
        message["References"] = " ".join([*replying.references, replying.message_id])
    for name, value in req.headers.items():
        message[name] = value
    if req.text is not None:
        quoted = _quote(replying) if replying else ""
        message.set_content(req.text + quoted)
        if req.html is not None:
            message.add_alternative(req.html, subtype="html")
    elif req.html is not None:
        message.set_content(req.html, subtype="html")
    else:
        message.set_content("")
    for attachment in req.attachments:
        maintype, _, subtype = attachment.mime_type.partition("/")
        data = base64.b64decode(attachment.content_base64)
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=attachment.filename)
    return message


def _re(subject: str) -> str:
    return subject if subject.lower().startswith("re:") else f"Re: {subject}"


def _quote(replying: Reply) -> str:
    """As Gmail quotes: "On <date>, <sender> wrote:" and the answered text, each line behind "> "."""
    quoted = "\n".join(f"> {line}" if line else ">" for line in replying.text.splitlines())
    return f"\n\nOn {replying.date}, {replying.sender} wrote:\n{quoted}\n"


def reply_to(raw: bytes) -> Reply:
    """What answering this mail takes (Parley's mail, read from the customer's mailbox)."""
    mail = view(raw, "outbound", "business", 0.0)
    message = message_from_bytes(raw, policy=policy.default)
    return Reply(
        message_id=mail.message_id or "",
        subject=mail.subject,
        references=mail.references,
        sender=_str(message["From"]) or "",
        date=_str(message["Date"]) or "",
        text=mail.text.strip(),
    )


def view(raw: bytes, direction: str, author: str, fallback_time: float) -> MailView:
    message = message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    plain = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    attachments = []
    for part in message.iter_attachments():
        data = part.get_payload(decode=True) or b""
        attachments.append(
            AttachmentView(
                filename=part.get_filename(),
                mime_type=part.get_content_type(),
                size=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
            )
        )
    at = fallback_time
    if message["Date"]:
        try:
            at = parsedate_to_datetime(str(message["Date"])).timestamp()
        except (TypeError, ValueError):
            pass
    return MailView(
        direction=direction,
        author=author,
        message_id=_str(message["Message-ID"]),
        time=at,
        iso_time=datetime.fromtimestamp(at, UTC).isoformat(),
        subject=_str(message["Subject"]) or "",
        text=str(plain.get_content()) if plain is not None else "",
        html=str(html.get_content()) if html is not None else None,
        in_reply_to=_str(message["In-Reply-To"]),
        references=(_str(message["References"]) or "").split(),
        auto_submitted=_str(message["Auto-Submitted"]),
        attachments=attachments,
    )


def _str(value: Any) -> str | None:
    return str(value).strip() if value is not None else None
