"""Bot configuration of a business unit (personality, prompt, languages, channels, model, threshold)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from parley_business import BotConfig, BotSettings
from parley_dashboard.deps import AdminDep, PrincipalDep, ServicesDep, TenantPath, visible_tenant

router = APIRouter(prefix="/api/tenants/{tenant}/bot-config", tags=["bot config"])


@router.get("", response_model=BotConfig)
async def get_bot_config(tenant: TenantPath, services: ServicesDep, principal: PrincipalDep) -> BotConfig:
    """The stored configuration, or the defaults when none was saved."""
    visible_tenant(principal, tenant)
    return await services.bot_configs.get(tenant)


@router.put("", response_model=BotConfig)
async def put_bot_config(
    tenant: TenantPath, body: BotSettings, services: ServicesDep, principal: AdminDep
) -> BotConfig:
    """Replace the configuration (admins; validated: ISO language codes, known channels, threshold 0–1)."""
    visible_tenant(principal, tenant)
    try:
        config = BotConfig.model_validate({**body.model_dump(), "tenant": tenant})
    except ValidationError as exc:
        raise RequestValidationError(exc.errors(include_url=False, include_context=False)) from exc
    return await services.bot_configs.put(config)
