"""ingest as a process: signed webhooks in, `message.received` on the real broker out."""

import hashlib
import hmac
import json
import uuid

import pytest

from tests.kafka_helpers import wait_for_records

pytestmark = pytest.mark.integration
SECRET = "it-app-secret"


def whatsapp_text(wamid: str, wa_id: str, text: str) -> bytes:
    value = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "15550000001", "phone_number_id": "100000000000001"},
        "contacts": [{"profile": {"name": "Ana"}, "wa_id": wa_id}],
        "messages": [{"from": wa_id, "id": wamid, "timestamp": "1767225600", "type": "text", "text": {"body": text}}],
    }
    hook = {
        "object": "whatsapp_business_account",
        "entry": [{"id": "W", "changes": [{"field": "messages", "value": value}]}],
    }
    return json.dumps(hook).encode()


def sign(body: bytes) -> dict[str, str]:
    return {"X-Hub-Signature-256": "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()}


async def test_signed_webhook_is_on_kafka_when_acknowledged(services, http, infra):
    stack = services("ingest", WHATSAPP_APP_SECRET=SECRET, WHATSAPP_ACCOUNTS='{"100000000000001": "aurora"}')
    wamid = f"wamid.{uuid.uuid4().hex}"
    body = whatsapp_text(wamid, "5215550001", "¿hacen envíos a Monterrey?")
    response = await http.post(stack.url("ingest") + "/webhooks/whatsapp", content=body, headers=sign(body))
    assert response.status_code == 200
    [record] = await wait_for_records(
        infra.kafka_bootstrap, "message.received", lambda v: v.get("provider_message_id") == wamid, timeout=20
    )
    assert record["tenant"] == "aurora"
    assert record["content"]["text"] == "¿hacen envíos a Monterrey?"
    assert record["dedupe_key"] == f"whatsapp:{wamid}"


async def test_rejected_webhooks_publish_nothing(services, http, infra):
    stack = services("ingest", WHATSAPP_APP_SECRET=SECRET)
    wamid = f"wamid.{uuid.uuid4().hex}"
    body = whatsapp_text(wamid, "5215550002", "hi")
    url = stack.url("ingest") + "/webhooks/whatsapp"
    assert (
        await http.post(url, content=body, headers={"X-Hub-Signature-256": "sha256=" + "ab" * 32})
    ).status_code == 401
    broken = body[:-2]
    assert (await http.post(url, content=broken, headers=sign(broken))).status_code == 400
    found = await wait_for_records(
        infra.kafka_bootstrap, "message.received", lambda v: v.get("provider_message_id") == wamid, timeout=3
    )
    assert found == []
