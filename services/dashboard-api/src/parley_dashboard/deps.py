"""FastAPI dependencies: the service's adapters, who is calling, and what they may reach."""

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request, WebSocket, status
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from pymongo.asynchronous.database import AsyncDatabase

from parley_business import BotConfigStore, BusinessUnitStore
from parley_conversations.documents import ThreadRecord
from parley_conversations.media import MediaStore
from parley_conversations.operators import Role
from parley_conversations.roster import OperatorDirectory, Workload
from parley_conversations.store import Conversations
from parley_dashboard.auth.accounts import Accounts, LoginService
from parley_dashboard.auth.api_keys import ApiKeyStore, EnvironmentKey
from parley_dashboard.auth.principal import Principal
from parley_dashboard.auth.sessions import SessionStore
from parley_dashboard.commands import CommandGateway
from parley_dashboard.live import LiveHub
from parley_dashboard.notifications import NotificationStore
from parley_dashboard.settings import DashboardSettings


@dataclass
class Services:
    """Everything a request may use, built once at start-up (app.py)."""

    settings: DashboardSettings
    db: AsyncDatabase
    conversations: Conversations
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


def get_services(request: Request) -> Services:
    return request.app.state.services


ServicesDep = Annotated[Services, Depends(get_services)]

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


async def current_principal(
    services: ServicesDep,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    api_key: Annotated[str | None, Depends(_api_key)],
) -> Principal:
    principal = await identify(services, bearer.credentials if bearer else None, api_key)
    if principal is None:
        raise UNAUTHORIZED
    return principal


PrincipalDep = Annotated[Principal, Depends(current_principal)]


def require(role: Role) -> Callable[[Principal], Coroutine[Any, Any, Principal]]:
    async def check(principal: PrincipalDep) -> Principal:
        if not principal.may(role):
            raise HTTPException(status.HTTP_403_FORBIDDEN, f"this needs the {role} role (you are {principal.role})")
        return principal

    return check


ManagerDep = Annotated[Principal, Depends(require(Role.MANAGER))]
AdminDep = Annotated[Principal, Depends(require(Role.ADMIN))]


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
    header = websocket.headers.get("authorization", "")
    token = header[7:] if header.lower().startswith("bearer ") else websocket.query_params.get("access_token")
    return await identify(services, token, websocket.headers.get("x-api-key"))
