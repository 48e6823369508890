"""Bot configuration of a business unit (personality, prompt, languages, channels, model, threshold)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from parley_dashboard.deps import DbDep
from parley_knowledge import BotConfig, BotConfigStore, BotSettings

router = APIRouter(prefix="/api/tenants/{tenant}/bot-config", tags=["bot config"])


@router.get("", response_model=BotConfig)
async def get_bot_config(tenant: str, db: DbDep) -> BotConfig:
    """The stored configuration, or the defaults when none was saved."""
    return await BotConfigStore(db).get(tenant)


@router.put("", response_model=BotConfig)
async def put_bot_config(tenant: str, body: BotSettings, db: DbDep) -> BotConfig:
    """Replace the configuration (validated: ISO language codes, known channels, threshold 0–1)."""
    try:
        config = BotConfig.model_validate({**body.model_dump(), "tenant": tenant})
    except ValidationError as exc:
        raise RequestValidationError(exc.errors(include_url=False, include_context=False)) from exc
    return await BotConfigStore(db).put(config)
