"""Kafka topic names. Every topic is keyed by `thread_key` so one conversation stays on one partition."""

MESSAGE_RECEIVED = "message.received"
MESSAGE_ANALYZED = "message.analyzed"
HANDOFF_REQUESTED = "handoff.requested"
MESSAGE_SEND = "message.send"
MESSAGE_STATUS = "message.status"

DEAD_LETTER_SUFFIX = ".dlq"


def dead_letter_topic(topic: str) -> str:
    """The dead-letter topic for `topic`: `<topic>.dlq`."""
    return topic + DEAD_LETTER_SUFFIX


MAIN_TOPICS = (MESSAGE_RECEIVED, MESSAGE_ANALYZED, HANDOFF_REQUESTED, MESSAGE_SEND, MESSAGE_STATUS)
ALL_TOPICS = MAIN_TOPICS + tuple(dead_letter_topic(t) for t in MAIN_TOPICS)
