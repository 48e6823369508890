"""The whole transition table, written out here independently of the module's own table: every trigger from
every status, by an allowed actor, with the expected status and assignee (or refusal)."""

from datetime import UTC, datetime

import pytest

from parley_contracts import Actor, ActorKind, ThreadStatus
from parley_conversations.state_machine import (
    ALLOWED_ACTORS,
    TABLE,
    Applied,
    Change,
    Rejected,
    ThreadState,
    Trigger,
    apply,
    bot_may_answer,
)

AT = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
ANA = Actor(kind=ActorKind.OPERATOR, id="op_ana", name="Ana")
KEY = Actor(kind=ActorKind.INTEGRATION, id="key_crm", name="CRM")
CUSTOMER = Actor(kind=ActorKind.CUSTOMER, id="5215550001", name="Carla")
BOT_ = Actor(kind=ActorKind.BOT, name="Bot")
SYSTEM = Actor(kind=ActorKind.SYSTEM, name="Parley")
B, N, H, R = ThreadStatus.BOT, ThreadStatus.NEEDS_HUMAN, ThreadStatus.HUMAN, ThreadStatus.RESOLVED
REFUSED = "refused"
SAME = "same"

ACTOR_FOR = {
    Trigger.CUSTOMER_MESSAGE: CUSTOMER,
    Trigger.RESET: CUSTOMER,
    Trigger.HANDOFF: BOT_,
    Trigger.AUTO_ASSIGN: SYSTEM,
    Trigger.IDLE_TIMEOUT: SYSTEM,
    Trigger.TAKE_OVER: ANA,
    Trigger.ASSIGN: ANA,
    Trigger.OPERATOR_REPLY: ANA,
    Trigger.HAND_BACK: ANA,
    Trigger.RESOLVE: ANA,
    Trigger.REOPEN: ANA,
}

# (trigger, from status, from assignee) -> (to status, to assignee) | SAME | REFUSED.
# "op_ben" holds or waits for the thread where an assignee is set; "op_new" is the target of assign/auto_assign.
EXPECTED = {
    (Trigger.CUSTOMER_MESSAGE, B, None): SAME,
    (Trigger.CUSTOMER_MESSAGE, N, "op_ben"): SAME,
    (Trigger.CUSTOMER_MESSAGE, H, "op_ben"): SAME,
    (Trigger.CUSTOMER_MESSAGE, R, None): (B, None),
    (Trigger.HANDOFF, B, None): (N, None),
    (Trigger.HANDOFF, N, "op_ben"): SAME,
    (Trigger.HANDOFF, H, "op_ben"): SAME,
    (Trigger.HANDOFF, R, None): REFUSED,
    (Trigger.AUTO_ASSIGN, B, None): SAME,
    (Trigger.AUTO_ASSIGN, N, None): (N, "op_new"),
    (Trigger.AUTO_ASSIGN, N, "op_ben"): SAME,
    (Trigger.AUTO_ASSIGN, H, "op_ben"): SAME,
    (Trigger.AUTO_ASSIGN, R, None): SAME,
    (Trigger.TAKE_OVER, B, None): (H, "op_ana"),
    (Trigger.TAKE_OVER, N, "op_ben"): (H, "op_ana"),
    (Trigger.TAKE_OVER, H, "op_ben"): (H, "op_ana"),
    (Trigger.TAKE_OVER, H, "op_ana"): SAME,
    (Trigger.TAKE_OVER, R, None): REFUSED,
    (Trigger.ASSIGN, B, None): (N, "op_new"),
    (Trigger.ASSIGN, N, None): (N, "op_new"),
    (Trigger.ASSIGN, H, "op_ben"): (H, "op_new"),
    (Trigger.ASSIGN, R, None): REFUSED,
    (Trigger.OPERATOR_REPLY, B, None): (H, "op_ana"),
    (Trigger.OPERATOR_REPLY, N, None): (H, "op_ana"),
    (Trigger.OPERATOR_REPLY, N, "op_ben"): (H, "op_ben"),
    (Trigger.OPERATOR_REPLY, H, "op_ben"): SAME,
    (Trigger.OPERATOR_REPLY, R, None): (H, "op_ana"),
    (Trigger.HAND_BACK, B, None): REFUSED,
    (Trigger.HAND_BACK, N, "op_ben"): (B, None),
    (Trigger.HAND_BACK, H, "op_ben"): (B, None),
    (Trigger.HAND_BACK, R, None): REFUSED,
    (Trigger.RESOLVE, B, None): (R, None),
    (Trigger.RESOLVE, N, "op_ben"): (R, None),
    (Trigger.RESOLVE, H, "op_ben"): (R, None),
    (Trigger.RESOLVE, R, None): REFUSED,
    (Trigger.REOPEN, B, None): REFUSED,
    (Trigger.REOPEN, N, None): REFUSED,
    (Trigger.REOPEN, H, "op_ben"): REFUSED,
    (Trigger.REOPEN, R, None): (H, "op_ana"),
    (Trigger.IDLE_TIMEOUT, B, None): (R, None),
    (Trigger.IDLE_TIMEOUT, N, "op_ben"): (R, None),
    (Trigger.IDLE_TIMEOUT, H, "op_ben"): (R, None),
    (Trigger.IDLE_TIMEOUT, R, None): SAME,
    (Trigger.RESET, B, None): SAME,
    (Trigger.RESET, N, "op_ben"): (B, None),
    (Trigger.RESET, H, "op_ben"): SAME,
    (Trigger.RESET, R, None): (B, None),
}


def test_every_trigger_and_status_is_covered_by_the_table_and_by_this_test():
    assert set(TABLE) == set(Trigger) == set(ALLOWED_ACTORS)
    for trigger in Trigger:
        assert set(TABLE[trigger]) == set(ThreadStatus), trigger
        assert {status for (t, status, _) in EXPECTED if t == trigger} == set(ThreadStatus), trigger


@pytest.mark.parametrize(("trigger", "status", "assignee"), list(EXPECTED))
def test_transition(trigger: Trigger, status: ThreadStatus, assignee: str | None):
    expected = EXPECTED[(trigger, status, assignee)]
    before = ThreadState(status, assignee)
    target = "op_new" if trigger in (Trigger.ASSIGN, Trigger.AUTO_ASSIGN) else None
    outcome = apply(before, Change(trigger, ACTOR_FOR[trigger], AT, target=target, reason="why"))
    if expected == REFUSED:
        assert isinstance(outcome, Rejected) and outcome.reason
        return
    assert isinstance(outcome, Applied)
    if expected == SAME:
        assert outcome.state == before and outcome.transition is None
        return
    assert (outcome.state.status, outcome.state.assignee) == expected
    t = outcome.transition
    assert t is not None
    assert (t.trigger, t.from_status, t.to_status) == (str(trigger), status, expected[0])
    assert (t.from_assignee, t.to_assignee) == (assignee, expected[1])
    assert t.actor == ACTOR_FOR[trigger] and t.reason == "why" and t.at == AT


def test_hand_back_of_a_resolved_thread_says_why():
    outcome = apply(ThreadState(R), Change(Trigger.HAND_BACK, ANA, AT))
    assert isinstance(outcome, Rejected) and "resolved" in outcome.reason


@pytest.mark.parametrize("trigger", list(Trigger))
def test_only_allowed_actors_cause_a_trigger(trigger: Trigger):
    for actor in (ANA, KEY, CUSTOMER, BOT_, SYSTEM):
        outcome = apply(ThreadState(B), Change(trigger, actor, AT, target="op_new"))
        if actor.kind in ALLOWED_ACTORS[trigger]:
            assert not (isinstance(outcome, Rejected) and "cannot be done by" in outcome.reason)
        else:
            assert isinstance(outcome, Rejected) and "cannot be done by" in outcome.reason


def test_an_integration_cannot_hold_a_thread_but_can_reply_and_reopen_for_the_team():
    assert isinstance(apply(ThreadState(B), Change(Trigger.TAKE_OVER, KEY, AT)), Rejected)
    replied = apply(ThreadState(B), Change(Trigger.OPERATOR_REPLY, KEY, AT))
    assert isinstance(replied, Applied) and replied.state == ThreadState(H, None)
    reopened = apply(ThreadState(R), Change(Trigger.REOPEN, KEY, AT))
    assert isinstance(reopened, Applied) and reopened.state == ThreadState(N, None)


def test_assign_needs_an_operator():
    assert isinstance(apply(ThreadState(N), Change(Trigger.ASSIGN, ANA, AT)), Rejected)


def test_the_bot_answers_only_threads_it_has():
    assert [s for s in ThreadStatus if bot_may_answer(s)] == [B]
