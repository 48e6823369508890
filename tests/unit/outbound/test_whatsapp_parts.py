"""How one `message.send` becomes WhatsApp messages: every planning rule, as the Cloud API bodies."""

import pytest

from parley_contracts import MediaRef, QuickReply, TemplateMessage
from parley_outbound.channels.base import PermanentSendError
from parley_outbound.channels.whatsapp_parts import CAPTION_LIMIT, plan_parts, with_media_id
from tests.unit.outbound.messages import RECIPIENT, document, image, outbound

ENVELOPE = {"messaging_product": "whatsapp", "recipient_type": "individual", "to": RECIPIENT}
QUOTE = {"context": {"message_id": "wamid.IN"}}


def bodies(message) -> list[dict]:
    return [part.body for part in plan_parts(message)]


def test_text_only_is_one_text_message_quoting_the_inbound():
    assert bodies(outbound(text="Hi")) == [
        ENVELOPE | QUOTE | {"type": "text", "text": {"body": "Hi", "preview_url": False}}
    ]


def test_quick_replies_become_at_most_three_reply_buttons():
    replies = [QuickReply(id=f"q{n}", title=f"Option {n}") for n in range(4)]
    [body] = bodies(outbound(text="Pick one", quick_replies=replies))
    assert body == ENVELOPE | QUOTE | {
        "type": "interactive",
        "interactive": {
            "type": "button",
            "body": {"text": "Pick one"},
            "action": {
                "buttons": [{"type": "reply", "reply": {"id": f"q{n}", "title": f"Option {n}"}} for n in range(3)]
            },
        },
    }


def test_template_with_parameters_fills_the_body_component():
    template = TemplateMessage(name="order_shipped", language="es_MX", parameters=["Ana", "#123"])
    assert bodies(outbound(template=template)) == [
        ENVELOPE
        | QUOTE
        | {
            "type": "template",
            "template": {
                "name": "order_shipped",
                "language": {"code": "es_MX"},
                "components": [
                    {"type": "body", "parameters": [{"type": "text", "text": "Ana"}, {"type": "text", "text": "#123"}]}
                ],
            },
        }
    ]


def test_template_without_parameters_has_no_components():
    [body] = bodies(outbound(template=TemplateMessage(name="hello_world", language="en_US")))
    assert body["template"] == {"name": "hello_world", "language": {"code": "en_US"}}


def test_text_and_an_image_become_one_captioned_image():
    [part] = plan_parts(outbound(text="Your receipt", attachments=[image()]))
    assert part.body == ENVELOPE | QUOTE | {"type": "image", "image": {"caption": "Your receipt"}}
    assert part.media_id == "med_img"


def test_text_longer_than_a_caption_goes_first_on_its_own():
    text = "x" * (CAPTION_LIMIT + 1)
    first, second = plan_parts(outbound(text=text, attachments=[image()]))
    assert first.body == ENVELOPE | QUOTE | {"type": "text", "text": {"body": text, "preview_url": False}}
    assert first.media_id is None
    assert second.body == ENVELOPE | {"type": "image", "image": {}} and second.media_id == "med_img"


def test_a_caption_of_exactly_the_limit_still_fits():
    [part] = plan_parts(outbound(text="x" * CAPTION_LIMIT, attachments=[image()]))
    assert part.body["image"]["caption"] == "x" * CAPTION_LIMIT


def test_a_document_keeps_its_filename_and_takes_the_caption():
    [body] = bodies(outbound(text="Invoice attached", attachments=[document()]))
    assert body["type"] == "document"
    assert body["document"] == {"filename": "invoice.pdf", "caption": "Invoice attached"}


def test_a_document_without_filename_sends_none():
    [body] = bodies(outbound(attachments=[document(filename=None)]))
    assert body["document"] == {}


def test_audio_takes_no_caption_so_the_text_goes_first():
    audio = MediaRef(kind="audio", media_id="med_aud", mime_type="audio/ogg")
    text, voice = bodies(outbound(text="Listen", attachments=[audio]))
    assert text["type"] == "text" and "context" in text
    assert voice == ENVELOPE | {"type": "audio", "audio": {}}


def test_several_attachments_are_one_message_each_in_order_quoting_once():
    parts = plan_parts(outbound(text="Both files", attachments=[image("med_1"), document("med_2"), image("med_3")]))
    assert [p.body["type"] for p in parts] == ["image", "document", "image"]
    assert [p.media_id for p in parts] == ["med_1", "med_2", "med_3"]
    assert parts[0].body["image"] == {"caption": "Both files"}
    assert parts[1].body["document"] == {"filename": "invoice.pdf"} and parts[2].body["image"] == {}
    assert ["context" in p.body for p in parts] == [True, False, False]


def test_attachments_without_text_have_no_caption():
    [body] = bodies(outbound(attachments=[image()]))
    assert body == ENVELOPE | QUOTE | {"type": "image", "image": {}}


def test_quick_replies_with_an_attachment_keep_their_buttons_in_a_text_message_first():
    parts = plan_parts(
        outbound(text="Like it?", quick_replies=[QuickReply(id="y", title="Yes")], attachments=[image()])
    )
    assert [p.body["type"] for p in parts] == ["interactive", "image"]
    assert parts[1].body["image"] == {}


def test_no_reply_to_means_no_context():
    message = outbound(text="Hi", attachments=[image()]).model_copy(update={"reply_to_provider_id": None})
    assert all("context" not in body for body in bodies(message))


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ({"attachments": [MediaRef(kind="location", media_id="med_x")]}, "kind 'location'"),
        ({"quick_replies": [QuickReply(id="y", title="Yes")], "attachments": [image()]}, "need text"),
    ],
)
def test_content_whatsapp_cannot_carry_is_a_permanent_failure(content, reason):
    with pytest.raises(PermanentSendError, match=reason):
        plan_parts(outbound(**content))


def test_the_uploaded_media_id_completes_a_planned_media_message():
    [part] = plan_parts(outbound(text="Invoice", attachments=[document()]))
    assert with_media_id(part.body, "wa-media-1")["document"] == {
        "id": "wa-media-1",
        "filename": "invoice.pdf",
        "caption": "Invoice",
    }
    assert "id" not in part.body["document"]  # the plan itself is left as it was


def test_a_customer_known_only_by_a_business_scoped_user_id_is_addressed_by_recipient():
    from parley_contracts import Contact
    from parley_outbound.channels.whatsapp_parts import is_bsuid, plan_parts

    send = outbound(text="Hi").model_copy(update={"recipient": Contact(id="US.13491208655302741918")})
    [part] = plan_parts(send)
    assert part.body["recipient"] == "US.13491208655302741918" and "to" not in part.body
    assert is_bsuid("US.ENT.11815799212886844830") and not is_bsuid("5215551234")
