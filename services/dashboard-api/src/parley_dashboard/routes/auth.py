"""Logging in and out, and who am I."""

from datetime import UTC, datetime
from typing import Annotated

import structlog
from fastapi import APIRouter, Depends, HTTPException, Request, Response, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from parley_contracts import utcnow
from parley_dashboard.auth.accounts import LoginFailed, LoginThrottled
from parley_dashboard.deps import PrincipalDep, ServicesDep
from parley_dashboard.schemas import AvailabilityIn, LoginIn, MeOut, TokenOut

router = APIRouter(prefix="/api", tags=["auth"])
log = structlog.get_logger()


@router.post(
    "/auth/login",
    response_model=TokenOut,
    responses={401: {"description": "Wrong email or password"}, 429: {"description": "Too many failed logins"}},
)
async def login(body: LoginIn, request: Request, services: ServicesDep) -> TokenOut:
    """Exchange email and password for a session token (`Authorization: Bearer <token>`). Failed logins are
    counted per account and per client address; over the limit the answer is 429 with Retry-After. Logging
    in makes the operator available (online) for assignments, and present: for the router's
    `OPERATOR_PRESENCE_SECONDS` after, and as long as a console of theirs is connected to `WS /api/live`."""
    address = request.client.host if request.client else None
    try:
        token, session, operator = await services.logins.login(body.email, body.password, address)
    except LoginThrottled as exc:
        log.warning("auth.login_throttled", retry_after=exc.retry_after)
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS, str(exc), headers={"Retry-After": str(exc.retry_after)}
        ) from exc
    except LoginFailed as exc:
        log.info("auth.login_failed")
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, str(exc)) from exc
    await services.presence.seen({operator.id}, utcnow())
    log.info("auth.login", operator_id=operator.id)
    expires_in = int((session.expires_at - datetime.now(UTC)).total_seconds())
    return TokenOut(access_token=token, expires_at=session.expires_at, expires_in=expires_in, operator=operator)


@router.post("/auth/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(
    services: ServicesDep,
    principal: PrincipalDep,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(HTTPBearer(auto_error=False))],
) -> Response:
    """End this session (other sessions of the operator stay). The operator gets no new conversations from now on,
    until a console of theirs still open elsewhere marks them present again (within `PRESENCE_BEAT_SECONDS`)."""
    if bearer:
        await services.sessions.close(bearer.credentials)
    if principal.is_person:
        await services.presence.forget(principal.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/me", response_model=MeOut)
async def me(services: ServicesDep, principal: PrincipalDep) -> MeOut:
    operator = await services.directory.get(principal.id) if principal.is_person else None
    return MeOut(
        kind=principal.kind,
        id=principal.id,
        name=principal.name,
        role=principal.role,
        tenants=sorted(principal.tenants) if principal.tenants is not None else None,
        operator=operator,
        unread_notifications=await services.notifications.unread(principal.id),
    )


@router.put("/me/availability", response_model=MeOut)
async def set_availability(body: AvailabilityIn, services: ServicesDep, principal: PrincipalDep) -> MeOut:
    """Online: new conversations may be assigned to you by workload while a console of yours is connected (or for
    the router's `OPERATOR_PRESENCE_SECONDS` after this call). Away: none are."""
    operator = await services.directory.get(principal.id) if principal.is_person else None
    if operator is None:
        raise HTTPException(status.HTTP_409_CONFLICT, "only operators have an availability")
    await services.directory.save(operator.model_copy(update={"availability": body.availability}))
    await services.presence.seen({operator.id}, utcnow())
    return await me(services, principal)
