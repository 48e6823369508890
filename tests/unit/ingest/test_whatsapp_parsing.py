import hashlib
import hmac
import json
import re
from datetime import UTC, datetime

import pytest

from parley_contracts import Channel, DeliveryState, MessageReceived, MessageStatus, thread_key
from parley_ingest.delivery import Delivery, MalformedWebhook
from parley_ingest.signatures import valid_meta_signature
from parley_ingest.sizing import SizeLimits
from parley_ingest.whatsapp import parse_delivery

LIMITS = SizeLimits(text_chars=32_768, event_bytes=512 * 1024)
RECEIVED_AT = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def webhook(messages=(), statuses=(), phone_number_id="100") -> bytes:
    value = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "15550001", "phone_number_id": phone_number_id},
        "contacts": [{"profile": {"name": "Ana"}, "wa_id": "5215551234"}],
        "messages": list(messages),
        "statuses": list(statuses),
    }
    return json.dumps(
        {
            "object": "whatsapp_business_account",
            "entry": [{"id": "WABA", "changes": [{"field": "messages", "value": value}]}],
        }
    ).encode()


def parse(body: bytes, tenant_for=lambda account: "t", limits: SizeLimits = LIMITS) -> Delivery:
    return parse_delivery(body, tenant_for, limits, received_at=RECEIVED_AT)


TEXT = {"from": "5215551234", "id": "wamid.A", "timestamp": "1767225600", "type": "text", "text": {"body": "hola"}}
STATUS = {"id": "wamid.OUT", "status": "delivered", "timestamp": "1767225601", "recipient_id": "5215551234"}


def test_text_message_becomes_message_received():
    [event] = parse(webhook([TEXT]), lambda account: {"100": "aurora"}[account]).events
    assert isinstance(event, MessageReceived)
    assert event.tenant == "aurora" and event.channel == Channel.WHATSAPP
    assert event.thread_key == thread_key("aurora", Channel.WHATSAPP, "100", "5215551234")
    assert event.contact.name == "Ana" and event.content.text == "hola"
    assert event.dedupe_key == "whatsapp:100:wamid.A"
    assert event.sent_at.timestamp() == 1767225600


def test_button_reply_keeps_title_and_id():
    button = {
        **TEXT,
        "id": "wamid.B",
        "type": "interactive",
        "interactive": {"type": "button_reply", "button_reply": {"id": "yes-1", "title": "Yes"}},
    }
    [event] = parse(webhook([button])).events
    assert event.content.type == "button_reply" and event.content.text == "Yes" and event.content.payload == "yes-1"


def test_statuses_become_message_status():
    [event] = parse(webhook(statuses=[STATUS])).events
    assert isinstance(event, MessageStatus)
    assert event.status == DeliveryState.DELIVERED and event.provider_message_id == "wamid.OUT"


def test_played_is_read_and_a_message_beside_it_is_kept():
    delivery = parse(webhook([TEXT], statuses=[{**STATUS, "status": "played"}]))
    message, status = delivery.events
    assert isinstance(message, MessageReceived) and message.content.text == "hola"
    assert isinstance(status, MessageStatus) and status.status == DeliveryState.READ
    assert delivery.notes == []


@pytest.mark.parametrize("value", ["deleted", "warning", "", 7, None, {"x": 1}])
def test_an_unknown_status_is_ignored_with_a_note_and_the_rest_is_kept(value):
    delivery = parse(webhook([TEXT], statuses=[{**STATUS, "status": value}, STATUS]))
    message, status = delivery.events
    assert isinstance(message, MessageReceived) and isinstance(status, MessageStatus)
    [note] = delivery.notes
    assert note.outcome == "ignored" and note.item_id == "wamid.OUT"
    assert note.where == "entry[0].changes[0].value.statuses[0]"


def test_a_delivery_of_only_unknown_statuses_is_accepted_with_nothing_to_publish():
    delivery = parse(webhook(statuses=[{**STATUS, "status": "deleted"}]))
    assert delivery.events == [] and [n.outcome for n in delivery.notes] == ["ignored"]


@pytest.mark.parametrize(
    "timestamp",
    ["9" * 30, "-5", "0", "yesterday", "1767225600.5", "١٧٦٧٢٢٥٦٠٠", 10**30, -1, 1e308, True, {"s": 1}, "4102444800"],
    ids=lambda t: repr(t)[:16],
)
def test_a_timestamp_that_is_not_plausible_unix_seconds_becomes_the_receipt_time(timestamp):
    delivery = parse(webhook([{**TEXT, "timestamp": timestamp}]))
    [event] = delivery.events
    assert event.sent_at == RECEIVED_AT
    assert event.content.data["provider_timestamp"] == timestamp and event.content.text == "hola"
    [note] = delivery.notes
    assert note.outcome == "repaired" and "timestamp" in note.what and note.item_id == "wamid.A"


def test_a_missing_timestamp_becomes_the_receipt_time_with_nothing_to_keep():
    [event] = parse(webhook([{k: v for k, v in TEXT.items() if k != "timestamp"}])).events
    assert event.sent_at == RECEIVED_AT and "provider_timestamp" not in event.content.data


@pytest.mark.parametrize("timestamp", [1767225600, 1767225600.0])
def test_a_timestamp_sent_as_a_number_is_read(timestamp):
    [event] = parse(webhook([{**TEXT, "timestamp": timestamp}])).events
    assert event.sent_at.timestamp() == 1767225600 and "provider_timestamp" not in event.content.data


def test_a_status_with_an_odd_timestamp_is_kept_at_the_receipt_time():
    [event] = parse(webhook(statuses=[{**STATUS, "timestamp": "9" * 40}])).events
    assert isinstance(event, MessageStatus) and event.status_at == RECEIVED_AT


def test_status_errors_in_any_shape_become_one_line():
    failed = {**STATUS, "status": "failed", "errors": [{"code": 131047, "title": "Re-engagement"}, "odd", 5]}
    [event] = parse(webhook(statuses=[failed])).events
    assert event.error == '131047: Re-engagement; "odd"; 5'


def test_ids_sent_as_numbers_are_read_as_their_digits():
    [event] = parse(webhook([{**TEXT, "from": 5215551234}], phone_number_id=100)).events
    assert event.contact.id == "5215551234" and event.account_id == "100" and event.contact.name == "Ana"


def test_a_broken_message_is_skipped_with_a_note_and_the_rest_is_published():
    broken = {k: v for k, v in TEXT.items() if k != "from"}
    delivery = parse(webhook([broken, {**TEXT, "id": "wamid.OK"}]))
    [event] = delivery.events
    assert event.provider_message_id == "wamid.OK"
    [note] = delivery.notes
    assert note.outcome == "invalid" and note.where == "entry[0].changes[0].value.messages[0]"
    assert note.what == "from: Field required"


def test_a_broken_change_does_not_lose_the_next_one():
    good = json.loads(webhook([TEXT]))
    good["entry"][0]["changes"].insert(0, {"field": "messages", "value": {"messaging_product": "whatsapp"}})
    delivery = parse(json.dumps(good).encode())
    assert [e.provider_message_id for e in delivery.events] == ["wamid.A"]
    assert delivery.notes[0].where == "entry[0].changes[0].value" and "metadata" in delivery.notes[0].what


def test_other_fields_than_messages_are_nothing_for_a_conversation():
    hook = {"object": "whatsapp_business_account", "entry": [{"changes": [{"field": "account_update", "value": 5}]}]}
    assert parse(json.dumps(hook).encode()) == Delivery()


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"not json", "Invalid JSON"),
        (b'{"object": "page", "entry": []}', "object"),
        (b'{"object": "whatsapp_business_account", "entry": {}}', "entry"),
        (webhook([TEXT])[:-3], "Invalid JSON"),
        (webhook([{k: v for k, v in TEXT.items() if k != "from"}]), "messages[0]: from: Field required"),
        (webhook([{**TEXT, "id": {"no": "object"}}]), "messages[0]: id"),
        (webhook([TEXT], phone_number_id=""), "metadata.phone_number_id"),
    ],
)
def test_a_delivery_with_nothing_usable_is_refused_with_a_reason(body, reason):
    with pytest.raises(MalformedWebhook, match=re.escape(reason)):
        parse(body)


def test_a_long_text_is_cut_keeping_its_length():
    delivery = parse(webhook([{**TEXT, "text": {"body": "é" * 50_000}}]), limits=SizeLimits(1000, 512 * 1024))
    [event] = delivery.events
    assert event.content.text == "é" * 1000 and event.content.data == {"text_truncated_from": 50_000}
    assert [(n.outcome, n.what) for n in delivery.notes] == [("repaired", "text cut from 50000 to 1000 characters")]


def test_an_event_still_too_big_loses_its_data_keeping_a_note():
    system = {"body": "x" * 40_000, "type": "user_changed_number"}  # data repeats the body
    delivery = parse(webhook([{**TEXT, "type": "system", "system": system}]), limits=SizeLimits(1000, 20_000))
    [event] = delivery.events
    assert event.content.type == "system" and len(event.content.text) == 1000
    assert event.content.data["text_truncated_from"] == 40_000 and event.content.data["data_dropped_bytes"] > 40_000
    assert len(event.model_dump_json()) <= 20_000
    assert [n.outcome for n in delivery.notes] == ["repaired", "repaired"]


def test_an_event_too_big_even_then_is_refused_beside_the_rest():
    huge_id = {**TEXT, "id": "wamid." + "9" * 30_000}
    delivery = parse(webhook([huge_id, TEXT]), limits=SizeLimits(1000, 20_000))
    assert [e.provider_message_id for e in delivery.events] == ["wamid.A"]
    assert delivery.notes[-1].outcome == "invalid" and "over the 20000-byte limit" in delivery.notes[-1].what


def test_signature_is_checked_over_the_exact_bytes():
    body = webhook([TEXT])
    good = "sha256=" + hmac.new(b"secret", body, hashlib.sha256).hexdigest()
    assert valid_meta_signature(body, good, "secret")
    assert not valid_meta_signature(body + b" ", good, "secret")
    assert not valid_meta_signature(body, good, "other-secret")
    assert not valid_meta_signature(body, None, "secret")
    assert not valid_meta_signature(body, good.removeprefix("sha256="), "secret")
    assert not valid_meta_signature(body, "sha256=é" + good[8:], "secret")  # compare_digest refuses non-ASCII


# Business-scoped user ids: a customer who adopted a username may come without a phone number, with only the
# BSUID (`from_user_id` on messages, `user_id` on contacts, `recipient_user_id` on statuses). Shape: Meta's
# business-scoped-user-ids page and a live payload that carries both.
BSUID = "US.13491208655302741918"


def test_a_message_with_only_a_bsuid_is_threaded_under_it():
    body = json.loads(webhook([{k: v for k, v in TEXT.items() if k != "from"} | {"from_user_id": BSUID}]))
    body["entry"][0]["changes"][0]["value"]["contacts"] = [
        {"profile": {"name": "Bob", "username": "@bob"}, "user_id": BSUID}
    ]
    [event] = parse(json.dumps(body).encode()).events
    assert event.contact.id == BSUID and event.contact.name == "Bob"
    assert event.thread_key == thread_key("t", Channel.WHATSAPP, "100", BSUID)
    assert "from_user_id" not in event.content.data


def test_with_both_the_number_stays_the_contact_and_the_bsuid_is_kept():
    [event] = parse(webhook([{**TEXT, "from_user_id": BSUID}])).events
    assert event.contact.id == "5215551234" and event.content.data["from_user_id"] == BSUID


def test_a_status_for_a_bsuid_recipient_is_accepted():
    status = {"id": "wamid.S", "status": "read", "timestamp": "1767225600", "recipient_user_id": BSUID}
    [event] = parse(webhook(statuses=[status])).events
    assert event.thread_key == thread_key("t", Channel.WHATSAPP, "100", BSUID)


def test_played_is_read():
    status = {"id": "wamid.S", "status": "played", "timestamp": "1767225600", "recipient_id": "5215551234"}
    [event] = parse(webhook(statuses=[status])).events
    assert event.status == DeliveryState.READ
