"""Messenger and Instagram webhooks → Parley events (parley_ingest.meta_messaging), from Meta's documented
examples (tests/unit/ingest/meta_fixtures.py)."""

from datetime import UTC, datetime

import pytest

from parley_contracts import Channel, DeliveryState, MessageReceived, MessageStatus, inbound_media_id, thread_key
from parley_ingest.delivery import Delivery, MalformedWebhook
from parley_ingest.meta_messaging import INSTAGRAM, MESSENGER, Platform, parse_delivery
from parley_ingest.sizing import SizeLimits
from tests.unit.ingest import meta_fixtures as f

LIMITS = SizeLimits(text_chars=32_768, event_bytes=512 * 1024)
RECEIVED_AT = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def parse(body: bytes, platform: Platform = MESSENGER, tenant_for=lambda account: "t") -> Delivery:
    return parse_delivery(body, platform, tenant_for, LIMITS, received_at=RECEIVED_AT)


def received(body: bytes, platform: Platform = MESSENGER) -> MessageReceived:
    [event] = parse(body, platform).events
    assert isinstance(event, MessageReceived)
    return event


def test_a_messenger_text_becomes_a_message_of_the_page_thread():
    event = received(f.messenger(f.M_TEXT))
    assert event.channel == Channel.MESSENGER and event.account_id == f.PAGE_ID
    assert event.contact.id == f.PSID
    assert event.thread_key == thread_key("t", Channel.MESSENGER, f.PAGE_ID, f.PSID)
    assert event.provider_message_id == "m_text1" and event.dedupe_key == f"messenger:{f.PAGE_ID}:m_text1"
    assert event.content.type == "text" and event.content.text == "hello, world!"
    assert event.sent_at == datetime.fromtimestamp(f.TS / 1000, UTC)


def test_an_instagram_text_is_the_instagram_channel():
    event = received(f.instagram(f.I_TEXT), INSTAGRAM)
    assert event.channel == Channel.INSTAGRAM and event.account_id == f.IG_ID and event.contact.id == f.IGSID
    assert event.dedupe_key.startswith(f"instagram:{f.IG_ID}:")


@pytest.mark.parametrize(
    ("body", "platform"), [(f.messenger(f.M_QUICK_REPLY), MESSENGER), (f.instagram(f.I_QUICK_REPLY), INSTAGRAM)]
)
def test_a_tapped_quick_reply_is_a_button_reply_with_its_payload(body, platform):
    content = received(body, platform).content
    assert content.type == "button_reply" and content.payload in ("<DEVELOPER_DEFINED_PAYLOAD>", "YES")
    assert content.text in ("Red", "Yes")


@pytest.mark.parametrize(
    ("body", "platform"), [(f.messenger(f.M_POSTBACK), MESSENGER), (f.instagram(f.I_POSTBACK), INSTAGRAM)]
)
def test_a_postback_is_a_button_reply(body, platform):
    event = received(body, platform)
    assert event.content.type == "button_reply" and event.content.payload in ("HUMAN", "YES")
    assert event.content.text in ("Talk to a person", "Yes") and event.content.data["postback"] is True
    assert event.provider_message_id in ("m_pb1", "ig_pb1")


def test_a_postback_keeps_its_referral():
    assert received(f.messenger(f.M_POSTBACK)).content.data["referral"] == {"ref": "campaign-7"}


def test_attachments_are_media_references_named_by_their_url():
    event = received(f.messenger(f.M_ATTACHMENTS))
    image, document = event.content.media
    assert event.content.type == "image"
    assert (image.kind, document.kind) == ("image", "document")
    assert image.provider_media_id.startswith("https://scontent.xx.fbcdn.net/")
    assert image.media_id == inbound_media_id(Channel.MESSENGER, f.PAGE_ID, image.provider_media_id)


def test_a_messenger_sticker_is_a_sticker():
    event = received(f.messenger(f.M_STICKER))
    assert event.content.type == "sticker" and event.content.data["sticker_id"] == 369239263222822


def test_an_instagram_image():
    event = received(f.instagram(f.I_IMAGE), INSTAGRAM)
    assert event.content.type == "image"
    assert event.content.media[0].media_id == inbound_media_id(
        Channel.INSTAGRAM, f.IG_ID, event.content.media[0].provider_media_id
    )


def test_a_reply_names_the_message_it_answers():
    assert received(f.messenger(f.M_REPLY_TO)).reply_to_provider_id == "m_earlier"


def test_a_story_reply_is_text_with_the_story():
    event = received(f.instagram(f.I_STORY_REPLY), INSTAGRAM)
    assert event.content.type == "text" and event.content.text == "love this!"
    assert event.content.data["story_reply"]["id"] == "17900000000000001"
    assert event.reply_to_provider_id is None


def test_a_story_mention_is_kept_with_the_story_url():
    event = received(f.instagram(f.I_STORY_MENTION), INSTAGRAM)
    assert event.content.type == "story_mention"
    assert event.content.data["story_mention"]["url"].startswith("https://lookaside.fbsbx.com/")


def test_a_share_or_fallback_is_kept_under_its_own_name():
    assert received(f.instagram(f.I_SHARE), INSTAGRAM).content.type == "share"
    fallback = received(f.messenger(f.M_FALLBACK)).content
    assert fallback.type == "fallback" and fallback.data["attachments"][0]["payload"]["title"] == "Example"


def test_an_unsupported_message_is_kept():
    content = received(f.instagram(f.I_UNSUPPORTED), INSTAGRAM).content
    assert content.type == "unsupported" and content.data == {"is_unsupported": True}


def test_a_reaction_names_the_reacted_message():
    event = received(f.messenger(f.M_REACTION))
    assert event.content.type == "reaction" and event.content.text == "\u2764\ufe0f"
    assert event.content.data["message_id"] == "m_bot1" and event.content.data["action"] == "react"
    assert event.provider_message_id == f"reaction:m_bot1:{f.TS}"
    removed = received(f.messenger(f.M_UNREACTION))
    assert removed.content.text == "" and removed.content.data["action"] == "unreact"
    assert received(f.instagram(f.I_REACTION), INSTAGRAM).content.data["message_id"] == "ig_bot1"


def test_an_edit_names_the_edited_message_and_is_not_a_duplicate_of_it():
    event = received(f.messenger(f.M_EDIT))
    assert event.content.type == "edit" and event.content.text == "hello, world! (edited)"
    assert event.content.data == {"edits_message_id": "m_text1", "num_edit": 1}
    assert event.dedupe_key != received(f.messenger(f.M_TEXT)).dedupe_key


def test_a_deletion_names_the_deleted_message_and_is_not_a_duplicate_of_it():
    event = received(f.instagram(f.I_DELETED), INSTAGRAM)
    assert event.content.type == "delete" and event.content.data == {"deletes_message_id": "ig_text_gone"}
    assert event.provider_message_id == "delete:ig_text_gone"


def test_echoes_of_our_own_sends_are_ignored_with_a_note():
    for body, platform in ((f.messenger(f.M_ECHO), MESSENGER), (f.instagram(f.I_ECHO), INSTAGRAM)):
        delivery = parse(body, platform)
        assert delivery.events == []
        assert [n.outcome for n in delivery.notes] == ["ignored"] and "echo" in delivery.notes[0].what


def test_a_delivery_receipt_is_a_delivered_status_per_mid():
    statuses = parse(f.messenger(f.M_DELIVERY)).events
    assert all(isinstance(s, MessageStatus) for s in statuses)
    assert [(s.provider_message_id, s.status) for s in statuses] == [
        ("m_out1", DeliveryState.DELIVERED),
        ("m_out2", DeliveryState.DELIVERED),
    ]
    assert statuses[0].thread_key == thread_key("t", Channel.MESSENGER, f.PAGE_ID, f.PSID)


def test_an_instagram_read_is_a_read_status_and_a_messenger_watermark_is_ignored():
    [status] = parse(f.instagram(f.I_READ), INSTAGRAM).events
    assert isinstance(status, MessageStatus) and status.status == DeliveryState.READ
    assert status.provider_message_id == "ig_out1"
    watermark = parse(f.messenger(f.M_READ))
    assert watermark.events == [] and watermark.notes[0].outcome == "ignored"


def test_unknown_event_kinds_are_ignored_and_the_rest_kept():
    delivery = parse(f.messenger(f.M_OPTIN, f.M_TEXT))
    assert [e.provider_message_id for e in delivery.events] == ["m_text1"]
    assert delivery.notes[0].outcome == "ignored" and "optin" in delivery.notes[0].what


def test_an_invalid_event_is_skipped_and_the_rest_kept():
    broken = {"recipient": {"id": f.PAGE_ID}, "timestamp": f.TS, "message": {"mid": "m_x", "text": "no sender"}}
    delivery = parse(f.messenger(broken, f.M_TEXT))
    assert [e.provider_message_id for e in delivery.events] == ["m_text1"]
    assert delivery.notes[0].outcome == "invalid"


def test_an_implausible_timestamp_is_replaced_by_the_receipt_time():
    event = received(f.messenger({**f.M_TEXT, "timestamp": "soon"}))
    assert event.sent_at == RECEIVED_AT and event.content.data["provider_timestamp"] == "soon"


def test_an_unconnected_page_is_listed_and_its_events_skipped():
    delivery = parse(f.messenger(f.M_TEXT, page="999"), tenant_for=lambda account: None)
    assert delivery.events == [] and delivery.unconnected == ["999"]


@pytest.mark.parametrize(
    ("body", "platform"),
    [
        (b"not json", MESSENGER),
        (b'{"object":"page"}', MESSENGER),
        (f.instagram(f.I_TEXT), MESSENGER),  # another platform's webhook
        (f.messenger(f.M_TEXT), INSTAGRAM),
        (f.messenger({"message": {"mid": "m"}}), MESSENGER),  # nothing usable
    ],
)
def test_what_is_not_this_platforms_webhook_is_malformed(body, platform):
    with pytest.raises(MalformedWebhook):
        parse(body, platform)


def test_a_duplicate_delivery_parses_to_the_same_dedupe_keys():
    body = f.messenger(f.M_TEXT, f.M_REACTION, f.M_POSTBACK)
    assert [e.dedupe_key for e in parse(body).events] == [e.dedupe_key for e in parse(body).events]
