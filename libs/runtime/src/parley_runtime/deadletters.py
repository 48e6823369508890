"""Dead letters: `<topic>.dlq` gets the original record, the error and the attempt count."""

import json

import structlog
from faststream.kafka import KafkaBroker

from parley_contracts import DeadLetter, dead_letter_topic
from parley_runtime.kafka import publish_bytes

log = structlog.get_logger()


async def send_to_dead_letters(
    broker: KafkaBroker, *, source_topic: str, service: str, key: str | None, body: bytes, error: str, attempts: int
) -> DeadLetter:
    letter = DeadLetter(
        source_topic=source_topic,
        service=service,
        key=key,
        original=as_json_or_text(body),
        error=error,
        attempts=attempts,
    )
    await publish_dead_letter(broker, letter)
    log.error("record.dead_lettered", dlq=dead_letter_topic(source_topic), attempts=attempts, error=error)
    return letter


async def publish_dead_letter(broker: KafkaBroker, letter: DeadLetter) -> None:
    """A letter on `<source topic>.dlq`, keyed like the original, acknowledged like every publish."""
    await publish_bytes(
        broker,
        letter.model_dump_json().encode(),
        topic=dead_letter_topic(letter.source_topic),
        key=letter.key.encode() if letter.key else None,
        headers={"event_id": letter.event_id, "source_topic": letter.source_topic, "service": letter.service},
    )


def as_json_or_text(body: bytes) -> dict | str:
    try:
        value = json.loads(body)
    except ValueError:
        return body.decode(errors="replace")
    return value if isinstance(value, dict) else body.decode(errors="replace")
