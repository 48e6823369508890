"""Meta's 24 h customer-service window: a free-form send outside it is accepted, then failed with 131047."""

import asyncio
import hashlib
import hmac
from typing import Any

import httpx

from parley_sandbox.app import create_app
from parley_sandbox.state import SandboxState
from tests.unit.sandbox.sandbox_fakes import (
    APP_SECRET,
    AUTH,
    GRAPH_URL,
    NOW,
    FakeIngest,
    Sandbox,
    make_settings,
    status_items,
    template_body,
    text_body,
)

WA_ID = "5491155550001"
HOUR = 3600
REENGAGEMENT = {
    "code": 131047,
    "title": "Re-engagement message",
    "message": "Re-engagement message",
    "error_data": {
        "details": "Message failed to send because more than 24 hours have passed since the customer last "
        "replied to this number."
    },
    "href": "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
}


async def _customer_writes(client: httpx.AsyncClient, hours_ago: float, **extra: Any) -> str:
    body = {"from": WA_ID, "text": "hello", "timestamp": int(NOW - hours_ago * HOUR), **extra}
    response = await client.post("/sandbox/whatsapp/messages", json=body)
    assert response.status_code == 200, response.text
    return response.json()["message_id"]


async def _send(client: httpx.AsyncClient, state: SandboxState, body: dict[str, Any]) -> str:
    response = await client.post(GRAPH_URL, headers=AUTH, json=body)
    assert response.status_code == 200, response.text
    async with asyncio.timeout(5):
        await state.drain()
    return response.json()["messages"][0]["id"]


def _statuses(ingest: FakeIngest) -> list[tuple[str, str]]:
    return [(s["id"], s["status"]) for s in status_items(ingest.posts())]


async def test_a_send_25_hours_after_the_customer_wrote_is_accepted_then_failed(
    make_sandbox: Sandbox, ingest: FakeIngest
) -> None:
    client, state = make_sandbox(enforce_window=True, sandbox_status_delay_seconds=0)  # status webhooks off
    await _customer_writes(client, hours_ago=25)

    wamid = await _send(client, state, text_body(to=WA_ID))

    [status] = status_items(ingest.posts())
    assert status == {
        "id": wamid,
        "status": "failed",
        "timestamp": str(int(NOW)),
        "recipient_id": WA_ID,
        "errors": [REENGAGEMENT],
    }
    post = ingest.posts()[-1]
    expected = "sha256=" + hmac.new(APP_SECRET.encode(), post.content, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(post.headers["x-hub-signature-256"], expected)
    assert (await client.get("/sandbox/sent", params={"to": WA_ID})).json()["requests"][0]["message_id"] == wamid

    transcript = (await client.get(f"/sandbox/whatsapp/conversations/{WA_ID}")).json()["messages"]
    assert [(m["author"], m["status"]) for m in transcript] == [("customer", "received"), ("business", "failed")]
    assert transcript[1]["error"] == REENGAGEMENT


async def test_outside_the_window_no_sent_or_delivered_is_posted(make_sandbox: Sandbox, ingest: FakeIngest) -> None:
    client, state = make_sandbox(enforce_window=True, sandbox_status_webhooks=True, sandbox_status_delay_seconds=0)
    await _customer_writes(client, hours_ago=25)
    wamid = await _send(client, state, text_body(to=WA_ID))
    assert _statuses(ingest) == [(wamid, "failed")]


async def test_a_customer_who_never_wrote_is_outside_the_window(make_sandbox: Sandbox, ingest: FakeIngest) -> None:
    client, state = make_sandbox(enforce_window=True, sandbox_status_delay_seconds=0)
    wamid = await _send(client, state, text_body(to=WA_ID))
    assert [(s["id"], s["status"], s["errors"][0]["code"]) for s in status_items(ingest.posts())] == [
        (wamid, "failed", 131047)
    ]


async def test_a_template_outside_the_window_gets_normal_statuses(make_sandbox: Sandbox, ingest: FakeIngest) -> None:
    client, state = make_sandbox(enforce_window=True, sandbox_status_webhooks=True, sandbox_status_delay_seconds=0)
    await _customer_writes(client, hours_ago=25)
    wamid = await _send(client, state, template_body("conversation_follow_up", "en", "Ana", to=WA_ID))
    assert _statuses(ingest) == [(wamid, "sent"), (wamid, "delivered")]


async def test_a_send_inside_the_window_is_unaffected(make_sandbox: Sandbox, ingest: FakeIngest) -> None:
    client, state = make_sandbox(enforce_window=True, sandbox_status_webhooks=True, sandbox_status_delay_seconds=0)
    await _customer_writes(client, hours_ago=23)
    wamid = await _send(client, state, text_body(to=WA_ID))
    assert _statuses(ingest) == [(wamid, "sent"), (wamid, "delivered")]


async def test_inside_the_window_with_statuses_off_nothing_is_posted(make_sandbox: Sandbox, ingest: FakeIngest) -> None:
    client, state = make_sandbox(enforce_window=True, sandbox_status_delay_seconds=0)
    await _customer_writes(client, hours_ago=1)
    await _send(client, state, text_body(to=WA_ID))
    assert _statuses(ingest) == []


async def test_the_window_is_24_hours_from_the_latest_message(make_sandbox: Sandbox, ingest: FakeIngest) -> None:
    now = [NOW]
    client, state = make_sandbox(enforce_window=True, clock=lambda: now[0], sandbox_status_delay_seconds=0)
    await _customer_writes(client, hours_ago=2)
    await _customer_writes(client, hours_ago=30)  # posted later, written earlier: the window stays open
    now[0] = NOW - 2 * HOUR + 24 * HOUR
    await _send(client, state, text_body(to=WA_ID))
    assert _statuses(ingest) == []
    now[0] += 1
    wamid = await _send(client, state, text_body(to=WA_ID))
    assert _statuses(ingest) == [(wamid, "failed")]


async def test_a_redelivered_old_message_does_not_reopen_the_window(make_sandbox: Sandbox, ingest: FakeIngest) -> None:
    client, state = make_sandbox(enforce_window=True, sandbox_status_delay_seconds=0)
    old = await _customer_writes(client, hours_ago=25)
    retry = await client.post("/sandbox/whatsapp/messages", json={"from": WA_ID, "message_id": old})
    assert retry.json()["retry"] is True
    wamid = await _send(client, state, text_body(to=WA_ID))
    assert _statuses(ingest) == [(wamid, "failed")]


async def test_reactions_and_mark_as_read_are_not_affected(make_sandbox: Sandbox, ingest: FakeIngest) -> None:
    client, state = make_sandbox(enforce_window=True, sandbox_status_delay_seconds=0)
    inbound = await _customer_writes(client, hours_ago=25)
    reaction = {
        "messaging_product": "whatsapp",
        "to": WA_ID,
        "type": "reaction",
        "reaction": {"message_id": inbound, "emoji": "👍"},
    }
    await _send(client, state, reaction)
    read = {"messaging_product": "whatsapp", "status": "read", "message_id": inbound}
    assert (await client.post(GRAPH_URL, headers=AUTH, json=read)).json() == {"success": True}
    await state.drain()
    assert _statuses(ingest) == []


def test_the_window_is_enforced_unless_a_test_switches_it_off() -> None:
    app = create_app(make_settings())
    assert app.state.sandbox.enforce_window is True
