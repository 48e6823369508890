"""The sandbox as MercadoLibre: a buyer's question or post-sale message is stored and notified to ingest (a pointer,
no content); the API side needs a live OAuth token, answers a question once, and keeps packs' conversations."""

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.unit.sandbox.sandbox_fakes import NOW, FakeIngest

SELLER = "500000001"
BUYER = "7123456789"
OAUTH = {
    "grant_type": "refresh_token",
    "client_id": "sandbox-ml-app",
    "client_secret": "sandbox-ml-secret",
    "refresh_token": "sandbox-ml-refresh",
}


def token(client: TestClient, **form: str) -> dict[str, Any]:
    response = client.post("/mercadolibre/oauth/token", data={**OAUTH, **form})
    assert response.status_code == 200, response.text
    return response.json()


def auth(client: TestClient) -> dict[str, str]:
    return {"Authorization": f"Bearer {token(client)['access_token']}"}


def test_a_question_is_stored_and_only_its_pointer_is_notified(client: TestClient, ingest: FakeIngest):
    asked = client.post("/sandbox/mercadolibre/messages", json={"from": BUYER, "text": "Is it in stock?"})
    assert asked.status_code == 200 and asked.json()["ingest_status"] == 200
    question_id = asked.json()["question_id"]
    [posted] = ingest.posts()
    assert str(posted.url) == "http://ingest.test/webhooks/mercadolibre"
    notification = posted.json()
    assert notification["resource"] == f"/questions/{question_id}" and notification["topic"] == "questions"
    assert notification["user_id"] == int(SELLER) and notification["application_id"] == "sandbox-ml-app"
    assert "Is it in stock?" not in posted.content.decode()

    question = client.get(f"/mercadolibre/questions/{question_id}", headers=auth(client)).json()
    assert question["text"] == "Is it in stock?" and question["status"] == "UNANSWERED"
    assert question["from"]["id"] == int(BUYER) and question["seller_id"] == int(SELLER)


def test_one_answer_per_question(client: TestClient):
    question_id = client.post("/sandbox/mercadolibre/messages", json={"from": BUYER, "text": "Blue?"}).json()[
        "question_id"
    ]
    headers = auth(client)
    first = client.post("/mercadolibre/answers", json={"question_id": question_id, "text": "Yes"}, headers=headers)
    assert first.status_code == 200 and first.json()["status"] == "ANSWERED"
    second = client.post("/mercadolibre/answers", json={"question_id": question_id, "text": "Also"}, headers=headers)
    assert second.status_code == 400
    assert second.json() == {
        "message": f"Question {question_id} is already answered",
        "error": "bad_request",
        "status": 400,
        "cause": [],
    }
    transcript = client.get(f"/sandbox/mercadolibre/conversations/{BUYER}").json()["messages"]
    assert [(m["kind"], m["text"]) for m in transcript] == [("question", "Blue?"), ("answer", "Yes")]


def test_answers_are_validated(client: TestClient):
    headers = auth(client)
    assert (
        client.post("/mercadolibre/answers", json={"question_id": [1], "text": "x"}, headers=headers).status_code == 400
    )
    assert client.post("/mercadolibre/answers", json=["x"], headers=headers).status_code == 400
    assert (
        client.post("/mercadolibre/answers", json={"question_id": 1, "text": "x"}, headers=headers).status_code == 404
    )
    question_id = client.post("/sandbox/mercadolibre/messages", json={"from": BUYER, "text": "?"}).json()["question_id"]
    too_long = client.post(
        "/mercadolibre/answers", json={"question_id": question_id, "text": "x" * 2001}, headers=headers
    )
    assert too_long.status_code == 400 and "2000" in too_long.json()["message"]


def test_without_a_live_token_every_call_is_401(client: TestClient):
    assert client.get("/mercadolibre/questions/1").status_code == 401
    headers = auth(client)
    assert client.post("/sandbox/mercadolibre/tokens/revoke").json() == {"revoked": 1}
    refused = client.get("/mercadolibre/questions/1", headers=headers)
    assert refused.status_code == 401 and refused.json()["error"] == "unauthorized"


def test_tokens_expire_and_issued_refresh_tokens_are_single_use(make_client: Callable[..., TestClient]):
    clock = [NOW]
    client = make_client(mercadolibre_token_ttl_seconds=60)
    client.app.state.sandbox.clock = lambda: clock[0]  # type: ignore[attr-defined]
    issued = token(client)
    assert issued["expires_in"] == 60 and issued["user_id"] == int(SELLER)
    headers = {"Authorization": f"Bearer {issued['access_token']}"}
    assert client.get("/mercadolibre/questions/1", headers=headers).status_code == 404  # live: the question is not
    clock[0] += 61
    assert client.get("/mercadolibre/questions/1", headers=headers).status_code == 401  # expired
    again = client.post("/mercadolibre/oauth/token", data={**OAUTH, "refresh_token": issued["refresh_token"]})
    assert again.status_code == 200
    reused = client.post("/mercadolibre/oauth/token", data={**OAUTH, "refresh_token": issued["refresh_token"]})
    assert reused.status_code == 400 and reused.json()["error"] == "invalid_grant"
    wrong = client.post("/mercadolibre/oauth/token", data={**OAUTH, "client_secret": "guess"})
    assert wrong.status_code == 400 and wrong.json()["error"] == "invalid_client"


@pytest.mark.parametrize("text", ["x" * 351, ""])
def test_post_sale_messages_go_to_the_packs_buyer_within_the_limit(client: TestClient, text: str):
    written = client.post(
        "/sandbox/mercadolibre/messages", json={"from": BUYER, "text": "Where is it?", "post_sale": True}
    ).json()
    pack, headers = written["pack_id"], auth(client)
    message = client.get(f"/mercadolibre/messages/{written['message_id']}", headers=headers).json()["messages"][0]
    assert {"id": pack, "name": "packs"} in message["message_resources"]
    url = f"/mercadolibre/messages/packs/{pack}/sellers/{SELLER}?tag=post_sale"
    body = {"from": {"user_id": SELLER}, "to": {"user_id": BUYER}}
    assert client.post(url, json={**body, "text": text}, headers=headers).status_code == 400
    assert client.post(url, json={**body, "to": {"user_id": "1"}, "text": "hi"}, headers=headers).status_code == 400
    assert client.post(url, json={**body, "from": "me", "text": "hi"}, headers=headers).status_code == 400
    sent = client.post(url, json={**body, "text": "On its way"}, headers=headers)
    assert sent.status_code == 200 and sent.json()["text"] == "On its way"
    conversation = client.get(url, headers=headers).json()
    assert [m["text"] for m in conversation["messages"]] == ["On its way", "Where is it?"]  # newest first


def test_a_notification_is_redelivered_with_the_same_id(client: TestClient, ingest: FakeIngest):
    asked = client.post("/sandbox/mercadolibre/messages", json={"from": BUYER, "text": "?"}).json()
    again = client.post("/sandbox/mercadolibre/redeliver", json={"notification_id": asked["notification"]["_id"]})
    assert again.status_code == 200
    first, second = (p.json() for p in ingest.posts())
    assert first["_id"] == second["_id"] and second["attempts"] == 2
    assert client.post("/sandbox/mercadolibre/redeliver", json={"notification_id": "nope"}).status_code == 404


def test_injected_faults_answer_with_mercadolibres_error_body(client: TestClient):
    headers = auth(client)
    client.post("/sandbox/faults", json={"channel": "mercadolibre", "status": 503, "count": 1})
    failed = client.get("/mercadolibre/questions/1", headers=headers)
    assert failed.status_code == 503 and failed.json()["error"] == "service_unavailable"
    assert client.get("/mercadolibre/questions/1", headers=headers).status_code == 404


def test_a_post_sale_message_carries_uploaded_attachments(client: TestClient):
    written = client.post(
        "/sandbox/mercadolibre/messages", json={"from": BUYER, "text": "Invoice?", "post_sale": True}
    ).json()
    headers = auth(client)
    upload = "/mercadolibre/messages/attachments?tag=post_sale&site_id=MLA"
    refused = client.post(upload, files={"file": ("x.zip", b"PK", "application/zip")}, headers=headers)
    assert refused.status_code == 400 and refused.json()["error"] == "invalid_extension"
    uploaded = client.post(upload, files={"file": ("invoice.pdf", b"%PDF-1.4", "application/pdf")}, headers=headers)
    assert uploaded.status_code == 200
    attachment = uploaded.json()["id"]
    assert attachment.startswith(SELLER + "_") and attachment.endswith(".pdf")
    url = f"/mercadolibre/messages/packs/{written['pack_id']}/sellers/{SELLER}?tag=post_sale"
    body = {"from": {"user_id": SELLER}, "to": {"user_id": BUYER}, "text": "invoice.pdf"}
    unknown = client.post(url, json={**body, "attachments": ["nope.pdf"]}, headers=headers)
    assert unknown.status_code == 400
    sent = client.post(url, json={**body, "attachments": [attachment]}, headers=headers)
    assert sent.status_code == 200
    assert sent.json()["message_attachments"][0]["original_filename"] == "invoice.pdf"
    [last] = [
        m for m in client.get(f"/sandbox/mercadolibre/conversations/{BUYER}").json()["messages"] if m["attachments"]
    ]
    assert client.get(last["attachments"][0]).content == b"%PDF-1.4"


def test_the_buyers_page_is_served(client: TestClient):
    page = client.get("/sandbox/mercadolibre/")
    assert page.status_code == 200 and "/sandbox/mercadolibre/messages" in page.text


def test_a_buyer_attaches_a_file_that_the_seller_downloads(client: TestClient):
    file = {"filename": "photo.png", "content_type": "image/png", "data_base64": "iVBORw0KGgo="}
    written = client.post(
        "/sandbox/mercadolibre/messages",
        json={"from": BUYER, "text": "It arrived broken", "post_sale": True, "attachment": file},
    ).json()
    headers = auth(client)
    message = client.get(f"/mercadolibre/messages/{written['message_id']}", headers=headers).json()["messages"][0]
    [attachment] = message["message_attachments"]
    assert attachment["original_filename"] == "photo.png" and attachment["type"] == "image/png"
    assert attachment["filename"].startswith(BUYER + "_")
    download = client.get(f"/mercadolibre/messages/attachments/{attachment['filename']}?tag=post_sale", headers=headers)
    assert download.status_code == 200 and download.content == b"\x89PNG\r\n\x1a\n"
    assert client.get(f"/mercadolibre/messages/attachments/{attachment['filename']}").status_code == 401
    refused = client.post("/sandbox/mercadolibre/messages", json={"from": BUYER, "text": "?", "attachment": file})
    assert refused.status_code == 422


def test_users_and_items_are_public(client: TestClient):
    assert client.get(f"/mercadolibre/users/{BUYER}").json()["nickname"] == f"BUYER_{BUYER[-6:]}"
    assert client.get("/mercadolibre/users/nobody").status_code == 404
    assert client.get("/mercadolibre/items/MLA000000001").json()["title"] == "Sandbox item MLA000000001"


def test_a_later_run_makes_up_question_ids_an_earlier_one_never_used(make_client: Callable[..., TestClient]):
    asked = {"from": "9001", "text": "hola"}
    first = make_client().post("/sandbox/mercadolibre/messages", json=asked).json()
    later = make_client(sandbox_id_base=1_000).post("/sandbox/mercadolibre/messages", json=asked).json()
    assert later["question_id"] == first["question_id"] + 1_000
