"""The Messenger and Instagram webhook routes: handshake, signatures (each platform's own app secret), parsing,
publishing, dead letters for pages nobody connected."""

import hashlib
import hmac

import pytest
from fastapi.testclient import TestClient

from parley_contracts import Channel, MessageReceived
from parley_ingest.app import create_app
from parley_ingest.settings import IngestSettings
from tests.fakes import StaticAccounts, channel_account
from tests.unit.ingest import meta_fixtures as f
from tests.unit.ingest.test_webhook_routes import RecordingPublisher

SECRETS = {"messenger": "m-secret", "instagram": "i-secret"}
ACCOUNTS = StaticAccounts(
    channel_account(Channel.MESSENGER, f.PAGE_ID, "aurora", page_access_token="tok"),
    channel_account(Channel.INSTAGRAM, f.IG_ID, "aurora", access_token="tok"),
)


def client(publisher: RecordingPublisher, accounts: StaticAccounts = ACCOUNTS) -> TestClient:
    settings = IngestSettings(
        messenger_app_secret=SECRETS["messenger"],
        messenger_verify_token="m-vt",
        instagram_app_secret=SECRETS["instagram"],
        instagram_verify_token="i-vt",
    )
    return TestClient(create_app(settings, publisher, accounts), raise_server_exceptions=False)


def signed(body: bytes, secret: str) -> dict[str, str]:
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return {"X-Hub-Signature-256": f"sha256={digest}", "Content-Type": "application/json"}


CASES = [("messenger", f.messenger(f.M_TEXT)), ("instagram", f.instagram(f.I_TEXT))]


@pytest.mark.parametrize(("channel", "token"), [("messenger", "m-vt"), ("instagram", "i-vt")])
def test_each_platform_verifies_with_its_own_token(channel, token):
    with client(RecordingPublisher()) as c:
        url = f"/webhooks/{channel}"
        ok = c.get(url, params={"hub.mode": "subscribe", "hub.verify_token": token, "hub.challenge": "1158201444"})
        assert ok.status_code == 200 and ok.text == "1158201444"
        other = "i-vt" if token == "m-vt" else "m-vt"
        bad = c.get(url, params={"hub.mode": "subscribe", "hub.verify_token": other, "hub.challenge": "1"})
        assert bad.status_code == 403


@pytest.mark.parametrize(("channel", "body"), CASES)
def test_a_signed_delivery_is_published(channel, body):
    publisher = RecordingPublisher()
    with client(publisher) as c:
        response = c.post(f"/webhooks/{channel}", content=body, headers=signed(body, SECRETS[channel]))
    assert response.status_code == 200, response.text
    [event] = publisher.events
    assert isinstance(event, MessageReceived) and event.channel == channel and event.tenant == "aurora"


@pytest.mark.parametrize(("channel", "body"), CASES)
def test_unsigned_badly_signed_and_malformed_are_refused(channel, body):
    publisher = RecordingPublisher()
    other = SECRETS["instagram" if channel == "messenger" else "messenger"]
    with client(publisher) as c:
        url = f"/webhooks/{channel}"
        assert c.post(url, content=body).status_code == 401
        assert c.post(url, content=body, headers=signed(body, other)).status_code == 401
        junk = b'{"object":"something else","entry":[]}'
        malformed = c.post(url, content=junk, headers=signed(junk, SECRETS[channel]))
        assert malformed.status_code == 400 and "malformed" in malformed.json()["detail"]
    assert publisher.events == []


def test_the_same_webhook_twice_is_published_once():
    publisher = RecordingPublisher()
    body = f.messenger(f.M_TEXT)
    with client(publisher) as c:
        for _ in range(2):
            assert c.post("/webhooks/messenger", content=body, headers=signed(body, "m-secret")).status_code == 200
    assert len(publisher.events) == 1


def test_a_page_nobody_connected_is_a_dead_letter():
    publisher = RecordingPublisher()
    body = f.messenger(f.M_TEXT)
    with client(publisher, StaticAccounts()) as c:
        assert c.post("/webhooks/messenger", content=body, headers=signed(body, "m-secret")).status_code == 200
    assert publisher.events == []
    [letter] = publisher.dead_letters
    assert f"messenger account(s) {f.PAGE_ID} not connected" in letter.error
