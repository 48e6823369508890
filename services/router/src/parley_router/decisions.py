"""What the bot does with an analysed customer message. Pure: the thread's status and the analysis in, a
decision out. Whether the thread's status changes is the state machine's business
(parley_conversations.state_machine); this only decides what the bot would say."""

from dataclasses import dataclass
from enum import StrEnum

from parley_contracts import Analysis, ReplySource, ThreadStatus
from parley_conversations.state_machine import bot_may_answer
from parley_router.phrases import holding_message

# Content that is not something to answer: a 👍 on the bot's message is not a question, nor is an auto-reply
# or a bounce (type "system").
NOT_FOR_THE_BOT = frozenset({"reaction", "system"})


class Action(StrEnum):
    REPLY = "reply"
    HANDOFF = "handoff"
    SILENT = "silent"


@dataclass(frozen=True)
class Decision:
    action: Action
    text: str | None = None
    handoff_reason: str | None = None


def decide(status: ThreadStatus, analysis: Analysis, threshold: float, content_type: str = "text") -> Decision:
    if not bot_may_answer(status) or content_type in NOT_FOR_THE_BOT:
        # A person holds (or is about to hold) the thread, or there is nothing to answer: the bot stays out.
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
