"""Recorded provider traffic, resets, bounds, and the app's small fixed routes."""

import asyncio
from collections.abc import Callable

from fastapi.testclient import TestClient

from parley_sandbox.store import TrafficStore
from tests.unit.sandbox.sandbox_fakes import AUTH, GRAPH_URL, PHONE_NUMBER_ID, buttons_body, text_body


def test_sent_lists_raw_bodies_with_the_returned_wamid(client: TestClient) -> None:
    body = buttons_body("5491155550001")
    wamid = client.post(GRAPH_URL, headers=AUTH, json=body).json()["messages"][0]["id"]

    sent = client.get("/sandbox/sent", params={"channel": "whatsapp"}).json()
    assert sent["count"] == 1
    record = sent["requests"][0]
    assert record["body"] == body
    assert record["message_id"] == wamid
    assert (record["channel"], record["account_id"], record["to"], record["type"]) == (
        "whatsapp",
        PHONE_NUMBER_ID,
        "5491155550001",
        "interactive",
    )
    assert record["status_code"] == 200
    assert record["time"] > 0


def test_sent_filters_by_recipient(client: TestClient) -> None:
    client.post(GRAPH_URL, headers=AUTH, json=text_body(to="5491155550001", body="one"))
    client.post(GRAPH_URL, headers=AUTH, json=text_body(to="5491155550002", body="two"))
    client.post(GRAPH_URL, headers=AUTH, json=text_body(to="+54 9 11 5555-0001", body="three"))

    texts = [
        r["body"]["text"]["body"]
        for r in client.get("/sandbox/sent", params={"to": "5491155550001"}).json()["requests"]
    ]
    assert texts == ["one", "three"]
    # The filter normalises a formatted number as well.
    assert client.get("/sandbox/sent", params={"to": "+54 9 11 5555-0002"}).json()["count"] == 1


def test_rejected_calls_are_hidden_unless_asked_for(client: TestClient) -> None:
    client.post(GRAPH_URL, headers=AUTH, json=text_body(body=""))
    assert client.get("/sandbox/sent").json()["count"] == 0
    rejected = client.get("/sandbox/sent", params={"include_rejected": "true"}).json()["requests"]
    assert [(r["status_code"], r["error"]["code"]) for r in rejected] == [(400, 100)]


def test_delete_resets_recordings_and_transcripts(client: TestClient) -> None:
    client.post("/sandbox/whatsapp/messages", json={"from": "5491155550001", "text": "hi"})
    client.post(GRAPH_URL, headers=AUTH, json=text_body())
    assert client.get("/sandbox/whatsapp/conversations/5491155550001").json()["messages"]

    assert client.delete("/sandbox/sent").json() == {"requests": 1, "webhooks": 1}

    assert client.get("/sandbox/sent").json()["count"] == 0
    assert client.get("/sandbox/webhooks").json()["count"] == 0
    assert client.get("/sandbox/whatsapp/conversations/5491155550001").json()["messages"] == []


def test_recordings_are_bounded(make_client: Callable[..., TestClient]) -> None:
    client = make_client(sandbox_max_records=3)
    for i in range(5):
        client.post(GRAPH_URL, headers=AUTH, json=text_body(body=f"m{i}"))
    texts = [r["body"]["text"]["body"] for r in client.get("/sandbox/sent").json()["requests"]]
    assert texts == ["m2", "m3", "m4"]


async def test_store_is_consistent_under_concurrent_writers() -> None:
    store = TrafficStore(max_records=500)

    async def write(i: int) -> None:
        await asyncio.sleep(0)
        await store.add_request(
            channel="whatsapp", account_id="1", to=str(i % 7), type="text", body={}, status_code=200, message_id=str(i)
        )

    await asyncio.gather(*(write(i) for i in range(800)))
    records = await store.requests()
    assert len(records) == 500
    seqs = [r.seq for r in records]
    assert seqs == sorted(seqs) and len(set(seqs)) == 500
    assert seqs[-1] == 800


def test_healthz(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}


def test_page_is_served_and_drives_the_customer_api(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    for needle in ("/sandbox/whatsapp/messages", "/sandbox/whatsapp/conversations/", "button_reply", "setInterval"):
        assert needle in response.text


def test_config_exposes_no_secrets(client: TestClient) -> None:
    config = client.get("/sandbox/config").json()
    assert config["whatsapp"]["phone_number_id"] == PHONE_NUMBER_ID
    assert config["whatsapp"]["webhook_url"] == "http://ingest.test/webhooks/whatsapp"
    text = str(config)
    assert "test-app-secret" not in text and "test-access-token" not in text
