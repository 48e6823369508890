"""The conversation state machine: every status and assignee change of a thread, in one table. Pure.

A thread is `bot` (the bot answers), `needs_human` (the bot stepped aside; waiting for, or assigned to, a
person), `human` (a person holds it; the bot is silent) or `resolved`. Nothing else in Parley changes a
status: the router feeds every trigger through `apply()` and stores what it returns
(docs/adr/0001-router-single-writer.md). Illegal transitions are refused with a reason an operator can read
(the API answers 409 with it); triggers that have nothing to do (a second take-over by the same operator,
an idle timer on a resolved thread) are no-ops, so replays and races are harmless.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from parley_contracts import Actor, ActorKind, CommandAction, ThreadStatus, Transition

BOT, NEEDS_HUMAN, HUMAN, RESOLVED = (
    ThreadStatus.BOT,
    ThreadStatus.NEEDS_HUMAN,
    ThreadStatus.HUMAN,
    ThreadStatus.RESOLVED,
)


class Trigger(StrEnum):
    CUSTOMER_MESSAGE = "customer_message"  # the customer wrote: reopens a resolved thread
    HANDOFF = "handoff"  # the bot steps aside (customer asked, no answer, low confidence)
    AUTO_ASSIGN = "auto_assign"  # the router picked an operator by workload
    TAKE_OVER = "take_over"  # an operator holds the thread
    ASSIGN = "assign"  # a manager gives the thread to an operator
    OPERATOR_REPLY = "operator_reply"  # a person (or an integration) answered
    HAND_BACK = "hand_back"  # back to the bot
    RESOLVE = "resolve"
    REOPEN = "reopen"
    IDLE_TIMEOUT = "idle_timeout"  # no customer message for the business unit's idle time
    RESET = "reset"  # the customer asked to start over


@dataclass(frozen=True)
class ThreadState:
    status: ThreadStatus
    assignee: str | None = None


@dataclass(frozen=True)
class Change:
    trigger: Trigger
    actor: Actor
    at: datetime
    target: str | None = None  # ASSIGN / AUTO_ASSIGN: the operator
    reason: str | None = None


@dataclass(frozen=True)
class Applied:
    state: ThreadState
    transition: Transition | None  # None: nothing changed


@dataclass(frozen=True)
class Rejected:
    reason: str


Outcome = Applied | Rejected
# A rule: from the current state and the change, the new state, or a refusal.
Rule = Callable[[ThreadState, Change], ThreadState | Rejected]


def _to(status: ThreadStatus, assignee: Callable[[ThreadState, Change], str | None]) -> Rule:
    return lambda state, change: ThreadState(status, assignee(state, change))


def _keep(state: ThreadState, change: Change) -> str | None:
    return state.assignee


def _clear(state: ThreadState, change: Change) -> str | None:
    return None


def _target(state: ThreadState, change: Change) -> str | None:
    return change.target


def _actor(state: ThreadState, change: Change) -> str | None:
    return change.actor.id


def _kept_or_actor(state: ThreadState, change: Change) -> str | None:
    """A reply does not take a thread from its assignee; an unassigned thread goes to the person replying."""
    if state.assignee:
        return state.assignee
    return change.actor.id if change.actor.kind == ActorKind.OPERATOR else None


def _refuse(reason: str) -> Rule:
    return lambda state, change: Rejected(reason)


def _unchanged(state: ThreadState, change: Change) -> ThreadState:
    return state


def _auto_assign(state: ThreadState, change: Change) -> ThreadState:
    # Only a waiting, unassigned thread is auto-assigned; anything else already has its person (or the bot).
    return replace(state, assignee=change.target) if state.assignee is None else state


def _reopen(state: ThreadState, change: Change) -> ThreadState:
    # An operator who reopens a thread holds it; an integration reopens it for the team.
    if change.actor.kind == ActorKind.OPERATOR:
        return ThreadState(HUMAN, change.actor.id)
    return ThreadState(NEEDS_HUMAN, None)


_RESOLVED_FIRST = "the thread is resolved: reopen it first"

# Every (trigger, status) pair. A missing pair cannot happen by construction; the unit tests walk the table.
TABLE: dict[Trigger, dict[ThreadStatus, Rule]] = {
    Trigger.CUSTOMER_MESSAGE: {
        BOT: _unchanged,
        NEEDS_HUMAN: _unchanged,
        HUMAN: _unchanged,
        RESOLVED: _to(BOT, _clear),  # the customer came back: the bot answers again, history kept
    },
    Trigger.HANDOFF: {
        BOT: _to(NEEDS_HUMAN, _clear),
        NEEDS_HUMAN: _unchanged,
        HUMAN: _unchanged,
        RESOLVED: _refuse("the thread is resolved"),
    },
    Trigger.AUTO_ASSIGN: {
        BOT: _unchanged,
        NEEDS_HUMAN: _auto_assign,
        HUMAN: _unchanged,
        RESOLVED: _unchanged,
    },
    Trigger.TAKE_OVER: {
        BOT: _to(HUMAN, _actor),
        NEEDS_HUMAN: _to(HUMAN, _actor),
        HUMAN: _to(HUMAN, _actor),
        RESOLVED: _refuse(_RESOLVED_FIRST),
    },
    Trigger.ASSIGN: {
        BOT: _to(NEEDS_HUMAN, _target),  # the bot steps aside for the assignee
        NEEDS_HUMAN: _to(NEEDS_HUMAN, _target),
        HUMAN: _to(HUMAN, _target),
        RESOLVED: _refuse(_RESOLVED_FIRST),
    },
    Trigger.OPERATOR_REPLY: {
        BOT: _to(HUMAN, _kept_or_actor),  # answering is taking over: the bot must not talk over a person
        NEEDS_HUMAN: _to(HUMAN, _kept_or_actor),
        HUMAN: _to(HUMAN, _kept_or_actor),
        RESOLVED: _to(HUMAN, _kept_or_actor),
    },
    Trigger.HAND_BACK: {
        BOT: _refuse("the bot already has this thread"),
        NEEDS_HUMAN: _to(BOT, _clear),
        HUMAN: _to(BOT, _clear),
        RESOLVED: _refuse("the thread is resolved: it goes back to the bot when the customer writes again"),
    },
    Trigger.RESOLVE: {
        BOT: _to(RESOLVED, _clear),
        NEEDS_HUMAN: _to(RESOLVED, _clear),
        HUMAN: _to(RESOLVED, _clear),
        RESOLVED: _refuse("the thread is already resolved"),
    },
    Trigger.REOPEN: {
        BOT: _refuse("the thread is not resolved"),
        NEEDS_HUMAN: _refuse("the thread is not resolved"),
        HUMAN: _refuse("the thread is not resolved"),
        RESOLVED: _reopen,
    },
    Trigger.IDLE_TIMEOUT: {
        BOT: _to(RESOLVED, _clear),
        NEEDS_HUMAN: _to(RESOLVED, _clear),
        HUMAN: _to(RESOLVED, _clear),
        RESOLVED: _unchanged,
    },
    Trigger.RESET: {
        BOT: _unchanged,  # the bot's session is cleared by the router; the status stays
        NEEDS_HUMAN: _to(BOT, _clear),  # nobody has picked it up yet: the customer may go back to the bot
        HUMAN: _unchanged,  # a person holds it: they see the message and decide
        RESOLVED: _to(BOT, _clear),
    },
}

# Who may cause what. Operators and integrations act through thread.command; the rest are the router's own.
_PEOPLE = {ActorKind.OPERATOR, ActorKind.INTEGRATION}
ALLOWED_ACTORS: dict[Trigger, set[ActorKind]] = {
    Trigger.CUSTOMER_MESSAGE: {ActorKind.CUSTOMER},
    Trigger.RESET: {ActorKind.CUSTOMER},
    Trigger.HANDOFF: {ActorKind.BOT},
    Trigger.AUTO_ASSIGN: {ActorKind.SYSTEM},
    Trigger.IDLE_TIMEOUT: {ActorKind.SYSTEM},
    Trigger.TAKE_OVER: {ActorKind.OPERATOR},  # only a person can hold a thread
    Trigger.ASSIGN: _PEOPLE,
    Trigger.OPERATOR_REPLY: _PEOPLE,
    Trigger.HAND_BACK: _PEOPLE,
    Trigger.RESOLVE: _PEOPLE,
    Trigger.REOPEN: _PEOPLE,
}


# The trigger behind each operator command (`thread.command`); the router's timer commands carry their own logic.
COMMAND_TRIGGERS: dict[CommandAction, Trigger] = {
    CommandAction.REPLY: Trigger.OPERATOR_REPLY,
    CommandAction.TAKE_OVER: Trigger.TAKE_OVER,
    CommandAction.HAND_BACK: Trigger.HAND_BACK,
    CommandAction.RESOLVE: Trigger.RESOLVE,
    CommandAction.REOPEN: Trigger.REOPEN,
    CommandAction.ASSIGN: Trigger.ASSIGN,
}


def apply(state: ThreadState, change: Change) -> Outcome:
    """The thread's state after `change`, with the transition to record; or why it is refused."""
    if change.actor.kind not in ALLOWED_ACTORS[change.trigger]:
        who = "an integration" if change.actor.kind == ActorKind.INTEGRATION else f"the {change.actor.kind}"
        return Rejected(f"{change.trigger} cannot be done by {who}")
    if change.trigger in (Trigger.ASSIGN, Trigger.AUTO_ASSIGN) and not change.target:
        return Rejected("assign needs an operator")
    result = TABLE[change.trigger][state.status](state, change)
    if isinstance(result, Rejected):
        return result
    if result == state:
        return Applied(state, None)
    return Applied(
        result,
        Transition(
            trigger=str(change.trigger),
            from_status=state.status,
            to_status=result.status,
            from_assignee=state.assignee,
            to_assignee=result.assignee,
            actor=change.actor,
            reason=change.reason,
            at=change.at,
        ),
    )


def bot_may_answer(status: ThreadStatus) -> bool:
    """The bot speaks only in a thread nobody else holds (a resolved one reopens before it is analysed)."""
    return status == BOT
