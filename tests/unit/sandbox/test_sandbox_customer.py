"""Customer side: webhooks built exactly like Meta's, signed over the exact bytes, posted to ingest."""

import hashlib
import hmac
import json
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from tests.unit.sandbox.sandbox_fakes import (
    APP_SECRET,
    AUTH,
    GRAPH_URL,
    INGEST,
    NOW,
    PHONE_NUMBER_ID,
    VERIFY_TOKEN,
    FakeIngest,
    buttons_body,
    list_body,
)

WA_ID = "5491155550001"


def _expected_signature(body: bytes, secret: str = APP_SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def test_text_message_payload_is_exactly_metas_shape(client: TestClient, ingest: FakeIngest) -> None:
    response = client.post(
        "/sandbox/whatsapp/messages",
        json={"from": WA_ID, "name": "Ana", "text": "Hola, ¿tienen envíos?", "message_id": "wamid.TEST1"},
    )

    assert response.status_code == 200, response.text
    [received] = ingest.posts()
    assert str(received.url) == f"{INGEST}/webhooks/whatsapp"
    assert received.json() == {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "200000000000777",
                "changes": [
                    {
                        "value": {
                            "messaging_product": "whatsapp",
                            "metadata": {"display_phone_number": "15550000777", "phone_number_id": PHONE_NUMBER_ID},
                            "contacts": [{"profile": {"name": "Ana"}, "wa_id": WA_ID}],
                            "messages": [
                                {
                                    "from": WA_ID,
                                    "id": "wamid.TEST1",
                                    "timestamp": str(int(NOW)),
                                    "type": "text",
                                    "text": {"body": "Hola, ¿tienen envíos?"},
                                }
                            ],
                        },
                        "field": "messages",
                    }
                ],
            }
        ],
    }
    result = response.json()
    assert result["message_id"] == "wamid.TEST1"
    assert result["payload"] == received.json()
    assert result["ingest_status"] == 200
    assert result["ingest_body"] == '{"status":"ok"}'
    assert result["retry"] is False


def test_signature_is_hmac_sha256_of_the_exact_bytes_received(client: TestClient, ingest: FakeIngest) -> None:
    client.post("/sandbox/whatsapp/messages", json={"from": WA_ID, "name": "Zoë", "text": "Ünïcödé ✓ 你好"})

    [received] = ingest.posts()
    header = received.headers["x-hub-signature-256"]
    assert header.startswith("sha256=") and len(header) == len("sha256=") + 64
    assert hmac.compare_digest(header, _expected_signature(received.content))
    assert not hmac.compare_digest(header, _expected_signature(received.content, "another-secret"))
    legacy = "sha1=" + hmac.new(APP_SECRET.encode(), received.content, hashlib.sha1).hexdigest()
    assert received.headers["x-hub-signature"] == legacy
    assert received.headers["content-type"] == "application/json"
    # Non-ASCII is escaped like Meta's payloads: re-serialising the parsed JSON does not give these bytes.
    assert received.content.isascii()
    assert json.dumps(received.json(), ensure_ascii=False).encode() != received.content
    assert received.json()["entry"][0]["changes"][0]["value"]["messages"][0]["text"]["body"] == "Ünïcödé ✓ 你好"


def test_generated_wamids_are_unique_and_timestamps_are_strings(client: TestClient, ingest: FakeIngest) -> None:
    ids = {
        client.post("/sandbox/whatsapp/messages", json={"from": WA_ID, "text": f"m{i}"}).json()["message_id"]
        for i in range(20)
    }
    assert len(ids) == 20 and all(i.startswith("wamid.") for i in ids)
    message = ingest.posts()[0].json()["entry"][0]["changes"][0]["value"]["messages"][0]
    assert message["timestamp"] == "1760000000"


def test_resending_a_known_message_id_replays_the_same_bytes(client: TestClient, ingest: FakeIngest) -> None:
    first = client.post("/sandbox/whatsapp/messages", json={"from": WA_ID, "name": "Ana", "text": "hola"}).json()
    again = client.post(
        "/sandbox/whatsapp/messages", json={"from": WA_ID, "name": "Ana", "message_id": first["message_id"]}
    ).json()

    a, b = ingest.posts()
    assert a.content == b.content
    assert a.headers["x-hub-signature-256"] == b.headers["x-hub-signature-256"]
    assert again["retry"] is True and again["message_id"] == first["message_id"]
    assert again["payload"] == first["payload"]


def test_button_reply_is_an_interactive_message_in_context(client: TestClient, ingest: FakeIngest) -> None:
    sent = client.post(GRAPH_URL, headers=AUTH, json=buttons_body(WA_ID, ("yes", "Yes"), ("no", "No"))).json()
    business_wamid = sent["messages"][0]["id"]

    response = client.post(
        "/sandbox/whatsapp/messages",
        json={"from": WA_ID, "name": "Ana", "button_reply": {"id": "no", "title": "No"}},
    )

    assert response.status_code == 200
    message = ingest.posts()[0].json()["entry"][0]["changes"][0]["value"]["messages"][0]
    assert message["type"] == "interactive"
    assert message["interactive"] == {"type": "button_reply", "button_reply": {"id": "no", "title": "No"}}
    assert message["context"] == {"from": "15550000777", "id": business_wamid}
    assert "text" not in message


def test_list_reply_carries_the_row(client: TestClient, ingest: FakeIngest) -> None:
    client.post(GRAPH_URL, headers=AUTH, json=list_body(WA_ID))
    client.post(
        "/sandbox/whatsapp/messages",
        json={"from": WA_ID, "list_reply": {"id": "basic", "title": "Basic", "description": "cheap"}},
    )
    message = ingest.posts()[0].json()["entry"][0]["changes"][0]["value"]["messages"][0]
    assert message["interactive"] == {
        "type": "list_reply",
        "list_reply": {"id": "basic", "title": "Basic", "description": "cheap"},
    }
    assert message["context"]["id"].startswith("wamid.")


@pytest.mark.parametrize(
    "body",
    [
        {"from": WA_ID},
        {"from": WA_ID, "text": "a", "button_reply": {"id": "x", "title": "X"}},
        {"from": WA_ID, "text": ""},
        {"from": "+54 911", "text": "hi"},
        {"from": "0123456789", "text": "hi"},
        {"from": WA_ID, "text": "hi", "surprise": 1},
    ],
    ids=["no-content", "two-contents", "empty-text", "not-digits", "leading-zero", "unknown-field"],
)
def test_invalid_customer_messages_are_422_and_post_nothing(client: TestClient, ingest: FakeIngest, body: dict) -> None:
    assert client.post("/sandbox/whatsapp/messages", json=body).status_code == 422
    assert ingest.posts() == []


def test_ingest_unreachable_is_a_clear_502(client: TestClient, ingest: FakeIngest) -> None:
    ingest.unreachable = True
    response = client.post("/sandbox/whatsapp/messages", json={"from": WA_ID, "text": "hello?"})

    assert response.status_code == 502
    body = response.json()
    assert body["error"] == "ingest unreachable"
    assert "ConnectError" in body["detail"]
    assert body["ingest_url"] == f"{INGEST}/webhooks/whatsapp"
    assert body["message_id"].startswith("wamid.")
    transcript = client.get(f"/sandbox/whatsapp/conversations/{WA_ID}").json()
    assert [m["status"] for m in transcript["messages"]] == ["unreachable"]


def test_ingest_rejection_is_reported_not_hidden(client: TestClient, ingest: FakeIngest) -> None:
    ingest.status, ingest.reply = 401, '{"detail":"bad signature"}'
    result = client.post("/sandbox/whatsapp/messages", json={"from": WA_ID, "text": "hi"}).json()
    assert (result["ingest_status"], result["ingest_body"]) == (401, '{"detail":"bad signature"}')


def test_verify_handshake_echoed(client: TestClient, ingest: FakeIngest) -> None:
    result = client.post("/sandbox/whatsapp/verify", json={}).json()

    assert result["ok"] is True and result["echoed"] is True and result["status"] == 200
    [request] = ingest.received
    assert request.method == "GET"
    params = request.url.params
    assert params["hub.mode"] == "subscribe"
    assert params["hub.verify_token"] == VERIFY_TOKEN
    assert params["hub.challenge"] == result["challenge"] and result["challenge"].isdigit()


def test_verify_handshake_with_wrong_token_is_reported(client: TestClient, ingest: FakeIngest) -> None:
    result = client.post("/sandbox/whatsapp/verify", json={"verify_token": "nope"}).json()
    assert result["ok"] is False and result["status"] == 403 and result["echoed"] is False


def test_verify_without_body_uses_the_configured_token(
    make_client: Callable[..., TestClient], ingest: FakeIngest
) -> None:
    ingest.verify_token = "another"
    client = make_client(whatsapp_verify_token="another")
    assert client.post("/sandbox/whatsapp/verify").json()["ok"] is True


@pytest.mark.parametrize("signature", ["valid", "invalid", "absent"])
def test_raw_posts_with_chosen_signature(client: TestClient, ingest: FakeIngest, signature: str) -> None:
    response = client.post("/sandbox/whatsapp/raw", json={"body": '{"object":"x"}', "signature": signature})

    assert response.status_code == 200
    [received] = ingest.posts()
    assert received.content == b'{"object":"x"}'
    header = received.headers.get("x-hub-signature-256")
    if signature == "absent":
        assert header is None
    else:
        assert header is not None
        assert hmac.compare_digest(header, _expected_signature(received.content)) is (signature == "valid")


def test_raw_with_explicit_header_and_json_body(client: TestClient, ingest: FakeIngest) -> None:
    client.post(
        "/sandbox/whatsapp/raw",
        json={"body": {"object": "whatsapp_business_account", "entry": []}, "signature_header": "sha256=00"},
    )
    [received] = ingest.posts()
    assert received.headers["x-hub-signature-256"] == "sha256=00"
    assert received.json() == {"object": "whatsapp_business_account", "entry": []}


def test_status_webhook_for_a_recorded_send(client: TestClient, ingest: FakeIngest) -> None:
    wamid = client.post(GRAPH_URL, headers=AUTH, json=buttons_body(WA_ID)).json()["messages"][0]["id"]

    result = client.post("/sandbox/whatsapp/statuses", json={"message_id": wamid, "status": "read"}).json()

    [received] = ingest.posts()
    assert hmac.compare_digest(received.headers["x-hub-signature-256"], _expected_signature(received.content))
    value = received.json()["entry"][0]["changes"][0]["value"]
    assert received.json()["object"] == "whatsapp_business_account"
    assert value["metadata"]["phone_number_id"] == PHONE_NUMBER_ID
    assert value["statuses"] == [{"id": wamid, "status": "read", "timestamp": str(int(NOW)), "recipient_id": WA_ID}]
    assert result["payload"] == received.json()


def test_failed_status_carries_errors(client: TestClient, ingest: FakeIngest) -> None:
    client.post("/sandbox/whatsapp/statuses", json={"message_id": "wamid.X", "status": "failed", "recipient_id": WA_ID})
    status = ingest.posts()[0].json()["entry"][0]["changes"][0]["value"]["statuses"][0]
    assert status["status"] == "failed"
    assert status["errors"][0]["code"] == 131026


def test_status_for_an_unknown_send_needs_a_recipient(client: TestClient, ingest: FakeIngest) -> None:
    response = client.post("/sandbox/whatsapp/statuses", json={"message_id": "wamid.NOPE", "status": "delivered"})
    assert response.status_code == 404
    assert ingest.posts() == []
