"""Ingest's HTTP behaviour with a recording publisher instead of Kafka (the real broker is in integration)."""

import hashlib
import hmac

import pytest
from fastapi.testclient import TestClient

from parley_contracts import Event, MessageReceived
from parley_ingest.app import create_app
from parley_ingest.settings import IngestSettings
from tests.unit.ingest.test_whatsapp_parsing import TEXT, webhook

SECRET = "unit-secret"


class RecordingPublisher:
    def __init__(self, fail: bool = False) -> None:
        self.events: list[Event] = []
        self.fail = fail

    async def publish(self, event: Event) -> None:
        if self.fail:
            raise ConnectionError("broker down")
        self.events.append(event)


def client(publisher: RecordingPublisher, **settings) -> TestClient:
    config = IngestSettings(whatsapp_app_secret=SECRET, whatsapp_verify_token="vt", max_body_bytes=4096, **settings)
    return TestClient(create_app(config, publisher), raise_server_exceptions=False)


def signed(body: bytes) -> dict[str, str]:
    return {
        "X-Hub-Signature-256": "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest(),
        "Content-Type": "application/json",
    }


@pytest.fixture
def publisher() -> RecordingPublisher:
    return RecordingPublisher()


def test_verification_echoes_the_challenge(publisher):
    with client(publisher) as c:
        ok = c.get(
            "/webhooks/whatsapp", params={"hub.mode": "subscribe", "hub.verify_token": "vt", "hub.challenge": "c-123"}
        )
        assert ok.status_code == 200 and ok.text == "c-123"
        bad = c.get(
            "/webhooks/whatsapp", params={"hub.mode": "subscribe", "hub.verify_token": "no", "hub.challenge": "x"}
        )
        assert bad.status_code == 403


def test_signed_delivery_is_published_then_acknowledged(publisher):
    body = webhook([TEXT])
    with client(publisher, whatsapp_accounts={"100": "aurora"}) as c:
        response = c.post("/webhooks/whatsapp", content=body, headers=signed(body))
    assert response.status_code == 200
    [event] = publisher.events
    assert isinstance(event, MessageReceived) and event.tenant == "aurora"


def test_a_message_in_an_unexpected_shape_is_published_beside_the_rest(publisher):
    broken = {**TEXT, "id": "wamid.IMG", "type": "image", "image": {"mime_type": "image/jpeg"}}  # no media id
    body = webhook([broken, TEXT])
    with client(publisher) as c:
        assert c.post("/webhooks/whatsapp", content=body, headers=signed(body)).status_code == 200
    kept, text = publisher.events
    assert isinstance(kept, MessageReceived) and kept.content.type == "unsupported"
    assert kept.content.data["image"] == {"mime_type": "image/jpeg"}
    assert isinstance(text, MessageReceived) and text.content.text == "hola"


def test_bad_or_missing_signature_publishes_nothing(publisher):
    body = webhook([TEXT])
    with client(publisher) as c:
        assert c.post("/webhooks/whatsapp", content=body).status_code == 401
        forged = {"X-Hub-Signature-256": "sha256=" + "0" * 64}
        assert c.post("/webhooks/whatsapp", content=body, headers=forged).status_code == 401
    assert publisher.events == []


def test_malformed_body_is_a_400_with_the_reason(publisher):
    body = b'{"object": "whatsapp_business_account"}'
    with client(publisher) as c:
        response = c.post("/webhooks/whatsapp", content=body, headers=signed(body))
    assert response.status_code == 400
    assert "entry" in response.json()["detail"]
    assert publisher.events == []


def test_oversized_body_is_a_413(publisher):
    body = b"{" + b" " * 5000 + b"}"
    with client(publisher) as c:
        assert c.post("/webhooks/whatsapp", content=body, headers=signed(body)).status_code == 413


def test_a_retry_already_published_here_is_acknowledged_without_republishing(publisher):
    body = webhook([TEXT])
    with client(publisher) as c:
        assert c.post("/webhooks/whatsapp", content=body, headers=signed(body)).status_code == 200
        assert c.post("/webhooks/whatsapp", content=body, headers=signed(body)).status_code == 200
    assert len(publisher.events) == 1


def test_kafka_failure_is_a_5xx_so_meta_retries():
    failing = RecordingPublisher(fail=True)
    body = webhook([TEXT])
    with client(failing) as c:
        assert c.post("/webhooks/whatsapp", content=body, headers=signed(body)).status_code == 500
