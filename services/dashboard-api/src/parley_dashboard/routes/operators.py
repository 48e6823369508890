"""Operator accounts (admins) and the team's workload (managers)."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status
from pydantic import ValidationError

from parley_conversations.operators import Operator
from parley_conversations.roster import EmailTaken
from parley_dashboard.auth.accounts import NewAccount
from parley_dashboard.auth.passwords import WeakPassword
from parley_dashboard.auth.principal import Principal
from parley_dashboard.deps import (
    TENANT_MAX_LENGTH,
    TENANT_PATTERN,
    AdminDep,
    ManagerDep,
    ServicesDep,
    TenantQuery,
    visible_tenant,
)
from parley_dashboard.schemas import OperatorIn, OperatorPatch, TeamMember
from parley_runtime.validation import summarize

router = APIRouter(prefix="/api", tags=["operators"])


def _grantable(principal: Principal, tenants: list[str]) -> None:
    if not principal.covers(tenants):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "you can only give access to your own business units")


async def _visible_operator(services: ServicesDep, principal: Principal, operator_id: str) -> Operator:
    operator = await services.directory.get(operator_id)
    if operator is None or not any(principal.sees(t) for t in operator.tenants):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no operator {operator_id}")
    return operator


@router.get("/operators", response_model=list[Operator])
async def list_operators(services: ServicesDep, principal: ManagerDep, tenant: TenantQuery = None) -> list[Operator]:
    """The people of the caller's business units (or of one of them)."""
    if tenant:
        visible_tenant(principal, tenant)
        return await services.directory.of_tenant(tenant)
    return [o for o in await services.directory.all() if any(principal.sees(t) for t in o.tenants)]


@router.post("/operators", response_model=Operator, status_code=status.HTTP_201_CREATED)
async def create_operator(body: OperatorIn, services: ServicesDep, principal: AdminDep) -> Operator:
    """Create an operator, manager or admin of the caller's business units. 409 when the email has an account."""
    _grantable(principal, body.tenants)
    try:
        return await services.accounts.create(NewAccount(**body.model_dump()))
    except WeakPassword as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from exc
    except ValidationError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, summarize(exc)) from exc
    except EmailTaken as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from exc


@router.patch("/operators/{operator_id}", response_model=Operator)
async def update_operator(
    operator_id: str, body: OperatorPatch, services: ServicesDep, principal: AdminDep
) -> Operator:
    """Change an account: name, role, business units, cap, availability; `active: false` ends its sessions'
    access at once; `password` sets a new one."""
    operator = await _visible_operator(services, principal, operator_id)
    changes = body.model_dump(exclude_unset=True, exclude={"password"})
    if "tenants" in changes:
        _grantable(principal, changes["tenants"])
    if body.password is not None:
        try:
            await services.accounts.set_password(operator.id, body.password)
        except WeakPassword as exc:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from exc
    updated = Operator.model_validate({**operator.model_dump(), **changes})
    await services.directory.save(updated)
    return updated


@router.get("/team", response_model=list[TeamMember])
async def team_workload(
    services: ServicesDep,
    principal: ManagerDep,
    tenant: Annotated[str, Query(max_length=TENANT_MAX_LENGTH, pattern=TENANT_PATTERN)],
) -> list[TeamMember]:
    """Who is online, when each was last at a console, and how many conversations each holds, against their cap
    (managers)."""
    visible_tenant(principal, tenant)
    unit = await services.units.get(tenant)
    operators = await services.directory.of_tenant(tenant)
    loads = await services.workload.loads([o.id for o in operators])
    seen = await services.presence.last_seen([o.id for o in operators])
    return [
        TeamMember(
            operator=o,
            open_threads=loads[o.id].open,
            cap=o.max_open or unit.max_open_per_operator,
            last_assigned_at=loads[o.id].last_assigned_at,
            last_seen_at=seen.get(o.id),
        )
        for o in operators
    ]
