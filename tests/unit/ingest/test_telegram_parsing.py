"""Telegram updates → events (parley_ingest.telegram), and the webhook route's answers."""

import json
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from parley_contracts import Channel, MessageReceived, dedupe_key, inbound_media_id, thread_key
from parley_ingest.app import create_app
from parley_ingest.delivery import MalformedWebhook
from parley_ingest.settings import IngestSettings
from parley_ingest.sizing import SizeLimits
from parley_ingest.telegram import TelegramDelivery, parse_update
from tests.fakes import StaticAccounts, channel_account
from tests.unit.ingest import telegram_updates as tg
from tests.unit.ingest.test_webhook_routes import RecordingPublisher

LIMITS = SizeLimits(text_chars=32_768, event_bytes=512 * 1024)
RECEIVED_AT = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
CHAT = str(tg.CHAT_ID)


def parse(update: dict | bytes) -> TelegramDelivery:
    body = update if isinstance(update, bytes) else json.dumps(update).encode()
    return parse_update(body, tg.BOT_ID, "t", LIMITS, received_at=RECEIVED_AT)


def only(update: dict) -> MessageReceived:
    [event] = parse(update).delivery.events
    assert isinstance(event, MessageReceived)
    return event


def test_a_text_message_is_threaded_by_bot_and_chat_and_deduplicated_by_chat_and_message_id():
    event = only(tg.TEXT)
    assert event.channel == Channel.TELEGRAM and event.account_id == tg.BOT_ID and event.tenant == "t"
    assert event.thread_key == thread_key("t", Channel.TELEGRAM, tg.BOT_ID, CHAT)
    assert event.provider_message_id == f"{CHAT}:42"
    assert event.dedupe_key == dedupe_key(Channel.TELEGRAM, tg.BOT_ID, f"{CHAT}:42")
    assert event.contact.id == CHAT and event.contact.name == "Ana Lima"
    assert event.content.type == "text" and event.content.text == "hola, buenos días"
    assert event.sent_at == datetime(2026, 1, 1, tzinfo=UTC)


def test_a_photo_keeps_its_largest_size_with_the_media_store_id_it_will_have():
    event = only(tg.PHOTO)
    assert event.content.type == "image" and event.content.text == "my receipt"
    [ref] = event.content.media
    assert ref.provider_media_id == "AgACAgQAAxk-large" and ref.size == 51234
    assert ref.media_id == inbound_media_id(Channel.TELEGRAM, tg.BOT_ID, "AgACAgQAAxk-large")
    assert event.content.data["width"] == 1280


@pytest.mark.parametrize(
    ("update", "kind", "mime", "text"),
    [
        (tg.DOCUMENT, "document", "application/pdf", "invoice.pdf"),
        (tg.VOICE, "audio", "audio/ogg", ""),
        (tg.STICKER, "sticker", "image/webp", "👍"),
    ],
)
def test_files_become_media_of_their_kind(update, kind, mime, text):
    event = only(update)
    assert event.content.type == kind and event.content.text == text
    [ref] = event.content.media
    assert ref.kind == kind and ref.mime_type == mime and ref.media_id and ref.provider_media_id
    if kind == "document":
        assert ref.filename == "invoice.pdf"
    if update is tg.VOICE:
        assert event.content.data["voice"] is True


def test_location_and_contact_are_kept_with_their_data():
    place = only(tg.LOCATION).content
    assert place.type == "location" and place.data["latitude"] == -34.6037
    card = only(tg.CONTACT).content
    assert card.type == "contacts" and card.text == "Juan" and card.data["contacts"][0]["user_id"] == 555


def test_a_reply_names_the_message_it_answers():
    assert only(tg.REPLY).reply_to_provider_id == f"{CHAT}:41"


def test_an_edit_is_its_own_event_naming_the_original():
    event = only(tg.EDITED)
    assert event.content.type == "edit" and event.content.text == "hola, buenas tardes"
    assert event.content.data["edits_message_id"] == f"{CHAT}:42"
    assert event.content.data["edited_type"] == "text"
    assert event.provider_message_id != only(tg.TEXT).provider_message_id
    assert event.dedupe_key != only(tg.TEXT).dedupe_key
    assert event.sent_at == datetime(2026, 1, 1, 0, 1, tzinfo=UTC)


def test_a_tapped_inline_button_is_a_button_reply_with_its_label_and_the_query_to_acknowledge():
    parsed = parse(tg.CALLBACK)
    assert parsed.callback_query_id == "4382bfdwdsb323b2d9"
    [event] = parsed.delivery.events
    assert event.content.type == "button_reply"
    assert event.content.payload == "solved:no" and event.content.text == "No"
    assert event.content.data["callback_query_id"] == "4382bfdwdsb323b2d9"
    assert event.content.data["message_provider_id"] == f"{CHAT}:50"
    assert event.provider_message_id == "4382bfdwdsb323b2d9"
    assert event.thread_key == only(tg.TEXT).thread_key
    assert event.sent_at == RECEIVED_AT


def test_a_tap_on_a_button_no_longer_in_the_message_keeps_the_data_as_text():
    query = {**tg.CALLBACK["callback_query"], "data": "gone"}
    [event] = parse(tg.update(callback_query=query)).delivery.events
    assert event.content.text == "gone" and event.content.payload == "gone"


@pytest.mark.parametrize(
    "update", [tg.CHANNEL_POST, tg.INLINE_QUERY, tg.update(), tg.update(poll_answer={"poll_id": "1"})]
)
def test_updates_parley_does_not_handle_are_ignored_with_a_note(update):
    parsed = parse(update)
    assert parsed.delivery.events == [] and parsed.callback_query_id is None
    assert [n.outcome for n in parsed.delivery.notes] == ["ignored"]


def test_unknown_message_content_is_kept_as_unsupported():
    event = only(tg.update(message=tg.message(60, dice={"emoji": "🎲", "value": 4})))
    assert event.content.type == "unsupported" and event.content.data["dice"] == {"emoji": "🎲", "value": 4}


def test_a_known_content_in_a_shape_that_does_not_parse_is_kept_with_the_error():
    event = only(tg.update(message=tg.message(61, photo="not a list")))
    assert event.content.type == "unsupported" and event.content.data["photo"] == "not a list"
    assert "photo" in event.content.data["error"]


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[]",
        b'{"message": {"text": "no update id"}}',
        b'{"update_id": "1"}',
        json.dumps(tg.update(message={"message_id": 1, "text": "no chat"})).encode(),
        json.dumps(tg.update(callback_query={"id": "x"})).encode(),
    ],
)
def test_what_is_not_a_usable_update_is_malformed(body):
    with pytest.raises(MalformedWebhook):
        parse(body)


# --- the route -----------------------------------------------------------------------------------------------

SECRET = "unit-telegram-secret"
URL = f"/webhooks/telegram/{tg.BOT_ID}"
BOT = StaticAccounts(
    channel_account(Channel.TELEGRAM, tg.BOT_ID, "t", bot_token="7000000001:tok", webhook_secret=SECRET)
)


def client(publisher: RecordingPublisher) -> TestClient:
    return TestClient(create_app(IngestSettings(), publisher, BOT), raise_server_exceptions=False)


def post(publisher: RecordingPublisher, update: dict | bytes, secret: str | None = SECRET, url: str = URL):
    body = update if isinstance(update, bytes) else json.dumps(update).encode()
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    with client(publisher) as app:
        return app.post(url, content=body, headers=headers)


def test_a_signed_update_is_published_and_answered_200():
    publisher = RecordingPublisher()
    response = post(publisher, tg.TEXT)
    assert response.status_code == 200 and response.content == b""
    [event] = publisher.events
    assert event.provider_message_id == f"{CHAT}:42"


def test_a_tap_is_acknowledged_in_the_webhook_answer():
    publisher = RecordingPublisher()
    response = post(publisher, tg.CALLBACK)
    assert response.status_code == 200
    assert response.json() == {"method": "answerCallbackQuery", "callback_query_id": "4382bfdwdsb323b2d9"}
    assert len(publisher.events) == 1


@pytest.mark.parametrize("secret", [None, "wrong", ""])
def test_a_missing_or_wrong_secret_token_is_401(secret):
    publisher = RecordingPublisher()
    response = post(publisher, tg.TEXT, secret=secret)
    assert response.status_code == 401 and "X-Telegram-Bot-Api-Secret-Token" in response.json()["detail"]
    assert publisher.events == []


def test_a_malformed_update_is_400():
    response = post(RecordingPublisher(), b'{"update_id": 1, "message": {"message_id": 1}}')
    assert response.status_code == 400 and "malformed Telegram update" in response.json()["detail"]


def test_an_unknown_bot_is_404_and_nothing_is_kept():
    """Unauthenticated (the secret token belongs to a connection): nothing is published, not even a dead letter;
    Telegram retries a genuine update once the bot is connected."""
    publisher = RecordingPublisher()
    response = post(publisher, tg.TEXT, url="/webhooks/telegram/7999999999")
    assert response.status_code == 404 and "not connected" in response.json()["detail"]
    assert publisher.dead_letters == [] and publisher.events == []


def test_the_same_update_twice_is_published_once():
    publisher = RecordingPublisher()
    body = json.dumps(tg.TEXT).encode()
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    with client(publisher) as app:
        assert app.post(URL, content=body, headers=headers).status_code == 200
        assert app.post(URL, content=body, headers=headers).status_code == 200
    assert len(publisher.events) == 1
