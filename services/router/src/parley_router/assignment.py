"""Who gets a conversation that needs a person: workload assignment. Pure.

Among the business unit's operators who are online and present (a console of theirs connected lately,
parley_conversations.presence), take threads by workload and hold fewer than their cap:
the one holding the fewest; ties go to whoever was assigned least recently (then by id, so the choice is
deterministic). Nobody eligible: None — the thread stays unassigned and managers are told."""

from dataclasses import dataclass
from datetime import UTC, datetime

from parley_conversations.operators import Availability, Load, Operator

_NEVER = datetime.min.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Candidate:
    operator: Operator
    load: Load
    present: bool = True

    def has_room(self, unit_cap: int) -> bool:
        return self.load.open < (self.operator.max_open or unit_cap)


def eligible(candidates: list[Candidate], unit_cap: int) -> list[Candidate]:
    return [
        c
        for c in candidates
        if c.operator.active
        and c.operator.auto_assign
        and c.operator.availability == Availability.ONLINE
        and c.present
        and c.has_room(unit_cap)
    ]


def pick_operator(candidates: list[Candidate], unit_cap: int) -> Operator | None:
    ranked = sorted(
        eligible(candidates, unit_cap),
        key=lambda c: (c.load.open, c.load.last_assigned_at or _NEVER, c.operator.id),
    )
    return ranked[0].operator if ranked else None
