"""Messenger and Instagram customers, played by the sandbox, talk to the whole running system: the bot answers,
a person takes over and answers (with an image), taps and postbacks arrive as choices, files come in, retried
webhooks are answered once, bad requests are refused, and Meta's HUMAN_AGENT rule holds (an operator may answer
for 7 days, tagged; the bot only within 24 hours)."""

import asyncio
import time
import uuid

import httpx
import pytest

from parley_contracts import Channel, thread_key
from parley_devstack.services import RunningStack
from tests.auth import login
from tests.customers import SandboxCustomer, png, thread_messages
from tests.kafka_helpers import eventually

pytestmark = pytest.mark.e2e

PAGE_ID = "300000000000001"  # the sandbox's page and Instagram account (demo_channel_accounts.json)
IG_ID = "400000000000001"


class MetaCustomer(SandboxCustomer):
    """A Messenger or Instagram user, through the sandbox's customer API."""

    def __init__(self, http: httpx.AsyncClient, stack: RunningStack, channel: str) -> None:
        self.http, self.sandbox, self.channel = http, stack.url("sandbox"), channel
        self.id = "7" + str(uuid.uuid4().int)[:15]
        account = PAGE_ID if channel == "messenger" else IG_ID
        self.thread_key = thread_key("demo", Channel(channel), account, self.id)

    async def does(self, **event) -> dict:
        response = await self.http.post(
            f"{self.sandbox}/sandbox/{self.channel}/messages", json={"from": self.id, **event}
        )
        assert response.status_code == 200 and response.json()["ingest_status"] == 200, response.text
        return response.json()

    async def say(self, text: str, **extra) -> dict:
        return await self.does(text=text, **extra)

    async def received(self) -> list[dict]:
        response = await self.http.get(f"{self.sandbox}/sandbox/{self.channel}/conversations/{self.id}")
        return [m for m in response.json()["messages"] if m["author"] == "business" and m["status"] == "sent"]


async def _thread(http, api, headers, key, ready=lambda t: True) -> dict | None:
    response = await http.get(f"{api}/api/threads/{key}", headers=headers)
    if response.status_code != 200:
        return None
    thread = response.json()
    return thread if ready(thread) else None


@pytest.mark.parametrize("channel", ["messenger", "instagram"])
async def test_a_greeting_gets_a_bot_reply(stack: RunningStack, http: httpx.AsyncClient, channel: str):
    customer = MetaCustomer(http, stack, channel)
    sent = await customer.say("hello")
    [reply] = await customer.wait_for(1)
    assert reply["text"] and reply["messaging_type"] == "RESPONSE" and reply["tag"] is None

    api = stack.url("dashboard-api")
    ana = await login(http, api, "ana@demo.local")

    async def both() -> list[dict] | None:
        items = await thread_messages(http, api, customer.thread_key, ana)
        return items if len(items) >= 2 else None

    messages = await eventually(both, timeout=20)
    assert messages is not None
    assert [m["author"] for m in messages] == ["customer", "bot"]
    assert messages[0]["provider_message_id"] == sent["message_id"] and messages[0]["text"] == "hello"
    assert messages[1]["provider_message_id"] == reply["message_id"]
    if channel == "messenger":  # Messenger's delivery receipt comes back as the bot message's status
        delivered = await eventually(
            lambda: _delivered(http, api, ana, customer.thread_key, reply["message_id"]), timeout=20
        )
        assert delivered, "the delivery receipt did not reach the thread"


async def _delivered(http, api, headers, key, mid) -> bool:
    return any(
        m["provider_message_id"] == mid and m["status"] == "delivered"
        for m in await thread_messages(http, api, key, headers)
    )


async def test_a_handoff_and_an_operators_reply_reach_the_messenger_customer(stack: RunningStack, http):
    api = stack.url("dashboard-api")
    ana = await login(http, api, "ana@demo.local")
    customer = MetaCustomer(http, stack, "messenger")
    await customer.say("I want to talk to a real person, please")
    [holding] = await customer.wait_for(1)
    assert "person from our team" in holding["text"]
    thread = await eventually(
        lambda: _thread(http, api, ana, customer.thread_key, lambda t: t["status"] == "needs_human"), timeout=30
    )
    assert thread is not None and thread["handoff_reason"] == "customer_asked"

    image = png()
    answered = await http.post(
        f"{api}/api/threads/{customer.thread_key}/messages",
        data={"text": "Hi, I'm Ana. Here is our store map."},
        files=[("files", ("map.png", image, "image/png"))],
        headers=ana,
    )
    assert answered.status_code == 200, answered.text
    _, text, picture = await customer.wait_for(3)
    assert text["text"] == "Hi, I'm Ana. Here is our store map." and text["tag"] is None
    assert picture["type"] == "image"
    assert (await http.get(stack.url("sandbox") + picture["attachment"]["url"])).content == image


@pytest.mark.parametrize("channel", ["messenger", "instagram"])
async def test_a_quick_reply_and_a_postback_arrive_as_choices(stack: RunningStack, http, channel: str):
    api = stack.url("dashboard-api")
    ana = await login(http, api, "ana@demo.local")
    customer = MetaCustomer(http, stack, channel)
    await customer.say("hello")
    await customer.wait_for(1)
    await customer.does(quick_reply={"payload": "YES", "title": "Yes"})
    await customer.does(postback={"payload": "TALK_TO_HUMAN", "title": "Talk to a person"})

    async def choices() -> list[dict] | None:
        found = [m for m in await thread_messages(http, api, customer.thread_key, ana) if m["type"] == "button_reply"]
        return found if len(found) >= 2 else None

    found = await eventually(choices, timeout=30)
    assert found is not None
    assert [(m["text"], m["data"]["payload"]) for m in found] == [("Yes", "YES"), ("Talk to a person", "TALK_TO_HUMAN")]


@pytest.mark.parametrize("channel", ["messenger", "instagram"])
async def test_an_attachment_comes_in_as_a_file_reference(stack: RunningStack, http, channel: str):
    api = stack.url("dashboard-api")
    ana = await login(http, api, "ana@demo.local")
    customer = MetaCustomer(http, stack, channel)
    await customer.does(attachment={"type": "image", "filename": "receipt.png"})

    async def the_image() -> dict | None:
        return next(
            (m for m in await thread_messages(http, api, customer.thread_key, ana) if m["type"] == "image"), None
        )

    message = await eventually(the_image, timeout=30)
    assert message is not None
    [media] = message["media"]
    assert media["kind"] == "image" and media["media_id"].startswith("med_in_")
    assert media["provider_media_id"].startswith(stack.url("sandbox") + "/sandbox/media/")
    assert (await http.get(media["provider_media_id"])).content.startswith(b"\x89PNG")


async def test_instagram_story_replies_and_mentions_are_kept(stack: RunningStack, http):
    api = stack.url("dashboard-api")
    ana = await login(http, api, "ana@demo.local")
    customer = MetaCustomer(http, stack, "instagram")
    await customer.say("love this look!", story_reply={"id": "17900000000000042"})
    await customer.does(story_mention=True)

    async def both() -> list[dict] | None:
        items = [m for m in await thread_messages(http, api, customer.thread_key, ana) if m["author"] == "customer"]
        return items if len(items) >= 2 else None

    reply, mention = await eventually(both, timeout=30)
    assert reply["text"] == "love this look!" and reply["data"]["story_reply"]["id"] == "17900000000000042"
    assert mention["type"] == "story_mention" and mention["data"]["story_mention"]["url"]


async def test_the_same_webhook_twice_is_answered_once(stack: RunningStack, http):
    api = stack.url("dashboard-api")
    ana = await login(http, api, "ana@demo.local")
    customer = MetaCustomer(http, stack, "messenger")
    first = await customer.say("hello")
    again = await customer.say("hello", message_id=first["message_id"])  # Meta retries
    assert again["retry"]
    await customer.wait_for(1)
    await asyncio.sleep(3)  # every chance for a duplicate answer
    assert len(await customer.received()) == 1
    inbound = [m for m in await thread_messages(http, api, customer.thread_key, ana) if m["author"] == "customer"]
    assert len(inbound) == 1


@pytest.mark.parametrize("channel", ["messenger", "instagram"])
async def test_unsigned_badly_signed_and_malformed_webhooks_are_refused(stack: RunningStack, http, channel: str):
    sandbox = f"{stack.url('sandbox')}/sandbox/{channel}/raw"
    body = {"object": "page" if channel == "messenger" else "instagram", "entry": []}
    unsigned = await http.post(sandbox, json={"body": body, "signature": "absent"})
    badly = await http.post(sandbox, json={"body": body, "signature": "invalid"})
    malformed = await http.post(sandbox, json={"body": '{"object": "page", "entry": ', "signature": "valid"})
    assert [r.json()["ingest_status"] for r in (unsigned, badly, malformed)] == [401, 401, 400]
    url = f"{stack.url('ingest')}/webhooks/{channel}"
    ok = await http.get(
        url, params={"hub.mode": "subscribe", "hub.verify_token": "sandbox-verify-token", "hub.challenge": "1158201444"}
    )
    assert ok.status_code == 200 and ok.text == "1158201444"
    wrong = await http.get(url, params={"hub.mode": "subscribe", "hub.verify_token": "no", "hub.challenge": "1"})
    assert wrong.status_code == 403


@pytest.mark.parametrize("channel", ["messenger", "instagram"])
async def test_after_24_hours_only_a_person_answers_tagged_human_agent(stack: RunningStack, http, channel: str):
    api = stack.url("dashboard-api")
    ana = await login(http, api, "ana@demo.local")
    customer = MetaCustomer(http, stack, channel)
    await customer.say("I want to talk to a real person, please", timestamp=_now() - 30 * 3600)
    thread = await eventually(lambda: _thread(http, api, ana, customer.thread_key), timeout=30)
    assert thread is not None
    await asyncio.sleep(2)
    assert await customer.received() == []  # the bot is past its 24 hours: nothing was sent

    answered = await http.post(
        f"{api}/api/threads/{customer.thread_key}/messages", json={"text": "Sorry for the wait!"}, headers=ana
    )
    assert answered.status_code == 200, answered.text
    [reply] = await customer.wait_for(1)
    assert reply["text"] == "Sorry for the wait!"
    assert (reply["messaging_type"], reply["tag"]) == ("MESSAGE_TAG", "HUMAN_AGENT")


@pytest.mark.parametrize("channel", ["messenger", "instagram"])
async def test_after_7_days_nobody_may_answer(stack: RunningStack, http, channel: str):
    api = stack.url("dashboard-api")
    ana = await login(http, api, "ana@demo.local")
    customer = MetaCustomer(http, stack, channel)
    await customer.say("hello, anyone?", timestamp=_now() - 8 * 24 * 3600)
    assert await eventually(lambda: _thread(http, api, ana, customer.thread_key), timeout=30)
    refused = await http.post(f"{api}/api/threads/{customer.thread_key}/messages", json={"text": "Hi!"}, headers=ana)
    assert refused.status_code == 409, refused.text
    assert "human-agent window closed" in refused.json()["detail"]


def _now() -> int:
    return int(time.time())
