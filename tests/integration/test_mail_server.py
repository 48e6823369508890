"""The local mail server really delivers: what is sent over SMTP (how the dashboard-api emails managers) is
read back over IMAP (how an email channel will read mail). With auth disabled, the IMAP login is the
recipient's full address, with any password."""

import imaplib
import smtplib
import time
import uuid
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest

from parley_devstack import Infrastructure, MailServer

pytestmark = pytest.mark.integration

RECIPIENT = "someone@demo.local"


def test_mail_sent_over_smtp_is_in_the_recipients_imap_inbox(infra: Infrastructure):
    assert infra.mail is not None
    subject = f"Conversation needs a human ({uuid.uuid4().hex[:8]})"  # unique: the server lives all session
    body = "A customer asked for a person.\nOpen the dashboard to take over."
    sent = EmailMessage()
    sent["From"] = "parley@demo.local"
    sent["To"] = RECIPIENT
    sent["Subject"] = subject
    sent.set_content(body)
    with smtplib.SMTP(infra.mail.smtp_host, infra.mail.smtp_port, timeout=10) as smtp:
        smtp.send_message(sent)

    received = _wait_for_inbox(infra.mail, RECIPIENT, subject, timeout=15)

    assert received["Subject"] == subject
    assert received["To"] == RECIPIENT
    assert received.get_content().splitlines() == body.splitlines()  # the wire uses CRLF


def _wait_for_inbox(mail: MailServer, login: str, subject: str, timeout: float) -> EmailMessage:
    """Delivery is asynchronous to the SMTP reply: poll the INBOX until the message is there."""
    deadline = time.monotonic() + timeout
    while True:
        with imaplib.IMAP4(mail.imap_host, mail.imap_port, timeout=10) as imap:
            imap.login(login, "any password")
            imap.select("INBOX", readonly=True)
            _, found = imap.search(None, "SUBJECT", f'"{subject}"')
            if ids := found[0].split():
                _, data = imap.fetch(ids[-1], "(RFC822)")
                return message_from_bytes(data[0][1], policy=policy.default)
        if time.monotonic() > deadline:
            raise AssertionError(f"no mail {subject!r} in {login}'s INBOX after {timeout:.0f}s")
        time.sleep(0.2)
