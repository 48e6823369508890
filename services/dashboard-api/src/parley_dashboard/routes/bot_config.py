"""Bot configuration of a business unit (personality, prompt, languages, channels, model, threshold)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from parley_dashboard.deps import DbDep
from parley_knowledge import BotConfig, BotConfigStore

router = APIRouter(prefix="/api/tenants/{tenant}/bot-config", tags=["bot config"])


class BotConfigUpdate(BaseModel):
    """The editable fields (the tenant comes from the path). Unknown fields are rejected."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(default="Assistant", min_length=1, max_length=80)
    personality: str = Field(default="friendly, concise and professional", max_length=500)
    system_prompt: str = Field(
        default="You are the customer-care assistant of this business. Answer only from the knowledge base.",
        max_length=8000,
    )
    languages: list[str] = Field(default_factory=lambda: ["en", "es", "pt", "hi", "ta", "te"])
    channels: list[str] = Field(
        default_factory=lambda: ["email", "instagram", "mercadolibre", "messenger", "telegram", "whatsapp"]
    )
    model: str | None = Field(default=None, max_length=100)
    temperature: float = Field(default=0.2, ge=0.0, le=2.0)
    handoff_threshold: float = Field(default=0.3, ge=0.0, le=1.0)
    knowledge_base_enabled: bool = True
    greeting: str | None = Field(default=None, max_length=1000)


@router.get("", response_model=BotConfig)
async def get_bot_config(tenant: str, db: DbDep) -> BotConfig:
    """The stored configuration, or the defaults when none was saved."""
    return await BotConfigStore(db).get(tenant)


@router.put("", response_model=BotConfig)
async def put_bot_config(tenant: str, body: BotConfigUpdate, db: DbDep) -> BotConfig:
    """Replace the configuration (validated: ISO language codes, known channels, threshold 0–1)."""
    try:
        config = BotConfig.model_validate({**body.model_dump(), "tenant": tenant})
    except ValidationError as exc:
        raise RequestValidationError(exc.errors(include_url=False, include_context=False)) from exc
    return await BotConfigStore(db).put(config)
