import string
from datetime import UTC, datetime
from typing import get_args

from parley_contracts import Actor, ActorKind, HandoffRequested, ThreadStatus, Transition
from parley_conversations.reasons import describe_handoff
from parley_conversations.state_machine import Trigger
from parley_router.activity import activity_phrases, describe


def test_every_note_uses_only_known_placeholders_and_every_trigger_that_changes_something_has_one():
    notes = activity_phrases().notes
    for template in notes.values():
        fields = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        assert fields <= {"actor", "assignee", "reason", "trigger"}, template
    described = {key.split(":")[0] for key in notes}
    assert described >= set(Trigger) - {Trigger.CUSTOMER_MESSAGE, Trigger.RESET} | {"customer_message", "reset"}


def test_every_handoff_reason_reads_as_words():
    reasons = get_args(HandoffRequested.model_fields["reason"].annotation)
    assert all(describe_handoff(r) != r for r in reasons)
    assert describe_handoff("something new") == "something new"


def test_a_note_names_who_did_what():
    ana = Actor(kind=ActorKind.OPERATOR, id="op_ana", name="Ana Lima")
    at = datetime(2026, 12, 2, tzinfo=UTC)
    handoff = Transition(
        trigger="handoff",
        from_status=ThreadStatus.BOT,
        to_status=ThreadStatus.NEEDS_HUMAN,
        actor=ana,
        reason="customer_asked",
        at=at,
    )
    assert describe(handoff, None) == "The bot handed the conversation to the team (the customer asked for a person)"
    assign = Transition(
        trigger="assign",
        from_status=ThreadStatus.HUMAN,
        to_status=ThreadStatus.HUMAN,
        to_assignee="op_ben",
        actor=ana,
        at=at,
    )
    assert describe(assign, "Ben Okafor") == "Ana Lima assigned the conversation to Ben Okafor"
