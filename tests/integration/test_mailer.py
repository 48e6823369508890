"""dashboard-api's notification emails through the real local mail server: each sent once, over one SMTP session
kept between emails, and a session the server closed is opened again."""

import asyncio
import uuid

import pytest

from parley_dashboard.mailer import EMAIL_OUTBOX, Email, Mailer, SmtpSettings
from parley_devstack import Infrastructure
from tests.integration.test_mail_server import _wait_for_inbox

pytestmark = pytest.mark.integration

MANAGER = "manager@demo.local"


@pytest.fixture
async def mailer(infra: Infrastructure, db):
    assert infra.mail is not None
    settings = SmtpSettings(
        host=infra.mail.smtp_host,
        port=infra.mail.smtp_port,
        security="none",
        username=None,
        password=None,
        sender="parley@demo.local",
        timeout=10,
    )
    mailer = Mailer(db, settings)
    yield mailer
    mailer.close()


def _email(subject: str) -> Email:
    return Email(id=f"ntf_{uuid.uuid4().hex}", to=MANAGER, subject=subject, body="A customer asked for a person.")


async def _in_inbox(infra: Infrastructure, subject: str) -> None:
    assert infra.mail is not None
    await asyncio.to_thread(_wait_for_inbox, infra.mail, MANAGER, subject, 15)


async def test_emails_go_out_over_one_session_each_once(infra, db, mailer):
    first, second = _email(f"first {uuid.uuid4().hex[:8]}"), _email(f"second {uuid.uuid4().hex[:8]}")

    await mailer.send_once(first)
    session = mailer._session._client
    await mailer.send_once(second)
    await mailer.send_once(first)  # a replayed update: already sent, not mailed again

    assert session is not None and mailer._session._client is session
    await _in_inbox(infra, first.subject)
    await _in_inbox(infra, second.subject)
    outbox = {doc["_id"]: doc async for doc in db[EMAIL_OUTBOX].find({"_id": {"$in": [first.id, second.id]}})}
    assert {key: (doc["state"], doc["attempts"]) for key, doc in outbox.items()} == {
        first.id: ("sent", 1),
        second.id: ("sent", 1),
    }


async def test_a_session_the_server_ended_is_opened_again(infra, mailer):
    await mailer.send_once(_email(f"before {uuid.uuid4().hex[:8]}"))
    kept = mailer._session._client
    assert kept is not None
    await kept.quit()  # the server's side of the session is gone, as after its idle timeout

    after = _email(f"after {uuid.uuid4().hex[:8]}")
    await mailer.send_once(after)

    assert mailer._session._client is not kept
    await _in_inbox(infra, after.subject)


async def test_an_unreachable_server_is_recorded_on_the_outbox_entry(infra, db):
    settings = SmtpSettings(
        host="127.0.0.1", port=9, security="none", username=None, password=None, sender="p@demo.local", timeout=2
    )
    mailer = Mailer(db, settings)
    email = _email("never sent")

    await mailer.send_once(email)

    entry = await db[EMAIL_OUTBOX].find_one({"_id": email.id})
    assert entry["state"] == "failed" and entry["attempts"] == 1
    mailer.close()
