from datetime import UTC, datetime, timedelta

from parley_outbound.parking import Parked, ParkingLot
from parley_outbound.retry import next_attempt_at
from tests.unit.outbound.messages import outbound

T0 = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)


def parked(send_id: str, thread: str, retry_in: float | None, partition: int = 0) -> Parked:
    message = outbound().model_copy(update={"send_id": send_id, "thread_key": thread})
    return Parked(message, partition, None if retry_in is None else T0 + timedelta(seconds=retry_in))


def test_one_send_per_thread_at_a_time_in_order_and_only_when_due():
    lot = ParkingLot()
    lot.park(parked("a1", "A", 5))
    lot.park(parked("a2", "A", None))
    lot.park(parked("b1", "B", 1))
    assert [p.message.send_id for p in lot.due(T0)] == []
    [b1] = lot.due(T0 + timedelta(seconds=2))
    assert b1.message.send_id == "b1" and lot.due(T0 + timedelta(seconds=2)) == []  # busy: not handed out twice
    lot.done(b1)
    [a1] = lot.due(T0 + timedelta(seconds=6))
    lot.retry_later(a1, T0 + timedelta(seconds=10))
    assert lot.due(T0 + timedelta(seconds=7)) == []
    [a1_again] = lot.due(T0 + timedelta(seconds=10))
    lot.done(a1_again)
    [a2] = lot.due(T0 + timedelta(seconds=10))  # the next of the thread goes at once
    assert a2.message.send_id == "a2" and len(lot) == 1
    lot.done(a2)
    assert len(lot) == 0 and not lot.holds("A")


def test_parking_a_send_again_updates_it_and_revoked_partitions_are_dropped():
    lot = ParkingLot()
    lot.park(parked("a1", "A", 5, partition=0))
    lot.park(parked("a1", "A", 1, partition=0))
    lot.park(parked("c1", "C", 1, partition=2))
    assert len(lot) == 2
    lot.drop_partitions({2})
    assert lot.holds("A") and not lot.holds("C")
    [a1] = lot.due(T0 + timedelta(seconds=1))
    assert a1.message.send_id == "a1"


def test_the_next_attempt_backs_off_and_stops_at_the_horizon():
    def at(attempt: int, now: float, retry_after: float | None = None) -> float | None:
        result = next_attempt_at(
            attempt,
            T0,
            T0 + timedelta(seconds=now),
            horizon_seconds=60,
            base=1,
            cap=30,
            retry_after=retry_after,
        )
        return None if result is None else (result - T0).total_seconds()

    assert at(1, 0) == 1 and at(2, 1) == 3 and at(3, 3) == 7
    assert at(10, 20) == 50  # capped at 30 s
    assert at(1, 0, retry_after=12) == 12  # the provider's Retry-After wins
    assert at(10, 40) is None  # 40 + 30 is past the 60 s horizon
