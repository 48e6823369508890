"""The router's partition count as dashboard-api learns it (parley_dashboard.partitions): kept for a while, the last
one known while Kafka cannot be reached, and a clear error when nothing was ever known."""

import pytest
from aiokafka.errors import KafkaConnectionError

from parley_dashboard.partitions import PartitionsUnknown, RouterPartitions


class Answers(RouterPartitions):
    def __init__(self, *answers: int | Exception, keep_seconds: float) -> None:
        super().__init__("127.0.0.1:1", keep_seconds=keep_seconds)
        self.answers = list(answers)
        self.asked = 0

    async def _ask(self) -> int:
        self.asked += 1
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


async def test_the_count_is_kept_then_read_again():
    kept = Answers(3, 6, keep_seconds=300)
    assert [await kept.count(), await kept.count()] == [3, 3] and kept.asked == 1
    fresh = Answers(3, 6, keep_seconds=0)
    assert [await fresh.count(), await fresh.count()] == [3, 6] and fresh.asked == 2


async def test_the_last_count_known_while_kafka_is_down():
    partitions = Answers(3, KafkaConnectionError("down"), keep_seconds=0)
    assert await partitions.count() == 3
    assert await partitions.count() == 3 and partitions.asked == 2


async def test_nothing_known_and_kafka_down_is_an_error_that_says_so():
    with pytest.raises(PartitionsUnknown, match="cannot be reached"):
        await Answers(KafkaConnectionError("down"), keep_seconds=0).count()


async def test_an_unreachable_broker_for_real():
    with pytest.raises(PartitionsUnknown):
        await RouterPartitions("127.0.0.1:1", timeout_seconds=1).count()
