"""What the dashboard API takes and returns beyond the shared models (threads and messages are the contracts'
`ThreadView` / `MessageView`; operators are `parley_conversations.operators.Operator`). Its OpenAPI document
is generated from these."""

from datetime import datetime
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from parley_contracts import QuickReply, TemplateMessage, ThreadView
from parley_conversations.operators import Availability, Operator, Role

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    page: int
    page_size: int


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
