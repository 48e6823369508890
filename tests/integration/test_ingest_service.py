"""ingest as a process: signed webhooks in, `message.received` on the real broker out."""

import uuid

import pytest

from parley_sandbox.meta import serialize, signed_headers
from parley_sandbox.settings import SandboxSettings
from parley_sandbox.whatsapp import payloads
from tests.kafka_helpers import wait_for_records

pytestmark = pytest.mark.integration
SECRET = "it-app-secret"
META = SandboxSettings(whatsapp_app_secret=SECRET)


def whatsapp_text(wamid: str, wa_id: str, text: str) -> bytes:
    """Built and serialised by the sandbox, which plays Meta."""
    message = payloads.customer_message(wa_id=wa_id, wamid=wamid, timestamp=1767225600, text=text)
    return serialize(payloads.messages_webhook(META, wa_id=wa_id, name="Ana", message=message))


def sign(body: bytes) -> dict[str, str]:
    return signed_headers(body, SECRET)


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
    assert record["dedupe_key"] == f"whatsapp:100000000000001:{wamid}"


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
