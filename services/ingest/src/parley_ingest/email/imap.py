"""The IMAP side of a mailbox reader, behind a small typed interface (`Mailbox`) so the reader's logic is tested
with a fake and the protocol stays in one place.

Library: the stdlib's imaplib, each mailbox on a thread of its own. The asyncio IMAP client on PyPI
(aioimaplib) is GPL-3.0-only, a licence Parley's other dependencies do not impose; imaplib is the reference
client, speaks TLS and STARTTLS, and only lacks IDLE before Python 3.14, which RFC 2177 makes a few lines on
top of its primitives (`_idle`). Its calls block, so every one runs on the mailbox's own thread: a mailbox
waiting in IDLE never holds a thread another needs."""

import asyncio
import imaplib
import re
import select
import socket
import ssl
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any, Protocol, TypeVar

from parley_ingest.email.cursor import FolderState, Meta

T = TypeVar("T")


class MailboxError(Exception):
    """The server refused something or went away: the reader reconnects after a pause."""


@dataclass(frozen=True)
class ImapConfig:
    host: str
    port: int
    security: str  # none | starttls | tls
    username: str
    password: str
    timeout: float


class Mailbox(Protocol):
    @property
    def supports_idle(self) -> bool: ...

    async def select(self, folder: str) -> FolderState: ...

    async def metas(self, after_uid: int) -> list[Meta]:
        """UID, INTERNALDATE and size of the messages with a UID above `after_uid` (and, per the protocol,
        possibly the last one: see `cursor.to_read`)."""
        ...

    async def fetch(self, uid: int) -> bytes | None:
        """The whole message (BODY.PEEK[]: its \\Seen flag is left alone); None if it is gone."""
        ...

    async def wait_for_news(self, timeout: float) -> None:
        """Until the server says something changed (IDLE) or `timeout` passes (polling without IDLE)."""
        ...

    async def close(self) -> None: ...


_FAILURES = (OSError, imaplib.IMAP4.error, EOFError, ValueError)


class ImaplibMailbox:
    """One IMAP connection, used from one thread (its executor)."""

    def __init__(self, config: ImapConfig) -> None:
        self._config = config
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="imap")
        self._imap: imaplib.IMAP4 | None = None
        self._idle = False
        self._busy = False  # a call is running on the thread

    @classmethod
    async def open(cls, config: ImapConfig) -> "ImaplibMailbox":
        mailbox = cls(config)
        try:
            await mailbox._run(mailbox._connect)
        except MailboxError:
            await mailbox.close()
            raise
        return mailbox

    @property
    def supports_idle(self) -> bool:
        return self._idle

    async def select(self, folder: str) -> FolderState:
        return await self._run(lambda: self._select(folder))

    async def metas(self, after_uid: int) -> list[Meta]:
        def call() -> list[Meta]:
            _, data = self._ok(self._client.uid("FETCH", f"{after_uid + 1}:*", "(UID INTERNALDATE RFC822.SIZE)"))
            return fetch_metas(data)

        return await self._run(call)

    async def fetch(self, uid: int) -> bytes | None:
        def call() -> bytes | None:
            _, data = self._ok(self._client.uid("FETCH", str(uid), "(BODY.PEEK[])"))
            return fetched_body(data)

        return await self._run(call)

    async def wait_for_news(self, timeout: float) -> None:
        if not self._idle:
            await asyncio.sleep(timeout)
            return
        await self._run(lambda: self._idle_wait(timeout))

    async def close(self) -> None:
        """Log out; a call still running on the mailbox's thread (a wait in IDLE, when the reader is cancelled)
        is cut short by shutting the socket, so stopping ingest never waits for the server."""
        imap = self._imap

        def call() -> None:
            if imap is not None:
                try:
                    imap.logout()
                except _FAILURES:
                    pass  # going away either way

        if imap is not None and self._busy:
            try:
                imap.socket().shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self._imap = None
        try:
            await asyncio.wait_for(
                asyncio.get_running_loop().run_in_executor(self._executor, call), self._config.timeout
            )
        except TimeoutError:
            pass
        finally:
            self._executor.shutdown(wait=False)

    # --- on the mailbox's thread ------------------------------------------------------------------------------

    async def _run(self, call: Callable[[], T]) -> T:
        def tracked() -> T:
            self._busy = True  # set on the thread: a cancelled caller does not end the call
            try:
                return call()
            finally:
                self._busy = False

        try:
            return await asyncio.get_running_loop().run_in_executor(self._executor, tracked)
        except _FAILURES as exc:
            raise MailboxError(f"IMAP {self._config.host}:{self._config.port}: {exc!r}") from exc

    @property
    def _client(self) -> imaplib.IMAP4:
        if self._imap is None:
            raise MailboxError("not connected")
        return self._imap

    def _connect(self) -> None:
        c = self._config
        if c.security == "tls":
            imap: imaplib.IMAP4 = imaplib.IMAP4_SSL(
                c.host, c.port, ssl_context=ssl.create_default_context(), timeout=c.timeout
            )
        else:
            imap = imaplib.IMAP4(c.host, c.port, timeout=c.timeout)
            if c.security == "starttls":
                imap.starttls(ssl.create_default_context())
        self._imap = imap
        self._ok(imap.login(c.username, c.password))
        self._idle = "IDLE" in imap.capabilities

    def _select(self, folder: str) -> FolderState:
        imap = self._client
        imap.untagged_responses.clear()
        _, data = self._ok(imap.select(_quoted(folder), readonly=True))
        state = folder_state(
            uidvalidity=_first_int(imap.untagged_responses.get("UIDVALIDITY")),
            uidnext=_first_int(imap.untagged_responses.get("UIDNEXT")),
            exists=_first_int(data) or 0,
        )
        # SELECT's own `* n EXISTS` is the folder's size, not news: left here, `_idle_wait` would take it for new
        # mail and return at once, and the reader would poll the server and MongoDB in a tight loop (measured: 21
        # passes a second on an idle mailbox).
        imap.untagged_responses.clear()
        return state

    def _idle_wait(self, timeout: float) -> None:
        """RFC 2177: IDLE, wait for an untagged answer (new mail: `* n EXISTS`) or `timeout`, then DONE."""
        imap = self._client
        if imap.untagged_responses.pop("EXISTS", None) is not None:
            return  # the server announced mail during the last pass: read again before idling
        tag = imap._new_tag()  # imaplib has no IDLE before 3.14: its own tag counter keeps tags unique
        imap.send(tag + b" IDLE\r\n")
        first = imap.readline()
        if not first.startswith(b"+"):
            raise MailboxError(f"IDLE refused: {first[:100]!r}")
        # A notice that came in the same packet as the continuation would already sit in imaplib's buffer, where
        # select() cannot see it: it is then found by the next pass, at most `timeout` later (EMAIL_IDLE_SECONDS).
        sock = imap.socket()
        pending = getattr(sock, "pending", lambda: 0)
        if not pending():
            select.select([sock], [], [], timeout)
        imap.send(b"DONE\r\n")
        while True:  # untagged answers (EXISTS, EXPUNGE, …) up to the tagged end of IDLE
            line = imap.readline()
            if not line:
                raise EOFError("connection closed during IDLE")
            if line.startswith(tag):
                if not line[len(tag) :].strip().upper().startswith(b"OK"):
                    raise MailboxError(f"IDLE ended with {line[:100]!r}")
                return

    @staticmethod
    def _ok(answer: tuple[str, Any]) -> tuple[str, Any]:
        status, data = answer
        if status != "OK":
            raise MailboxError(f"server answered {status}: {str(data)[:200]}")
        return status, data


def _quoted(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _first_int(values: list[Any] | None) -> int | None:
    for value in values or []:
        text = value.decode() if isinstance(value, bytes) else str(value)
        if text.strip().isdigit():
            return int(text.strip())
    return None


# --- reading the server's answers (pure) ---------------------------------------------------------------------

_UID = re.compile(rb"\bUID (\d+)", re.I)
_SIZE = re.compile(rb"\bRFC822\.SIZE (\d+)", re.I)
_INTERNALDATE = re.compile(rb'\bINTERNALDATE "([^"]+)"', re.I)


def folder_state(uidvalidity: int | None, uidnext: int | None, exists: int) -> FolderState:
    if uidvalidity is None:
        raise MailboxError("SELECT did not say the folder's UIDVALIDITY")
    return FolderState(uidvalidity, uidnext, exists)


def fetch_metas(data: list[Any]) -> list[Meta]:
    """imaplib's items of `UID FETCH … (UID INTERNALDATE RFC822.SIZE)`: `b'3 (UID 7 INTERNALDATE "…" …)'`."""
    metas = []
    for item in data:
        line = item[0] if isinstance(item, tuple) else item
        if not isinstance(line, bytes) or (uid := _UID.search(line)) is None:
            continue
        size = _SIZE.search(line)
        date = _INTERNALDATE.search(line)
        metas.append(Meta(int(uid.group(1)), internal_date(date.group(1)) if date else None, _int(size)))
    return metas


def _int(found: re.Match[bytes] | None) -> int | None:
    return int(found.group(1)) if found else None


def internal_date(value: bytes) -> datetime | None:
    """`02-Dec-2026 19:44:49 +0000` (RFC 3501's date-time)."""
    try:
        day, month, rest = value.decode().strip().split("-", 2)
        return parsedate_to_datetime(f"{day} {month} {rest}")
    except (ValueError, TypeError, IndexError):
        return None


def fetched_body(data: list[Any]) -> bytes | None:
    """The literal of a `UID FETCH … (BODY.PEEK[])` answer: imaplib gives `(b'1 (UID 1 BODY[] {275}', bytes)`."""
    for item in data:
        if isinstance(item, tuple) and len(item) == 2 and b"BODY[]" in item[0].upper():
            return bytes(item[1])
    return None
