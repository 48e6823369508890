"""A business unit's conversation policy and identity (collection `business_units`, `_id` = tenant): its name
and logo for the console, how long a silent conversation stays open, how many threads one operator holds at most,
and the time zone its days are counted in. Read by the router (cached), edited by admins through dashboard-api."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pymongo.asynchronous.database import AsyncDatabase

COLLECTION = "business_units"


class UnitSettings(BaseModel):
    """What an admin edits (`PUT /api/business-units/{tenant}`); unknown fields are refused."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, max_length=120, description="Display name; default: the tenant id.")
    logo_url: str | None = Field(default=None, max_length=2000)
    idle_timeout_seconds: int | None = Field(
        default=24 * 3600,
        ge=1,
        description="A thread with no customer message for this long is resolved and the bot's session cleared "
        "(null: never).",
    )
    max_open_per_operator: int = Field(default=10, ge=1, le=1000, description="Threads one operator holds at most.")
    email_managers: bool = Field(default=True, description="Email managers when a conversation needs a person.")
    whatsapp_number: str | None = Field(
        default=None,
        pattern=r"^[1-9][0-9]{6,14}$",
        description="The business's WhatsApp number, E.164 digits without the + (for click-to-chat links).",
    )
    time_zone: str = Field(
        default="UTC",
        max_length=64,
        description="The business's time zone, an IANA name (`America/Argentina/Buenos_Aires`): its analytics count "
        "days from its midnight. A change applies to what is counted from then on.",
    )

    @field_validator("time_zone")
    @classmethod
    def _known_zone(cls, name: str) -> str:
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {name!r}: use an IANA name such as Europe/Madrid") from exc
        return name


class BusinessUnit(UnitSettings):
    model_config = ConfigDict(extra="ignore")

    tenant: str = Field(min_length=1, max_length=100)
    updated_at: datetime | None = None

    @property
    def display_name(self) -> str:
        return self.name or self.tenant

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)


class BusinessUnitStore:
    """With `ttl_seconds` > 0 a read is served from this process's memory for that long (the router reads it
    for every timer tick and handoff)."""

    def __init__(self, db: AsyncDatabase, ttl_seconds: float = 0.0) -> None:
        self.collection = db[COLLECTION]
        self._ttl = ttl_seconds
        self._cache: dict[str, tuple[float, BusinessUnit]] = {}

    async def get(self, tenant: str) -> BusinessUnit:
        now = time.monotonic()
        cached = self._cache.get(tenant)
        if cached and now - cached[0] < self._ttl:
            return cached[1]
        doc = await self.collection.find_one({"_id": tenant})
        unit = BusinessUnit.model_validate({**(doc or {}), "tenant": tenant})
        if self._ttl > 0:
            self._cache[tenant] = (now, unit)
        return unit

    async def zone(self, tenant: str) -> ZoneInfo:
        """The time zone the unit's days are counted in."""
        return (await self.get(tenant)).zone

    async def put(self, tenant: str, settings: UnitSettings) -> BusinessUnit:
        unit = BusinessUnit(**settings.model_dump(), tenant=tenant, updated_at=datetime.now(UTC))
        await self.collection.replace_one(
            {"_id": tenant}, {"_id": tenant, **unit.model_dump(exclude={"tenant"})}, upsert=True
        )
        self._cache.pop(tenant, None)
        return unit

    async def known(self) -> list[BusinessUnit]:
        return [BusinessUnit.model_validate({**d, "tenant": d["_id"]}) async for d in self.collection.find({})]
