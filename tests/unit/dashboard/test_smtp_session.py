"""The kept SMTP session's decisions, with a stand-in for aiosmtplib's client (tests/integration/test_mailer.py sends
through the real mail server): when to open a session, when to try an email again, when to give up."""

from email.message import EmailMessage
from typing import ClassVar

import aiosmtplib
import pytest

from parley_dashboard import mailer as mailer_module
from parley_dashboard.mailer import SmtpSession, SmtpSettings

SETTINGS = SmtpSettings(host="mail", port=25, security="none", username=None, password=None, sender="p@x.io", timeout=5)


class FakeClient:
    """Connects, sends what it is given, or fails the way it was told to (once per planned failure)."""

    opened: ClassVar[list["FakeClient"]] = []
    failures: ClassVar[list[BaseException]] = []

    def __init__(self, **_: object) -> None:
        self.is_connected = False
        self.sent: list[str] = []
        FakeClient.opened.append(self)

    async def connect(self) -> None:
        self.is_connected = True

    async def send_message(self, message: EmailMessage) -> None:
        if FakeClient.failures:
            raise FakeClient.failures.pop(0)
        self.sent.append(str(message["Subject"]))

    def close(self) -> None:
        self.is_connected = False


@pytest.fixture(autouse=True)
def fake_smtp(monkeypatch):
    FakeClient.opened, FakeClient.failures = [], []
    monkeypatch.setattr(mailer_module.aiosmtplib, "SMTP", FakeClient)


def message(subject: str) -> EmailMessage:
    email = EmailMessage()
    email["Subject"] = subject
    return email


async def test_one_session_serves_every_email():
    session = SmtpSession(SETTINGS)

    await session.send(message("a"))
    await session.send(message("b"))

    assert [c.sent for c in FakeClient.opened] == [["a", "b"]]


async def test_a_kept_session_found_dropped_is_replaced_and_the_email_sent_once():
    session = SmtpSession(SETTINGS)
    await session.send(message("a"))
    FakeClient.failures = [aiosmtplib.SMTPServerDisconnected("gone")]

    await session.send(message("b"))

    assert [c.sent for c in FakeClient.opened] == [["a"], ["b"]]
    assert not FakeClient.opened[0].is_connected


async def test_a_fresh_session_that_drops_is_not_tried_again():
    session = SmtpSession(SETTINGS)
    FakeClient.failures = [aiosmtplib.SMTPServerDisconnected("gone")]

    with pytest.raises(aiosmtplib.SMTPServerDisconnected):
        await session.send(message("a"))

    assert len(FakeClient.opened) == 1


async def test_any_other_failure_closes_the_session_and_the_next_email_opens_one():
    session = SmtpSession(SETTINGS)
    await session.send(message("a"))
    FakeClient.failures = [aiosmtplib.SMTPRecipientsRefused([])]

    with pytest.raises(aiosmtplib.SMTPRecipientsRefused):
        await session.send(message("b"))
    await session.send(message("c"))

    assert [c.sent for c in FakeClient.opened] == [["a"], ["c"]]
