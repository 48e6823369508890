"""Bot configuration per business unit (collection `bot_configs`, `_id` = tenant)."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pymongo.asynchronous.database import AsyncDatabase

COLLECTION = "bot_configs"
SUPPORTED_CHANNELS = {"whatsapp", "messenger", "instagram", "telegram", "email", "mercadolibre"}


class BotSettings(BaseModel):
    """What an admin edits (the body of `PUT …/bot-config`): unknown fields are refused."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(default="Assistant", min_length=1, max_length=80)
    personality: str = Field(default="friendly, concise and professional", max_length=500)
    system_prompt: str = Field(
        default="You are the customer-care assistant of this business. Answer only from the knowledge base.",
        max_length=8000,
    )
    languages: list[str] = Field(default_factory=lambda: ["en", "es", "pt", "hi", "ta", "te"])
    channels: list[str] = Field(default_factory=lambda: sorted(SUPPORTED_CHANNELS))
    model: str | None = Field(default=None, description="LLM model; None = the service default.")
    temperature: float = Field(default=0.2, ge=0.0, le=2.0)
    handoff_threshold: float = Field(default=0.3, ge=0.0, le=1.0)
    knowledge_base_enabled: bool = True
    greeting: str | None = Field(default=None, max_length=1000)

    @field_validator("languages")
    @classmethod
    def _languages(cls, value: list[str]) -> list[str]:
        out = []
        for code in value:
            code = code.strip().lower()
            if not (2 <= len(code) <= 3 and code.isalpha()):
                raise ValueError(f"not an ISO 639 language code: {code!r}")
            out.append(code)
        return list(dict.fromkeys(out))

    @field_validator("channels")
    @classmethod
    def _channels(cls, value: list[str]) -> list[str]:
        unknown = [c for c in value if c not in SUPPORTED_CHANNELS]
        if unknown:
            raise ValueError(f"unknown channels: {unknown}")
        return list(dict.fromkeys(value))


class BotConfig(BotSettings):
    """A business unit's stored configuration; fields a newer version wrote are ignored when read."""

    model_config = ConfigDict(extra="ignore")

    tenant: str = Field(min_length=1, max_length=100)
    updated_at: datetime | None = None


class BotConfigStore:
    """Reads and writes bot configurations. With `ttl_seconds` > 0 a read is served from this process's
    memory for that long: services that consult the configuration on every message (nlp, router) see an
    admin's change within `ttl_seconds` without a database read per message."""

    def __init__(self, db: AsyncDatabase, ttl_seconds: float = 0.0) -> None:
        self.collection = db[COLLECTION]
        self._ttl = ttl_seconds
        self._cache: dict[str, tuple[float, BotConfig]] = {}

    async def get(self, tenant: str) -> BotConfig:
        cached = self._cache.get(tenant)
        now = time.monotonic()
        if cached and now - cached[0] < self._ttl:
            return cached[1]
        doc = await self.collection.find_one({"_id": tenant})
        if doc is None:
            config = BotConfig(tenant=tenant)
        else:
            doc.pop("_id", None)
            doc["tenant"] = tenant
            config = BotConfig.model_validate(doc)
        if self._ttl > 0:
            self._cache[tenant] = (now, config)
        return config

    async def put(self, config: BotConfig) -> BotConfig:
        stored = config.model_copy(update={"updated_at": datetime.now(UTC)})
        body = stored.model_dump(exclude={"tenant"})
        await self.collection.replace_one({"_id": config.tenant}, {"_id": config.tenant, **body}, upsert=True)
        self._cache.pop(config.tenant, None)
        return stored
