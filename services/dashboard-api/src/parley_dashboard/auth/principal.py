"""The caller of a request, and what they may see and do. Pure.

Roles are cumulative (operator < manager < admin). A caller sees the threads, settings and people of their
business units only; anything else is answered as if it did not exist (404), while a visible thing they
may not change answers 403."""

from dataclasses import dataclass
from typing import Literal

from parley_contracts import Actor, ActorKind
from parley_conversations.operators import Operator, Role


@dataclass(frozen=True)
class Principal:
    kind: Literal["operator", "integration"]
    id: str
    name: str
    role: Role
    tenants: frozenset[str] | None  # None: every business unit (an environment key with tenants "*")

    @classmethod
    def of(cls, operator: Operator) -> "Principal":
        return cls("operator", operator.id, operator.name, operator.role, frozenset(operator.tenants))

    def sees(self, tenant: str) -> bool:
        return self.tenants is None or tenant in self.tenants

    def may(self, role: Role) -> bool:
        return self.role.includes(role)

    def covers(self, tenants: list[str]) -> bool:
        """May grant access to all of `tenants` (an admin cannot give more than they have)."""
        return all(self.sees(t) for t in tenants)

    @property
    def is_person(self) -> bool:
        return self.kind == "operator"

    def actor(self) -> Actor:
        return Actor(kind=ActorKind.OPERATOR if self.is_person else ActorKind.INTEGRATION, id=self.id, name=self.name)
