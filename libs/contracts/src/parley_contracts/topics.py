"""Kafka topic names. Every topic is keyed by `thread_key` so one conversation stays on one partition (except
`channel.notification`, keyed by the provider resource it points to)."""

MESSAGE_RECEIVED = "message.received"
MESSAGE_ANALYZED = "message.analyzed"
HANDOFF_REQUESTED = "handoff.requested"
MESSAGE_SEND = "message.send"
MESSAGE_STATUS = "message.status"
THREAD_COMMAND = "thread.command"
THREAD_UPDATED = "thread.updated"
# A provider's notification that carries no content (MercadoLibre): ingest publishes it, outbound fetches the
# resource it points to and publishes `message.received`. Keyed by `resource_key`, not by a thread.
CHANNEL_NOTIFICATION = "channel.notification"
# A question flow's answers to POST to the business's own API: the router publishes it, outbound calls the API
# and answers with a `thread.command` (`flow_result`). Keyed by thread_key.
FLOW_SUBMISSION = "flow.submission"

DEAD_LETTER_SUFFIX = ".dlq"


def dead_letter_topic(topic: str) -> str:
    """The dead-letter topic for `topic`: `<topic>.dlq`."""
    return topic + DEAD_LETTER_SUFFIX


MAIN_TOPICS = (
    MESSAGE_RECEIVED,
    MESSAGE_ANALYZED,
    HANDOFF_REQUESTED,
    MESSAGE_SEND,
    MESSAGE_STATUS,
    THREAD_COMMAND,
    THREAD_UPDATED,
    CHANNEL_NOTIFICATION,
    FLOW_SUBMISSION,
)
ALL_TOPICS = MAIN_TOPICS + tuple(dead_letter_topic(t) for t in MAIN_TOPICS)
# The router's inputs: co-partitioned (same partition count, same key, one consumer group with a range
# assignment), so one router instance owns partition i of each (docs/adr/0002-thread-command-topic.md).
ROUTER_INPUTS = (MESSAGE_RECEIVED, MESSAGE_ANALYZED, MESSAGE_STATUS, THREAD_COMMAND)
