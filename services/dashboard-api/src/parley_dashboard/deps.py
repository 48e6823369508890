"""FastAPI dependencies: the database handle and the API-key guard."""

import hmac
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import APIKeyHeader
from pymongo.asynchronous.database import AsyncDatabase

_api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False)


async def get_db(request: Request) -> AsyncDatabase:
    return request.app.state.db


DbDep = Annotated[AsyncDatabase, Depends(get_db)]


async def require_api_key(request: Request, api_key: Annotated[str | None, Depends(_api_key_header)]) -> None:
    expected: str = request.app.state.settings.dashboard_api_key
    if api_key is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "missing X-API-Key header")
    if not hmac.compare_digest(api_key.encode(), expected.encode()):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "invalid API key")
