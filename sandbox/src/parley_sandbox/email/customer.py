"""The customer's side of email: write to the demo mailbox (SMTP) and read what Parley answered (IMAP, the
customer's own mailbox on the same server). One shape with the other channels: `POST /sandbox/email/messages`
with `{"from": <address>, "text": …}` and `GET /sandbox/email/conversations/{address}`, both directions in
time order. What the customer sent is kept in memory (bounded), so a mail can be delivered again byte for byte
(`message_id`: a duplicate delivery, as mail systems sometimes make)."""

import asyncio
import imaplib
import smtplib
import time
from collections import OrderedDict
from datetime import UTC, datetime
from importlib import resources
from typing import Any

from fastapi import APIRouter, HTTPException
from fastapi.responses import HTMLResponse
from pydantic import BaseModel

from parley_sandbox.email.mail import Conversation, CustomerMailIn, MailView, build_mail, reply_to, view
from parley_sandbox.logs import get_logger
from parley_sandbox.settings import SandboxSettings
from parley_sandbox.state import SandboxState

log = get_logger("parley_sandbox.email.customer")
CHANNEL = "email"


class SentMail(BaseModel):
    message_id: str
    subject: str
    to: str
    in_reply_to: str | None = None
    references: list[str] = []
    duplicate: bool = False


class _Sent:
    """The customer's mails as sent (bytes), by Message-ID, oldest dropped first."""

    def __init__(self, capacity: int) -> None:
        self._mails: OrderedDict[str, tuple[str, bytes, float]] = OrderedDict()
        self._capacity = capacity

    def add(self, message_id: str, sender: str, raw: bytes, at: float) -> None:
        self._mails[message_id] = (sender, raw, at)
        while len(self._mails) > self._capacity:
            self._mails.popitem(last=False)

    def get(self, message_id: str) -> tuple[str, bytes, float] | None:
        return self._mails.get(message_id)

    def of(self, sender: str) -> list[tuple[bytes, float]]:
        return [(raw, at) for who, raw, at in self._mails.values() if who == sender]


def build_router(state: SandboxState) -> APIRouter:
    router = APIRouter(prefix="/sandbox/email", tags=["email: customer"])
    settings = state.settings
    sent = _Sent(settings.sandbox_max_records)
    page = resources.files("parley_sandbox").joinpath("email/static/index.html").read_text(encoding="utf-8")

    @router.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def index() -> HTMLResponse:
        """A page to be the email customer: write, attach, reply, and read Parley's answers."""
        return HTMLResponse(page)

    @router.get("/config", summary="Where the customers' mail goes (the demo mailbox) and through which server")
    async def config() -> dict[str, Any]:
        return {
            "mailbox": settings.email_sandbox_mailbox,
            "smtp": f"{settings.smtp_host}:{settings.smtp_port}",
            "imap": f"{settings.imap_host}:{settings.imap_port}",
        }

    @router.post("/messages", response_model=SentMail, summary="The customer sends a mail to the demo mailbox")
    async def send_mail(req: CustomerMailIn) -> SentMail:
        sender = req.from_.lower()
        if req.message_id is not None:
            previous = sent.get(req.message_id)
            if previous is None:
                raise HTTPException(404, f"no mail {req.message_id} sent from this sandbox")
            raw = previous[1]
            await _submit(settings, sender, raw)
            mail = view(raw, "inbound", "customer", previous[2])
            return _sent(mail, settings.email_sandbox_mailbox, duplicate=True)
        replying = None
        if req.reply_to_last:
            received = await _inbox(settings, sender)
            if not received:
                raise HTTPException(409, "Parley has not written to this customer yet: nothing to reply to")
            replying = reply_to(received[-1][0])
        try:
            message = build_mail(req, settings.email_sandbox_mailbox, replying, datetime.now(UTC))
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from exc
        raw = message.as_bytes()
        await _submit(settings, sender, raw)
        now = time.time()
        sent.add(str(message["Message-ID"]), sender, raw, now)
        log.info("email.customer_sent", message_id=str(message["Message-ID"]))
        return _sent(view(raw, "inbound", "customer", now), settings.email_sandbox_mailbox)

    @router.get(
        "/conversations/{address}",
        response_model=Conversation,
        summary="The customer's mails and Parley's answers (their mailbox), in time order",
    )
    async def conversation(address: str) -> Conversation:
        address = address.lower()
        mails = [view(raw, "inbound", "customer", at) for raw, at in sent.of(address)]
        mails += [view(raw, "outbound", "business", at) for raw, at in await _inbox(settings, address)]
        return Conversation(address=address, messages=sorted(mails, key=lambda m: m.time))

    return router


def _sent(mail: MailView, to: str, duplicate: bool = False) -> SentMail:
    return SentMail(
        message_id=mail.message_id or "",
        subject=mail.subject,
        to=to,
        in_reply_to=mail.in_reply_to,
        references=mail.references,
        duplicate=duplicate,
    )


async def _submit(settings: SandboxSettings, sender: str, raw: bytes) -> None:
    def submit() -> None:
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=10) as smtp:
            smtp.sendmail(sender, [settings.email_sandbox_mailbox], raw)

    try:
        await asyncio.to_thread(submit)
    except (OSError, smtplib.SMTPException) as exc:
        raise HTTPException(502, f"mail server {settings.smtp_host}:{settings.smtp_port} refused: {exc!r}") from exc


async def _inbox(settings: SandboxSettings, address: str) -> list[tuple[bytes, float]]:
    """Every mail in the customer's INBOX (GreenMail: the login is the address, any password), oldest first."""

    def read() -> list[tuple[bytes, float]]:
        with imaplib.IMAP4(settings.imap_host, settings.imap_port, timeout=10) as imap:
            imap.login(address, "customer")
            imap.select("INBOX", readonly=True)
            _, data = imap.uid("FETCH", "1:*", "(BODY.PEEK[])")
            return [(bytes(item[1]), time.time()) for item in data if isinstance(item, tuple)]

    try:
        return await asyncio.to_thread(read)
    except (OSError, imaplib.IMAP4.error) as exc:
        raise HTTPException(502, f"mail server {settings.imap_host}:{settings.imap_port}: {exc!r}") from exc
