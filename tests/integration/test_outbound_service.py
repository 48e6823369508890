"""outbound as a process: `message.send` from the real broker to the sandbox's WhatsApp endpoint."""

import base64

import pytest

from parley_contracts import MessageSend, OutboundContent, TemplateMessage
from parley_conversations.media import MediaStore
from tests.events import send
from tests.kafka_helpers import eventually, publish_event, wait_for_records

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def stack(services):
    running = services("sandbox", "outbound", SEND_RETRY_HORIZON_SECONDS="2")
    running.seed_demo()  # connects the sandbox's WhatsApp number, whose credentials outbound sends with
    return running


async def sent_to(http, stack, wa_id: str) -> list[dict]:
    response = await http.get(stack.url("sandbox") + "/sandbox/sent", params={"channel": "whatsapp", "to": wa_id})
    return response.json()["requests"]


async def test_message_is_sent_once_and_its_status_published(stack, infra, http, db):
    message = send("Your order ships today.")
    await publish_event(infra.kafka_bootstrap, message)
    await publish_event(infra.kafka_bootstrap, message.model_copy(update={"event_id": "redelivered"}))
    [status, *_] = await wait_for_records(
        infra.kafka_bootstrap, "message.status", lambda v: v.get("send_id") == message.send_id, count=2, settle=2
    )
    assert status["status"] == "sent" and status["provider_message_id"].startswith("wamid.")
    requests = await sent_to(http, stack, message.recipient.id)
    assert len(requests) == 1
    assert requests[0]["body"]["text"]["body"] == "Your order ships today."
    ledger = await db["outbound_sends"].find_one({"_id": message.send_id})
    assert ledger["state"] == "sent" and ledger["provider_message_id"] == status["provider_message_id"]


async def test_server_errors_are_retried_then_delivered(stack, infra, http):
    await http.post(stack.url("sandbox") + "/sandbox/faults", json={"channel": "whatsapp", "status": 500, "count": 2})
    message = send("after two failures")
    await publish_event(infra.kafka_bootstrap, message)
    [status] = await wait_for_records(
        infra.kafka_bootstrap, "message.status", lambda v: v.get("send_id") == message.send_id
    )
    assert status["status"] == "sent" and status["attempts"] == 3
    assert len(await eventually(lambda: sent_to(http, stack, message.recipient.id))) == 1


async def test_past_the_retry_horizon_the_send_is_given_up_and_dead_lettered(stack, infra, http):
    faults = stack.url("sandbox") + "/sandbox/faults"
    await http.post(faults, json={"channel": "whatsapp", "status": 429, "count": 1000})
    try:
        message = send("never arrives")
        await publish_event(infra.kafka_bootstrap, message)
        [status] = await wait_for_records(
            infra.kafka_bootstrap, "message.status", lambda v: v.get("send_id") == message.send_id
        )
        assert status["status"] == "failed" and status["attempts"] >= 2
        assert "gave up after" in status["error"] and "429" in status["error"]
        [letter] = await wait_for_records(
            infra.kafka_bootstrap,
            "message.send.dlq",
            lambda v: (v.get("original") or {}).get("send_id") == message.send_id,
        )
        assert letter["service"] == "outbound"
        assert await sent_to(http, stack, message.recipient.id) == []
    finally:
        await http.delete(faults)


async def test_a_provider_outage_parks_one_thread_without_holding_up_the_others(stack, infra, http, db):
    faults = stack.url("sandbox") + "/sandbox/faults"
    await http.post(faults, json={"channel": "whatsapp", "status": 500, "count": 1})
    stuck, free = send("first in line"), send("another customer")
    await publish_event(infra.kafka_bootstrap, stuck)
    await eventually(lambda: db["outbound_sends"].find_one({"_id": stuck.send_id, "state": "waiting"}), timeout=20)
    await publish_event(infra.kafka_bootstrap, free)
    assert await eventually(lambda: sent_to(http, stack, free.recipient.id), timeout=20)
    assert await eventually(lambda: sent_to(http, stack, stuck.recipient.id), timeout=20)  # retried by the loop
    # The provider has the message before outbound records it as sent: wait for the ledger too.
    ledger = await eventually(
        lambda: db["outbound_sends"].find_one({"_id": stuck.send_id, "state": "sent"}), timeout=10
    )
    assert ledger is not None and ledger["attempts"] == 2


# A 1×1 PNG: the sandbox, like Meta, takes only files of an accepted type.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def with_content(content: OutboundContent) -> MessageSend:
    return send().model_copy(update={"content": content})


async def statuses_of(infra, message: MessageSend, count: int = 1) -> list[dict]:
    return await wait_for_records(
        infra.kafka_bootstrap, "message.status", lambda v: v.get("send_id") == message.send_id, count=count, settle=1
    )


async def test_an_approved_template_is_sent_on_its_own(stack, infra, http):
    template = TemplateMessage(name="order_update", language="en", parameters=["Ana", "#1234"])
    message = with_content(OutboundContent(template=template))
    await publish_event(infra.kafka_bootstrap, message)
    [status] = await statuses_of(infra, message)
    assert status["status"] == "sent", status
    [request] = await sent_to(http, stack, message.recipient.id)
    assert request["body"]["type"] == "template"
    assert request["body"]["template"] == {
        "name": "order_update",
        "language": {"code": "en"},
        "components": [
            {"type": "body", "parameters": [{"type": "text", "text": "Ana"}, {"type": "text", "text": "#1234"}]}
        ],
    }
    assert request["message_id"] == status["provider_message_id"]


async def test_text_and_an_image_arrive_as_one_captioned_image_uploaded_first(stack, infra, http, db):
    message = send()
    image = await MediaStore(db).put(
        tenant=message.tenant, data=PNG, mime_type="image/png", filename="receipt.png", uploaded_by="op_1"
    )
    message = message.model_copy(update={"content": OutboundContent(text="Your receipt", attachments=[image])})
    await publish_event(infra.kafka_bootstrap, message)
    [status] = await statuses_of(infra, message)
    assert status["status"] == "sent", status
    [request] = await sent_to(http, stack, message.recipient.id)
    assert request["body"]["type"] == "image"
    assert request["body"]["image"]["caption"] == "Your receipt"
    ledger = await db["outbound_sends"].find_one({"_id": message.send_id})
    assert ledger["state"] == "sent" and ledger["provider_message_ids"] == [status["provider_message_id"]]
    assert ledger["uploads"] == [{"media_id": image.media_id, "provider_media_id": request["body"]["image"]["id"]}]


async def test_a_send_interrupted_between_parts_resumes_after_the_parts_sent(stack, infra, http, db):
    message = send()
    image = await MediaStore(db).put(
        tenant=message.tenant, data=PNG, mime_type="image/png", filename="a.png", uploaded_by="op_1"
    )
    long_text = "Details follow. " * 80  # longer than a caption: the text is its own first part
    message = message.model_copy(update={"content": OutboundContent(text=long_text, attachments=[image])})
    # What an earlier delivery left behind when it died right after sending the text.
    await db["outbound_sends"].insert_one(
        {
            "_id": message.send_id,
            "thread_key": message.thread_key,
            "state": "sending",
            "attempts": 1,
            "provider_message_ids": ["wamid.TEXT_BEFORE_CRASH"],
            "uploads": [],
        }
    )
    await publish_event(infra.kafka_bootstrap, message)
    before, after = await statuses_of(infra, message, count=2)
    assert before["provider_message_id"] == "wamid.TEXT_BEFORE_CRASH" and before["status"] == "sent"
    assert after["status"] == "sent", after
    [request] = await sent_to(http, stack, message.recipient.id)  # the text is not sent again
    assert request["body"]["type"] == "image" and "caption" not in request["body"]["image"]
    ledger = await db["outbound_sends"].find_one({"_id": message.send_id})
    assert ledger["provider_message_ids"] == ["wamid.TEXT_BEFORE_CRASH", after["provider_message_id"]]


async def test_an_attachment_missing_from_the_media_store_fails_permanently(stack, infra, http):
    content = OutboundContent(text="Here", attachments=[{"kind": "image", "media_id": "med_missing"}])
    message = with_content(content)
    await publish_event(infra.kafka_bootstrap, message)
    [status] = await statuses_of(infra, message)
    assert status["status"] == "failed" and "med_missing is not in the media store" in status["error"]
    [letter] = await wait_for_records(
        infra.kafka_bootstrap, "message.send.dlq", lambda v: (v.get("original") or {}).get("send_id") == message.send_id
    )
    assert letter["service"] == "outbound" and "med_missing" in letter["error"]
    assert await sent_to(http, stack, message.recipient.id) == []
