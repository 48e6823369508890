"""The sandbox's Messenger and Instagram: the Send API side (tokens, shapes, limits, the 24-hour and HUMAN_AGENT
windows, uploads), the customer side (signed webhooks of every kind), and transcripts."""

import hashlib
import hmac
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.unit.sandbox.sandbox_fakes import GRAPH_URL, NOW, FakeIngest, text_body

PAGE, IG = "300000000000001", "400000000000001"
PAGE_AUTH = {"Authorization": "Bearer sandbox-page-token"}
IG_AUTH = {"Authorization": "Bearer sandbox-instagram-token"}
PSID = "7000000000000001"
SEND = {"messenger": f"/graph/v21.0/{PAGE}/messages", "instagram": f"/graph/v21.0/{IG}/messages"}
AUTH = {"messenger": PAGE_AUTH, "instagram": IG_AUTH}


def send_body(text: str = "Hi!", to: str = PSID, **extra: Any) -> dict[str, Any]:
    return {"recipient": {"id": to}, "messaging_type": "RESPONSE", "message": {"text": text}, **extra}


def says(client: TestClient, channel: str = "messenger", **event: Any) -> dict[str, Any]:
    response = client.post(f"/sandbox/{channel}/messages", json={"from": PSID, **event})
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("channel", ["messenger", "instagram"])
def test_a_customer_message_is_a_signed_webhook_of_the_platform(client: TestClient, ingest: FakeIngest, channel):
    sent = says(client, channel, text="hello")
    [post] = ingest.posts()
    assert post.url.path == f"/webhooks/{channel}"
    expected = "sha256=" + hmac.new(b"sandbox-app-secret", post.content, hashlib.sha256).hexdigest()
    assert post.headers["X-Hub-Signature-256"] == expected
    payload = post.json()
    assert payload["object"] == ("page" if channel == "messenger" else "instagram")
    [entry] = payload["entry"]
    assert entry["id"] == (PAGE if channel == "messenger" else IG)
    [event] = entry["messaging"]
    assert event["sender"] == {"id": PSID} and event["timestamp"] == int(NOW * 1000)
    assert event["message"] == {"mid": sent["message_id"], "text": "hello"}


def test_the_send_api_answers_like_meta_and_records_the_send(client: TestClient):
    says(client, text="hello")
    response = client.post(SEND["messenger"], json=send_body(), headers=PAGE_AUTH)
    assert response.status_code == 200, response.text
    assert response.json()["recipient_id"] == PSID and response.json()["message_id"].startswith("m_")
    [recorded] = client.get("/sandbox/sent", params={"channel": "messenger"}).json()["requests"]
    assert recorded["to"] == PSID and recorded["type"] == "text"


def test_whatsapps_graph_routes_still_answer_whatsapp(client: TestClient):
    from tests.unit.sandbox.sandbox_fakes import AUTH as WA_AUTH

    assert client.post(GRAPH_URL, json=text_body(), headers=WA_AUTH).status_code == 200
    unknown = client.post("/graph/v21.0/999/messages", json=send_body(), headers=PAGE_AUTH)
    assert unknown.status_code in (400, 401)


@pytest.mark.parametrize("channel", ["messenger", "instagram"])
def test_a_wrong_token_is_refused_with_code_190(client: TestClient, channel):
    response = client.post(SEND[channel], json=send_body(), headers={"Authorization": "Bearer nope"})
    assert response.json()["error"]["code"] == 190


@pytest.mark.parametrize(
    ("channel", "body", "fragment"),
    [
        ("messenger", send_body("x" * 2001), "2000"),
        ("instagram", send_body("x" * 1001), "1000"),
        ("messenger", send_body(messaging_type="PROMO"), "messaging_type"),
        ("messenger", send_body(messaging_type="MESSAGE_TAG"), "tag"),
        ("instagram", send_body(messaging_type="MESSAGE_TAG", tag="ACCOUNT_UPDATE"), "tag"),
        ("messenger", {"recipient": {"id": PSID}, "messaging_type": "RESPONSE", "message": {}}, "exactly one"),
        (
            "messenger",
            {
                "recipient": {"id": PSID},
                "messaging_type": "RESPONSE",
                "message": {
                    "text": "Pick",
                    "quick_replies": [{"content_type": "text", "title": f"c{i}", "payload": "p"} for i in range(14)],
                },
            },
            "quick_replies",
        ),
        (
            "messenger",
            {
                "recipient": {"id": PSID},
                "messaging_type": "RESPONSE",
                "message": {
                    "text": "Pick",
                    "quick_replies": [{"content_type": "text", "title": "x" * 21, "payload": "p"}],
                },
            },
            "title",
        ),
        (
            "instagram",
            {
                "recipient": {"id": PSID},
                "messaging_type": "RESPONSE",
                "message": {"attachment": {"type": "template", "payload": {"template_type": "button"}}},
            },
            "template",
        ),
        (
            "messenger",
            {
                "recipient": {"id": PSID},
                "messaging_type": "RESPONSE",
                "message": {"attachment": {"type": "image", "payload": {"attachment_id": "404"}}},
            },
            "attachment_id",
        ),
    ],
)
def test_bodies_are_validated_like_meta(client: TestClient, channel, body, fragment):
    response = client.post(SEND[channel], json=body, headers=AUTH[channel])
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["code"] == 100 and fragment in error["message"] and error["fbtrace_id"]


def test_a_button_template_with_up_to_three_postback_buttons(client: TestClient):
    buttons = [{"type": "postback", "title": f"Option {i}", "payload": f"P{i}"} for i in range(3)]
    template = {"template_type": "button", "text": "What now?", "buttons": buttons}
    body = {
        "recipient": {"id": PSID},
        "messaging_type": "RESPONSE",
        "message": {"attachment": {"type": "template", "payload": template}},
    }
    assert client.post(SEND["messenger"], json=body, headers=PAGE_AUTH).status_code == 200
    template["buttons"] = [*buttons, buttons[0]]
    assert client.post(SEND["messenger"], json=body, headers=PAGE_AUTH).status_code == 400


@pytest.mark.parametrize("channel", ["messenger", "instagram"])
def test_the_messaging_windows(make_client, channel):
    client = make_client(enforce_window=True)
    never = client.post(SEND[channel], json=send_body(to="5"), headers=AUTH[channel])
    assert never.status_code == 400 and never.json()["error"]["error_subcode"] == 2018001
    says(client, channel, text="I wrote 30 hours ago", timestamp=int(NOW - 30 * 3600))
    late = client.post(SEND[channel], json=send_body(), headers=AUTH[channel])
    assert late.status_code == 400
    assert (late.json()["error"]["code"], late.json()["error"]["error_subcode"]) == (10, 2018278)
    tagged = send_body(messaging_type="MESSAGE_TAG", tag="HUMAN_AGENT")
    assert client.post(SEND[channel], json=tagged, headers=AUTH[channel]).status_code == 200
    other = make_client(enforce_window=True)
    says(other, channel, text="I wrote 8 days ago", timestamp=int(NOW - 8 * 24 * 3600))
    assert other.post(SEND[channel], json=tagged, headers=AUTH[channel]).json()["error"]["code"] == 10


def test_an_uploaded_attachment_is_sent_by_its_id_and_shown(client: TestClient):
    form = {"message": json.dumps({"attachment": {"type": "image", "payload": {"is_reusable": True}}})}
    upload = client.post(
        f"/graph/v21.0/{PAGE}/message_attachments",
        data=form,
        files={"filedata": ("map.png", b"\x89PNG-bytes", "image/png")},
        headers=PAGE_AUTH,
    )
    assert upload.status_code == 200, upload.text
    attachment_id = upload.json()["attachment_id"]
    body = {
        "recipient": {"id": PSID},
        "messaging_type": "RESPONSE",
        "message": {"attachment": {"type": "image", "payload": {"attachment_id": attachment_id}}},
    }
    assert client.post(SEND["messenger"], json=body, headers=PAGE_AUTH).status_code == 200
    [shown] = client.get(f"/sandbox/messenger/conversations/{PSID}").json()["messages"]
    assert shown["attachment"]["url"] == f"/sandbox/media/{attachment_id}"
    assert client.get(shown["attachment"]["url"]).content == b"\x89PNG-bytes"


def test_an_upload_without_filedata_is_refused(client: TestClient):
    form = {"message": json.dumps({"attachment": {"type": "image", "payload": {}}})}
    response = client.post(f"/graph/v21.0/{IG}/message_attachments", data=form, headers=IG_AUTH)
    assert response.status_code == 400 and "filedata" in response.json()["error"]["message"]


def test_a_tapped_quick_reply_carries_the_offered_title_and_payload(client: TestClient, ingest: FakeIngest):
    says(client, text="hi")
    offer = send_body("Did it help?")
    offer["message"]["quick_replies"] = [{"content_type": "text", "title": "Yes", "payload": "YES"}]
    assert client.post(SEND["messenger"], json=offer, headers=PAGE_AUTH).status_code == 200
    says(client, quick_reply={"payload": "YES"})
    message = ingest.posts()[-1].json()["entry"][0]["messaging"][0]["message"]
    assert message["text"] == "Yes" and message["quick_reply"] == {"payload": "YES"}


def test_postbacks_reactions_edits_and_attachments(client: TestClient, ingest: FakeIngest):
    says(client, postback={"payload": "HUMAN", "title": "Talk to a person"})
    says(client, reaction={"message_id": "m_bot"})
    says(client, edit={"message_id": "m_1", "text": "fixed"})
    sent = says(client, attachment={"type": "file", "filename": "invoice.pdf"})
    events = [p.json()["entry"][0]["messaging"][0] for p in ingest.posts()]
    assert events[0]["postback"]["payload"] == "HUMAN" and events[0]["postback"]["mid"]
    assert events[1]["reaction"]["mid"] == "m_bot" and events[1]["reaction"]["action"] == "react"
    assert events[2]["message_edit"] == {"mid": "m_1", "text": "fixed", "num_edit": 1}
    [attachment] = events[3]["message"]["attachments"]
    assert attachment["type"] == "file" and attachment["payload"]["url"].startswith("http://testserver/sandbox/media/")
    path = attachment["payload"]["url"].removeprefix("http://testserver")
    assert client.get(path).content.startswith(b"%PDF")
    assert sent["message_id"] == events[3]["message"]["mid"]


def test_instagram_story_reply_mention_and_deletion(client: TestClient, ingest: FakeIngest):
    says(client, "instagram", text="love it", story_reply={"id": "179"})
    says(client, "instagram", story_mention=True)
    says(client, "instagram", delete={"message_id": "ig_1"})
    events = [p.json()["entry"][0]["messaging"][0]["message"] for p in ingest.posts()]
    assert events[0]["reply_to"]["story"]["id"] == "179"
    assert events[1]["attachments"][0]["type"] == "story_mention"
    assert events[2] == {"mid": "ig_1", "is_deleted": True}
    refused = client.post("/sandbox/messenger/messages", json={"from": PSID, "story_mention": True})
    assert refused.status_code == 422


def test_a_replayed_message_id_sends_the_same_bytes(client: TestClient, ingest: FakeIngest):
    first = says(client, text="hello")
    again = says(client, text="hello", message_id=first["message_id"])
    assert again["retry"] and ingest.posts()[0].content == ingest.posts()[1].content
    transcript = client.get(f"/sandbox/messenger/conversations/{PSID}").json()["messages"]
    assert len(transcript) == 1


def test_the_transcript_holds_both_directions_in_order(client: TestClient):
    says(client, text="hello")
    client.post(SEND["messenger"], json=send_body("Hi, how can I help?"), headers=PAGE_AUTH)
    tagged = send_body("Sorry for the wait", messaging_type="MESSAGE_TAG", tag="HUMAN_AGENT")
    client.post(SEND["messenger"], json=tagged, headers=PAGE_AUTH)
    messages = client.get(f"/sandbox/messenger/conversations/{PSID}").json()["messages"]
    assert [(m["author"], m["text"]) for m in messages] == [
        ("customer", "hello"),
        ("business", "Hi, how can I help?"),
        ("business", "Sorry for the wait"),
    ]
    assert messages[2]["tag"] == "HUMAN_AGENT" and messages[2]["status"] == "sent"


async def test_messenger_posts_a_delivery_receipt_after_a_send(make_sandbox, ingest: FakeIngest):
    client, state = make_sandbox(sandbox_status_webhooks=True, sandbox_status_delay_seconds=0)
    sent = await client.post(SEND["messenger"], json=send_body(), headers=PAGE_AUTH)
    await state.drain()
    [receipt] = ingest.posts()
    event = receipt.json()["entry"][0]["messaging"][0]
    assert event["delivery"]["mids"] == [sent.json()["message_id"]] and event["sender"]["id"] == PSID


def test_raw_and_verify(client: TestClient, ingest: FakeIngest):
    raw = client.post("/sandbox/instagram/raw", json={"body": "{}", "signature": "absent"})
    assert raw.status_code == 200
    assert "X-Hub-Signature-256" not in ingest.posts()[0].headers
    verify = client.post("/sandbox/messenger/verify", json={"verify_token": "test-verify-token"})
    assert verify.json()["ok"] is True


def test_config_names_the_accounts_and_no_token(client: TestClient):
    config = client.get("/sandbox/config").json()
    assert config["messenger"]["page_id"] == PAGE and config["instagram"]["account_id"] == IG
    assert config["channels"][:2] == ["messenger", "instagram"]
    assert "sandbox-page-token" not in str(config) and "sandbox-instagram-token" not in str(config)


@pytest.mark.parametrize(("channel", "story"), [("messenger", False), ("instagram", True)])
def test_each_platform_has_a_chat_page(client: TestClient, channel, story):
    page = client.get(f"/sandbox/{channel}/")
    assert page.status_code == 200 and f'const CHANNEL = "{channel}"' in page.text
    assert ('id="mention"' in page.text) is story and "__" not in page.text.replace("__proto__", "")
