"""Failed logins, counted per account and per client address over a sliding window (collection
`login_failures`, `_id` = `account:<sha256 of email>` / `address:<ip>`), shared by every dashboard-api
replica. Over the limit, logins are refused with 429 until the oldest failure leaves the window."""

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from pymongo.asynchronous.database import AsyncDatabase

LOGIN_FAILURES = "login_failures"


@dataclass(frozen=True)
class Limits:
    window: timedelta
    per_account: int
    per_address: int


class LoginThrottle:
    def __init__(self, db: AsyncDatabase, limits: Limits) -> None:
        self._docs = db[LOGIN_FAILURES]
        self._limits = limits

    def _keys(self, email: str, address: str | None) -> list[tuple[str, int]]:
        keys = [("account:" + hashlib.sha256(email.strip().lower().encode()).hexdigest(), self._limits.per_account)]
        if address:
            keys.append(("address:" + address, self._limits.per_address))
        return keys

    async def retry_after(self, email: str, address: str | None) -> int | None:
        """Seconds until a login may be tried again, or None when it may be tried now."""
        now = datetime.now(UTC)
        waits = []
        for key, limit in self._keys(email, address):
            recent = await self._recent(key, now)
            if len(recent) >= limit:
                waits.append((recent[-limit] + self._limits.window - now).total_seconds())
        return max(1, int(max(waits)) + 1) if waits else None

    async def failed(self, email: str, address: str | None) -> None:
        now = datetime.now(UTC)
        for key, limit in self._keys(email, address):
            recent = (await self._recent(key, now))[-(limit * 2) :]
            await self._docs.replace_one({"_id": key}, {"_id": key, "failures": [*recent, now]}, upsert=True)

    async def succeeded(self, email: str) -> None:
        account_key, _ = self._keys(email, None)[0]
        await self._docs.delete_one({"_id": account_key})

    async def _recent(self, key: str, now: datetime) -> list[datetime]:
        doc = await self._docs.find_one({"_id": key})
        return sorted(t for t in (doc or {}).get("failures", []) if t > now - self._limits.window)
