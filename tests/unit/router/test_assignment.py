from datetime import UTC, datetime, timedelta

from parley_conversations.operators import Availability, Load, Operator, Role
from parley_conversations.presence import present
from parley_router.assignment import Candidate, pick_operator

T0 = datetime(2026, 12, 1, tzinfo=UTC)


def op(op_id: str, *, online=True, auto=True, cap=None, active=True) -> Operator:
    return Operator(
        id=op_id,
        email=f"{op_id}@demo.local",
        name=op_id.title(),
        role=Role.OPERATOR,
        tenants=["demo"],
        availability=Availability.ONLINE if online else Availability.AWAY,
        auto_assign=auto,
        max_open=cap,
        active=active,
        created_at=T0,
    )


def c(operator: Operator, open_: int, last_minutes_ago: int | None = None) -> Candidate:
    last = None if last_minutes_ago is None else T0 - timedelta(minutes=last_minutes_ago)
    return Candidate(operator, Load(open_, last))


def test_the_operator_holding_fewest_threads_gets_it():
    assert pick_operator([c(op("ana"), 3), c(op("ben"), 1), c(op("cleo"), 2)], unit_cap=10).id == "ben"


def test_ties_go_to_whoever_was_assigned_least_recently_and_never_beats_any_time():
    candidates = [c(op("ana"), 1, last_minutes_ago=5), c(op("ben"), 1, last_minutes_ago=50)]
    assert pick_operator(candidates, 10).id == "ben"
    assert pick_operator([*candidates, c(op("cleo"), 1)], 10).id == "cleo"


def test_nobody_over_the_cap_away_inactive_or_out_of_auto_assignment():
    candidates = [
        c(op("ana"), 10),
        c(op("ben", online=False), 0),
        c(op("cleo", auto=False), 0),
        c(op("dan", active=False), 0),
        c(op("eve", cap=2), 2),
    ]
    assert pick_operator(candidates, unit_cap=10) is None


def test_an_operators_own_cap_overrides_the_units():
    assert pick_operator([c(op("ana", cap=20), 15), c(op("ben"), 10)], unit_cap=10).id == "ana"


def test_nobody_at_all():
    assert pick_operator([], 10) is None


def test_an_online_operator_whose_consoles_are_all_closed_gets_nothing():
    ana_gone = Candidate(op("ana"), Load(0, None), present=False)
    assert pick_operator([ana_gone, c(op("ben"), 5)], unit_cap=10).id == "ben"
    assert pick_operator([ana_gone], unit_cap=10) is None


def test_presence_is_a_recent_sighting_unless_not_required():
    now = T0 + timedelta(hours=1)
    assert present(now - timedelta(seconds=90), now, 90) and not present(now - timedelta(seconds=91), now, 90)
    assert not present(None, now, 90)  # never connected, never logged in
    assert present(None, now, 0) and present(now - timedelta(days=3), now, 0)  # 0: availability alone decides
