"""A WhatsApp customer, played by the sandbox, talks to the whole running system."""

import uuid

import httpx
import pytest

from parley_contracts import Channel, thread_key
from parley_devstack.services import RunningStack
from tests.auth import login
from tests.kafka_helpers import eventually, wait_for_records

pytestmark = pytest.mark.e2e


def _customer() -> str:
    return "5215" + str(uuid.uuid4().int)[:9]


async def _say(
    http: httpx.AsyncClient, stack: RunningStack, wa_id: str, text: str, message_id: str | None = None
) -> dict:
    body = {"from": wa_id, "name": "Ana Test", "text": text}
    if message_id:
        body["message_id"] = message_id
    response = await http.post(stack.url("sandbox") + "/sandbox/whatsapp/messages", json=body)
    assert response.status_code == 200, response.text
    sent = response.json()
    assert sent["ingest_status"] == 200, sent
    return sent


async def _replies_to(http: httpx.AsyncClient, stack: RunningStack, wa_id: str) -> list[dict]:
    response = await http.get(stack.url("sandbox") + "/sandbox/sent", params={"channel": "whatsapp", "to": wa_id})
    response.raise_for_status()
    return response.json()["requests"]


def _text_of(recorded: dict) -> str:
    body = recorded["body"]
    return (body.get("text") or {}).get("body") or ((body.get("interactive") or {}).get("body") or {}).get("text", "")


async def test_hello_gets_a_reply_and_the_thread_holds_both_messages(stack: RunningStack, http: httpx.AsyncClient):
    wa_id = _customer()
    sent = await _say(http, stack, wa_id, "hello")

    replies = await eventually(lambda: _replies_to(http, stack, wa_id), timeout=45)
    assert len(replies) == 1, replies
    reply = replies[0]["body"]
    assert reply["to"] == wa_id
    assert reply["messaging_product"] == "whatsapp"
    assert _text_of(replies[0]).strip(), "the bot's reply has no text"

    api = stack.url("dashboard-api")
    headers = await login(http, api, "ana@demo.local")
    key = thread_key("demo", Channel.WHATSAPP, stack.env.get("WHATSAPP_PHONE_NUMBER_ID", "100000000000001"), wa_id)

    async def thread_listed() -> dict | None:
        page = (await http.get(api + "/api/threads", params={"channel": "whatsapp"}, headers=headers)).json()
        return next((t for t in page["items"] if t["thread_key"] == key), None)

    thread = await eventually(thread_listed, timeout=20)
    assert thread is not None and thread["contact"] == {"id": wa_id, "name": "Ana Test"}

    async def both_messages() -> list[dict] | None:
        page = (await http.get(f"{api}/api/threads/{key}/messages", headers=headers)).json()
        items = [m for m in page["items"] if m["type"] != "activity"]
        return items if len(items) >= 2 and items[-1].get("status") == "delivered" else None

    messages = await eventually(both_messages, timeout=20)
    assert messages is not None
    assert [m["author"] for m in messages] == ["customer", "bot"]
    assert messages[0]["text"] == "hello" and messages[0]["provider_message_id"] == sent["message_id"]
    assert messages[0]["analysis"]["language"] == "en"
    assert messages[1]["text"] == _text_of(replies[0])
    assert messages[1]["provider_message_id"] == replies[0]["message_id"]


async def test_a_retried_webhook_is_stored_once_and_answered_once(
    stack: RunningStack, http: httpx.AsyncClient, infra, db
):
    wa_id = _customer()
    first = await _say(http, stack, wa_id, "hola, buenos días")
    await _say(http, stack, wa_id, "hola, buenos días", message_id=first["message_id"])  # Meta retries

    await eventually(lambda: _replies_to(http, stack, wa_id), timeout=45)
    # Give a duplicate every chance to produce a second reply before counting.
    analyzed = await wait_for_records(
        infra.kafka_bootstrap,
        "message.status",
        lambda v: v.get("thread_key") == thread_key("demo", Channel.WHATSAPP, "100000000000001", wa_id),
        timeout=30,
        settle=3,
    )
    assert analyzed, "no delivery status was published"
    assert len(await _replies_to(http, stack, wa_id)) == 1
    stored = await db["messages"].count_documents({"provider_message_id": first["message_id"]})
    assert stored == 1


async def test_unsigned_and_malformed_webhooks_are_refused(stack: RunningStack, http: httpx.AsyncClient):
    url = stack.url("ingest") + "/webhooks/whatsapp"
    unsigned = await http.post(url, content=b'{"object":"whatsapp_business_account","entry":[]}')
    assert unsigned.status_code == 401
    assert "X-Hub-Signature-256" in unsigned.json()["detail"]
    verify = await http.get(url, params={"hub.mode": "subscribe", "hub.verify_token": "wrong", "hub.challenge": "42"})
    assert verify.status_code == 403
    ok = await http.get(
        url, params={"hub.mode": "subscribe", "hub.verify_token": "sandbox-verify-token", "hub.challenge": "1158201444"}
    )
    assert ok.status_code == 200 and ok.text == "1158201444"
