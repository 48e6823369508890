"""`publish_bytes`: the acknowledgement is awaited for KAFKA_PUBLISH_TIMEOUT_SECONDS at most."""

import asyncio

import pytest
from aiokafka.errors import KafkaTimeoutError

from parley_runtime import kafka


class _Broker:
    """A broker whose acknowledgement takes `delay` seconds."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.published: list[bytes] = []

    async def publish(self, body: bytes, **_: object) -> None:
        await asyncio.sleep(self.delay)
        self.published.append(body)


async def _publish(broker: _Broker, timeout: float) -> None:
    kafka._PUBLISH_TIMEOUTS[broker] = timeout  # what make_broker records from the settings
    await kafka.publish_bytes(broker, b"x", topic="t", key=None, headers={})  # type: ignore[arg-type]


async def test_an_acknowledgement_in_time_returns():
    broker = _Broker(delay=0.01)
    await _publish(broker, timeout=5)
    assert broker.published == [b"x"]


async def test_no_acknowledgement_in_time_is_a_kafka_timeout_naming_the_topic():
    broker = _Broker(delay=60)
    with pytest.raises(KafkaTimeoutError, match=r"t: not acknowledged within 0\.05 s"):
        await asyncio.wait_for(_publish(broker, timeout=0.05), 5)  # the outer limit only guards the test
    assert broker.published == []
