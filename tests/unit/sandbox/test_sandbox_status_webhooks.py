"""Optional delivery statuses: after an accepted send, signed `sent` then `delivered` webhooks reach ingest.

Driven through httpx.ASGITransport (no lifespan): the app must create nothing it needs at startup only.
"""

import asyncio
import hashlib
import hmac

from tests.unit.sandbox.sandbox_fakes import (
    APP_SECRET,
    AUTH,
    GRAPH_URL,
    PHONE_NUMBER_ID,
    FakeIngest,
    Sandbox,
    text_body,
)

WA_ID = "5491155550001"


async def test_sent_then_delivered_statuses_are_posted_signed(make_sandbox: Sandbox, ingest: FakeIngest) -> None:
    client, state = make_sandbox(sandbox_status_webhooks=True, sandbox_status_delay_seconds=0)

    response = await client.post(GRAPH_URL, headers=AUTH, json=text_body(to=WA_ID))
    wamid = response.json()["messages"][0]["id"]
    async with asyncio.timeout(5):
        await state.drain()

    posts = ingest.posts()
    assert len(posts) == 2
    for post in posts:
        expected = "sha256=" + hmac.new(APP_SECRET.encode(), post.content, hashlib.sha256).hexdigest()
        assert hmac.compare_digest(post.headers["x-hub-signature-256"], expected)
        payload = post.json()
        assert payload["object"] == "whatsapp_business_account"
        assert payload["entry"][0]["id"] == "200000000000777"
        assert payload["entry"][0]["changes"][0]["field"] == "messages"
        value = payload["entry"][0]["changes"][0]["value"]
        assert value["messaging_product"] == "whatsapp"
        assert value["metadata"] == {"display_phone_number": "15550000777", "phone_number_id": PHONE_NUMBER_ID}
        assert "messages" not in value and "contacts" not in value
    statuses = [p.json()["entry"][0]["changes"][0]["value"]["statuses"][0] for p in posts]
    assert [(s["id"], s["status"], s["recipient_id"]) for s in statuses] == [
        (wamid, "sent", WA_ID),
        (wamid, "delivered", WA_ID),
    ]
    assert all(s["timestamp"].isdigit() for s in statuses)
    assert statuses[0]["conversation"]["origin"] == {"type": "service"}
    assert statuses[0]["pricing"]["category"] == "service"

    transcript = (await client.get(f"/sandbox/whatsapp/conversations/{WA_ID}")).json()
    assert [m["status"] for m in transcript["messages"]] == ["delivered"]


async def test_statuses_are_off_by_default(make_sandbox: Sandbox, ingest: FakeIngest) -> None:
    client, state = make_sandbox()
    assert (await client.post(GRAPH_URL, headers=AUTH, json=text_body(to=WA_ID))).status_code == 200
    await state.drain()
    assert ingest.posts() == []


async def test_rejected_sends_post_no_statuses(make_sandbox: Sandbox, ingest: FakeIngest) -> None:
    client, state = make_sandbox(sandbox_status_webhooks=True, sandbox_status_delay_seconds=0)
    await client.post("/sandbox/faults", json={"channel": "whatsapp", "status": 503, "count": 1})
    assert (await client.post(GRAPH_URL, headers=AUTH, json=text_body(to=WA_ID))).status_code == 503
    await state.drain()
    assert ingest.posts() == []
