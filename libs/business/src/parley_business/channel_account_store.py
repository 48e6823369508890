"""Where channel accounts live (collection `channel_accounts`, `_id` = "<channel>:<account id>") and how their
secrets are sealed: Fernet (AES-128-CBC and HMAC-SHA256) under `CHANNEL_SECRETS_KEY`. Ingest and outbound read
one account by `_id`, cached; admins list and edit them through dashboard-api."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime
from typing import Any, Protocol, TypeVar

import structlog
from cryptography.fernet import Fernet, InvalidToken
from pydantic import BaseModel, Field, SecretStr
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import PyMongoError

from parley_business.channel_accounts import (
    ChannelAccount,
    ChannelAccountIn,
    ChannelAccountView,
    SecretsUnavailable,
    account_key,
    check_account,
)
from parley_contracts import Channel

COLLECTION = "channel_accounts"
T = TypeVar("T")
log = structlog.get_logger()


class SecretCipher:
    """Fernet under the key from the environment (`Fernet.generate_key()`; rotating it means reconnecting)."""

    def __init__(self, key: str | None) -> None:
        try:
            self._fernet = Fernet(key.encode()) if key else None
        except ValueError as exc:
            raise SecretsUnavailable("CHANNEL_SECRETS_KEY is not a Fernet key (32 url-safe base64 bytes)") from exc

    def encrypt(self, value: str) -> str:
        return self._require().encrypt(value.encode()).decode()

    def decrypt(self, token: str) -> str:
        try:
            return self._require().decrypt(token.encode()).decode()
        except InvalidToken as exc:
            raise SecretsUnavailable("a stored channel secret does not open with CHANNEL_SECRETS_KEY") from exc

    def _require(self) -> Fernet:
        if self._fernet is None:
            raise SecretsUnavailable("CHANNEL_SECRETS_KEY is not set: channel secrets cannot be stored or read")
        return self._fernet


class AccountsUnavailable(RuntimeError):
    """The database cannot be read and nothing was read before: callers answer 503 (ingest) or retry (outbound)."""


class AccountLookup(Protocol):
    """What ingest and outbound need of the store (unit tests pass an in-memory one)."""

    async def get(self, channel: Channel | str, account_id: str) -> ChannelAccount | None: ...

    async def directory(self, channel: Channel | str) -> Mapping[str, str]: ...


class ChannelAccountStore:
    """Reads are by `_id`; with `ttl_seconds` > 0 each account (or its absence) is kept in this process's memory
    that long, so a webhook or a send costs no database read (a change reaches every replica within the TTL)."""

    def __init__(self, db: AsyncDatabase, cipher: SecretCipher, ttl_seconds: float = 0.0) -> None:
        self.collection = db[COLLECTION]
        self._cipher = cipher
        self._ttl = ttl_seconds
        self._cache: dict[str, tuple[float, ChannelAccount | None]] = {}
        self._directories: dict[str, tuple[float, Mapping[str, str]]] = {}

    async def get(self, channel: Channel | str, account_id: str) -> ChannelAccount | None:
        """The account, or None when nobody connected it (or it is disabled)."""
        key = account_key(channel, account_id)
        return await self._cached(self._cache, key, lambda: self._read(key))

    async def directory(self, channel: Channel | str) -> Mapping[str, str]:
        """Account id → business unit of the channel's enabled accounts, for parsing a webhook that may name
        several accounts (cached like `get`; the collection holds one document per connected account)."""
        query = {"channel": str(channel), "enabled": True}

        async def read() -> dict[str, str]:
            return {doc["account_id"]: doc["tenant"] async for doc in self.collection.find(query, {"secrets": 0})}

        return await self._cached(self._directories, f"directory:{channel}", read)

    async def _cached(self, cache: dict[str, tuple[float, Any]], key: str, read: Callable[[], Awaitable[T]]) -> T:
        """Fresh from memory within the TTL; else read. When the database cannot be read, what was read before
        (however old) is used rather than failing every webhook of a database outage; with nothing read before,
        `AccountsUnavailable`."""
        now = time.monotonic()
        cached = cache.get(key)
        if cached is not None and now - cached[0] < self._ttl:
            return cached[1]
        try:
            value = await read()
        except PyMongoError as exc:
            if cached is not None:
                log.warning(
                    "channel_accounts.stale", key=key, age_seconds=round(now - cached[0]), error=type(exc).__name__
                )
                return cached[1]
            raise AccountsUnavailable(f"channel accounts cannot be read: {type(exc).__name__}") from exc
        if self._ttl > 0:
            cache[key] = (now, value)
        return value

    async def _read(self, key: str) -> ChannelAccount | None:
        doc = await self.collection.find_one({"_id": key})
        account = self._open(doc) if doc else None
        return account if account is not None and account.enabled else None

    async def view(self, channel: Channel, account_id: str) -> ChannelAccountView | None:
        doc = await self.collection.find_one({"_id": account_key(channel, account_id)})
        return _view(doc) if doc else None

    async def views(self, tenants: set[str] | None = None) -> list[ChannelAccountView]:
        """Every account (of `tenants`, if given), for admins: a scan of a small collection."""
        query = {"tenant": {"$in": sorted(tenants)}} if tenants is not None else {}
        views = [_view(doc) async for doc in self.collection.find(query)]
        return sorted(views, key=lambda v: (v.tenant, v.channel, v.account_id))

    async def put(self, channel: Channel, account_id: str, incoming: ChannelAccountIn) -> ChannelAccountView:
        """Connect or change an account: secrets given replace stored ones, the others are kept."""
        key = account_key(channel, account_id)
        stored = await self.collection.find_one({"_id": key}) or {}
        stored_secrets: dict[str, str] = stored.get("secrets", {})
        check_account(channel, incoming, set(stored_secrets))
        now = datetime.now(UTC)
        secrets = {**stored_secrets, **{k: self._cipher.encrypt(v) for k, v in incoming.secrets.items()}}
        doc = {
            "_id": key,
            "channel": str(channel),
            "account_id": account_id,
            **incoming.model_dump(exclude={"secrets"}),
            "secrets": secrets,
            "created_at": stored.get("created_at", now),
            "updated_at": now,
        }
        await self.collection.replace_one({"_id": key}, doc, upsert=True)
        self._forget(key)
        return _view(doc)

    async def update_secrets(self, account: ChannelAccount, secrets: dict[str, str]) -> ChannelAccount:
        """Secrets the service itself renews (an OAuth token refresh): stored encrypted, returned opened."""
        key = account_key(account.channel, account.account_id)
        sealed = {f"secrets.{k}": self._cipher.encrypt(v) for k, v in secrets.items()}
        await self.collection.update_one({"_id": key}, {"$set": {**sealed, "updated_at": datetime.now(UTC)}})
        renewed = account.model_copy(
            update={"secrets": {**account.secrets, **{k: SecretStr(v) for k, v in secrets.items()}}}
        )
        self._cache[key] = (time.monotonic(), renewed)
        return renewed

    async def delete(self, channel: Channel, account_id: str) -> bool:
        key = account_key(channel, account_id)
        self._forget(key)
        return (await self.collection.delete_one({"_id": key})).deleted_count > 0

    def _forget(self, key: str) -> None:
        self._cache.pop(key, None)
        self._directories.clear()

    def _open(self, doc: dict[str, Any]) -> ChannelAccount:
        secrets = {name: SecretStr(self._cipher.decrypt(token)) for name, token in doc.get("secrets", {}).items()}
        return ChannelAccount.model_validate({**doc, "secrets": secrets})


def _view(doc: dict[str, Any]) -> ChannelAccountView:
    return ChannelAccountView.model_validate({**doc, "secrets_set": sorted(doc.get("secrets", {}))})


class ChannelAccountSettings(BaseModel):
    """Mixed into the settings of the services that read channel accounts (same variables for all)."""

    channel_secrets_key: SecretStr | None = Field(
        default=None,
        description="Fernet key that encrypts channel secrets at rest (python -c 'from cryptography.fernet import "
        "Fernet; print(Fernet.generate_key().decode())'). `make run` makes one in .local/data.",
    )
    channel_accounts_cache_seconds: float = Field(
        default=5.0, ge=0, description="How long a service keeps an account in memory: changes take this long."
    )

    def secret_cipher(self) -> SecretCipher:
        """What seals channel secrets and flow endpoints' secrets under `CHANNEL_SECRETS_KEY`."""
        return SecretCipher(self.channel_secrets_key.get_secret_value() if self.channel_secrets_key else None)

    def channel_account_store(self, db: AsyncDatabase) -> ChannelAccountStore:
        return ChannelAccountStore(db, self.secret_cipher(), self.channel_accounts_cache_seconds)
