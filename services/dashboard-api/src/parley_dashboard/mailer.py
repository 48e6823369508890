"""Notification emails over SMTP (aiosmtplib), each sent once: `email_outbox` (`_id` = notification id)
records what was sent, so a replayed update does not mail a manager twice.

An SMTP failure is logged and recorded on the outbox entry; it does not hold back in-app notifications."""

from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage

import aiosmtplib
import structlog
from pymongo.asynchronous.database import AsyncDatabase

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


class Mailer:
    def __init__(self, db: AsyncDatabase, smtp: SmtpSettings | None) -> None:
        self._outbox = db[EMAIL_OUTBOX]
        self._smtp = smtp

    @property
    def enabled(self) -> bool:
        return self._smtp is not None

    async def send_once(self, email: Email) -> None:
        if self._smtp is None:
            return
        previous = await self._outbox.find_one({"_id": email.id})
        if previous and previous.get("state") == "sent":
            return
        if previous is None:
            await self._outbox.insert_one({"_id": email.id, "to": email.to, "state": "sending", "attempts": 0})
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
        smtp = self._smtp
        assert smtp is not None
        message = EmailMessage()
        message["From"] = smtp.sender
        message["To"] = email.to
        message["Subject"] = email.subject
        message.set_content(email.body)
        await aiosmtplib.send(
            message,
            hostname=smtp.host,
            port=smtp.port,
            username=smtp.username,
            password=smtp.password,
            use_tls=smtp.security == "tls",
            start_tls=smtp.security == "starttls",
            timeout=smtp.timeout,
        )
