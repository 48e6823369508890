"""Test doubles shared by unit tests."""

import json


class RecordingBroker:
    """Stands in for FastStream's KafkaBroker: keeps what was published, as (topic, decoded JSON)."""

    def __init__(self) -> None:
        self.published: list[tuple[str, dict]] = []

    async def publish(self, body: bytes, topic: str, **kwargs) -> None:
        self.published.append((topic, json.loads(body)))
