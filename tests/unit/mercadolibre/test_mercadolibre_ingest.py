"""MercadoLibre notifications at ingest: parsed without calling MercadoLibre, checked against the seller's
connected account, published on channel.notification."""

import json

import pytest
from fastapi.testclient import TestClient

from parley_business.channel_accounts import ChannelAccount
from parley_contracts import Channel, ChannelNotification, resource_key
from parley_ingest.delivery import MalformedWebhook
from parley_ingest.mercadolibre import notification_event, parse_notification
from tests.fakes import StaticAccounts
from tests.unit.ingest.test_webhook_routes import RecordingPublisher, app
from tests.unit.mercadolibre.payloads import MESSAGE_NOTIFICATION, QUESTION_NOTIFICATION

URL = "/webhooks/mercadolibre"
SELLER = "123456789"
APP_ID = "2069392825111111"


def seller(client_id: str = APP_ID) -> ChannelAccount:
    return ChannelAccount(channel=Channel.MERCADOLIBRE, account_id=SELLER, tenant="t", config={"client_id": client_id})


def post(publisher: RecordingPublisher, account: ChannelAccount | None = None, **request: object):
    accounts = StaticAccounts(account or seller())
    with TestClient(app(publisher, accounts), raise_server_exceptions=False) as client:
        return client.post(URL, **request)


def test_a_question_notification_is_parsed_with_ids_as_text():
    notification, payload = parse_notification(json.dumps(QUESTION_NOTIFICATION).encode())
    assert (notification.user_id, notification.application_id, notification.topic) == (SELLER, APP_ID, "questions")
    assert notification.fetched and notification.sent is not None
    event = notification_event(notification, "t", payload)
    assert event.thread_key == resource_key(Channel.MERCADOLIBRE, SELLER, "/questions/5036111111")
    assert event.payload == QUESTION_NOTIFICATION and event.subject == "questions"


def test_a_message_notification_keeps_its_unknown_fields():
    notification, payload = parse_notification(json.dumps(MESSAGE_NOTIFICATION).encode())
    assert notification.resource == MESSAGE_NOTIFICATION["resource"] and notification.user_id == SELLER
    assert notification_event(notification, "t", payload).payload["actions"] == ["created"]


def test_an_oversized_notification_keeps_only_the_documented_fields():
    body = {**MESSAGE_NOTIFICATION, "padding": "x" * 100_000}
    notification, payload = parse_notification(json.dumps(body).encode())
    event = notification_event(notification, "t", payload, limit_bytes=16 * 1024)
    assert "padding" not in event.payload and event.payload["actions"] == ["created"]
    assert notification_event(notification, "t", payload).payload["padding"] == "x" * 100_000


def test_deeply_nested_json_is_malformed_not_a_crash():
    with pytest.raises(MalformedWebhook):
        parse_notification(b"[" * 100_000 + b"]" * 100_000)


def test_an_unparseable_time_is_not_a_reason_to_refuse():
    notification, _ = parse_notification(json.dumps({**QUESTION_NOTIFICATION, "sent": "yesterday"}).encode())
    assert notification.sent is None


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[]",
        json.dumps({**QUESTION_NOTIFICATION, "user_id": "abc"}).encode(),
        json.dumps({k: v for k, v in QUESTION_NOTIFICATION.items() if k != "resource"}).encode(),
        json.dumps({**QUESTION_NOTIFICATION, "topic": ""}).encode(),
        json.dumps({**QUESTION_NOTIFICATION, "user_id": True}).encode(),
    ],
)
def test_what_is_not_a_notification_is_malformed(body: bytes):
    with pytest.raises(MalformedWebhook):
        parse_notification(body)


def test_a_notification_is_published_and_answered_200():
    publisher = RecordingPublisher()
    response = post(publisher, json=QUESTION_NOTIFICATION)
    assert response.status_code == 200
    [event] = publisher.events
    assert isinstance(event, ChannelNotification) and event.tenant == "t" and event.account_id == SELLER


def test_malformed_is_400_and_nothing_is_published():
    publisher = RecordingPublisher()
    response = post(publisher, content=b'{"resource": 1}')
    assert response.status_code == 400 and "malformed MercadoLibre notification" in response.json()["detail"]
    assert publisher.events == []


def test_another_application_is_403():
    publisher = RecordingPublisher()
    response = post(publisher, seller(client_id="our-app"), json=QUESTION_NOTIFICATION)
    assert response.status_code == 403 and "application_id" in response.json()["detail"]
    assert publisher.events == []


def test_a_topic_parley_does_not_read_is_200_and_ignored():
    publisher = RecordingPublisher()
    body = {**QUESTION_NOTIFICATION, "topic": "orders_v2", "resource": "/orders/2000003508419013"}
    assert post(publisher, json=body).status_code == 200
    assert publisher.events == [] and publisher.dead_letters == []


def test_an_unconnected_seller_is_a_dead_letter():
    publisher = RecordingPublisher()
    body = {**QUESTION_NOTIFICATION, "user_id": 999}
    assert post(publisher, json=body).status_code == 200
    [letter] = publisher.dead_letters
    assert letter.redrivable is False and "999" in letter.error and publisher.events == []


def test_an_oversized_notification_is_still_published():
    publisher = RecordingPublisher()
    body = {**QUESTION_NOTIFICATION, "padding": "x" * 600_000}
    assert post(publisher, json=body).status_code == 200
    [event] = publisher.events
    assert isinstance(event, ChannelNotification) and "padding" not in event.payload
