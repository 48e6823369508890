"""FastAPI dependencies: the service's adapters, who is calling, and what they may reach."""

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Annotated, Any

import httpx
import structlog
from fastapi import Depends, HTTPException, Path, Query, Request, WebSocket, status
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from pymongo.asynchronous.database import AsyncDatabase
from starlette.datastructures import Headers

from parley_business import BotConfigStore, BusinessUnitStore, ChannelAccountStore
from parley_business.flow_store import FlowStore
from parley_conversations.daily_figures_store import DailyFiguresStore
from parley_conversations.documents import ThreadRecord
from parley_conversations.flow_sessions import FlowSessions
from parley_conversations.media import MediaStore
from parley_conversations.operators import Role
from parley_conversations.presence import PresenceStore
from parley_conversations.roster import OperatorDirectory, Workload
from parley_conversations.store import Conversations
from parley_dashboard.auth.accounts import Accounts, LoginService
from parley_dashboard.auth.api_keys import ApiKeyStore, EnvironmentKey
from parley_dashboard.auth.principal import Principal
from parley_dashboard.auth.sessions import SessionStore
from parley_dashboard.commands import CommandGateway
from parley_dashboard.dead_letters import DeadLetters
from parley_dashboard.inbox import Inbox
from parley_dashboard.live import LiveHub
from parley_dashboard.mailer import Mailer
from parley_dashboard.notifications import NotificationStore
from parley_dashboard.partitions import RouterPartitions
from parley_dashboard.privacy import ContactData
from parley_dashboard.referrals import ReferralKeys
from parley_dashboard.saved_replies import SavedReplies
from parley_dashboard.settings import DashboardSettings
from parley_dashboard.templates import TemplateCatalog
from parley_runtime.ratelimit import TokenBuckets


@dataclass
class Services:
    """Everything a request may use, built once at start-up (app.py)."""

    settings: DashboardSettings
    db: AsyncDatabase
    conversations: Conversations
    inbox: Inbox
    directory: OperatorDirectory
    accounts: Accounts
    logins: LoginService
    sessions: SessionStore
    api_keys: ApiKeyStore
    environment_key: EnvironmentKey | None
    units: BusinessUnitStore
    bot_configs: BotConfigStore
    workload: Workload
    media: MediaStore
    notifications: NotificationStore
    commands: CommandGateway
    hub: LiveHub
    presence: PresenceStore
    saved_replies: SavedReplies
    mailer: Mailer
    contacts: ContactData
    dead_letters: DeadLetters
    rate_limiter: TokenBuckets
    http: httpx.AsyncClient
    referral_keys: ReferralKeys
    templates: TemplateCatalog
    channel_accounts: ChannelAccountStore
    flows: FlowStore
    flow_sessions: FlowSessions
    figures: DailyFiguresStore
    partitions: RouterPartitions


def get_services(request: Request) -> Services:
    return request.app.state.services


ServicesDep = Annotated[Services, Depends(get_services)]

log = structlog.get_logger()

_bearer = HTTPBearer(auto_error=False, description="A login session token (POST /api/auth/login).")
_api_key = APIKeyHeader(name="X-API-Key", auto_error=False, description="An integration API key.")

UNAUTHORIZED = HTTPException(
    status.HTTP_401_UNAUTHORIZED,
    "missing or invalid credentials: log in (POST /api/auth/login) and send Authorization: Bearer <token>, "
    "or send X-API-Key",
    headers={"WWW-Authenticate": "Bearer"},
)


async def identify(services: Services, token: str | None, api_key: str | None) -> Principal | None:
    """The caller behind a session token or an API key; None when neither is valid."""
    if token:
        session = await services.sessions.resolve(token)
        operator = await services.directory.get(session.operator_id) if session else None
        return Principal.of(operator) if operator and operator.active else None
    if api_key:
        if services.environment_key and services.environment_key.matches(api_key):
            return services.environment_key.principal()
        return await services.api_keys.principal(api_key)
    return None


def bearer_token(headers: Headers) -> str | None:
    """The token of `Authorization: Bearer <token>`, read as HTTPBearer reads it."""
    scheme, _, token = headers.get("authorization", "").partition(" ")
    return (token.strip() or None) if scheme.lower() == "bearer" else None


async def caller(request: Request, services: ServicesDep) -> Principal | None:
    """Who is calling (None: no valid credentials). FastAPI resolves it once per request, for the rate limit
    and the route's own checks alike. It reads the headers itself rather than through the security schemes:
    the rate limit also guards logging in, which the OpenAPI document must not show as needing credentials."""
    return await identify(services, bearer_token(request.headers), request.headers.get("x-api-key"))


CallerDep = Annotated[Principal | None, Depends(caller)]


async def current_principal(
    principal: CallerDep,
    # Declared for the OpenAPI document (how to authenticate); `caller` has read the same headers.
    _bearer_scheme: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    _key_scheme: Annotated[str | None, Depends(_api_key)],
) -> Principal:
    if principal is None:
        raise UNAUTHORIZED
    return principal


PrincipalDep = Annotated[Principal, Depends(current_principal)]


async def rate_limit(request: Request, services: ServicesDep, principal: CallerDep) -> None:
    """A token bucket per caller: per principal when the credentials are valid (however many sessions or
    addresses they use), else per client address. Over it: 429 with Retry-After."""
    key = f"principal:{principal.id}" if principal else f"address:{request.client.host if request.client else '-'}"
    verdict = services.rate_limiter.take(key)
    if not verdict.allowed:
        wait = verdict.retry_after_seconds
        if verdict.report:
            log.warning("api.rate_limited", key=key, refused=verdict.report)
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS, f"too many requests: try again in {wait} s", {"Retry-After": str(wait)}
        )


RateLimited = Depends(rate_limit)


def require(role: Role) -> Callable[[Principal], Coroutine[Any, Any, Principal]]:
    async def check(principal: PrincipalDep) -> Principal:
        if not principal.may(role):
            raise HTTPException(status.HTTP_403_FORBIDDEN, f"this needs the {role} role (you are {principal.role})")
        return principal

    return check


ManagerDep = Annotated[Principal, Depends(require(Role.MANAGER))]
AdminDep = Annotated[Principal, Depends(require(Role.ADMIN))]


# Business-unit ids as they appear in paths and filters: short and plain, refused with 422 otherwise (a
# 10,000-character one used to get as far as the business-unit models, which refused it with a 500).
TENANT_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
TENANT_MAX_LENGTH = 100
TenantPath = Annotated[
    str, Path(max_length=TENANT_MAX_LENGTH, pattern=TENANT_PATTERN, description="A business unit's id.")
]
TenantQuery = Annotated[
    str | None, Query(max_length=TENANT_MAX_LENGTH, pattern=TENANT_PATTERN, description="A business unit's id.")
]


def visible_tenant(principal: Principal, tenant: str) -> None:
    if not principal.sees(tenant):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no business unit {tenant}")


async def visible_thread(services: Services, principal: Principal, thread_key: str) -> ThreadRecord:
    record = await services.conversations.thread(thread_key)
    if record is None or not principal.sees(record.tenant):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no thread {thread_key}")
    return record


async def websocket_principal(websocket: WebSocket) -> Principal | None:
    """Browsers cannot set headers on a WebSocket: the token may also come as `?access_token=`."""
    services: Services = websocket.app.state.services
    token = bearer_token(websocket.headers) or websocket.query_params.get("access_token")
    return await identify(services, token, websocket.headers.get("x-api-key"))
