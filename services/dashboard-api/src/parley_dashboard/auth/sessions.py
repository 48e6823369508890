"""Login sessions, kept on the server (collection `sessions`, `_id` = SHA-256 of the token).

Why server-side sessions rather than signed tokens (docs/adr/0004-operator-sessions.md): logging out,
deactivating an operator or changing their role takes effect on the very next request, and the token is
opaque. Each request costs one lone-`_id` read. The token itself is never stored, only its hash."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from pymongo.asynchronous.database import AsyncDatabase

SESSIONS = "sessions"
TOKEN_PREFIX = "pst_"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class Session:
    operator_id: str
    expires_at: datetime


class SessionStore:
    def __init__(self, db: AsyncDatabase, lifetime: timedelta) -> None:
        self._sessions = db[SESSIONS]
        self._lifetime = lifetime

    async def open(self, operator_id: str, client: str | None) -> tuple[str, Session]:
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        now = datetime.now(UTC)
        session = Session(operator_id, now + self._lifetime)
        await self._sessions.insert_one(
            {
                "_id": token_hash(token),
                "operator_id": operator_id,
                "created_at": now,
                "expires_at": session.expires_at,
                "client": client,
            }
        )
        return token, session

    async def resolve(self, token: str) -> Session | None:
        if not token.startswith(TOKEN_PREFIX):
            return None
        doc = await self._sessions.find_one({"_id": token_hash(token)})
        if doc is None:
            return None
        if doc["expires_at"] <= datetime.now(UTC):
            await self._sessions.delete_one({"_id": doc["_id"]})
            return None
        return Session(doc["operator_id"], doc["expires_at"])

    async def close(self, token: str) -> None:
        await self._sessions.delete_one({"_id": token_hash(token)})
