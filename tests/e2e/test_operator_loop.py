"""Operators take over, through the whole running system: a WhatsApp customer (the sandbox) asks for a person,
the thread is assigned by workload and the team is told (in-app, and by email through the local mail server),
an operator answers with text and an image, the bot stays silent, hands back, resolves, and the customer
comes back. Then the idle timeout, WhatsApp's 24-hour window, and who may do what."""

import asyncio
import email
import imaplib
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest

from parley_devstack import Infrastructure
from parley_devstack.services import RunningStack
from tests.auth import login
from tests.customers import Phone, customer, png
from tests.kafka_helpers import eventually
from tests.stack import running_stack

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def stack(infra: Infrastructure, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningStack]:
    # Timers every half second, so the idle timeout can be seen in a test.
    with running_stack(
        infra, tmp_path_factory.mktemp("operator-loop"), ROUTER_TIMER_SECONDS="0.5", ROSTER_REFRESH_SECONDS="0"
    ) as running:
        yield running


def mail_for(infra: Infrastructure, address: str, subject_part: str) -> email.message.Message | None:
    """A message in `address`'s INBOX on the local mail server (any password works there)."""
    with imaplib.IMAP4(infra.mail.imap_host, infra.mail.imap_port) as imap:
        imap.login(address, "any")
        imap.select("INBOX")
        _, found = imap.search(None, "ALL")
        for number in found[0].split():
            _, data = imap.fetch(number, "(RFC822)")
            message = email.message_from_bytes(data[0][1])
            if subject_part in message["Subject"]:
                return message
    return None


async def test_the_whole_loop(stack: RunningStack, http: httpx.AsyncClient, infra: Infrastructure):
    api = stack.url("dashboard-api")
    ana = await login(http, api, "ana@demo.local")  # logging in puts Ana online
    ben = await login(http, api, "ben@demo.local")
    await http.put(api + "/api/me/availability", json={"availability": "away"}, headers=ben)
    phone = Phone(http, stack, customer())

    # 1. The customer asks for a person: the bot says so, steps aside, the thread goes to Ana by workload.
    await phone.say("I want to talk to a real person, please")
    [holding] = await phone.wait_for(1)
    assert "person from our team" in holding["text"]
    thread = await eventually(
        lambda: _thread(http, api, ana, phone.thread_key, lambda t: t["assignee"] is not None), timeout=30
    )
    assert thread["status"] == "needs_human" and thread["assignee"]["name"] == "Ana Lima"
    assert thread["handoff_reason"] == "customer_asked"
    mine = (await http.get(api + "/api/threads", params={"view": "mine"}, headers=ana)).json()
    assert phone.thread_key in [t["thread_key"] for t in mine["items"]]

    # 2. Ana is notified in the app; the admin (a manager) by email, through the real mail server.
    notes = await eventually(
        lambda: _notifications(http, api, ana, lambda n: n["thread_key"] == phone.thread_key), timeout=20
    )
    assert notes[0]["kind"] == "assigned" and notes[0]["title"] == "Carla Souza was assigned to you"
    mail = await eventually(lambda: mail_for(infra, "admin@demo.local", "Carla Souza needs a person"), timeout=30)
    assert mail is not None, "no email reached the manager"
    body = mail.get_payload(decode=True).decode()
    assert "Assigned to Ana Lima" in body and phone.thread_key in body and "I want to talk to a real person" in body

    # 3. Ana answers with text and an image; the customer sees both; the thread shows who answered.
    image = png()
    answered = await http.post(
        f"{api}/api/threads/{phone.thread_key}/messages",
        data={"text": "Hi Carla, I'm Ana. Here is our store map."},
        files=[("files", ("map.png", image, "image/png"))],
        headers=ana,
    )
    assert answered.status_code == 200, answered.text
    assert answered.json()["thread"]["status"] == "human"
    _, shown = await phone.wait_for(2)
    assert shown["type"] == "image" and shown["text"] == "Hi Carla, I'm Ana. Here is our store map."
    picture = await http.get(stack.url("sandbox") + shown["media"]["url"])
    assert picture.content == image
    messages = (await http.get(f"{api}/api/threads/{phone.thread_key}/messages", headers=ana)).json()["items"]
    operator = [m for m in messages if m["author"] == "operator"]
    assert [(m["author_name"], m["type"]) for m in operator] == [("Ana Lima", "image")]

    # 4. While Ana holds the thread, the bot stays silent.
    await phone.say("are you still there?")
    await eventually(lambda: _thread(http, api, ana, phone.thread_key, lambda t: t["message_count"] == 4))
    await asyncio.sleep(3)
    assert len(await phone.received()) == 2

    # 5. Ana hands back: the bot answers the next message.
    back = await http.post(f"{api}/api/threads/{phone.thread_key}/actions/hand_back", headers=ana)
    assert back.status_code == 200 and back.json()["thread"]["status"] == "bot"
    await phone.say("hello")
    assert len(await phone.wait_for(3)) == 3

    # 6. Resolved; the customer writes again; the thread reopens with its history.
    resolved = await http.post(f"{api}/api/threads/{phone.thread_key}/actions/resolve", headers=ana)
    assert resolved.json()["thread"]["status"] == "resolved"
    await phone.say("one more thing")
    reopened = await eventually(
        lambda: _thread(
            http, api, ana, phone.thread_key, lambda t: t["status"] != "resolved" and t["message_count"] >= 7
        )
    )
    assert reopened is not None, "the customer's message did not reopen the thread"
    timeline = [
        m["text"]
        for m in (await http.get(f"{api}/api/threads/{phone.thread_key}/messages", headers=ana)).json()["items"]
    ]
    assert timeline[0] == "I want to talk to a real person, please" and "Reopened: the customer wrote again" in timeline


async def test_an_operator_takes_over_a_bot_thread_at_any_time(stack, http):
    api = stack.url("dashboard-api")
    ben = await login(http, api, "ben@demo.local")
    phone = Phone(http, stack, customer())
    await phone.say("hello")
    await phone.wait_for(1)
    took = await http.post(f"{api}/api/threads/{phone.thread_key}/actions/take_over", headers=ben)
    assert took.status_code == 200 and took.json()["thread"]["assignee"]["name"] == "Ben Okafor"
    await phone.say("what are your opening hours?")
    await asyncio.sleep(3)
    assert len(await phone.received()) == 1


async def test_outside_the_24_hour_window_only_a_template_goes_out(stack, http):
    api = stack.url("dashboard-api")
    ana = await login(http, api, "ana@demo.local")
    phone = Phone(http, stack, customer())
    await phone.say("I wrote this yesterday", hours_ago=25)  # Meta delivers late, or the team was away
    thread = await eventually(lambda: _thread(http, api, ana, phone.thread_key, lambda t: t["message_count"] >= 1))
    assert datetime.fromisoformat(thread["reply_window_closes_at"]) < datetime.now(UTC)
    await asyncio.sleep(2)
    assert await phone.received() == []  # the bot's reply would have failed at Meta: it was not sent

    refused = await http.post(f"{api}/api/threads/{phone.thread_key}/messages", json={"text": "Hi!"}, headers=ana)
    assert refused.status_code == 409
    assert "24-hour customer-service window closed" in refused.json()["detail"]
    # The console's template picker: the account's approved templates, as the provider lists them.
    offered = await http.get(f"{api}/api/templates", headers=ana)
    assert offered.status_code == 200, offered.text
    follow_up = next(t for t in offered.json() if (t["name"], t["language"]) == ("conversation_follow_up", "en"))
    assert follow_up["parameters"] == 1 and "{{1}}" in follow_up["body"]
    template = {"template": {"name": "conversation_follow_up", "language": "en", "parameters": ["Carla"]}}
    sent = await http.post(f"{api}/api/threads/{phone.thread_key}/messages", json=template, headers=ana)
    assert sent.status_code == 200, sent.text
    [shown] = await phone.wait_for(1)
    assert shown["type"] == "template" and "Hi Carla" in shown["text"] and shown["status"] != "failed"


async def test_who_may_do_what(stack, http, db):
    api = stack.url("dashboard-api")
    ana = await login(http, api, "ana@demo.local")
    admin = await login(http, api, "admin@demo.local")
    assert (await http.get(api + "/api/threads")).status_code == 401
    other = {
        "_id": "th_e2e_other_unit",
        "tenant": "aurora",
        "channel": "whatsapp",
        "account_id": "1",
        "contact": {"id": "1", "name": "Other"},
        "status": "bot",
        "created_at": datetime.now(UTC),
        "updated_at": datetime.now(UTC),
    }
    await db["threads"].insert_one(other)
    assert (await http.get(api + "/api/threads/th_e2e_other_unit", headers=ana)).status_code == 404
    assert (await http.get(api + "/api/threads/th_e2e_other_unit", headers=admin)).status_code == 404  # admin of demo
    bot = await http.put(api + "/api/tenants/demo/bot-config", json={"handoff_threshold": 0.9}, headers=ana)
    assert bot.status_code == 403
    email_ = f"locked-{uuid.uuid4().hex[:6]}@demo.local"
    account = {"email": email_, "name": "Locked", "tenants": ["demo"], "password": "a-good-password"}
    assert (await http.post(api + "/api/operators", json=account, headers=admin)).status_code == 201
    statuses = [
        (await http.post(api + "/api/auth/login", json={"email": email_, "password": "wrong guess"})).status_code
        for _ in range(6)
    ]
    assert statuses == [401] * 5 + [429]


async def test_a_silent_conversation_is_resolved_by_the_system(stack, http):
    api = stack.url("dashboard-api")
    admin = await login(http, api, "admin@demo.local")
    before = (await http.get(api + "/api/business-units/demo", headers=admin)).json()
    short = {k: before[k] for k in ("name", "logo_url", "max_open_per_operator", "email_managers")}
    assert (
        await http.put(api + "/api/business-units/demo", json={**short, "idle_timeout_seconds": 3}, headers=admin)
    ).status_code == 200
    try:
        phone = Phone(http, stack, customer())
        await phone.say("hello")
        await phone.wait_for(1)
        resolved = await eventually(
            lambda: _thread(http, api, admin, phone.thread_key, lambda t: t["status"] == "resolved"), timeout=30
        )
        assert resolved["assignee"] is None
        notes = [
            m["text"]
            for m in (await http.get(f"{api}/api/threads/{phone.thread_key}/messages", headers=admin)).json()["items"]
            if m["type"] == "activity"
        ]
        assert notes == ["Resolved after no customer message for 3 s"]
    finally:
        restore = {**short, "idle_timeout_seconds": before["idle_timeout_seconds"]}
        await http.put(api + "/api/business-units/demo", json=restore, headers=admin)


async def _thread(http, api, headers, key, ready) -> dict | None:
    response = await http.get(f"{api}/api/threads/{key}", headers=headers)
    if response.status_code != 200:
        return None
    thread = response.json()
    return thread if ready(thread) else None


async def _notifications(http, api, headers, match) -> list[dict] | None:
    items = (await http.get(api + "/api/notifications", headers=headers)).json()["items"]
    return [n for n in items if match(n)] or None
