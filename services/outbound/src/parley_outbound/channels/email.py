"""Email over SMTP (aiosmtplib), as the account's mailbox: its `smtp_host`/`smtp_port`/`smtp_security`
(none | starttls | tls), `username` (default: the address) and secret `password`. One planned part is one email
(`email_parts`); attachments' bytes come from the media store at send time (nothing to upload first).

Failures: no answer, a dropped connection or a 4xx reply may pass (retryable); a 5xx reply (a refused login, a
refused recipient, a message refused) will not (permanent). The provider message id is our own Message-ID."""

from collections.abc import Callable
from datetime import UTC, datetime

import aiosmtplib

from parley_business.channel_accounts import ChannelAccount
from parley_contracts import MessageSend
from parley_outbound.channels.base import (
    MediaFile,
    Part,
    PermanentSendError,
    RetryableSendError,
    SendError,
    SendResult,
)
from parley_outbound.channels.email_parts import build_message, plan_parts
from parley_outbound.media import MediaFiles


class EmailSender:
    def __init__(
        self, media: MediaFiles, timeout: float, now: Callable[[], datetime] = lambda: datetime.now(UTC)
    ) -> None:
        self._media = media
        self._timeout = timeout
        self._now = now

    def plan(self, message: MessageSend) -> list[Part]:
        return plan_parts(message)

    async def upload(self, account: ChannelAccount, file: MediaFile) -> str:
        raise PermanentSendError("email attachments travel inside the message: nothing is uploaded")

    async def send(self, account: ChannelAccount, part: Part, media_id: str | None) -> SendResult:
        body = part.body
        files = [await self._media.load(a["media_id"], body["tenant"]) for a in body["attachments"]]
        try:
            message = build_message(
                body,
                sender=account.account_id,
                sender_name=account.setting("display_name") or account.name,
                files=files,
                at=self._now(),
            )
        except (ValueError, TypeError) as exc:  # a header the email package refuses (a line break in it, …)
            raise PermanentSendError(f"the email cannot be built: {type(exc).__name__}") from exc
        await self._submit(account, message)
        return SendResult(body["message_id"])

    async def _submit(self, account: ChannelAccount, message) -> None:  # type: ignore[no-untyped-def]
        security = str(account.setting("smtp_security", "starttls"))
        host, port = str(account.setting("smtp_host")), int(account.setting("smtp_port"))
        smtp = aiosmtplib.SMTP(
            hostname=host,
            port=port,
            use_tls=security == "tls",
            start_tls=security == "starttls",
            timeout=self._timeout,
        )
        try:
            await smtp.connect()
            if smtp.supports_extension("auth"):
                await smtp.login(str(account.setting("username") or account.account_id), account.secret("password"))
            await smtp.send_message(message)
        except aiosmtplib.SMTPException as exc:
            raise classify_smtp_failure(exc, f"{host}:{port}") from exc
        except OSError as exc:
            raise RetryableSendError(f"SMTP {host}:{port} unreachable: {exc!r}") from exc
        finally:
            if smtp.is_connected:
                try:
                    await smtp.quit()
                except (aiosmtplib.SMTPException, OSError):
                    smtp.close()


def classify_smtp_failure(exc: aiosmtplib.SMTPException, server: str) -> SendError:
    """4xx replies, timeouts and lost connections may pass; 5xx replies will not."""
    codes = [exc.code] if isinstance(exc, aiosmtplib.SMTPResponseException) else []
    if isinstance(exc, aiosmtplib.SMTPRecipientsRefused):
        codes = [refused.code for refused in exc.recipients]
    message = f"SMTP {server}: {type(exc).__name__}: {exc}"[:500]
    if codes and all(500 <= code < 600 for code in codes):
        return PermanentSendError(message, codes[0])
    if isinstance(exc, aiosmtplib.SMTPNotSupported):
        return PermanentSendError(message)
    return RetryableSendError(message, codes[0] if codes else None)
