"""outbound as a process: `message.send` from the real broker to the sandbox's WhatsApp endpoint."""

import pytest

from tests.events import send
from tests.kafka_helpers import eventually, publish_event, wait_for_records

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def stack(services):
    return services("sandbox", "outbound", SEND_MAX_ATTEMPTS="3")


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


async def test_after_the_last_attempt_the_send_is_dead_lettered(stack, infra, http):
    await http.post(stack.url("sandbox") + "/sandbox/faults", json={"channel": "whatsapp", "status": 429, "count": 3})
    message = send("never arrives")
    await publish_event(infra.kafka_bootstrap, message)
    [status] = await wait_for_records(
        infra.kafka_bootstrap, "message.status", lambda v: v.get("send_id") == message.send_id
    )
    assert status["status"] == "failed" and status["attempts"] == 3 and "429" in status["error"]
    [letter] = await wait_for_records(
        infra.kafka_bootstrap, "message.send.dlq", lambda v: (v.get("original") or {}).get("send_id") == message.send_id
    )
    assert letter["attempts"] == 3 and letter["service"] == "outbound"
    assert await sent_to(http, stack, message.recipient.id) == []
