"""How a send becomes Messenger / Instagram Send API messages (pure planning)."""

import pytest

from parley_contracts import Channel, Contact, MessageSend, OutboundContent, QuickReply, TemplateMessage
from parley_outbound.channels.base import PermanentSendError
from parley_outbound.channels.meta_parts import plan_parts, split_text, with_attachment_id
from tests.unit.outbound.messages import document, image

PSID = "7000000000000001"


def send(channel: Channel = Channel.MESSENGER, tag: str | None = None, **content) -> MessageSend:
    return MessageSend(
        tenant="t",
        channel=channel,
        thread_key="th_1",
        send_id="s1",
        account_id="300000000000001",
        recipient=Contact(id=PSID),
        content=OutboundContent(**(content or {"text": "Hi"})),
        tag=tag,
    )


def test_text_is_a_response_to_the_customer():
    [part] = plan_parts(send(text="Hello there"))
    assert part.body == {"recipient": {"id": PSID}, "messaging_type": "RESPONSE", "message": {"text": "Hello there"}}
    assert part.media_id is None


@pytest.mark.parametrize("channel", [Channel.MESSENGER, Channel.INSTAGRAM])
def test_a_tagged_send_goes_as_message_tag(channel):
    [part] = plan_parts(send(channel, tag="HUMAN_AGENT", text="Sorry for the wait"))
    assert part.body["messaging_type"] == "MESSAGE_TAG" and part.body["tag"] == "HUMAN_AGENT"


def test_quick_replies_ride_on_the_text():
    choices = [QuickReply(id="YES", title="Yes"), QuickReply(id="NO", title="No")]
    [part] = plan_parts(send(text="Did that help?", quick_replies=choices))
    assert part.body["message"] == {
        "text": "Did that help?",
        "quick_replies": [
            {"content_type": "text", "title": "Yes", "payload": "YES"},
            {"content_type": "text", "title": "No", "payload": "NO"},
        ],
    }


def test_at_most_13_quick_replies():
    choices = [QuickReply(id=f"c{i}", title=f"Choice {i}") for i in range(20)]
    [part] = plan_parts(send(text="Pick one", quick_replies=choices))
    assert len(part.body["message"]["quick_replies"]) == 13


@pytest.mark.parametrize(("channel", "limit"), [(Channel.MESSENGER, 2000), (Channel.INSTAGRAM, 1000)])
def test_long_text_is_split_at_the_platform_limit(channel, limit):
    text = " ".join(["word"] * 800)  # 3999 characters: 200 words fill 999
    parts = plan_parts(send(channel, text=text))
    texts = [p.body["message"]["text"] for p in parts]
    assert all(len(t) <= limit for t in texts) and len(texts) == 4000 // limit
    assert " ".join(texts) == text
    assert plan_parts(send(channel, text=text)) == parts  # deterministic: a redelivery is planned alike


def test_splitting_prefers_line_breaks_then_spaces_then_cuts():
    assert split_text("aaa\nbbb ccc", 8) == ["aaa", "bbb ccc"]
    assert split_text("aaaa bbbb cccc", 9) == ["aaaa bbbb", "cccc"]
    assert split_text("x" * 10, 4) == ["xxxx", "xxxx", "xx"]
    assert split_text("short", 10) == ["short"]


def test_attachments_follow_the_text_and_quick_replies_go_last():
    choices = [QuickReply(id="OK", title="OK")]
    parts = plan_parts(send(text="Here you go", attachments=[image(), document()], quick_replies=choices))
    assert [p.media_id for p in parts] == [None, "med_img", "med_doc"]
    assert parts[1].body["message"] == {"attachment": {"type": "image", "payload": {}}}
    assert parts[2].body["message"]["attachment"]["type"] == "file"
    assert "quick_replies" in parts[2].body["message"] and "quick_replies" not in parts[0].body["message"]


def test_an_uploaded_attachment_is_sent_by_its_id():
    [part] = plan_parts(send(attachments=[image()]))
    body = with_attachment_id(part.body, "att-77")
    assert body["message"]["attachment"] == {"type": "image", "payload": {"attachment_id": "att-77"}}
    assert part.body["message"]["attachment"]["payload"] == {}  # the plan itself is not changed


def test_templates_and_unknown_kinds_cannot_be_sent():
    template = TemplateMessage(name="hello_world", language="en_US")
    with pytest.raises(PermanentSendError, match="no message templates"):
        plan_parts(send(template=template))
    odd = image().model_copy(update={"kind": "hologram"})
    with pytest.raises(PermanentSendError, match="hologram"):
        plan_parts(send(Channel.INSTAGRAM, attachments=[odd]))
