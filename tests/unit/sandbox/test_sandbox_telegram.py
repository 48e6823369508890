"""The sandbox's Telegram: updates built like Telegram's and posted with the secret token; a Bot API that checks
tokens, chats and the documented limits and answers with Telegram's error bodies; taps, edits, files, retries."""

import base64
import json

import httpx
from fastapi.testclient import TestClient

from parley_sandbox.app import create_app
from tests.unit.sandbox.sandbox_fakes import INGEST, NOW, FakeIngest, make_settings

BOT = "/telegram/bot7000000001:sandbox-telegram-token"
CHAT = "123456789"
PDF = b"%PDF-1.4 tiny"


def say(client: TestClient, **body) -> dict:
    response = client.post("/sandbox/telegram/messages", json={"from": CHAT, **body})
    assert response.status_code == 200, response.text
    return response.json()


def bot_sends(client: TestClient, method: str = "sendMessage", **params) -> dict:
    return client.post(f"{BOT}/{method}", json={"chat_id": int(CHAT), **params}).json()


def test_a_text_is_posted_as_an_update_to_the_bots_webhook_with_the_secret_token(
    client: TestClient, ingest: FakeIngest
):
    sent = say(client, name="Ana", text="hola")
    [post] = ingest.posts()
    assert str(post.url) == f"{INGEST}/webhooks/telegram/7000000001"
    assert post.headers["X-Telegram-Bot-Api-Secret-Token"] == "sandbox-telegram-secret"
    update = post.json()
    assert update == {
        "update_id": sent["update_id"],
        "message": {
            "message_id": 1,
            "from": {"id": int(CHAT), "is_bot": False, "first_name": "Ana", "language_code": "en"},
            "chat": {"id": int(CHAT), "first_name": "Ana", "type": "private"},
            "date": int(NOW),
            "text": "hola",
        },
    }
    assert sent["ingest_status"] == 200 and sent["message_id"] == 1


def test_the_bot_answers_with_a_keyboard_and_the_customer_taps_it(client: TestClient, ingest: FakeIngest):
    say(client, text="hola")
    keyboard = {"inline_keyboard": [[{"text": "Yes", "callback_data": "yes"}], [{"text": "No", "callback_data": "no"}]]}
    answer = bot_sends(client, text="Solved?", reply_markup=keyboard, reply_parameters={"message_id": 1})
    assert answer["ok"] is True
    message = answer["result"]
    assert message["message_id"] == 2 and message["reply_markup"] == keyboard
    assert message["reply_to_message"]["text"] == "hola" and message["from"]["is_bot"] is True

    ingest.reply = ""  # first, an ingest that does not acknowledge the tap in its answer
    tap = say(client, button_text="No")
    query = ingest.posts()[-1].json()["callback_query"]
    assert query["data"] == "no" and query["message"]["message_id"] == 2 and query["id"] == tap["callback_query_id"]
    assert tap["callback_answered"] is False
    acked = client.post(f"{BOT}/answerCallbackQuery", data={"callback_query_id": tap["callback_query_id"]}).json()
    assert acked == {"ok": True, "result": True}
    again = client.post(f"{BOT}/answerCallbackQuery", json={"callback_query_id": tap["callback_query_id"]})
    assert again.status_code == 400 and "query ID is invalid" in again.json()["description"]

    ingest.reply = json.dumps({"method": "answerCallbackQuery", "callback_query_id": "placeholder"})
    ingest_answering = say(client, callback_data="yes")
    assert ingest_answering["callback_answered"] is False  # ingest named another query: the answer was refused
    transcript = client.get(f"/sandbox/telegram/conversations/{CHAT}").json()["messages"]
    assert [(m["author"], m["type"]) for m in transcript] == [
        ("customer", "text"),
        ("business", "text"),
        ("customer", "button_reply"),
        ("customer", "button_reply"),
    ]
    assert transcript[1]["buttons"] == [{"text": "Yes", "callback_data": "yes"}, {"text": "No", "callback_data": "no"}]
    assert transcript[2]["button_reply"] == {"text": "No", "callback_data": "no"} and transcript[2]["callback_answered"]


class AcknowledgingIngest(FakeIngest):
    """Ingest as it answers a tap: 200 with the answerCallbackQuery call for the update's query."""

    def handler(self, request: httpx.Request) -> httpx.Response:
        query = json.loads(request.content).get("callback_query")
        self.reply = json.dumps({"method": "answerCallbackQuery", "callback_query_id": query["id"]}) if query else ""
        return super().handler(request)


def test_ingest_acknowledging_a_tap_in_its_answer_stops_the_spinner():
    ingest = AcknowledgingIngest()
    http = httpx.AsyncClient(transport=httpx.MockTransport(ingest.handler))
    with TestClient(create_app(make_settings(), http_client=http, clock=lambda: NOW)) as client:
        say(client, text="hola")
        bot_sends(client, text="Solved?", reply_markup={"inline_keyboard": [[{"text": "Yes", "callback_data": "yes"}]]})
        tap = say(client, callback_data="yes")
        assert tap["callback_answered"] is True
        sent = client.get("/sandbox/sent", params={"channel": "telegram"}).json()["requests"]
        [recorded] = [r for r in sent if r["type"] == "answerCallbackQuery"]
        assert recorded["message_id"] == tap["callback_query_id"]


def test_a_tap_on_a_button_nobody_offered_is_404(client: TestClient):
    say(client, text="hola")
    assert client.post("/sandbox/telegram/messages", json={"from": CHAT, "callback_data": "nope"}).status_code == 404


def test_an_edit_posts_edited_message_with_the_same_message_id(client: TestClient, ingest: FakeIngest):
    say(client, text="hola")
    say(client, text="hola, buenas tardes", edit_message_id=1)
    edited = ingest.posts()[-1].json()["edited_message"]
    assert edited["message_id"] == 1 and edited["text"] == "hola, buenas tardes" and edited["edit_date"] == int(NOW)


def test_a_retry_posts_the_same_bytes_again(client: TestClient, ingest: FakeIngest):
    first = say(client, text="hola")
    again = say(client, update_id=first["update_id"])
    one, two = ingest.posts()
    assert one.content == two.content and again["retry"] is True
    assert len(client.get(f"/sandbox/telegram/conversations/{CHAT}").json()["messages"]) == 1


def test_a_customers_photo_can_be_fetched_with_getfile(client: TestClient, ingest: FakeIngest):
    sent = say(client, text="my receipt", attachment={"kind": "photo"})
    photo = sent["payload"]["message"]["photo"]
    assert sent["payload"]["message"]["caption"] == "my receipt"
    largest = max(photo, key=lambda size: size["width"] * size["height"])
    found = client.post(f"{BOT}/getFile", json={"file_id": largest["file_id"]}).json()["result"]
    assert found["file_path"].startswith("photos/")
    download = client.get(f"/telegram/file/bot7000000001:sandbox-telegram-token/{found['file_path']}")
    assert download.status_code == 200 and download.content.startswith(b"\x89PNG")
    assert client.get(f"/telegram/file/botwrong:token/{found['file_path']}").status_code == 404
    unknown = client.post(f"{BOT}/getFile", json={"file_id": "nope"})
    assert unknown.status_code == 400 and unknown.json()["description"] == "Bad Request: invalid file_id"


def test_the_bot_uploads_a_document_multipart_and_the_customer_sees_it(client: TestClient):
    say(client, text="hola")
    response = client.post(
        f"{BOT}/sendDocument",
        data={"chat_id": CHAT, "caption": "your invoice", "reply_parameters": json.dumps({"message_id": 1})},
        files={"document": ("invoice.pdf", PDF, "application/pdf")},
    )
    assert response.status_code == 200, response.text
    document = response.json()["result"]["document"]
    assert document["file_name"] == "invoice.pdf" and document["mime_type"] == "application/pdf"
    [shown] = [
        m for m in client.get(f"/sandbox/telegram/conversations/{CHAT}").json()["messages"] if m["author"] == "business"
    ]
    assert shown["type"] == "document" and shown["text"] == "your invoice"
    assert client.get(shown["media"]["url"]).content == PDF
    photo = client.post(
        f"{BOT}/sendPhoto",
        data={"chat_id": CHAT},
        files={
            "photo": (
                "p.png",
                base64.b64decode(
                    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
                ),
                "image/png",
            )
        },
    )
    assert photo.json()["result"]["photo"][0]["file_id"]


def test_the_bot_api_refuses_like_telegram(client: TestClient):
    say(client, text="hola")
    wrong_token = client.post("/telegram/bot7000000001:wrong/sendMessage", json={"chat_id": 1, "text": "x"})
    assert wrong_token.status_code == 401 and wrong_token.json() == {
        "ok": False,
        "error_code": 401,
        "description": "Unauthorized",
    }
    assert client.post(f"{BOT}/sendTelepathy", json={}).status_code == 404
    cases = [
        ({"text": "x", "chat_id": 42}, "Bad Request: chat not found"),
        ({"text": ""}, "Bad Request: message text is empty"),
        ({"text": "x" * 4097}, "Bad Request: message is too long"),
        ({"text": "x", "reply_parameters": {"message_id": 99}}, "Bad Request: message to be replied not found"),
        (
            {"text": "x", "reply_markup": {"inline_keyboard": [[{"text": "A", "callback_data": "x" * 65}]]}},
            "Bad Request: BUTTON_DATA_INVALID",
        ),
        ({"text": "x", "parse_mode": "Shouting"}, "Bad Request: unsupported parse_mode 'Shouting'"),
    ]
    for params, description in cases:
        response = client.post(f"{BOT}/sendMessage", json={"chat_id": int(CHAT), **params})
        assert response.status_code == 400, params
        assert response.json() == {"ok": False, "error_code": 400, "description": description}
    fine = bot_sends(client, text="x", reply_parameters={"message_id": 99, "allow_sending_without_reply": True})
    assert fine["ok"] is True
    long_caption = client.post(
        f"{BOT}/sendPhoto",
        data={"chat_id": CHAT, "caption": "x" * 1025},
        files={"photo": ("p.png", b"png", "image/png")},
    )
    assert long_caption.json()["description"] == "Bad Request: message caption is too long"
    rejected = client.get("/sandbox/sent", params={"channel": "telegram", "include_rejected": "true"}).json()[
        "requests"
    ]
    assert any(r["status_code"] == 400 for r in rejected)


def test_an_injected_429_carries_retry_after(client: TestClient):
    say(client, text="hola")
    client.post("/sandbox/faults", json={"channel": "telegram", "status": 429})
    flooded = client.post(f"{BOT}/sendMessage", json={"chat_id": int(CHAT), "text": "x"})
    assert flooded.status_code == 429 and flooded.json()["parameters"] == {"retry_after": 1}
    assert bot_sends(client, text="x")["ok"] is True


def test_raw_posts_with_a_wrong_or_no_secret(client: TestClient, ingest: FakeIngest):
    for secret in ("invalid", "absent"):
        response = client.post("/sandbox/telegram/raw", json={"body": {"update_id": 1}, "secret": secret})
        assert response.status_code == 200
    wrong, absent = ingest.posts()
    assert wrong.headers["X-Telegram-Bot-Api-Secret-Token"] == "not-the-webhook-secret"
    assert "X-Telegram-Bot-Api-Secret-Token" not in absent.headers


def test_a_person_can_be_the_customer_in_a_browser(client: TestClient):
    page = client.get("/sandbox/telegram")
    assert page.status_code == 200 and "/sandbox/telegram/messages" in page.text
    config = client.get("/sandbox/telegram/config").json()
    assert config == {
        "bot_id": "7000000001",
        "username": "parley_sandbox_bot",
        "webhook_url": f"{INGEST}/webhooks/telegram/7000000001",
    }


def test_a_later_run_makes_up_ids_an_earlier_one_never_used(make_client):
    """Parley's store outlives a sandbox run: with SANDBOX_ID_BASE (make run sets it from the clock) a new run's
    message and update ids are not taken for retries of an earlier run's."""
    first = say(make_client(), text="hello")
    later = say(make_client(sandbox_id_base=1_000), text="hello")
    assert first["message_id"] == 1 and later["message_id"] == 1_001
    assert later["update_id"] == first["update_id"] + 1_000
