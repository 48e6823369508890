"""Every WhatsApp message type → `InboundContent`, nothing the customer sent lost.

Each message is the `messages[0]` object of a public sample payload, credited beside it: Meta's messages webhook
reference (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/,
one page per type) or pywa's fixtures (https://github.com/david-lev/pywa, tests/data/updates/*.json)."""

import json

import pytest

from parley_contracts import Channel, InboundContent, MediaRef, MessageReceived, inbound_media_id
from tests.unit.ingest.test_whatsapp_parsing import TEXT, parse, webhook

WA_USER = "972987654321"


def received(*messages: dict) -> list[MessageReceived]:
    events = parse(webhook(messages)).events
    assert all(isinstance(e, MessageReceived) for e in events)
    return events  # type: ignore[return-value]


def content_of(message: dict) -> InboundContent:
    [event] = received(message)
    return event.content


def message(kind: str, body: object, **envelope: object) -> dict:
    return {"from": WA_USER, "id": "wamid.xyzxyz", "timestamp": "1697043379", "type": kind, kind: body, **envelope}


# pywa tests/data/updates/callback_button.json "button"
BUTTON_REPLY = message(
    "interactive",
    {"type": "button_reply", "button_reply": {"id": "callback_data", "title": "title"}},
    context={"from": "1122334455667", "id": "wamid.sent"},
)
# pywa tests/data/updates/callback_selection.json "description"
LIST_REPLY = message(
    "interactive",
    {"type": "list_reply", "list_reply": {"id": "callback_data", "title": "title", "description": "description"}},
)
# pywa tests/data/updates/callback_button.json "quick_reply" (a template's quick-reply button)
TEMPLATE_BUTTON = message("button", {"payload": "callback_data", "text": "title"})
# pywa tests/data/updates/flow_completion.json "completion"; shape: Meta, flows/guides/receiveflowresponse
FLOW_REPLY = message(
    "interactive",
    {
        "type": "nfm_reply",
        "nfm_reply": {
            "response_json": '{"comment_text":"Comment Text","delivery_rating":"4",'
            '"flow_token":"AQAAAAACS5FpgQ_cAAAAAD0QI3s.","purchase_rating":"2"}',
            "body": "Sent",
            "name": "flow",
        },
    },
    context={"from": "972123456789", "id": "wamid.gvwegfretge=="},
)
# pywa tests/data/updates/message.json "image", "video", "document", "voice", "animated_sticker"
IMAGE = message("image", {"mime_type": "image/jpeg", "sha256": "4654+8g=", "id": "65463453"})
VIDEO = message("video", {"caption": "caption", "mime_type": "video/mp4", "sha256": "Jh+2ij6P=", "id": "765756756"})
DOCUMENT = message(
    "document",
    {"caption": "caption", "filename": "filename.pdf", "mime_type": "application/pdf", "sha256": "grwf=", "id": "12"},
)
VOICE = message(
    "audio", {"mime_type": "audio/ogg; codecs=opus", "sha256": "m04pFf2E=", "id": "1234567890987654321", "voice": True}
)
STICKER = message("sticker", {"mime_type": "image/webp", "sha256": "HcwyCKrT=", "id": "98765", "animated": True})
# pywa tests/data/updates/message.json "chosen_location"; Meta, webhooks/reference/messages/location
LOCATION = message(
    "location",
    {
        "latitude": 37.4611978,
        "longitude": -122.2164385,
        "name": "Facebook HQ",
        "address": "1 Hacker Way, Menlo Park, CA 94025",
        "url": "https://maps.google.com/?cid=2000000000000000000",
    },
)
# pywa tests/data/updates/message.json "current_location" (a shared live position: coordinates only)
CURRENT_LOCATION = message("location", {"latitude": 12.25089, "longitude": 43.90539})
# pywa tests/data/updates/message.json "contacts" (two of its three cards)
CONTACTS = message(
    "contacts",
    [
        {
            "name": {"first_name": "Chandler", "last_name": "Bing", "formatted_name": "Chandler Bing"},
            "phones": [{"phone": "+1 555-555-5555", "wa_id": WA_USER, "type": "CELL"}],
        },
        {
            "name": {"first_name": "Monica", "formatted_name": "Monica"},
            "phones": [{"phone": "+1 666-666-6666", "wa_id": WA_USER, "type": "HOME"}],
        },
    ],
)
# pywa tests/data/updates/message.json "reaction" and "unreaction_no_emoji"; Meta, webhooks/reference/messages/reaction
REACTION = message("reaction", {"message_id": "wamid.yzxyzx=", "emoji": "\U0001f62e"})
UNREACTION = message("reaction", {"message_id": "wamid.yzxyzx="})
# pywa tests/data/updates/message.json "order"; Meta, webhooks/reference/messages/order
ORDER = message(
    "order",
    {
        "catalog_id": "354160437058781",
        "text": "",
        "product_items": [
            {"product_retailer_id": "HAMBURGER", "quantity": 3, "item_price": 30, "currency": "ILS"},
            {"product_retailer_id": "FRENCH_FRIES", "quantity": 2, "item_price": 35, "currency": "ILS"},
            {"product_retailer_id": "SODA", "quantity": 2, "item_price": 10, "currency": "ILS"},
        ],
    },
)
# pywa tests/data/updates/system.json "phone_number_change"; Meta, webhooks/reference/messages/system
SYSTEM = message(
    "system",
    {
        "body": "User A changed from 972987654321 to 972912345678",
        "wa_id": "972912345678",
        "type": "user_changed_number",
    },
)
# Meta, webhooks/reference/messages/unsupported (with its example values)
UNSUPPORTED_ERRORS = [
    {
        "code": 131051,
        "title": "Message type unknown",
        "message": "Message type unknown",
        "error_data": {"details": "Message type is currently not supported."},
    }
]
UNSUPPORTED = message("unsupported", {"type": "poll_update"}, errors=UNSUPPORTED_ERRORS)
# pywa tests/data/updates/chat_opened.json: a type this code has no converter for, and no object of its own
REQUEST_WELCOME = {"from": WA_USER, "id": "wamid.xyzxyz", "timestamp": "1697043223", "type": "request_welcome"}
# A type Meta may add later (invented here): kept under its own name
FUTURE = message("poll_vote", {"poll_id": "p-1", "options": ["a"]}, identity={"acknowledged": True})

ALL = [
    TEXT,
    BUTTON_REPLY,
    LIST_REPLY,
    TEMPLATE_BUTTON,
    FLOW_REPLY,
    IMAGE,
    VIDEO,
    DOCUMENT,
    VOICE,
    STICKER,
    LOCATION,
    CURRENT_LOCATION,
    CONTACTS,
    REACTION,
    UNREACTION,
    ORDER,
    SYSTEM,
    UNSUPPORTED,
    REQUEST_WELCOME,
    FUTURE,
]


def test_reply_buttons_and_list_rows_keep_title_id_and_what_was_tapped():
    [event] = received(BUTTON_REPLY)
    assert event.content.type == "button_reply" and event.content.text == "title"
    assert event.content.payload == "callback_data" and event.reply_to_provider_id == "wamid.sent"
    row = content_of(LIST_REPLY)
    assert (row.type, row.text, row.payload) == ("button_reply", "title", "callback_data")
    assert row.data["list_reply"]["description"] == "description"


def test_template_quick_reply_is_a_button_reply():
    content = content_of(TEMPLATE_BUTTON)
    assert (content.type, content.text, content.payload) == ("button_reply", "title", "callback_data")


def test_flow_reply_keeps_the_parsed_answers():
    content = content_of(FLOW_REPLY)
    assert content.type == "flow_reply" and content.text == "Sent"
    assert content.data == {
        "comment_text": "Comment Text",
        "delivery_rating": "4",
        "flow_token": "AQAAAAACS5FpgQ_cAAAAAD0QI3s.",
        "purchase_rating": "2",
    }


@pytest.mark.parametrize(("response_json", "kept"), [("not json {", "not json {"), ("[1, 2]", [1, 2])])
def test_flow_reply_answers_that_are_not_an_object_are_kept_as_they_came(response_json, kept):
    nfm = {"type": "nfm_reply", "nfm_reply": {"name": "flow", "response_json": response_json}}
    content = content_of(message("interactive", nfm))
    assert content.type == "flow_reply" and content.text == "flow"
    assert content.data == {"response_json": kept}


@pytest.mark.parametrize(
    ("payload", "text", "ref", "data"),
    [
        (
            IMAGE,
            "",
            MediaRef(kind="image", provider_media_id="65463453", mime_type="image/jpeg", sha256="4654+8g="),
            {},
        ),
        (
            VIDEO,
            "caption",
            MediaRef(kind="video", provider_media_id="765756756", mime_type="video/mp4", sha256="Jh+2ij6P="),
            {},
        ),
        (
            DOCUMENT,
            "caption",
            MediaRef(
                kind="document",
                provider_media_id="12",
                mime_type="application/pdf",
                sha256="grwf=",
                filename="filename.pdf",
            ),
            {},
        ),
        (
            VOICE,
            "",
            MediaRef(
                kind="audio",
                provider_media_id="1234567890987654321",
                mime_type="audio/ogg; codecs=opus",
                sha256="m04pFf2E=",
            ),
            {"voice": True},
        ),
        (
            STICKER,
            "",
            MediaRef(kind="sticker", provider_media_id="98765", mime_type="image/webp", sha256="HcwyCKrT="),
            {"animated": True},
        ),
    ],
    ids=["image", "video", "document", "voice", "sticker"],
)
def test_media_become_references_to_the_file_at_meta(payload, text, ref, data):
    content = content_of(payload)
    assert content.type == ref.kind and content.text == text
    # The store id the file will have once outbound downloaded it, derived from the channel account and Meta's id.
    media_id = inbound_media_id(Channel.WHATSAPP, "100", ref.provider_media_id)
    assert content.media == [ref.model_copy(update={"media_id": media_id})]
    assert content.data == data


def test_a_document_without_caption_is_shown_by_its_file_name():
    document = {k: v for k, v in DOCUMENT["document"].items() if k != "caption"}
    assert content_of(message("document", document)).text == "filename.pdf"


def test_location_names_the_place_or_gives_the_coordinates():
    place = content_of(LOCATION)
    assert place.type == "location" and place.text == "Facebook HQ, 1 Hacker Way, Menlo Park, CA 94025"
    assert place.data == LOCATION["location"]
    assert content_of(CURRENT_LOCATION).text == "12.25089, 43.90539"


def test_contacts_are_named_and_kept_whole():
    content = content_of(CONTACTS)
    assert content.type == "contacts" and content.text == "Chandler Bing, Monica"
    assert content.data == {"contacts": CONTACTS["contacts"]}


def test_reaction_is_the_emoji_and_the_message_it_is_on():
    content = content_of(REACTION)
    assert content.type == "reaction" and content.text == "😮"
    assert content.data == {"message_id": "wamid.yzxyzx=", "emoji": "😮"}
    removed = content_of(UNREACTION)
    assert removed.type == "reaction" and removed.text == ""
    assert removed.data == {"message_id": "wamid.yzxyzx=", "emoji": ""}


def test_order_is_summarised_and_kept_whole():
    content = content_of(ORDER)
    assert content.type == "order" and content.text == "Order: 7 items"
    assert content.data == ORDER["order"]
    with_note = content_of(message("order", {**ORDER["order"], "text": "no onions"}))
    assert with_note.text == "Order: 7 items — no onions"


def test_system_notice_is_its_body():
    content = content_of(SYSTEM)
    assert content.type == "system" and content.text == SYSTEM["system"]["body"]
    assert content.data == SYSTEM["system"]


@pytest.mark.parametrize("kind", ["unsupported", "unknown"])
def test_unsupported_keeps_the_errors_and_what_meta_says_it_was(kind):
    content = content_of({**UNSUPPORTED, "type": kind})
    assert content.type == "unsupported" and content.text == "" and content.media == []
    assert content.data == {"errors": UNSUPPORTED_ERRORS, "unsupported": {"type": "poll_update"}}


def test_types_newer_than_this_code_are_kept_under_their_own_name():
    future = content_of(FUTURE)
    assert future.type == "poll_vote"
    assert future.data == {"poll_vote": {"poll_id": "p-1", "options": ["a"]}, "identity": {"acknowledged": True}}
    welcome = content_of(REQUEST_WELCOME)
    assert welcome.type == "request_welcome" and welcome.data == {}


def test_ad_referral_and_forwarding_are_kept_beside_any_content():
    # pywa tests/data/updates/message.json "referral" (click-to-WhatsApp ad), "forwarded", "forwarded_many_times"
    referral = {
        "source_url": "AD_OR_POST_FB_URL",
        "source_id": "ADID",
        "source_type": "ad",
        "headline": "AD_TITLE",
        "body": "AD_DESCRIPTION",
        "media_type": "image",
        "image_url": "RAW_IMAGE_URL",
        "ctwa_clid": "CTWA_CLID",
    }
    from_ad = content_of(message("text", {"body": "BODY"}, referral=referral))
    assert from_ad.text == "BODY" and from_ad.data == {"referral": referral}
    forwarded = content_of(message("text", {"body": "forwarded text"}, context={"forwarded": True}))
    assert forwarded.data == {"forwarded": "forwarded"}
    viral = content_of({**IMAGE, "context": {"frequently_forwarded": True}})
    assert viral.type == "image" and viral.data == {"forwarded": "frequently_forwarded"}


def test_a_question_about_a_catalog_product_keeps_the_product():
    # Meta, catalogs/receive-responses: a text sent from a product's "Message business" button
    product = {"catalog_id": "CATALOG_ID", "product_retailer_id": "PRODUCT_ID"}
    content = content_of(
        message("text", {"body": "Is it in stock?"}, context={"from": "1555", "referred_product": product})
    )
    assert content.text == "Is it in stock?" and content.data == {"referred_product": product}


def test_a_malformed_known_type_is_kept_as_unsupported_beside_the_rest_of_the_batch():
    broken = {**IMAGE, "id": "wamid.BROKEN", "image": {"mime_type": "image/jpeg"}}  # no media id
    first, second = received(broken, TEXT)
    assert first.provider_message_id == "wamid.BROKEN" and first.content.type == "unsupported"
    assert first.content.data["image"] == {"mime_type": "image/jpeg"}
    assert first.content.data["error"].startswith("image: id")
    assert second.content.type == "text" and second.content.text == "hola"


def test_an_interactive_without_its_object_is_kept_as_unsupported():
    # pywa tests/data/updates/message.json "interactive_message_with_err": Meta sent the type but no object
    content = content_of({k: v for k, v in BUTTON_REPLY.items() if k != "interactive"})
    assert content.type == "unsupported" and content.data["interactive"] is None


def test_every_content_survives_the_wire():
    for event in received(*ALL):
        assert MessageReceived.model_validate_json(event.model_dump_json()) == event
        json.dumps(event.content.data)  # plain JSON: storable as is


# Meta, webhooks/reference/messages/edit (example values of its parameters table): an edited image caption.
EDIT = message(
    "edit",
    {
        "original_message_id": "wamid.HBgLMTQxMjU1NTA4MjkV",
        "message": {
            "context": {"id": "wamid.ctx"},
            "type": "image",
            "image": {"caption": "new caption", "mime_type": "image/jpeg", "sha256": "h=", "id": "1003383421387256"},
        },
    },
)
# Meta, webhooks/reference/messages/revoke
REVOKE = message("revoke", {"original_message_id": "wamid.HBgLMTQxMjU1NTA4MjkV"})


def test_an_edit_is_the_new_text_and_the_message_it_replaces():
    content = content_of(EDIT)
    assert content.type == "edit" and content.text == "new caption"
    assert content.data["edits_message_id"] == "wamid.HBgLMTQxMjU1NTA4MjkV" and content.data["edited_type"] == "image"
    assert content.media[0].media_id == inbound_media_id(Channel.WHATSAPP, "100", "1003383421387256")
    text_edit = content_of(
        message("edit", {"original_message_id": "wamid.o", "message": {"type": "text", "text": {"body": "fixed"}}})
    )
    assert (text_edit.type, text_edit.text) == ("edit", "fixed")


def test_a_revoke_is_a_deletion_of_the_original():
    content = content_of(REVOKE)
    assert content.type == "delete" and content.text == ""
    assert content.data == {"deletes_message_id": "wamid.HBgLMTQxMjU1NTA4MjkV"}


def test_a_revoke_without_the_original_is_kept_as_unsupported():
    content = content_of(message("revoke", {}))
    assert content.type == "unsupported" and "revoke" in content.data
