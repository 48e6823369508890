"""Mailbox reading without a server: the cursor's decisions (parley_ingest.email.cursor), reading imaplib's
answers (parley_ingest.email.imap) and the reader's order of work against a fake mailbox — the cursor moves
only once Kafka acknowledged the message's event."""

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage

import pytest
from pydantic import SecretStr

from parley_business.channel_accounts import ChannelAccount
from parley_contracts import Channel
from parley_ingest.email.cursor import Cursor, FolderState, Meta, Start, advance, passed_over, start, to_read
from parley_ingest.email.imap import fetch_metas, fetched_body, internal_date
from parley_ingest.email.reader import MailboxReader, MailReaders, ReaderSettings
from parley_ingest.publisher import PublishFailed
from parley_ingest.recent import RecentIds
from parley_ingest.sizing import SizeLimits

T0 = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


# --- cursor decisions -----------------------------------------------------------------------------------------


def test_a_first_read_starts_at_uid_zero_from_the_connection_time():
    begun = start(None, "INBOX", FolderState(77, 5, 4), T0 + timedelta(microseconds=123))
    assert begun.cursor == Cursor("INBOX", 77, 0, T0) and begun.reason == "first read"


def test_the_stored_cursor_goes_on_while_the_folder_is_the_same():
    stored = Cursor("INBOX", 77, 9, T0)
    assert start(stored, "INBOX", FolderState(77, 12, 11), T0 + timedelta(days=3)) == Start(stored, None)


@pytest.mark.parametrize(
    ("folder", "state", "reason"),
    [
        ("INBOX", FolderState(78, 3, 2), "uidvalidity changed"),
        ("Support", FolderState(77, 12, 11), "folder changed"),
        ("INBOX", FolderState(77, 4, 3), "uidnext went back"),  # a server that lost its mail
    ],
)
def test_a_cursor_starts_over_but_keeps_its_since(folder, state, reason):
    begun = start(Cursor("INBOX", 77, 9, T0), folder, state, T0 + timedelta(days=3))
    assert begun.reason == reason
    assert begun.cursor == Cursor(folder, state.uidvalidity, 0, T0)  # mail from before the connection stays unread


def test_what_to_read_drops_the_star_quirk_duplicates_and_mail_from_before_the_connection():
    cursor = Cursor("INBOX", 77, 5, T0)
    found = [
        Meta(5, T0 + timedelta(hours=1)),  # `6:*` answers the last message even when its UID is 5
        Meta(8, T0 + timedelta(hours=1)),
        Meta(7, T0 - timedelta(days=300)),  # moved in with an old date: arrived before the connection
        Meta(6, None),  # no INTERNALDATE: read
        Meta(8, T0 + timedelta(hours=1)),
    ]
    read, passed = to_read(cursor, found)
    assert [m.uid for m in read] == [6, 8] and [m.uid for m in passed] == [7]
    # Passing over 7 must not move the cursor past 6, which is still to read.
    assert passed_over(cursor, passed, read) == cursor
    assert passed_over(cursor, [Meta(6, T0 - timedelta(days=1))], [Meta(8, None)]).last_uid == 6
    assert advance(Cursor("INBOX", 77, 9, T0), 3).last_uid == 9


# --- imaplib's answers ----------------------------------------------------------------------------------------


def test_fetch_answers_are_read():
    data = [
        b'1 (UID 6 INTERNALDATE "01-Dec-2026 10:00:05 +0100" RFC822.SIZE 2048)',
        b'2 (INTERNALDATE "1-Dec-2026 11:00:00 +0000" RFC822.SIZE 10 UID 7)',
        b"garbage",
    ]
    assert fetch_metas(data) == [
        Meta(6, datetime(2026, 12, 1, 9, 0, 5, tzinfo=UTC), 2048),
        Meta(7, datetime(2026, 12, 1, 11, 0, tzinfo=UTC), 10),
    ]
    assert internal_date(b"not a date") is None
    assert fetched_body([(b"1 (UID 6 BODY[] {5}", b"hello"), b")"]) == b"hello"
    assert fetched_body([b"1 (UID 6 FLAGS ())"]) is None


# --- the reader -----------------------------------------------------------------------------------------------


def _mail(n: int, attachment: bool = False) -> bytes:
    message = EmailMessage()
    message["From"] = f"Customer {n} <c{n}@example.test>"
    message["To"] = "support@demo.local"
    message["Subject"] = f"Question {n}"
    message["Message-ID"] = f"<m{n}@example.test>"
    message.set_content(f"question number {n}")
    if attachment:
        message.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="a.pdf")
    return message.as_bytes()


@dataclass
class FakeMailbox:
    uidvalidity: int = 77
    messages: dict[int, tuple[datetime, bytes]] = field(default_factory=dict)
    supports_idle: bool = False
    closed: bool = False

    async def select(self, folder: str) -> FolderState:
        return FolderState(self.uidvalidity, max(self.messages, default=0) + 1, len(self.messages))

    async def metas(self, after_uid: int) -> list[Meta]:
        found = [Meta(uid, at, len(raw)) for uid, (at, raw) in sorted(self.messages.items()) if uid > after_uid]
        if not found and self.messages:  # the `n:*` quirk
            last = max(self.messages)
            found = [Meta(last, self.messages[last][0])]
        return found

    async def fetch(self, uid: int) -> bytes | None:
        return self.messages[uid][1] if uid in self.messages else None

    async def wait_for_news(self, timeout: float) -> None:
        return None

    async def close(self) -> None:
        self.closed = True


class MemoryCursors:
    def __init__(self) -> None:
        self.saved: dict[str, Cursor] = {}
        self.history: list[int] = []

    async def get(self, key: str) -> Cursor | None:
        return self.saved.get(key)

    async def put(self, key: str, cursor: Cursor) -> None:
        self.saved[key] = cursor
        self.history.append(cursor.last_uid)


class MemoryMedia:
    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    async def put_with_id(self, *, media_id: str, data: bytes, **_: object) -> None:
        self.files[media_id] = data


class Publisher:
    def __init__(self, fail_on: set[str] | None = None) -> None:
        self.events: list = []
        self.letters: list = []
        self.fail_on = fail_on or set()

    async def publish(self, event) -> None:
        if event.provider_message_id in self.fail_on:
            raise PublishFailed("broker away")
        self.events.append(event)

    async def publish_dead_letter(self, letter) -> None:
        self.letters.append(letter)

    async def reachable(self, timeout: float) -> bool:
        return True


ACCOUNT = ChannelAccount(
    channel=Channel.EMAIL,
    account_id="support@demo.local",
    tenant="demo",
    config={"imap_host": "127.0.0.1", "imap_port": 3143, "smtp_host": "127.0.0.1", "smtp_port": 3025},
    secrets={"password": SecretStr("sandbox-mail")},
    created_at=T0,
)
SETTINGS = ReaderSettings(1, 1, 5, 5, 1, SizeLimits(32_768, 512 * 1024))


def _reader(mailbox: FakeMailbox, cursors: MemoryCursors, publisher: Publisher, media=None, recent=None):
    async def opener(_config):
        return mailbox

    return MailboxReader(
        ACCOUNT,
        cursors_store=cursors,
        media=media or MemoryMedia(),
        publisher=publisher,
        recent=recent or RecentIds(),
        settings=SETTINGS,
        opener=opener,
    )


async def test_each_message_is_published_then_the_cursor_moves_past_it():
    later = T0 + timedelta(minutes=5)
    mailbox = FakeMailbox(messages={1: (T0 - timedelta(days=2), _mail(1)), 2: (later, _mail(2, attachment=True))})
    cursors, publisher, media = MemoryCursors(), Publisher(), MemoryMedia()
    reader = _reader(mailbox, cursors, publisher, media)

    await reader.session(passes=2)  # the second pass finds nothing new (the `n:*` quirk included)

    assert [e.provider_message_id for e in publisher.events] == ["<m2@example.test>"]  # m1 predates the connection
    assert cursors.saved["email:support@demo.local"] == Cursor("INBOX", 77, 2, T0)
    [ref] = publisher.events[0].content.media
    assert media.files[ref.media_id] == b"%PDF-1.4"  # stored before the event names it
    assert mailbox.closed


async def test_a_message_kafka_did_not_acknowledge_is_read_again_nothing_after_it_is_skipped():
    mailbox = FakeMailbox(messages={n: (T0 + timedelta(minutes=n), _mail(n)) for n in (1, 2, 3)})
    cursors = MemoryCursors()
    failing = Publisher(fail_on={"<m2@example.test>"})
    with pytest.raises(PublishFailed):
        await _reader(mailbox, cursors, failing).session(passes=1)
    assert cursors.saved["email:support@demo.local"].last_uid == 1  # m1 acknowledged, m2 not

    working = Publisher()
    await _reader(mailbox, cursors, working).session(passes=1)  # a restart: a new reader, the same store
    assert [e.provider_message_id for e in working.events] == ["<m2@example.test>", "<m3@example.test>"]
    assert cursors.saved["email:support@demo.local"].last_uid == 3


async def test_a_uidvalidity_change_reads_again_and_duplicates_keep_their_dedupe_key():
    mailbox = FakeMailbox(messages={1: (T0 + timedelta(minutes=1), _mail(1))})
    cursors, first = MemoryCursors(), Publisher()
    await _reader(mailbox, cursors, first).session(passes=1)

    mailbox.uidvalidity = 78  # the folder was rebuilt: the same mail under new UIDs, and a new one
    mailbox.messages = {1: (T0 + timedelta(minutes=1), _mail(1)), 2: (T0 + timedelta(minutes=2), _mail(2))}
    again = Publisher()
    await _reader(mailbox, cursors, again).session(passes=1)
    assert [e.dedupe_key for e in again.events] == [
        first.events[0].dedupe_key,
        "email:support@demo.local:<m2@example.test>",
    ]
    assert cursors.saved["email:support@demo.local"] == Cursor("INBOX", 78, 2, T0)

    recent = RecentIds()  # within one process, ingest's memory skips what it published already
    skipping = Publisher()
    mailbox.uidvalidity = 79
    reader = _reader(mailbox, cursors, skipping, recent=recent)
    recent.add(first.events[0].dedupe_key)
    await reader.session(passes=1)
    assert [e.provider_message_id for e in skipping.events] == ["<m2@example.test>"]


async def test_a_mail_the_parser_chokes_on_is_a_dead_letter_and_the_mail_behind_it_is_read(monkeypatch):
    import parley_ingest.email.reader as reader_module

    real = reader_module.parse_mail

    def choking(raw, received_at):
        if b"<m1@" in raw:
            raise UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
        return real(raw, received_at)

    monkeypatch.setattr(reader_module, "parse_mail", choking)
    mailbox = FakeMailbox(messages={n: (T0 + timedelta(minutes=n), _mail(n)) for n in (1, 2)})
    cursors, publisher = MemoryCursors(), Publisher()
    await _reader(mailbox, cursors, publisher).session(passes=1)
    [letter] = publisher.letters
    assert letter.original["uid"] == 1 and "UnicodeDecodeError" in letter.error
    assert [e.provider_message_id for e in publisher.events] == ["<m2@example.test>"]
    assert cursors.saved["email:support@demo.local"].last_uid == 2


async def test_a_mail_without_a_sender_is_kept_as_a_dead_letter_and_passed():
    mailbox = FakeMailbox(messages={1: (T0 + timedelta(minutes=1), b"Subject: ?\r\n\r\nno sender")})
    cursors, publisher = MemoryCursors(), Publisher()
    await _reader(mailbox, cursors, publisher).session(passes=1)
    [letter] = publisher.letters
    assert letter.original["uid"] == 1 and not letter.redrivable and publisher.events == []
    assert cursors.saved["email:support@demo.local"].last_uid == 1


class Accounts:
    def __init__(self, accounts: list[ChannelAccount]) -> None:
        self.accounts = {a.account_id: a for a in accounts}

    async def get(self, channel, account_id):
        return self.accounts.get(account_id)

    async def directory(self, channel):
        return {a.account_id: a.tenant for a in self.accounts.values()}


async def test_readers_follow_the_connected_accounts():
    started: list[str] = []

    class Idle:
        def __init__(self, account):
            self.account = account
            self.folder = "INBOX"
            started.append(account.account_id)

        async def run(self):
            await asyncio.Event().wait()

    accounts = Accounts([ACCOUNT])
    readers = MailReaders(accounts, Idle, refresh_seconds=60)  # type: ignore[arg-type]
    await readers.refresh()
    await readers.refresh()
    assert readers.accounts == ["support@demo.local"] and started == ["support@demo.local"]

    accounts.accounts["support@demo.local"] = ACCOUNT.model_copy(
        update={"config": {**ACCOUNT.config, "imap_port": 993}}
    )
    await readers.refresh()  # changed settings: a new reader
    assert started == ["support@demo.local", "support@demo.local"]

    accounts.accounts.clear()
    await readers.refresh()
    assert readers.accounts == []
    await readers.stop()
