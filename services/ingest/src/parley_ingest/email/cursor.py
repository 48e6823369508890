"""Where a mailbox reader is, and what it reads next. Pure: the reader asks, then does the I/O.

IMAP names a message in a folder by its UID, which only grows, as long as the folder's UIDVALIDITY stays the
same (RFC 3501 §2.3.1.1). So a reader keeps (folder, UIDVALIDITY, last UID read) per mailbox and asks for
`UID FETCH <last+1>:*`. The cursor moves past a message only once its event is acknowledged by Kafka, so a
crash at any point reads that message again (the router dedupes by Message-ID) and never skips one.

Starting over (every UID from 1) happens when the folder's UIDVALIDITY changed, the account reads another folder
than before, or the server's next UID went below what was read (a server that lost its mail, as a restarted
in-memory test server does): messages read before are recognised by their Message-ID downstream. Mail that
arrived before the account was connected (`since`, kept from the first cursor) is never read: connecting a
mailbox with years of mail must not answer all of it."""

from dataclasses import dataclass, replace
from datetime import datetime


@dataclass(frozen=True)
class Cursor:
    folder: str
    uidvalidity: int
    last_uid: int
    since: datetime  # mail received (INTERNALDATE) before this is not read


@dataclass(frozen=True)
class FolderState:
    """What SELECT says of a folder."""

    uidvalidity: int
    uidnext: int | None
    exists: int


@dataclass(frozen=True)
class Start:
    cursor: Cursor
    reason: str | None  # why the cursor was reset (None: going on where it was)


def start(stored: Cursor | None, folder: str, state: FolderState, connected_at: datetime) -> Start:
    """The cursor to read with after selecting `folder`."""
    if stored is None:
        # INTERNALDATE has whole seconds: a mail received in the second the account was connected is read.
        return Start(Cursor(folder, state.uidvalidity, 0, connected_at.replace(microsecond=0)), "first read")
    if stored.folder != folder:
        return Start(Cursor(folder, state.uidvalidity, 0, stored.since), "folder changed")
    if stored.uidvalidity != state.uidvalidity:
        return Start(Cursor(folder, state.uidvalidity, 0, stored.since), "uidvalidity changed")
    if state.uidnext is not None and state.uidnext <= stored.last_uid:
        return Start(replace(stored, last_uid=0), "uidnext went back")
    return Start(stored, None)


@dataclass(frozen=True)
class Meta:
    """A message's UID, when the server received it and how big it is (UID FETCH … (INTERNALDATE RFC822.SIZE))."""

    uid: int
    received_at: datetime | None
    size: int | None = None


def to_read(cursor: Cursor, found: list[Meta]) -> tuple[list[Meta], list[Meta]]:
    """What `UID FETCH <last+1>:*` found, split into the messages to read and those to pass over (received
    before the account was connected), both in UID order. `n:*` also answers the last message when its UID is
    below n (RFC 3501 §6.4.8): anything not above the cursor is dropped."""
    fresh = sorted((m for m in found if m.uid > cursor.last_uid), key=lambda m: m.uid)
    unique = list({m.uid: m for m in fresh}.values())
    read = [m for m in unique if m.received_at is None or m.received_at >= cursor.since]
    passed = [m for m in unique if m.received_at is not None and m.received_at < cursor.since]
    return read, passed


def advance(cursor: Cursor, uid: int) -> Cursor:
    """The cursor past `uid` (never backwards)."""
    return replace(cursor, last_uid=max(cursor.last_uid, uid))


def passed_over(cursor: Cursor, passed: list[Meta], read: list[Meta]) -> Cursor:
    """The cursor past the messages passed over that come before the first one still to read: a message to
    read is never skipped by moving past a lower one's UID."""
    first_to_read = min((m.uid for m in read), default=None)
    below = [m.uid for m in passed if first_to_read is None or m.uid < first_to_read]
    return advance(cursor, max(below)) if below else cursor
