import hashlib
import hmac
import json

import pytest

from parley_contracts import Channel, DeliveryState, MessageReceived, MessageStatus, thread_key
from parley_ingest.signatures import valid_meta_signature
from parley_ingest.whatsapp import MalformedWebhook, parse_events


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


TEXT = {"from": "5215551234", "id": "wamid.A", "timestamp": "1767225600", "type": "text", "text": {"body": "hola"}}


def test_text_message_becomes_message_received():
    [event] = parse_events(webhook([TEXT]), lambda account: {"100": "aurora"}[account])
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
    [event] = parse_events(webhook([button]), lambda a: "t")
    assert event.content.type == "button_reply" and event.content.text == "Yes" and event.content.payload == "yes-1"


def test_statuses_become_message_status():
    status = {"id": "wamid.OUT", "status": "delivered", "timestamp": "1767225601", "recipient_id": "5215551234"}
    [event] = parse_events(webhook(statuses=[status]), lambda a: "t")
    assert isinstance(event, MessageStatus)
    assert event.status == DeliveryState.DELIVERED and event.provider_message_id == "wamid.OUT"


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"not json", "Invalid JSON"),
        (b'{"object": "page", "entry": []}', "object"),
        (webhook([{**TEXT, "timestamp": "yesterday"}]), "timestamp"),
        (webhook([{k: v for k, v in TEXT.items() if k != "from"}]), "from"),
    ],
)
def test_malformed_payloads_are_refused_with_a_reason(body, reason):
    with pytest.raises(MalformedWebhook, match=reason):
        parse_events(body, lambda a: "t")


def test_signature_is_checked_over_the_exact_bytes():
    body = webhook([TEXT])
    good = "sha256=" + hmac.new(b"secret", body, hashlib.sha256).hexdigest()
    assert valid_meta_signature(body, good, "secret")
    assert not valid_meta_signature(body + b" ", good, "secret")
    assert not valid_meta_signature(body, good, "other-secret")
    assert not valid_meta_signature(body, None, "secret")
    assert not valid_meta_signature(body, good.removeprefix("sha256="), "secret")
