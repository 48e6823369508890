import pytest

from parley_contracts import Analysis, InboundContent, ReplySource, SuggestedReply, ThreadStatus
from parley_conversations.content_rules import Treatment, treatment_of
from parley_router.decisions import Action, Decision, decide
from parley_router.phrases import holding_message
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


def test_what_the_bot_never_answers_gets_no_message_and_no_handoff():
    assert decide(ThreadStatus.BOT, analysis(None), 0.3, Treatment.SILENT) == Decision(Action.SILENT)


def test_what_only_a_person_can_handle_goes_to_one_without_guessing():
    decision = decide(ThreadStatus.BOT, analysis(0.99, language="es"), 0.3, Treatment.PERSON)
    assert decision.action == Action.HANDOFF and decision.handoff_reason == "needs_person"
    assert decision.text == holding_message("needs_person", "es") and "adivinar" not in decision.text
    assert decide(ThreadStatus.HUMAN, analysis(None), 0.3, Treatment.PERSON).action == Action.SILENT


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (InboundContent(type="reaction", text="👍"), Action.SILENT),
        (InboundContent(type="sticker"), Action.SILENT),
        (InboundContent(type="system", text="User changed number"), Action.SILENT),
        (InboundContent(type="edit", text="new text"), Action.SILENT),
        (InboundContent(type="delete"), Action.SILENT),
        (InboundContent(type="unsupported"), Action.SILENT),
        (InboundContent(type="a_type_from_2030", text="?"), Action.SILENT),
        (InboundContent(type="order", text="Order: 2 items"), Action.HANDOFF),
        (InboundContent(type="contacts", text="Ana"), Action.HANDOFF),
        (InboundContent(type="location", text="Av. Reforma 1"), Action.HANDOFF),
        (InboundContent(type="image"), Action.HANDOFF),
        (InboundContent(type="audio"), Action.HANDOFF),
        (InboundContent(type="image", text="is this in stock?"), Action.REPLY),
        (InboundContent(type="text", text="hello"), Action.REPLY),
        (InboundContent(type="button_reply", text="Yes", payload="yes"), Action.REPLY),
        (InboundContent(type="flow_reply", text="Sent"), Action.REPLY),
    ],
)
def test_each_content_type_per_the_rules(content, expected):
    decision = decide(ThreadStatus.BOT, analysis(0.9), 0.3, treatment_of(content))
    assert decision.action == expected
    if expected == Action.HANDOFF:
        assert decision.handoff_reason == "needs_person"


def test_reply_send_id_is_stable_per_inbound_message():
    assert reply_send_id("whatsapp:wamid.1") == reply_send_id("whatsapp:wamid.1")
    assert reply_send_id("whatsapp:wamid.1") != reply_send_id("whatsapp:wamid.2")
