"""All of WhatsApp through the whole running system (issue 9, part 5): every message type Meta documents is
stored with its content, none gets "I'd rather not guess"; a reaction lands on the message it is about, an edit
changes it; what only a person can handle goes to one with a holding message; a customer's photo is downloaded
and served to operators; customer messages are marked read; `played` is accepted; a delivery for a phone
number nobody connected makes no thread and is an admin's dead letter; a customer known only by a
business-scoped user id gets a thread. Payloads: tests/e2e/whatsapp_webhooks.py (Meta's documented examples)."""

import base64
from typing import Any

import httpx
import pytest

from parley_contracts import Channel, inbound_media_id, thread_key
from parley_devstack.services import RunningStack
from tests.auth import KEY, login
from tests.customers import ACCOUNT, customer, png
from tests.e2e import whatsapp_webhooks as wa
from tests.kafka_helpers import eventually, wait_for_records

pytestmark = pytest.mark.e2e

NOT_GUESSING = ("guess", "adivinar", "chutar")  # "I don't want to guess", in the holding messages' languages


async def _post(http: httpx.AsyncClient, stack: RunningStack, body: dict[str, Any]) -> None:
    """A signed webhook, as Meta posts it, through the sandbox."""
    response = await http.post(stack.url("sandbox") + "/sandbox/whatsapp/raw", json={"body": body})
    assert response.status_code == 200 and response.json()["ingest_status"] == 200, response.text


async def _say(http: httpx.AsyncClient, stack: RunningStack, body: dict[str, Any]) -> dict:
    response = await http.post(stack.url("sandbox") + "/sandbox/whatsapp/messages", json=body)
    assert response.status_code == 200 and response.json()["ingest_status"] == 200, response.text
    return response.json()


async def _sent_to(http: httpx.AsyncClient, stack: RunningStack, wa_id: str) -> list[dict]:
    response = await http.get(stack.url("sandbox") + "/sandbox/sent", params={"channel": "whatsapp", "to": wa_id})
    return response.json()["requests"]


def _text(sent: dict) -> str:
    return ((sent["body"].get("text") or {}).get("body")) or ""


async def _transcript(http: httpx.AsyncClient, stack: RunningStack, wa_id: str) -> list[dict]:
    return (await http.get(stack.url("sandbox") + f"/sandbox/whatsapp/conversations/{wa_id}")).json()["messages"]


async def test_every_message_type_is_kept_and_none_is_guessed_at(stack: RunningStack, http: httpx.AsyncClient, infra):
    wa_id = customer()
    key = thread_key("demo", Channel.WHATSAPP, ACCOUNT, wa_id)
    api = stack.url("dashboard-api")
    ana = await login(http, api, "ana@demo.local")

    async def messages() -> list[dict]:
        page = await http.get(f"{api}/api/threads/{key}/messages", params={"page_size": 200}, headers=ana)
        return page.json()["items"] if page.status_code == 200 else []

    hello = await _say(http, stack, {"from": wa_id, "name": "Sheena Nelson", "text": "hello"})
    replies = await eventually(lambda: _sent_to(http, stack, wa_id), timeout=45)
    assert len(replies) == 1, replies
    bot_wamid = replies[0]["message_id"]

    async def hello_read() -> bool:
        return any(
            m["wamid"] == hello["message_id"] and m["status"] == "read" for m in await _transcript(http, stack, wa_id)
        )

    assert await eventually(hello_read, timeout=20), "the customer's message was not marked read at the sandbox"

    # What the bot never answers: a reaction to its reply, a sticker, a notice, an edit, a type Meta cannot show.
    for message in (
        wa.reaction(bot_wamid),
        wa.STICKER,
        wa.system_notice(wa_id),
        wa.edit(hello["message_id"], "hello there"),
        wa.UNSUPPORTED,
    ):
        await _post(http, stack, wa.delivery(wa_id, message))
    # What only a person can handle: handed over at once, with a holding message (and nothing guessed).
    await _post(http, stack, wa.delivery(wa_id, wa.LOCATION))

    async def two_sends() -> list[dict] | None:
        sent = await _sent_to(http, stack, wa_id)
        return sent if len(sent) >= 2 else None

    holding = await eventually(two_sends, timeout=45)
    assert holding is not None and len(holding) == 2, holding
    assert _text(holding[1]).startswith("Thanks, got it."), _text(holding[1])

    # With a person now, the rest is only stored: a contact card, an order, a photo with a caption.
    await _post(http, stack, wa.delivery(wa_id, wa.CONTACTS))
    order = wa.delivery(wa_id, wa.ORDER)
    await _post(http, stack, order)
    # … and the customer deletes the order for everyone: gone, but the line stays ("deleted").
    order_wamid = order["entry"][0]["changes"][0]["value"]["messages"][0]["id"]
    await _post(http, stack, wa.delivery(wa_id, wa.revoke(order_wamid)))
    photo = png(8, 8)
    uploaded = await http.post(
        stack.url("sandbox") + "/sandbox/whatsapp/media",
        json={"mime_type": "image/png", "data_base64": base64.b64encode(photo).decode(), "filename": "shoe.png"},
    )
    assert uploaded.status_code == 200, uploaded.text
    media = {"kind": "image", "id": uploaded.json()["id"], "caption": "is this one in stock?"}
    await _say(http, stack, {"from": wa_id, "media": media})

    media_id = inbound_media_id(Channel.WHATSAPP, ACCOUNT, uploaded.json()["id"])

    async def downloaded() -> bytes | None:
        response = await http.get(f"{api}/api/media/{media_id}", headers=ana)
        return response.content if response.status_code == 200 else None

    assert await eventually(downloaded, timeout=30) == photo

    # Meta's `played` (a voice message listened to) is a status like `read`, never a refused delivery.
    await _post(http, stack, wa.status_delivery(wa_id, bot_wamid, "played"))

    expected = {
        "text",
        "reaction",
        "sticker",
        "system",
        "edit",
        "unsupported",
        "location",
        "contacts",
        "order",
        "delete",
        "image",
    }

    async def all_stored() -> list[dict] | None:
        items = await messages()
        bot = next((m for m in items if m.get("provider_message_id") == bot_wamid), None)
        order_gone = any(m["type"] == "order" and m["data"].get("deleted_at") for m in items)
        done = expected <= {m["type"] for m in items} and bot is not None and bot.get("status") == "read" and order_gone
        return items if done and bot.get("data", {}).get("reactions") else None

    items = await eventually(all_stored, timeout=45)
    assert items, await messages()
    bot = next(m for m in items if m["provider_message_id"] == bot_wamid)
    assert [(r["by"], r["emoji"]) for r in bot["data"]["reactions"]] == [(wa_id, "\U0001f44d")]
    first = next(m for m in items if m["provider_message_id"] == hello["message_id"])
    assert first["text"] == "hello there" and [e["text"] for e in first["data"]["edits"]] == ["hello"]
    image = next(m for m in items if m["type"] == "image")
    assert image["media"][0]["media_id"] == media_id and image["text"] == "is this one in stock?"
    by_type = {m["type"]: m for m in items if m["author"] == "customer"}
    assert by_type["order"]["text"] == "" and set(by_type["order"]["data"]) == {"deleted_at"}
    assert by_type["contacts"]["text"] == "Barbara J. Johnson" and by_type["location"]["data"]["latitude"] == 37.483307
    assert by_type["unsupported"]["data"]["errors"][0]["code"] == 131051

    thread = (await http.get(f"{api}/api/threads/{key}", headers=ana)).json()
    assert thread["handoff_reason"] == "needs_person"

    # Nothing more was said: the bot's answer to "hello" and the one holding message, no guessing anywhere.
    await wait_for_records(
        infra.kafka_bootstrap, "message.analyzed", lambda v: v.get("thread_key") == key, count=11, timeout=30, settle=2
    )
    sent = await _sent_to(http, stack, wa_id)
    assert len(sent) == 2, [_text(s) for s in sent]
    assert not any(word in _text(s).lower() for s in sent for word in NOT_GUESSING)


async def test_a_delivery_for_a_number_nobody_connected_makes_no_thread_and_is_a_dead_letter(
    stack: RunningStack, http: httpx.AsyncClient
):
    wa_id, stranger = customer(), "109999999999999"
    body = wa.delivery(wa_id, {"type": "text", "text": {"body": "hello?"}}, phone_number_id=stranger)
    await _post(http, stack, body)
    api = stack.url("dashboard-api")

    async def letter() -> dict | None:
        page = (await http.get(f"{api}/api/dead-letters", params={"topic": "message.received"}, headers=KEY)).json()
        return next((item for item in page["items"] if stranger in item["error"]), None)

    found = await eventually(letter, timeout=30)
    assert found is not None and found["service"] == "ingest" and found["tenant"] is None
    for tenant in ("demo",):
        missing = await http.get(
            f"{api}/api/threads/{thread_key(tenant, Channel.WHATSAPP, stranger, wa_id)}", headers=KEY
        )
        assert missing.status_code == 404
    assert await _sent_to(http, stack, wa_id) == []


async def test_a_customer_known_only_by_a_business_scoped_user_id_gets_a_thread(
    stack: RunningStack, http: httpx.AsyncClient
):
    bsuid = "US.1" + customer()
    body = wa.delivery("0", {"type": "text", "text": {"body": "hello"}})
    value = body["entry"][0]["changes"][0]["value"]
    value["contacts"] = [{"profile": {"name": "Bob", "username": "@bob"}, "user_id": bsuid}]
    message = value["messages"][0]
    del message["from"]
    message["from_user_id"] = bsuid
    await _post(http, stack, body)
    api = stack.url("dashboard-api")
    key = thread_key("demo", Channel.WHATSAPP, ACCOUNT, bsuid)

    async def thread() -> dict | None:
        response = await http.get(f"{api}/api/threads/{key}", headers=KEY)
        return response.json() if response.status_code == 200 else None

    found = await eventually(thread, timeout=30)
    assert found is not None and found["contact"] == {"id": bsuid, "name": "Bob"}
