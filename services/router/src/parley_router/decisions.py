"""What the bot does with an analysed message. Pure: the thread's state and the analysis in, a decision out."""

from dataclasses import dataclass
from enum import StrEnum

from parley_contracts import Analysis, ReplySource
from parley_router.phrases import holding_message


class ThreadStatus(StrEnum):
    BOT = "bot"
    NEEDS_HUMAN = "needs_human"
    HUMAN = "human"
    RESOLVED = "resolved"


class Action(StrEnum):
    REPLY = "reply"
    HANDOFF = "handoff"
    SILENT = "silent"


@dataclass(frozen=True)
class Decision:
    action: Action
    text: str | None = None
    handoff_reason: str | None = None


def decide(status: ThreadStatus, bot_paused: bool, analysis: Analysis, threshold: float) -> Decision:
    if bot_paused or status in (ThreadStatus.NEEDS_HUMAN, ThreadStatus.HUMAN):
        # A person holds (or is about to hold) the thread: the bot stays out of it.
        return Decision(Action.SILENT)
    language = analysis.language
    if analysis.wants_human:
        return Decision(Action.HANDOFF, holding_message("customer_asked", language), "customer_asked")
    reply = analysis.reply
    if reply is None:
        return Decision(Action.HANDOFF, holding_message("no_answer", language), "no_answer")
    # Small talk (greetings, thanks) is never a reason to call a person; answers must clear the threshold.
    if reply.source == ReplySource.FALLBACK or reply.confidence >= threshold:
        return Decision(Action.REPLY, reply.text)
    return Decision(Action.HANDOFF, holding_message("low_confidence", language), "low_confidence")
