"""Operator accounts: creating them (admins, the CLI, the local demo) and logging in.

Passwords (argon2id hashes) live in `operator_credentials` (`_id` = operator id), apart from the operator
document the router reads, so no hash ever travels beyond this service."""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from pymongo.asynchronous.database import AsyncDatabase

from parley_conversations.operators import Availability, Operator, Role
from parley_conversations.roster import OperatorDirectory
from parley_dashboard.auth.passwords import hash_password, needs_rehash, verify_password
from parley_dashboard.auth.sessions import Session, SessionStore
from parley_dashboard.auth.throttle import LoginThrottle

CREDENTIALS = "operator_credentials"


class LoginThrottled(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(f"too many failed logins: try again in {retry_after} s")
        self.retry_after = retry_after


class LoginFailed(Exception):
    pass


@dataclass(frozen=True)
class NewAccount:
    email: str
    name: str
    role: Role
    tenants: list[str]
    password: str
    auto_assign: bool = True
    max_open: int | None = None


class Accounts:
    def __init__(self, db: AsyncDatabase, directory: OperatorDirectory) -> None:
        self._credentials = db[CREDENTIALS]
        self.directory = directory

    async def create(self, account: NewAccount) -> Operator:
        """Raises WeakPassword, EmailTaken, or pydantic's ValidationError for a bad email/name."""
        password_hash = hash_password(account.password)
        operator = Operator(
            id="op_" + uuid.uuid4().hex[:16],
            email=account.email,
            name=account.name,
            role=account.role,
            tenants=account.tenants,
            auto_assign=account.auto_assign,
            max_open=account.max_open,
            created_at=datetime.now(UTC),
        )
        # The credential first: an operator document never exists without a way to log in.
        await self._credentials.replace_one(
            {"_id": operator.id}, {"_id": operator.id, "hash": password_hash}, upsert=True
        )
        await self.directory.create(operator)
        return operator

    async def set_password(self, operator_id: str, password: str) -> None:
        await self._credentials.replace_one(
            {"_id": operator_id}, {"_id": operator_id, "hash": hash_password(password)}, upsert=True
        )

    async def authenticate(self, email: str, password: str) -> Operator | None:
        operator = await self.directory.by_email(email)
        doc = await self._credentials.find_one({"_id": operator.id}) if operator else None
        stored = doc["hash"] if doc else None
        if not verify_password(stored, password) or operator is None or not operator.active:
            return None
        if stored and needs_rehash(stored):
            await self.set_password(operator.id, password)
        return operator


class LoginService:
    def __init__(self, accounts: Accounts, sessions: SessionStore, throttle: LoginThrottle) -> None:
        self._accounts = accounts
        self._sessions = sessions
        self._throttle = throttle

    async def login(self, email: str, password: str, address: str | None) -> tuple[str, Session, Operator]:
        wait = await self._throttle.retry_after(email, address)
        if wait is not None:
            raise LoginThrottled(wait)
        operator = await self._accounts.authenticate(email, password)
        if operator is None:
            await self._throttle.failed(email, address)
            raise LoginFailed("wrong email or password")
        await self._throttle.succeeded(email)
        token, session = await self._sessions.open(operator.id, address)
        # Logging in is starting work: the operator becomes available for assignments.
        if operator.availability != Availability.ONLINE:
            operator = operator.model_copy(update={"availability": Availability.ONLINE})
            await self._accounts.directory.save(operator)
        return token, session, operator
