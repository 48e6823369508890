"""What the dashboard API takes and returns beyond the shared models (threads and messages are the contracts'
`ThreadView` / `MessageView`; operators are `parley_conversations.operators.Operator`). Its OpenAPI document
is generated from these."""

from datetime import datetime
from typing import Annotated, Generic, Literal, TypeVar

from fastapi import Query
from pydantic import BaseModel, ConfigDict, Field, model_validator

from parley_contracts import QuickReply, TemplateMessage, ThreadView
from parley_conversations.operators import Availability, Operator, Role

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    page: int
    page_size: int


# Pages beyond this are refused (422): (page - 1) × page_size is the database's skip, which must stay a sane
# number (page 2⁶² used to overflow it: a 500).
MAX_PAGE = 100_000
PageNumber = Annotated[int, Query(ge=1, le=MAX_PAGE)]


class ViewCounts(BaseModel):
    mine: int
    unassigned: int
    bot: int
    all: int


class LoginIn(BaseModel):
    email: str = Field(min_length=3, max_length=254)
    password: str = Field(min_length=1, max_length=1024)


class TokenOut(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_at: datetime
    expires_in: int = Field(description="Seconds until the session ends.")
    operator: Operator


class MeOut(BaseModel):
    kind: Literal["operator", "integration"]
    id: str
    name: str
    role: Role
    tenants: list[str] | None = Field(description="Business units this caller works for (null: all).")
    operator: Operator | None = None
    unread_notifications: int = 0


class AvailabilityIn(BaseModel):
    availability: Availability


class OperatorIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: str = Field(max_length=254)
    name: str = Field(min_length=1, max_length=120)
    role: Role = Role.OPERATOR
    tenants: list[str] = Field(min_length=1)
    password: str = Field(min_length=1, max_length=1024)
    auto_assign: bool = True
    max_open: int | None = Field(default=None, ge=1)


class OperatorPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=120)
    role: Role | None = None
    tenants: list[str] | None = Field(default=None, min_length=1)
    password: str | None = Field(default=None, max_length=1024)
    auto_assign: bool | None = None
    max_open: int | None = Field(default=None, ge=1)
    active: bool | None = None
    availability: Availability | None = None


class TeamMember(BaseModel):
    operator: Operator
    open_threads: int
    cap: int
    last_assigned_at: datetime | None
    last_seen_at: datetime | None = Field(
        description="When a console of theirs was last connected (or they logged in): an online operator gets new "
        "conversations only if this is recent (the router's OPERATOR_PRESENCE_SECONDS)."
    )


class ApiKeyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=120)
    role: Role = Role.OPERATOR
    tenants: list[str] = Field(min_length=1)


class ApiKeyOut(BaseModel):
    key_id: str
    name: str
    role: Role
    tenants: list[str]
    created_by: str
    created_at: datetime
    key: str | None = Field(default=None, description="Shown once, when created.")


class ReplyIn(BaseModel):
    """A reply as JSON (text and/or a template). To attach files, send multipart/form-data instead."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, min_length=1, max_length=4096)
    template: TemplateMessage | None = None
    quick_replies: list[QuickReply] = Field(default_factory=list, max_length=3)


class NoteIn(BaseModel):
    """A private note for the team (never sent to the customer)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=4096, pattern=r"\S")


class ActionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str | None = Field(default=None, max_length=500, description="Kept with the transition.")


class AssignIn(ActionIn):
    operator_id: str = Field(min_length=1)


class CommandOut(BaseModel):
    command_id: str
    outcome: Literal["applied", "unchanged", "rejected", "pending"]
    reason: str | None = None
    thread: ThreadView | None = None


class RedriveIn(BaseModel):
    """Which dead letters to send again (those not redriven yet): by topic and/or service."""

    model_config = ConfigDict(extra="forbid")

    topic: str | None = Field(default=None, max_length=100, description="`message.send` or `message.send.dlq`.")
    service: str | None = Field(default=None, max_length=100, description="The service that gave up on them.")
    limit: int = Field(default=100, ge=1, le=1000)

    @model_validator(mode="after")
    def _some_filter(self) -> "RedriveIn":
        if not (self.topic or self.service):
            raise ValueError("name a topic or a service")
        return self


class RedriveOut(BaseModel):
    redriven: int
    ids: list[str]
