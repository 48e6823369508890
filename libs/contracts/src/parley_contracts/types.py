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
