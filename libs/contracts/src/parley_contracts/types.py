"""Small vocabularies shared by every event."""

from enum import StrEnum


class Channel(StrEnum):
    WHATSAPP = "whatsapp"
    MESSENGER = "messenger"
    INSTAGRAM = "instagram"
    TELEGRAM = "telegram"
    EMAIL = "email"
    MERCADOLIBRE = "mercadolibre"


class AuthorKind(StrEnum):
    CUSTOMER = "customer"
    BOT = "bot"
    OPERATOR = "operator"
    SYSTEM = "system"


class ReplySource(StrEnum):
    KNOWLEDGE_BASE = "knowledge_base"
    LLM = "llm"
    FLOW = "flow"
    FALLBACK = "fallback"


class DeliveryState(StrEnum):
    """Where an outgoing message is. Ordered: a later state never gives way to an earlier one."""

    QUEUED = "queued"
    SENT = "sent"
    DELIVERED = "delivered"
    READ = "read"
    FAILED = "failed"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {
    DeliveryState.QUEUED: 0,
    DeliveryState.SENT: 1,
    DeliveryState.DELIVERED: 2,
    DeliveryState.READ: 3,
    DeliveryState.FAILED: 4,
}


class ThreadStatus(StrEnum):
    """Where a conversation is. Only the router changes it (docs/adr/0001-router-single-writer.md)."""

    BOT = "bot"  # the bot answers
    NEEDS_HUMAN = "needs_human"  # the bot stepped aside; waiting for (or assigned to) a person
    HUMAN = "human"  # a person holds the conversation; the bot is silent
    RESOLVED = "resolved"  # closed; the customer's next message reopens it

    @property
    def open(self) -> bool:
        return self is not ThreadStatus.RESOLVED

    @property
    def with_people(self) -> bool:
        """A person holds, or is about to hold, the conversation: the bot stays out of it."""
        return self in (ThreadStatus.NEEDS_HUMAN, ThreadStatus.HUMAN)


class ActorKind(StrEnum):
    """Who caused a change: the customer, the bot, an operator (a person), an integration (API key), or the
    system (timers)."""

    CUSTOMER = "customer"
    BOT = "bot"
    OPERATOR = "operator"
    INTEGRATION = "integration"
    SYSTEM = "system"


class CommandAction(StrEnum):
    """What a `thread.command` asks the router to do: operators' actions, a question flow's external API result
    (`flow_result`, from outbound), an operator's retry or reset of a flow session, and the router's own timers
    (`idle_timeout`, `assign_waiting`, `flow_timer`)."""

    REPLY = "reply"
    TAKE_OVER = "take_over"
    HAND_BACK = "hand_back"
    RESOLVE = "resolve"
    REOPEN = "reopen"
    ASSIGN = "assign"
    NOTE = "note"  # an operator's private note: kept in the thread for the team, never sent to the customer
    ERASE = "erase"  # GDPR: remove everything about the thread's contact in this thread
    IDLE_TIMEOUT = "idle_timeout"
    ASSIGN_WAITING = "assign_waiting"
    FLOW_RESULT = "flow_result"  # the business's API answered (or failed) a flow submission
    FLOW_RETRY = "flow_retry"  # an operator: submit a failed flow session's answers again
    FLOW_RESET = "flow_reset"  # an operator: end the thread's flow session
    FLOW_TIMER = "flow_timer"  # the router's own: a submission's retry is due, or its answer is overdue


# The `type` of a person's private note in the timeline (`MessageView`, direction `internal`): kept for the team,
# never sent to the customer.
PRIVATE_NOTE = "note"


class MediaKind(StrEnum):
    IMAGE = "image"
    AUDIO = "audio"
    VIDEO = "video"
    DOCUMENT = "document"
    STICKER = "sticker"
