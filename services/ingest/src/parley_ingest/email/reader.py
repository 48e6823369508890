"""Reading connected mailboxes: one reader task per enabled email account, started and stopped by `MailReaders`
as accounts are connected, changed or disconnected (it looks every `EMAIL_ACCOUNTS_REFRESH_SECONDS`).

A reader connects, selects the account's folder, decides where to start (`cursor.start`), then reads each new
message in UID order: parse → store its attachments in the media store → publish `message.received` (acks=all)
→ only then move the stored cursor past it. Between passes it waits in IDLE where the server offers it (re-issued
every `EMAIL_IDLE_SECONDS`, well under RFC 2177's 29 minutes), else it polls every `EMAIL_POLL_SECONDS`. Any failure
(server away, Kafka away, MongoDB away) ends the connection; the reader reconnects after a growing pause and
starts again from the stored cursor, so nothing is skipped and what was not acknowledged is read again."""

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

import structlog
from pymongo.asynchronous.database import AsyncDatabase

from parley_business.channel_account_store import AccountLookup
from parley_business.channel_accounts import ChannelAccount, account_key
from parley_contracts import MESSAGE_RECEIVED, Channel, DeadLetter, MediaRef, MessageReceived
from parley_ingest.email import cursor as cursors
from parley_ingest.email.cursor import Cursor, Meta
from parley_ingest.email.imap import ImapConfig, ImaplibMailbox, Mailbox, MailboxError
from parley_ingest.email.message import Unusable, inbound_mail, parse_mail
from parley_ingest.publisher import EventPublisher, PublishFailed
from parley_ingest.recent import RecentIds
from parley_ingest.sizing import SizeLimits, TooLarge, fit

log = structlog.get_logger()

CURSORS = "email_cursors"


class CursorStore:
    """One document per mailbox (`_id` = the account's key, "email:<address>"): lone-`_id` reads and writes."""

    def __init__(self, db: AsyncDatabase) -> None:
        self._cursors = db[CURSORS]

    async def get(self, key: str) -> Cursor | None:
        doc = await self._cursors.find_one({"_id": key})
        if doc is None:
            return None
        since = doc["since"]
        return Cursor(doc["folder"], int(doc["uidvalidity"]), int(doc["last_uid"]), _aware(since))

    async def put(self, key: str, cursor: Cursor) -> None:
        doc = {
            "folder": cursor.folder,
            "uidvalidity": cursor.uidvalidity,
            "last_uid": cursor.last_uid,
            "since": cursor.since,
            "updated_at": datetime.now(UTC),
        }
        await self._cursors.update_one({"_id": key}, {"$set": doc}, upsert=True)


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=UTC)


class MediaSink(Protocol):
    async def put_with_id(self, *, media_id: str, tenant: str, ref: MediaRef, data: bytes) -> Any: ...


class CursorKeeper(Protocol):
    async def get(self, key: str) -> Cursor | None: ...

    async def put(self, key: str, cursor: Cursor) -> None: ...


@dataclass(frozen=True)
class ReaderSettings:
    idle_seconds: float
    poll_seconds: float
    timeout_seconds: float
    publish_timeout_seconds: float
    reconnect_max_seconds: float
    limits: SizeLimits


def imap_config(account: ChannelAccount, timeout: float) -> ImapConfig:
    return ImapConfig(
        host=str(account.setting("imap_host")),
        port=int(account.setting("imap_port")),
        security=str(account.setting("imap_security", "tls")),
        username=str(account.setting("username") or account.account_id),
        password=account.secret("password"),
        timeout=timeout,
    )


Opener = Callable[[ImapConfig], Awaitable[Mailbox]]


class MailboxReader:
    def __init__(
        self,
        account: ChannelAccount,
        *,
        cursors_store: CursorKeeper,
        media: MediaSink,
        publisher: EventPublisher,
        recent: RecentIds,
        settings: ReaderSettings,
        opener: Opener = ImaplibMailbox.open,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.account = account
        self._cursors = cursors_store
        self._media = media
        self._publisher = publisher
        self._recent = recent
        self._settings = settings
        self._opener = opener
        self._now = now
        self.key = account_key(Channel.EMAIL, account.account_id)
        self.folder = str(account.setting("imap_folder") or "INBOX")

    async def run(self) -> None:
        """Forever: a connection's life, then a pause that grows with consecutive failures."""
        failures = 0
        while True:
            try:
                await self.session()
            except (MailboxError, PublishFailed, TimeoutError, OSError) as exc:
                failures += 1
                pause = min(self._settings.reconnect_max_seconds, 2 ** min(failures, 10) * 0.5)
                log.warning("email.reader_failed", account=self.key, error=str(exc)[:300], retry_in=pause)
                await asyncio.sleep(pause)
            except Exception as exc:  # MongoDB, or a bug: logged, and the reader goes on after a pause
                failures += 1
                pause = self._settings.reconnect_max_seconds
                # The type only: a parsing error's text may quote the mail.
                log.error("email.reader_error", account=self.key, error=type(exc).__name__, retry_in=pause)
                await asyncio.sleep(pause)
            else:
                failures = 0

    async def session(self, passes: int | None = None) -> None:
        """One connection: read, wait for news, read again (`passes` bounds it, for tests)."""
        mailbox = await self._opener(imap_config(self.account, self._settings.timeout_seconds))
        try:
            done = 0
            while passes is None or done < passes:
                await self.read_pass(mailbox)
                done += 1
                if passes is not None and done >= passes:
                    break
                wait = self._settings.idle_seconds if mailbox.supports_idle else self._settings.poll_seconds
                await mailbox.wait_for_news(wait)
        finally:
            await mailbox.close()

    async def read_pass(self, mailbox: Mailbox) -> int:
        """Every new message of the folder, in UID order; returns how many were published."""
        state = await mailbox.select(self.folder)
        stored = await self._cursors.get(self.key)
        begun = cursors.start(stored, self.folder, state, self.account.created_at or self._now())
        cursor = begun.cursor
        if begun.reason is not None:
            log.info("email.cursor_reset", account=self.key, reason=begun.reason, uidvalidity=cursor.uidvalidity)
            await self._cursors.put(self.key, cursor)
        read, passed = cursors.to_read(cursor, await mailbox.metas(cursor.last_uid))
        if (moved := cursors.passed_over(cursor, passed, read)) != cursor:
            cursor = moved
            await self._cursors.put(self.key, cursor)
        published = 0
        for meta in read:
            if await self._read_one(mailbox, meta):
                published += 1
            cursor = cursors.advance(cursor, meta.uid)
            await self._cursors.put(self.key, cursor)
        if passed:
            cursor = cursors.advance(cursor, max(m.uid for m in passed))
            await self._cursors.put(self.key, cursor)
        return published

    async def _read_one(self, mailbox: Mailbox, meta: Meta) -> bool:
        """Publish one message (True), or keep it as a dead letter when it cannot be a conversation's (False).
        Raises when it should be read again later (server, MongoDB or Kafka away)."""
        raw = await mailbox.fetch(meta.uid)
        if raw is None:  # expunged since it was listed
            log.info("email.message_gone", account=self.key, uid=meta.uid)
            return False
        received_at = meta.received_at or self._now()
        try:
            parsed = parse_mail(raw, received_at)
            mail = inbound_mail(
                parsed,
                tenant=self.account.tenant,
                account_id=self.account.account_id,
                mailbox=self.folder,
                received_at=received_at,
            )
            event, changes = fit(mail.event, self._settings.limits)
        except (Unusable, TooLarge) as exc:
            await self._dead_letter(meta, parsed.message_id, str(exc))
            return False
        except Exception as exc:  # a mail the parser chokes on must not stop the mailbox behind it
            await self._dead_letter(meta, None, f"the parser failed ({type(exc).__name__})")
            return False
        for ref, data in mail.files:
            assert ref.media_id is not None
            await self._media.put_with_id(media_id=ref.media_id, tenant=self.account.tenant, ref=ref, data=data)
        if changes or parsed.problems:
            log.warning(
                "email.message_repaired", account=self.key, uid=meta.uid, changes=changes, headers=parsed.problems
            )
        assert isinstance(event, MessageReceived)
        await self._publish(event, meta.uid)
        return True

    async def _publish(self, event: MessageReceived, uid: int) -> None:
        if event.dedupe_key in self._recent:
            log.info("email.duplicate_skipped", account=self.key, uid=uid, dedupe_key=event.dedupe_key)
            return
        async with asyncio.timeout(self._settings.publish_timeout_seconds):
            await self._publisher.publish(event)
        self._recent.add(event.dedupe_key)
        log.info("email.accepted", account=self.key, uid=uid, event_id=event.event_id, thread_key=event.thread_key)

    async def _dead_letter(self, meta: Meta, message_id: str | None, error: str) -> None:
        """The mail stays on the server; the letter says which one and why (no content)."""
        letter = DeadLetter(
            source_topic=MESSAGE_RECEIVED,
            service="ingest",
            key=self.key,
            original={"account": self.key, "folder": self.folder, "uid": meta.uid, "message_id": message_id},
            error=f"email not readable as a conversation message: {error}",
            redrivable=False,
        )
        async with asyncio.timeout(self._settings.publish_timeout_seconds):
            await self._publisher.publish_dead_letter(letter)
        log.error("email.message_refused", account=self.key, uid=meta.uid, letter_id=letter.event_id, error=error)


class MailReaders:
    """The reader tasks of the connected, enabled email accounts, kept in step with the channel accounts."""

    def __init__(
        self,
        accounts: AccountLookup,
        make_reader: Callable[[ChannelAccount], MailboxReader],
        refresh_seconds: float,
    ) -> None:
        self._accounts = accounts
        self._make_reader = make_reader
        self._refresh = refresh_seconds
        self._running: dict[str, tuple[Any, asyncio.Task[None]]] = {}
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._task = asyncio.create_task(self._watch(), name="email-readers")

    async def stop(self) -> None:
        tasks = [t for t in [self._task, *(task for _, task in self._running.values())] if t is not None]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._running.clear()

    async def _watch(self) -> None:
        while True:
            try:
                await self.refresh()
            except Exception as exc:  # MongoDB away: the readers running go on; try again next time
                log.warning("email.accounts_not_read", error=repr(exc)[:300])
            await asyncio.sleep(self._refresh)

    async def refresh(self) -> None:
        directory = await self._accounts.directory(Channel.EMAIL)
        wanted: dict[str, ChannelAccount] = {}
        for account_id in directory:
            account = await self._accounts.get(Channel.EMAIL, account_id)
            if account is not None:
                wanted[account_id] = account
        for account_id in list(self._running):
            version, task = self._running[account_id]
            account = wanted.get(account_id)
            if account is None or _version(account) != version or task.done():
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
                del self._running[account_id]
                log.info("email.reader_stopped", account=account_id)
        for account_id, account in wanted.items():
            if account_id not in self._running:
                reader = self._make_reader(account)
                task = asyncio.create_task(reader.run(), name=f"email-reader-{account_id}")
                self._running[account_id] = (_version(account), task)
                log.info("email.reader_started", account=account_id, folder=reader.folder)

    @property
    def accounts(self) -> list[str]:
        return sorted(self._running)


def _version(account: ChannelAccount) -> Any:
    """What restarts a reader when it changes: the account's settings and secrets."""
    secrets = tuple(sorted((k, v.get_secret_value()) for k, v in account.secrets.items()))
    return (account.tenant, tuple(sorted(account.config.items())), secrets)
