"""Planning Telegram sends (telegram_parts) and pacing them (telegram_pacing): pure rules."""

import pytest

from parley_contracts import Channel, Contact, MediaRef, MessageSend, OutboundContent, QuickReply, TemplateMessage
from parley_outbound.channels.base import PermanentSendError
from parley_outbound.channels.telegram_pacing import Pacer
from parley_outbound.channels.telegram_parts import (
    PacingSpec,
    RateSpec,
    limits,
    plan_parts,
    split_text,
    with_file,
)
from tests.unit.outbound.messages import document, image

CHAT = "123456789"


def send(reply_to: str | None = f"{CHAT}:42", recipient: str = CHAT, **content) -> MessageSend:
    return MessageSend(
        tenant="t",
        channel=Channel.TELEGRAM,
        thread_key="th_1",
        send_id="s1",
        account_id="7000000001",
        recipient=Contact(id=recipient),
        content=OutboundContent(**content),
        reply_to_provider_id=reply_to,
    )


def test_text_is_one_send_message_replying_to_the_customer_message():
    [part] = plan_parts(send(text="Hi"))
    assert part.body == {
        "method": "sendMessage",
        "params": {
            "chat_id": 123456789,
            "text": "Hi",
            "reply_parameters": {"message_id": 42, "allow_sending_without_reply": True},
        },
    }
    assert part.media_id is None


@pytest.mark.parametrize("reply_to", [None, "4382bfdwdsb323b2d9", "999:42", f"{CHAT}:42:edit:1767225660"])
def test_only_a_message_of_this_chat_is_replied_to(reply_to):
    [part] = plan_parts(send(reply_to=reply_to, text="Hi"))
    expected = reply_to is not None and reply_to.startswith(f"{CHAT}:")
    assert ("reply_parameters" in part.body["params"]) is expected


def test_quick_replies_become_an_inline_keyboard_one_button_per_row():
    choices = [QuickReply(id="solved:yes", title="Yes"), QuickReply(id="solved:no", title="No")]
    [part] = plan_parts(send(text="Did that solve it?", quick_replies=choices))
    assert part.body["params"]["reply_markup"] == {
        "inline_keyboard": [
            [{"text": "Yes", "callback_data": "solved:yes"}],
            [{"text": "No", "callback_data": "solved:no"}],
        ]
    }


def test_a_choice_id_over_64_bytes_cannot_come_back_so_the_send_is_refused():
    choice = QuickReply(id="é" * 33, title="Too long")  # 66 bytes in UTF-8
    with pytest.raises(PermanentSendError, match="64-byte callback_data"):
        plan_parts(send(text="Pick", quick_replies=[choice]))


def test_a_template_cannot_be_sent():
    with pytest.raises(PermanentSendError, match="templates"):
        plan_parts(send(template=TemplateMessage(name="hello", language="en")))


def test_text_rides_as_the_first_attachments_caption_with_the_keyboard():
    choices = [QuickReply(id="ok", title="OK")]
    parts = plan_parts(send(text="Our map", attachments=[image(), document()], quick_replies=choices))
    assert [p.body["method"] for p in parts] == ["sendPhoto", "sendDocument"]
    assert [p.media_id for p in parts] == ["med_img", "med_doc"]
    first, second = parts
    assert first.body["params"]["caption"] == "Our map" and "reply_markup" in first.body["params"]
    assert "reply_parameters" in first.body["params"] and "reply_parameters" not in second.body["params"]
    assert with_file(first.body, "attach-id")["photo"] == "attach-id"


def test_text_too_long_for_a_caption_goes_first_on_its_own():
    text = "x" * (limits().caption_chars + 1)
    parts = plan_parts(send(text=text, attachments=[image()]))
    assert [p.body["method"] for p in parts] == ["sendMessage", "sendPhoto"]
    assert "caption" not in parts[1].body["params"]


def test_a_sticker_takes_no_caption_and_unknown_kinds_go_as_documents():
    sticker = MediaRef(kind="sticker", media_id="med_st", mime_type="image/webp")
    other = MediaRef(kind="hologram", media_id="med_h")
    parts = plan_parts(send(text="Hi", attachments=[sticker, other]))
    assert [p.body["method"] for p in parts] == ["sendMessage", "sendSticker", "sendDocument"]
    assert parts[2].body["file_field"] == "document"


def test_a_photo_over_telegrams_photo_limit_goes_as_a_document_and_a_file_over_the_upload_limit_is_refused():
    big = MediaRef(kind="image", media_id="med_big", size=limits().photo_max_bytes + 1)
    [part] = plan_parts(send(attachments=[big]))
    assert part.body["method"] == "sendDocument"
    with pytest.raises(PermanentSendError, match="upload at most"):
        plan_parts(send(attachments=[MediaRef(kind="video", media_id="v", size=limits().upload_max_bytes + 1)]))


def test_long_text_is_split_at_paragraphs_and_the_keyboard_goes_on_the_last_part(monkeypatch):
    paragraph = "word " * 700  # 3,500 characters
    text = f"{paragraph}\n\n{paragraph}"[:4096]
    pieces = split_text(text, 4096)
    assert pieces == [text]
    emoji_text = "😀" * 1500 + "\n\n" + "😀" * 600  # 4,204 UTF-16 units in 2,102 characters
    pieces = split_text(emoji_text, 4096)
    assert pieces == ["😀" * 1500, "😀" * 600]
    parts = plan_parts(send(text=emoji_text, quick_replies=[QuickReply(id="ok", title="OK")]))
    assert [p.body["params"]["text"] for p in parts] == pieces
    assert "reply_markup" in parts[-1].body["params"] and "reply_markup" not in parts[0].body["params"]
    assert "reply_parameters" in parts[0].body["params"] and "reply_parameters" not in parts[-1].body["params"]


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("aaaa bbbb cccc", 9, ["aaaa bbbb", "cccc"]),
        ("aaaa\nbbbb cccc", 11, ["aaaa\nbbbb", "cccc"]),
        ("aaaaaa\nbbbbbbbbb", 11, ["aaaaaa", "bbbbbbbbb"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("😀😀😀", 3, ["😀", "😀", "😀"]),
        ("short", 10, ["short"]),
    ],
)
def test_split_text_is_deterministic_and_never_cuts_a_character(text, limit, expected):
    assert split_text(text, limit) == expected
    assert split_text(text, limit) == split_text(text, limit)


# --- pacing ------------------------------------------------------------------------------------------------------

SPEC = PacingSpec(
    private_chat=RateSpec(interval_seconds=1.0, burst=2),
    group_chat=RateSpec(interval_seconds=3.0, burst=1),
    bot=RateSpec(interval_seconds=0.1, burst=3),
    max_wait_seconds=5.0,
)


def test_a_chat_gets_its_burst_then_one_message_a_second():
    pacer = Pacer(SPEC)
    waits = [pacer.reserve("bot", "1", now=100.0).wait for _ in range(4)]
    assert waits == [0.0, 0.0, 1.0, 2.0]
    assert pacer.reserve("bot", "1", now=110.0).wait == 0.0


def test_the_bot_limit_applies_across_chats():
    pacer = Pacer(SPEC)
    waits = [round(pacer.reserve("bot", str(chat), now=0.0).wait, 3) for chat in range(5)]
    assert waits == [0.0, 0.0, 0.0, 0.1, 0.2]
    assert pacer.reserve("other-bot", "1", now=0.0).wait == 0.0


def test_groups_are_paced_slower():
    pacer = Pacer(SPEC)
    assert [pacer.reserve("bot", "-100", now=0.0).wait for _ in range(2)] == [0.0, 3.0]


def test_a_wait_over_the_maximum_is_not_reserved_and_says_how_long():
    pacer = Pacer(SPEC)
    waits = [pacer.reserve("bot", "-100", now=0.0) for _ in range(3)]
    assert [r.granted for r in waits] == [True, True, False]
    assert waits[2].wait == 6.0
    assert pacer.reserve("bot", "-100", now=0.0).wait == 6.0  # the refused one took no slot


def test_a_429_holds_the_chat_until_telegram_said():
    pacer = Pacer(SPEC)
    pacer.hold("bot", "1", until=4.0)
    assert pacer.reserve("bot", "1", now=1.0).wait == 3.0
    assert pacer.reserve("bot", "2", now=1.0).wait == 0.0
