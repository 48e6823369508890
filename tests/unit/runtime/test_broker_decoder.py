"""Every subscriber of `make_broker` gets its records' bodies as they came: the handlers validate the raw JSON
themselves, so FastStream's own JSON decoding of every record first would be work thrown away."""

from faststream.kafka import TestKafkaBroker

from parley_runtime.kafka import make_broker
from parley_runtime.settings import ServiceSettings


async def test_records_reach_every_subscriber_undecoded_one_at_a_time_or_in_batches():
    broker = make_broker(ServiceSettings(), "test")
    decoded: dict[str, object] = {}

    @broker.subscriber("one")
    async def one() -> None:
        decoded["one"] = await broker.context.get_local("message").decode()

    @broker.subscriber("batch", batch=True)
    async def batch() -> None:
        decoded["batch"] = await broker.context.get_local("message").decode()

    async with TestKafkaBroker(broker) as test_broker:
        await test_broker.publish({"a": 1}, "one")
        await test_broker.publish({"a": 1}, "batch")
    assert decoded == {"one": b'{"a":1}', "batch": [b'{"a":1}']}
