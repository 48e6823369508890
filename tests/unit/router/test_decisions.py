import pytest

from parley_contracts import Analysis, ReplySource, SuggestedReply, ThreadStatus
from parley_router.decisions import Action, decide
from parley_router.step import reply_send_id


def analysis(confidence: float | None = 0.8, source=ReplySource.KNOWLEDGE_BASE, wants_human=False, language="en"):
    reply = None if confidence is None else SuggestedReply(text="Answer.", confidence=confidence, source=source)
    return Analysis(language=language, wants_human=wants_human, reply=reply)


def test_confident_answer_is_sent():
    decision = decide(ThreadStatus.BOT, analysis(0.8), 0.3)
    assert decision.action == Action.REPLY and decision.text == "Answer."


@pytest.mark.parametrize("confidence", [0.29, 0.0])
def test_answer_below_threshold_hands_off(confidence):
    decision = decide(ThreadStatus.BOT, analysis(confidence), 0.3)
    assert decision.action == Action.HANDOFF and decision.handoff_reason == "low_confidence"
    assert decision.text  # the customer is told


def test_threshold_is_inclusive():
    assert decide(ThreadStatus.BOT, analysis(0.3), 0.3).action == Action.REPLY


def test_no_answer_hands_off():
    assert decide(ThreadStatus.BOT, analysis(None), 0.3).handoff_reason == "no_answer"


def test_asking_for_a_person_wins_over_an_answer_in_the_customers_language():
    decision = decide(ThreadStatus.BOT, analysis(0.9, wants_human=True, language="es"), 0.3)
    assert decision.action == Action.HANDOFF and decision.handoff_reason == "customer_asked"
    assert "persona" in decision.text


def test_small_talk_is_answered_even_with_modest_confidence():
    assert decide(ThreadStatus.BOT, analysis(0.2, source=ReplySource.FALLBACK), 0.3).action == Action.REPLY


@pytest.mark.parametrize("status", [ThreadStatus.HUMAN, ThreadStatus.NEEDS_HUMAN, ThreadStatus.RESOLVED])
def test_bot_is_silent_unless_it_has_the_thread(status):
    assert decide(status, analysis(0.99), 0.3).action == Action.SILENT
    assert decide(status, analysis(0.99, wants_human=True), 0.3).action == Action.SILENT


def test_a_reaction_is_not_a_question():
    assert decide(ThreadStatus.BOT, analysis(None), 0.3, content_type="reaction").action == Action.SILENT
    assert decide(ThreadStatus.BOT, analysis(None), 0.3, content_type="image").action == Action.HANDOFF


def test_reply_send_id_is_stable_per_inbound_message():
    assert reply_send_id("whatsapp:wamid.1") == reply_send_id("whatsapp:wamid.1")
    assert reply_send_id("whatsapp:wamid.1") != reply_send_id("whatsapp:wamid.2")
