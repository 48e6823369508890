"""Ingest's HTTP behaviour with a recording publisher instead of Kafka (the real broker is in integration)."""

import asyncio
import hashlib
import hmac
import json
import time

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from parley_business.channel_account_store import AccountsUnavailable
from parley_contracts import Channel, DeadLetter, Event, MessageReceived, MessageStatus
from parley_ingest.app import create_app
from parley_ingest.publisher import PublishFailed
from parley_ingest.settings import IngestSettings
from tests.fakes import StaticAccounts, channel_account
from tests.unit.ingest.test_whatsapp_parsing import STATUS, TEXT, webhook

SECRET = "unit-secret"
URL = "/webhooks/whatsapp"


class RecordingPublisher:
    """Kafka as the routes see it: records what is acknowledged; can refuse (`failure`), never answer (`hang`),
    or be unreachable (`broker_up`)."""

    def __init__(self) -> None:
        self.events: list[Event] = []
        self.dead_letters: list[DeadLetter] = []
        self.failure: Exception | None = None
        self.hang = False
        self.broker_up = True

    async def publish(self, event: Event) -> None:
        if self.hang:
            await asyncio.Event().wait()
        if self.failure is not None:
            raise self.failure
        self.events.append(event)

    async def reachable(self, timeout: float) -> bool:
        return self.broker_up

    async def publish_dead_letter(self, letter: DeadLetter) -> None:
        if self.failure is not None:
            raise self.failure
        self.dead_letters.append(letter)


# The phone number id of the webhooks in test_whatsapp_parsing, connected to business unit "t".
CONNECTED = StaticAccounts(channel_account(Channel.WHATSAPP, "100", "t", access_token="tok"))


def app(publisher: RecordingPublisher, accounts: StaticAccounts = CONNECTED, **settings: object) -> FastAPI:
    """The real app with `publisher`, and settings by field name (those read from INGEST_* are passed by that
    name, which is what the constructor takes)."""
    fields = IngestSettings.model_fields
    named = {str(fields[name].validation_alias or name): value for name, value in settings.items()}
    return create_app(
        IngestSettings(**{"whatsapp_app_secret": SECRET, "whatsapp_verify_token": "vt", **named}), publisher, accounts
    )


def client(publisher: RecordingPublisher, accounts: StaticAccounts = CONNECTED, **settings: object) -> TestClient:
    return TestClient(app(publisher, accounts, **settings), raise_server_exceptions=False)


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
        ok = c.get(URL, params={"hub.mode": "subscribe", "hub.verify_token": "vt", "hub.challenge": "c-123"})
        assert ok.status_code == 200 and ok.text == "c-123"
        bad = c.get(URL, params={"hub.mode": "subscribe", "hub.verify_token": "no", "hub.challenge": "x"})
        assert bad.status_code == 403


def test_signed_delivery_is_published_then_acknowledged(publisher):
    body = webhook([TEXT])
    accounts = StaticAccounts(channel_account(Channel.WHATSAPP, "100", "aurora", access_token="tok"))
    with client(publisher, accounts) as c:
        response = c.post(URL, content=body, headers=signed(body))
    assert response.status_code == 200
    [event] = publisher.events
    assert isinstance(event, MessageReceived) and event.tenant == "aurora"
    assert publisher.dead_letters == []


def test_a_delivery_for_a_number_nobody_connected_is_kept_as_a_dead_letter_not_a_conversation(publisher):
    body = webhook([TEXT])
    with client(publisher, StaticAccounts()) as c:
        response = c.post(URL, content=body, headers=signed(body))
    assert response.status_code == 200  # kept: Meta must not retry it for a week
    assert publisher.events == []
    [letter] = publisher.dead_letters
    assert letter.source_topic == "message.received" and letter.service == "ingest" and not letter.redrivable
    assert "whatsapp account(s) 100 not connected" in letter.error
    assert letter.original == json.loads(body)


def test_a_dead_letter_the_broker_does_not_take_is_a_503(publisher):
    publisher.failure = PublishFailed("down")
    body = webhook([TEXT])
    with client(publisher, StaticAccounts()) as c:
        response = c.post(URL, content=body, headers=signed(body))
    assert response.status_code == 503 and response.headers["Retry-After"]


def test_a_message_in_an_unexpected_shape_is_published_beside_the_rest(publisher):
    broken = {**TEXT, "id": "wamid.IMG", "type": "image", "image": {"mime_type": "image/jpeg"}}  # no media id
    body = webhook([broken, TEXT])
    with client(publisher) as c:
        assert c.post(URL, content=body, headers=signed(body)).status_code == 200
    kept, text = publisher.events
    assert isinstance(kept, MessageReceived) and kept.content.type == "unsupported"
    assert kept.content.data["image"] == {"mime_type": "image/jpeg"}
    assert isinstance(text, MessageReceived) and text.content.text == "hola"


def test_played_and_unknown_statuses_never_lose_the_message_beside_them(publisher):
    statuses = [{**STATUS, "status": "played"}, {**STATUS, "id": "wamid.OUT2", "status": "deleted"}]
    body = webhook([TEXT], statuses=statuses)
    with client(publisher) as c:
        assert c.post(URL, content=body, headers=signed(body)).status_code == 200
    message, status = publisher.events
    assert isinstance(message, MessageReceived) and isinstance(status, MessageStatus)
    assert status.status == "read" and status.provider_message_id == "wamid.OUT"


def test_an_impossible_timestamp_is_published_at_the_receipt_time(publisher):
    body = webhook([{**TEXT, "timestamp": "9" * 30}])
    with client(publisher) as c:
        before = time.time()
        assert c.post(URL, content=body, headers=signed(body)).status_code == 200
    [event] = publisher.events
    assert event.sent_at.timestamp() >= before and event.content.data["provider_timestamp"] == "9" * 30


@pytest.mark.parametrize("payload", [42, 4.5, {"order": 7, "sku": ["a"]}, ["x"], True])
def test_button_payloads_and_ids_that_are_not_text_are_kept_as_text(publisher, payload):
    template = {**TEXT, "id": "wamid.T", "type": "button", "button": {"text": "Yes", "payload": payload}}
    reply = {"type": "button_reply", "button_reply": {"id": payload, "title": "Yes"}}
    interactive = {**TEXT, "id": "wamid.I", "type": "interactive", "interactive": reply}
    body = webhook([template, interactive])
    with client(publisher) as c:
        assert c.post(URL, content=body, headers=signed(body)).status_code == 200
    payloads = [(e.content.type, e.content.payload) for e in publisher.events]
    text = json.dumps(payload, separators=(",", ":")).lower()  # the JSON of what came: 42, 4.5, {…}, true
    assert payloads == [("button_reply", text), ("button_reply", text)]


def test_bad_or_missing_signature_publishes_nothing(publisher):
    body = webhook([TEXT])
    with client(publisher) as c:
        missing = c.post(URL, content=body)
        forged = c.post(URL, content=body, headers={"X-Hub-Signature-256": "sha256=" + "0" * 64})
        not_ascii = c.post(URL, content=body, headers={"X-Hub-Signature-256": "sha256=é".encode("latin-1")})
    assert [r.status_code for r in (missing, forged, not_ascii)] == [401, 401, 401]
    assert all(r.json()["detail"] for r in (missing, forged, not_ascii))
    assert publisher.events == []


def test_malformed_body_is_a_400_with_the_reason(publisher):
    body = b'{"object": "whatsapp_business_account"}'
    with client(publisher) as c:
        response = c.post(URL, content=body, headers=signed(body))
    assert response.status_code == 400
    assert "entry" in response.json()["detail"]
    assert publisher.events == []


def test_oversized_body_is_a_413_whether_declared_or_streamed(publisher):
    body = b"{" + b" " * 5000 + b"}"

    def chunks():
        for start in range(0, len(body), 1000):  # chunked: no Content-Length to trust
            yield body[start : start + 1000]

    with client(publisher, max_body_bytes=4096) as c:
        declared = c.post(URL, content=body, headers=signed(body))
        streamed = c.post(URL, content=chunks(), headers=signed(body))
    assert [declared.status_code, streamed.status_code] == [413, 413]
    assert "4096" in streamed.json()["detail"]


def test_a_megabyte_of_text_is_published_cut_never_a_5xx(publisher):
    body = webhook([{**TEXT, "text": {"body": "a" * 1_100_000}}])  # ~1.1 MB, as the probe sent
    with client(publisher, text_limit_chars=32_768) as c:
        assert c.post(URL, content=body, headers=signed(body)).status_code == 200
    [event] = publisher.events
    assert len(event.content.text) == 32_768 and event.content.data["text_truncated_from"] == 1_100_000
    assert len(event.model_dump_json().encode()) < 512 * 1024


def test_a_retry_already_published_here_is_acknowledged_without_republishing(publisher):
    body = webhook([TEXT])
    with client(publisher) as c:
        assert c.post(URL, content=body, headers=signed(body)).status_code == 200
        assert c.post(URL, content=body, headers=signed(body)).status_code == 200
    assert len(publisher.events) == 1


def test_a_broker_refusal_is_a_503_with_retry_after_so_meta_retries(publisher):
    publisher.failure = PublishFailed("KafkaConnectionError: no broker")
    body = webhook([TEXT])
    with client(publisher) as c:
        response = c.post(URL, content=body, headers=signed(body))
        health = c.get("/healthz")
    assert response.status_code == 503 and response.headers["Retry-After"] == "5"
    assert response.json()["detail"]
    assert health.status_code == 503 and "publish failed" in health.json()["reason"]


def test_no_acknowledgement_in_time_is_a_503_at_the_deadline_and_health_recovers_with_the_broker(publisher):
    publisher.hang = True
    body = webhook([TEXT])
    with client(publisher, publish_timeout_seconds=0.3) as c:
        started = time.monotonic()
        response = c.post(URL, content=body, headers=signed(body))
        waited = time.monotonic() - started
        assert response.status_code == 503 and response.headers["Retry-After"] == "5"
        assert 0.3 <= waited < 2
        assert c.get("/healthz").status_code == 503
        publisher.hang = False
        assert c.post(URL, content=body, headers=signed(body)).status_code == 200
        assert c.get("/healthz").json() == {"status": "ok"}
    [event] = publisher.events  # the retry: the one that timed out was never acknowledged
    assert event.provider_message_id == "wamid.A"


def test_health_is_503_while_the_broker_does_not_answer(publisher):
    publisher.broker_up = False
    with client(publisher) as c:
        response = c.get("/healthz")
    assert response.status_code == 503 and "metadata" in response.json()["reason"]


def test_one_address_sending_too_fast_gets_429_with_retry_after(publisher):
    body = webhook([TEXT])
    with client(publisher, rate_limit_per_second=0.5, rate_limit_burst=2) as c:
        answers = [c.post(URL, content=body, headers=signed(body)) for _ in range(3)]
        verification = c.get(URL, params={"hub.mode": "subscribe", "hub.verify_token": "vt", "hub.challenge": "c"})
        health = c.get("/healthz")
    assert [a.status_code for a in answers] == [200, 200, 429]
    assert answers[2].headers["Retry-After"] == "2" and answers[2].json()["detail"]
    assert verification.status_code == 429
    assert health.status_code == 200  # only the webhook routes are limited


class AccountsAway:
    """The database is down and the accounts were never read."""

    async def get(self, channel, account_id):
        raise AccountsUnavailable("channel accounts cannot be read: ServerSelectionTimeoutError")

    async def directory(self, channel):
        raise AccountsUnavailable("channel accounts cannot be read: ServerSelectionTimeoutError")


def test_accounts_that_cannot_be_read_are_a_503_the_provider_retries(publisher):
    body = webhook([TEXT])
    with client(publisher, AccountsAway()) as c:  # type: ignore[arg-type]
        response = c.post(URL, content=body, headers=signed(body))
    assert response.status_code == 503 and response.headers["Retry-After"]
    assert publisher.events == [] and publisher.dead_letters == []
