from datetime import UTC, datetime, timedelta

import pytest

from parley_contracts import AuthorKind, Channel, OutboundContent, TemplateMessage
from parley_conversations.windows import (
    channel_rules,
    message_tag,
    refusal,
    reply_limit_refusal,
    takes_one_reply,
    window_closes_at,
)

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
TEXT = OutboundContent(text="hello")
TEMPLATE = OutboundContent(template=TemplateMessage(name="conversation_follow_up", language="en", parameters=["Ana"]))


def test_every_channel_has_rules():
    assert set(channel_rules()) == set(Channel)


@pytest.mark.parametrize(("hours_ago", "allowed"), [(1, True), (23.9, True), (24, False), (25, False), (24 * 7, False)])
def test_whatsapp_free_form_replies_only_inside_24_hours(hours_ago: float, allowed: bool):
    reason = refusal(Channel.WHATSAPP, TEXT, NOW - timedelta(hours=hours_ago), NOW)
    assert (reason is None) is allowed
    if not allowed:
        assert "24-hour" in reason and "template" in reason


def test_whatsapp_templates_are_allowed_outside_the_window_and_before_any_message():
    assert refusal(Channel.WHATSAPP, TEMPLATE, NOW - timedelta(days=3), NOW) is None
    assert refusal(Channel.WHATSAPP, TEMPLATE, None, NOW) is None


def test_a_whatsapp_customer_who_never_wrote_gets_only_templates():
    assert "template" in (refusal(Channel.WHATSAPP, TEXT, None, NOW) or "")


def test_channels_without_a_window_accept_late_replies_but_not_templates():
    assert refusal(Channel.TELEGRAM, TEXT, NOW - timedelta(days=30), NOW) is None
    assert "no message templates" in (refusal(Channel.TELEGRAM, TEMPLATE, NOW, NOW) or "")


def test_window_end():
    assert window_closes_at(Channel.WHATSAPP, NOW) == NOW + timedelta(hours=24)
    assert window_closes_at(Channel.EMAIL, NOW) is None
    assert window_closes_at(Channel.WHATSAPP, None) is None


META = [Channel.MESSENGER, Channel.INSTAGRAM]


@pytest.mark.parametrize("channel", META)
@pytest.mark.parametrize(
    ("hours_ago", "bot", "operator", "tag"),
    [
        (1, True, True, None),  # inside the standard window: anyone, untagged
        (23.9, True, True, None),
        (24, False, True, "HUMAN_AGENT"),  # past it: a person only, tagged
        (24 * 7 - 0.1, False, True, "HUMAN_AGENT"),
        (24 * 7, False, False, None),  # past 7 days: nobody
        (24 * 30, False, False, None),
    ],
)
def test_meta_human_agent_window(channel: Channel, hours_ago: float, bot: bool, operator: bool, tag: str | None):
    last = NOW - timedelta(hours=hours_ago)
    assert (refusal(channel, TEXT, last, NOW) is None) is bot
    assert (refusal(channel, TEXT, last, NOW, AuthorKind.OPERATOR) is None) is operator
    if operator:  # the tag of a reply that may go out (refused ones are never sent)
        assert message_tag(channel, last, NOW, AuthorKind.OPERATOR) == tag
    assert message_tag(channel, last, NOW, AuthorKind.BOT) is None


def test_meta_refusals_say_why():
    eight_days = NOW - timedelta(days=8)
    operator = refusal(Channel.MESSENGER, TEXT, eight_days, NOW, AuthorKind.OPERATOR) or ""
    assert "168-hour human-agent window closed" in operator
    bot = refusal(Channel.INSTAGRAM, TEXT, NOW - timedelta(hours=30), NOW) or ""
    assert "standard messaging window closed" in bot and "only a person" in bot
    assert "allows no message before they do" in (
        refusal(Channel.MESSENGER, TEXT, None, NOW, AuthorKind.OPERATOR) or ""
    )
    assert "no message templates" in (refusal(Channel.MESSENGER, TEMPLATE, NOW, NOW) or "")


def test_whatsapp_operators_get_no_human_agent_window():
    last = NOW - timedelta(hours=30)
    assert "template" in (refusal(Channel.WHATSAPP, TEXT, last, NOW, AuthorKind.OPERATOR) or "")
    assert message_tag(Channel.WHATSAPP, last, NOW, AuthorKind.OPERATOR) is None


def test_a_mercadolibre_question_takes_one_answer_and_a_pack_any_number():
    ml = Channel.MERCADOLIBRE
    assert takes_one_reply(ml, "question:11764931832") and not takes_one_reply(ml, "pack:2000000089077943")
    assert not takes_one_reply(ml, None) and not takes_one_reply(Channel.WHATSAPP, "question:1")
    assert reply_limit_refusal(ml, "question:1", 0) is None
    assert "one answer per question" in (reply_limit_refusal(ml, "question:1", 1) or "")
    assert reply_limit_refusal(ml, "pack:1", 5) is None
