"""The customer sends a file: their phone uploads it, the webhook names its id (as Meta's image/sticker/…
message reference shows), and the business downloads it through the Graph media endpoint with its token."""

import base64
import hashlib

from fastapi.testclient import TestClient

from tests.unit.sandbox.sandbox_fakes import AUTH, GRAPH_URL, PHONE_NUMBER_ID, PNG, FakeIngest

WA_ID = "5491155550001"


def _upload(client: TestClient, data: bytes = PNG, mime_type: str = "image/png") -> dict:
    response = client.post(
        "/sandbox/whatsapp/media",
        json={"mime_type": mime_type, "data_base64": base64.b64encode(data).decode(), "filename": "photo.png"},
    )
    assert response.status_code == 200, response.text
    return response.json()


def test_a_customers_photo_reaches_ingest_by_id_and_downloads_with_the_token(client: TestClient, ingest: FakeIngest):
    uploaded = _upload(client)
    assert uploaded["kind"] == "image" and uploaded["file_size"] == len(PNG)
    sent = client.post(
        "/sandbox/whatsapp/messages",
        json={"from": WA_ID, "media": {"kind": "image", "id": uploaded["id"], "caption": "is this in stock?"}},
    )
    assert sent.status_code == 200, sent.text
    [post] = ingest.posts()
    message = post.json()["entry"][0]["changes"][0]["value"]["messages"][0]
    assert message["type"] == "image"
    assert message["image"] == {
        "caption": "is this in stock?",
        "mime_type": "image/png",
        "sha256": base64.b64encode(hashlib.sha256(PNG).digest()).decode(),
        "id": uploaded["id"],
    }

    described = client.get(f"/graph/v21.0/{uploaded['id']}", params={"phone_number_id": PHONE_NUMBER_ID}, headers=AUTH)
    assert described.status_code == 200 and described.json()["mime_type"] == "image/png"
    assert client.get(described.json()["url"]).status_code == 401
    assert client.get(described.json()["url"], headers=AUTH).content == PNG

    [entry] = client.get(f"/sandbox/whatsapp/conversations/{WA_ID}").json()["messages"]
    assert entry["media"]["id"] == uploaded["id"] and entry["text"] == "is this in stock?"
    assert entry["status"] == "received"
    client.post(
        GRAPH_URL, headers=AUTH, json={"messaging_product": "whatsapp", "status": "read", "message_id": entry["wamid"]}
    )
    [entry] = client.get(f"/sandbox/whatsapp/conversations/{WA_ID}").json()["messages"]
    assert entry["status"] == "read"


def test_a_file_whatsapp_does_not_carry_or_an_unknown_id_is_refused(client: TestClient, ingest: FakeIngest):
    zipped = client.post(
        "/sandbox/whatsapp/media",
        json={"mime_type": "application/zip", "data_base64": base64.b64encode(b"PK").decode()},
    )
    assert zipped.status_code == 422 and "application/zip" in zipped.text
    unknown = client.post("/sandbox/whatsapp/messages", json={"from": WA_ID, "media": {"kind": "image", "id": "404"}})
    assert unknown.status_code == 404
    both = client.post(
        "/sandbox/whatsapp/messages", json={"from": WA_ID, "text": "hi", "media": {"kind": "image", "id": "1"}}
    )
    assert both.status_code == 422
    assert ingest.posts() == []
