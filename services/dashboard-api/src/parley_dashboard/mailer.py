"""Notification emails over SMTP (aiosmtplib), each sent once: `email_outbox` (`_id` = notification id)
records what was sent, so a replayed update does not mail a manager twice.

Emails go out over one SMTP session kept open between them (`SmtpSession`), not a session per email: each new one
costs a TCP handshake, the greeting, EHLO, STARTTLS and the login, and mail services limit how often a sender may
connect, while a burst of handoffs sends several emails a second.

An SMTP failure is logged and recorded on the outbox entry; it does not hold back in-app notifications."""

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage

import aiosmtplib
import structlog
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError

from parley_runtime.mongo import by_id

EMAIL_OUTBOX = "email_outbox"
log = structlog.get_logger()


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: str  # none | starttls | tls
    username: str | None
    password: str | None
    sender: str
    timeout: float


@dataclass(frozen=True)
class Email:
    id: str  # the notification it tells about
    to: str
    subject: str
    body: str


class SmtpSession:
    """One SMTP session, opened on the first email and kept for the next; opened again when the server closed it
    (servers close idle sessions after a few minutes). One email at a time goes over it."""

    def __init__(self, settings: SmtpSettings) -> None:
        self._settings = settings
        self._client: aiosmtplib.SMTP | None = None
        self._lock = asyncio.Lock()

    async def send(self, message: EmailMessage) -> None:
        async with self._lock:
            reused = self._client is not None and self._client.is_connected
            try:
                await self._send(message)
            except aiosmtplib.SMTPServerDisconnected:
                if not reused:
                    raise
                # The kept session was gone when this email began (the server dropped it between two emails): once
                # more, on a fresh one.
                await self._send(message)

    async def _send(self, message: EmailMessage) -> None:
        try:
            await (await self._open()).send_message(message)
        except BaseException:
            self.close()  # whatever state the failure left the session in, the next email starts afresh
            raise

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    async def _open(self) -> aiosmtplib.SMTP:
        if self._client is not None and self._client.is_connected:
            return self._client
        smtp = self._settings
        client = aiosmtplib.SMTP(
            hostname=smtp.host,
            port=smtp.port,
            username=smtp.username,
            password=smtp.password,
            use_tls=smtp.security == "tls",
            start_tls=smtp.security == "starttls",
            timeout=smtp.timeout,
        )
        await client.connect()  # STARTTLS and the login too, as the settings ask
        self._client = client
        return client


class Mailer:
    def __init__(self, db: AsyncDatabase, smtp: SmtpSettings | None) -> None:
        self._outbox = db[EMAIL_OUTBOX]
        self._smtp = smtp
        self._session = SmtpSession(smtp) if smtp is not None else None

    @property
    def enabled(self) -> bool:
        return self._smtp is not None

    def close(self) -> None:
        if self._session is not None:
            self._session.close()

    async def send_once(self, email: Email) -> None:
        if self._smtp is None:
            return
        previous = None
        try:  # the first time is the usual case: one write, no read
            await self._outbox.insert_one({"_id": email.id, "to": email.to, "state": "sending", "attempts": 0})
        except DuplicateKeyError:
            previous = await self._outbox.find_one({"_id": email.id})
        if previous and previous.get("state") == "sent":
            return
        attempts = (previous or {}).get("attempts", 0) + 1
        try:
            await self._deliver(email)
        except (aiosmtplib.SMTPException, OSError) as exc:
            log.warning("email.failed", notification_id=email.id, error=repr(exc))
            await self._outbox.update_one(
                by_id(email.id), {"$set": {"state": "failed", "attempts": attempts, "error": repr(exc)}}
            )
            return
        await self._outbox.update_one(
            by_id(email.id), {"$set": {"state": "sent", "attempts": attempts, "sent_at": datetime.now(UTC)}}
        )
        log.info("email.sent", notification_id=email.id)

    async def forget(self, notification_ids: list[str]) -> int:
        """Delete the outbox entries of these notifications (an erasure); what the mail server delivered stays
        with it and its recipients."""
        deleted = 0
        for note_id in notification_ids:
            deleted += (await self._outbox.delete_one(by_id(note_id))).deleted_count
        return deleted

    async def _deliver(self, email: Email) -> None:
        assert self._smtp is not None and self._session is not None  # send_once returns first without SMTP
        message = EmailMessage()
        message["From"] = self._smtp.sender
        message["To"] = email.to
        message["Subject"] = email.subject
        message.set_content(email.body)
        await self._session.send(message)
