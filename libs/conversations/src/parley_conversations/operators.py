"""Operators (the people who answer customers) as the router's assignment and dashboard-api's accounts both
see them, and their workload. Pure models; the MongoDB side is `parley_conversations.roster`."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, Field, field_validator


class Role(StrEnum):
    """Cumulative: a manager can do what an operator can, an admin what a manager can."""

    OPERATOR = "operator"
    MANAGER = "manager"
    ADMIN = "admin"

    def includes(self, other: "Role") -> bool:
        return _RANK[self] >= _RANK[other]


_RANK = {Role.OPERATOR: 0, Role.MANAGER: 1, Role.ADMIN: 2}


class Availability(StrEnum):
    ONLINE = "online"
    AWAY = "away"


class Operator(BaseModel):
    id: str
    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=254)
    name: str = Field(min_length=1, max_length=120)
    role: Role
    tenants: list[str] = Field(min_length=1, description="The business units this person works for.")
    availability: Availability = Availability.AWAY
    auto_assign: bool = Field(default=True, description="Receives threads by workload when online.")
    max_open: int | None = Field(default=None, ge=1, description="Own cap on held threads; else the unit's.")
    active: bool = True
    created_at: datetime

    @field_validator("email")
    @classmethod
    def _lowercase(cls, value: str) -> str:
        # One spelling per person: logins and the email index compare lowercased addresses.
        return value.strip().lower()

    def to_document(self) -> dict:
        doc = self.model_dump(exclude={"id"})
        doc.update(_id=self.id, role=str(self.role), availability=str(self.availability))
        return doc

    @classmethod
    def from_document(cls, doc: dict) -> "Operator":
        return cls.model_validate({**doc, "id": doc["_id"]})


@dataclass(frozen=True)
class Load:
    open: int
    last_assigned_at: datetime | None
