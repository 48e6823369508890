"""ingest's mailbox reader against the real mail server (GreenMail) and broker: every mail once across a restart
of ingest, and a folder whose UIDVALIDITY changed read again without publishing what was published before."""

import asyncio
import imaplib
import smtplib
import time
import uuid
from email.message import EmailMessage

import pytest

from parley_business import ChannelAccountIn
from parley_contracts import Channel
from parley_devstack import Infrastructure, MailServer
from parley_ingest.email.imap import ImapConfig, ImaplibMailbox
from tests.kafka_helpers import wait_for_records

pytestmark = pytest.mark.integration

READER_ENV = {"EMAIL_ACCOUNTS_REFRESH_SECONDS": "0.5", "EMAIL_IDLE_SECONDS": "2", "EMAIL_RECONNECT_MAX_SECONDS": "1"}


def _mail(to: str, n: int, run: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = f"Customer {n} <customer{n}-{run}@example.test>"
    message["To"] = to
    message["Subject"] = f"Question {n}"
    message["Message-ID"] = f"<q{n}-{run}@example.test>"
    message.set_content(f"question {n}")
    return message


def _send(mail: MailServer, message: EmailMessage) -> None:
    with smtplib.SMTP(mail.smtp_host, mail.smtp_port, timeout=10) as smtp:
        smtp.send_message(message)


async def _connect(channel_accounts, mail: MailServer, address: str, **config) -> None:
    await channel_accounts.put(
        Channel.EMAIL,
        address,
        ChannelAccountIn(
            tenant="aurora",
            config={
                "imap_host": mail.imap_host,
                "imap_port": mail.imap_port,
                "imap_security": "none",
                "smtp_host": mail.smtp_host,
                "smtp_port": mail.smtp_port,
                "smtp_security": "none",
                **config,
            },
            secrets={"password": "any"},
        ),
    )


def _of(address: str):
    return lambda value: value.get("channel") == "email" and value.get("account_id") == address


async def test_every_mail_is_published_once_across_a_restart(services, infra: Infrastructure, channel_accounts, db):
    assert infra.mail is not None
    run = uuid.uuid4().hex[:8]
    address = f"it-{run}@demo.local"
    await _connect(channel_accounts, infra.mail, address)
    stack = services("ingest", **READER_ENV)
    for n in (1, 2, 3):
        _send(infra.mail, _mail(address, n, run))
    first = await wait_for_records(infra.kafka_bootstrap, "message.received", _of(address), count=3, timeout=30)
    assert len(first) == 3

    stack.stop("ingest")
    for n in (4, 5):  # arrive while nobody reads
        _send(infra.mail, _mail(address, n, run))
    stack.start("ingest")

    records = await wait_for_records(
        infra.kafka_bootstrap, "message.received", _of(address), count=5, timeout=30, settle=3
    )
    ids = [r["provider_message_id"] for r in records]
    assert sorted(ids) == sorted(f"<q{n}-{run}@example.test>" for n in range(1, 6))  # no gap, no duplicate
    one = next(r for r in records if r["provider_message_id"] == f"<q1-{run}@example.test>")
    assert one["tenant"] == "aurora" and one["content"]["text"] == "question 1"
    cursor = await db["email_cursors"].find_one({"_id": f"email:{address}"})
    assert cursor["folder"] == "INBOX" and cursor["last_uid"] == 5
    stack.stop("ingest")  # one reader per mailbox: the next test's ingest reads this module's accounts too


async def test_a_uidvalidity_change_reads_the_folder_again_without_publishing_twice(
    services, infra: Infrastructure, channel_accounts, db
):
    mail = infra.mail
    assert mail is not None
    run = uuid.uuid4().hex[:8]
    address = f"it-{run}@demo.local"
    folder = "Support"
    imap = imaplib.IMAP4(mail.imap_host, mail.imap_port, timeout=10)
    imap.login(address, "any")
    imap.create(folder)
    before = _uidvalidity(imap, folder)
    # Connected first: a newly connected mailbox is read from the moment of connection on (whole seconds of
    # INTERNALDATE), so mails appended before it would be read only when both fall in the same second.
    await _connect(channel_accounts, mail, address, imap_folder=folder)
    for n in (1, 2):
        _append(imap, folder, _mail(address, n, run))
    stack = services("ingest", **READER_ENV)
    first = await wait_for_records(infra.kafka_bootstrap, "message.received", _of(address), count=2, timeout=30)
    assert len(first) == 2

    # The folder is rebuilt (as a server migration or restore does): new UIDVALIDITY, UIDs from 1 again, the same
    # two mails and a new one.
    imap.delete(folder)
    imap.create(folder)
    after = _uidvalidity(imap, folder)
    assert after != before
    for n in (1, 2, 3):
        _append(imap, folder, _mail(address, n, run))
    imap.logout()

    records = await wait_for_records(
        infra.kafka_bootstrap, "message.received", _of(address), count=3, timeout=30, settle=4
    )
    assert sorted(r["provider_message_id"] for r in records) == sorted(f"<q{n}-{run}@example.test>" for n in (1, 2, 3))
    cursor = await db["email_cursors"].find_one({"_id": f"email:{address}"})
    assert cursor["uidvalidity"] == after and cursor["last_uid"] == 3 and cursor["folder"] == folder
    stack.stop("ingest")


def _uidvalidity(imap: imaplib.IMAP4, folder: str) -> int:
    _, data = imap.status(folder, "(UIDVALIDITY)")
    return int(data[0].decode().rsplit("UIDVALIDITY", 1)[1].strip(" )"))


def _append(imap: imaplib.IMAP4, folder: str, message: EmailMessage) -> None:
    # INTERNALDATE set by the server itself: GreenMail stores an APPEND date of 12:34 as 00:34 (measured), so between
    # noon and one o'clock UTC the mails looked older than the account and were rightly passed over.
    status, _ = imap.append(folder, None, None, message.as_bytes())
    assert status == "OK"


async def test_new_mail_is_read_at_once_while_the_reader_idles(services, infra: Infrastructure, channel_accounts):
    """GreenMail offers IDLE: with IDLE re-issued only every 2 minutes, a mail still arrives within seconds."""
    assert infra.mail is not None
    run = uuid.uuid4().hex[:8]
    address = f"it-{run}@demo.local"
    await _connect(channel_accounts, infra.mail, address)
    stack = services("ingest", **{**READER_ENV, "EMAIL_IDLE_SECONDS": "120", "EMAIL_POLL_SECONDS": "120"})
    _send(infra.mail, _mail(address, 1, run))
    await wait_for_records(infra.kafka_bootstrap, "message.received", _of(address), count=1, timeout=30)
    await asyncio.sleep(1)  # the reader is idling now
    sent_at = time.monotonic()
    _send(infra.mail, _mail(address, 2, run))
    records = await wait_for_records(infra.kafka_bootstrap, "message.received", _of(address), count=2, timeout=30)
    assert len(records) == 2 and time.monotonic() - sent_at < 15
    stack.stop("ingest")


async def test_an_idle_mailbox_waits_for_news_instead_of_polling(infra: Infrastructure):
    """After a pass over a folder with nothing new, IDLE waits until the server announces mail. SELECT's own
    `* n EXISTS` (the folder's size) once read as news: the reader then polled the server and MongoDB in a tight loop."""
    assert infra.mail is not None
    run = uuid.uuid4().hex[:8]
    address = f"it-{run}@demo.local"
    _send(infra.mail, _mail(address, 1, run))  # the folder is not empty, so SELECT answers `* 1 EXISTS`
    config = ImapConfig(infra.mail.imap_host, infra.mail.imap_port, "none", address, "any", timeout=10)
    mailbox = await ImaplibMailbox.open(config)
    try:
        assert mailbox.supports_idle
        assert (await mailbox.select("INBOX")).exists == 1
        assert [m.uid for m in await mailbox.metas(0)]
        waiting = asyncio.create_task(mailbox.wait_for_news(60))
        await asyncio.sleep(2)
        assert not waiting.done(), "returned with no news"
        _send(infra.mail, _mail(address, 2, run))
        await asyncio.wait_for(waiting, 15)  # the server's `* 2 EXISTS` ends the wait
        assert (await mailbox.select("INBOX")).exists == 2
    finally:
        await mailbox.close()
