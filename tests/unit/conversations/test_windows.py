from datetime import UTC, datetime, timedelta

import pytest

from parley_contracts import Channel, OutboundContent, TemplateMessage
from parley_conversations.windows import (
    channel_rules,
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


def test_a_mercadolibre_question_takes_one_answer_and_a_pack_any_number():
    ml = Channel.MERCADOLIBRE
    assert takes_one_reply(ml, "question:11764931832") and not takes_one_reply(ml, "pack:2000000089077943")
    assert not takes_one_reply(ml, None) and not takes_one_reply(Channel.WHATSAPP, "question:1")
    assert reply_limit_refusal(ml, "question:1", 0) is None
    assert "one answer per question" in (reply_limit_refusal(ml, "question:1", 1) or "")
    assert reply_limit_refusal(ml, "pack:1", 5) is None
