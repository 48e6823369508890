"""ingest as a process: signed webhooks in, `message.received` on the real broker out."""

import uuid

import pytest

from parley_business import ChannelAccountIn
from parley_contracts import Channel
from parley_sandbox.meta import serialize, signed_headers
from parley_sandbox.settings import SandboxSettings
from parley_sandbox.whatsapp import payloads
from tests.kafka_helpers import wait_for_records

pytestmark = pytest.mark.integration
SECRET = "it-app-secret"
META = SandboxSettings(whatsapp_app_secret=SECRET)


def whatsapp_text(wamid: str, wa_id: str, text: str, statuses: list[dict] | None = None) -> bytes:
    """Built and serialised by the sandbox, which plays Meta; `statuses` beside the message, as Meta may batch."""
    message = payloads.customer_message(wa_id=wa_id, wamid=wamid, timestamp=1767225600, text=text)
    hook = payloads.messages_webhook(META, wa_id=wa_id, name="Ana", message=message)
    if statuses:
        hook["entry"][0]["changes"][0]["value"]["statuses"] = statuses
    return serialize(hook)


def sign(body: bytes) -> dict[str, str]:
    return signed_headers(body, SECRET)


async def test_signed_webhook_is_on_kafka_when_acknowledged(services, http, infra, channel_accounts):
    await channel_accounts.put(
        Channel.WHATSAPP,
        META.whatsapp_phone_number_id,
        ChannelAccountIn(tenant="aurora", secrets={"access_token": "t"}),
    )
    stack = services("ingest", WHATSAPP_APP_SECRET=SECRET)
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
    health = await http.get(stack.url("ingest") + "/healthz")
    assert health.status_code == 200 and health.json() == {"status": "ok"}


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


async def test_a_megabyte_message_reaches_kafka_cut_and_statuses_beside_it_are_kept(services, http, infra):
    """The probe's findings against the real broker: a ~1.1 MB text used to fail with MessageSizeTooLargeError
    (500), and a `played` status beside a message made the whole delivery a 400."""
    stack = services("ingest", WHATSAPP_APP_SECRET=SECRET)
    wamid, sent = f"wamid.{uuid.uuid4().hex}", f"wamid.out.{uuid.uuid4().hex}"
    statuses = [
        payloads.status_item(wamid=sent, status="played", recipient_id="5215550003", timestamp=1767225601),
        payloads.status_item(wamid=sent, status="deleted", recipient_id="5215550003", timestamp=1767225602),
    ]
    body = whatsapp_text(wamid, "5215550003", "a" * 1_100_000, statuses)
    assert len(body) > 1_100_000
    response = await http.post(stack.url("ingest") + "/webhooks/whatsapp", content=body, headers=sign(body))
    assert response.status_code == 200
    [record] = await wait_for_records(
        infra.kafka_bootstrap, "message.received", lambda v: v.get("provider_message_id") == wamid, timeout=20
    )
    assert len(record["content"]["text"]) == 32_768
    assert record["content"]["data"]["text_truncated_from"] == 1_100_000
    [status] = await wait_for_records(
        infra.kafka_bootstrap, "message.status", lambda v: v.get("provider_message_id") == sent, timeout=20, settle=1
    )
    assert status["status"] == "read"
