"""Keeping every event small enough for Kafka, so size never turns into a failed publish.

Meta's webhook bodies go up to 3 MB, Kafka's records to about 1 MB by default (the broker's `message.max.bytes`,
the producer's `max_request_size`); a record over that fails every time it is published, and Meta would retry
the delivery for a week. So a message's text is cut at a limit far above any real one (WhatsApp's is 4,096
characters), and an event that is still too big loses its bulky `content.data`, keeping a note of its size. An
event too big even then (only a forged-looking payload with megabyte-long ids gets there) is refused."""

from dataclasses import dataclass

from pydantic_core import to_json

from parley_contracts import ChannelNotification, MessageReceived, MessageStatus

InboundEvent = MessageReceived | MessageStatus | ChannelNotification


@dataclass(frozen=True)
class SizeLimits:
    text_chars: int
    event_bytes: int


class TooLarge(ValueError):
    """Even without its data, the event is over the limit."""


def fit(event: InboundEvent, limits: SizeLimits) -> tuple[InboundEvent, list[str]]:
    """The event within `limits`, and what was changed to get it there, in words fit for a log line (sizes only,
    never content). Raises `TooLarge` when it cannot be."""
    changes: list[str] = []
    if isinstance(event, MessageReceived):
        event = _cut_text(event, limits.text_chars, changes)
        if encoded_size(event) > limits.event_bytes:
            event = _drop_data(event, changes)
    if (size := encoded_size(event)) > limits.event_bytes:
        raise TooLarge(f"event is {size} bytes even without its data, over the {limits.event_bytes}-byte limit")
    return event, changes


def encoded_size(event: InboundEvent) -> int:
    """Bytes on the wire: what `parley_runtime.kafka.publish` sends."""
    return len(event.model_dump_json().encode())


def _cut_text(event: MessageReceived, limit: int, changes: list[str]) -> MessageReceived:
    text = event.content.text
    if len(text) <= limit:
        return event
    changes.append(f"text cut from {len(text)} to {limit} characters")
    data = {**event.content.data, "text_truncated_from": len(text)}
    return _with_content(event, text=text[:limit], data=data)


def _drop_data(event: MessageReceived, changes: list[str]) -> MessageReceived:
    data = event.content.data
    dropped = len(to_json(data))
    changes.append(f"content.data of {dropped} bytes dropped")
    note = {"data_dropped_bytes": dropped}
    if "text_truncated_from" in data:
        note["text_truncated_from"] = data["text_truncated_from"]
    return _with_content(event, data=note)


def _with_content(event: MessageReceived, **update: object) -> MessageReceived:
    return event.model_copy(update={"content": event.content.model_copy(update=update)})
