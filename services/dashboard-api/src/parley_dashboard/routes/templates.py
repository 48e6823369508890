"""`GET /api/templates`: the WhatsApp templates the console offers when a conversation's reply window is closed."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status

from parley_business import ChannelAccount
from parley_contracts import Channel
from parley_dashboard.auth.principal import Principal
from parley_dashboard.deps import PrincipalDep, Services, ServicesDep
from parley_dashboard.templates import TemplateInfo, TemplatesUnavailable

router = APIRouter(prefix="/api/templates", tags=["threads"])


@router.get(
    "",
    response_model=list[TemplateInfo],
    responses={404: {"description": "No such WhatsApp account"}, 503: {"description": "WhatsApp could not be asked"}},
)
async def list_templates(
    services: ServicesDep,
    principal: PrincipalDep,
    account_id: Annotated[
        str | None,
        Query(max_length=64, description="The thread's WhatsApp account (phone number id); default: the first one."),
    ] = None,
) -> list[TemplateInfo]:
    """A WhatsApp account's approved message templates (name, language, texts, how many body parameters): send
    one with `POST /api/threads/{thread_key}/messages` `{"template": {"name", "language", "parameters"}}`."""
    account = await _whatsapp_account(services, principal, account_id)
    try:
        return await services.templates.approved(account)
    except TemplatesUnavailable as exc:
        detail = f"WhatsApp's template list is unavailable: {exc}"
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, detail) from exc


async def _whatsapp_account(services: Services, principal: Principal, account_id: str | None) -> ChannelAccount:
    if account_id is None:
        tenants = set(principal.tenants) if principal.tenants is not None else None
        views = [v for v in await services.channel_accounts.views(tenants) if v.channel == Channel.WHATSAPP]
        account_id = views[0].account_id if views else None
    account = await services.channel_accounts.get(Channel.WHATSAPP, account_id) if account_id else None
    if account is None or not principal.sees(account.tenant):
        raise HTTPException(
            status.HTTP_404_NOT_FOUND, "no connected WhatsApp account" + (f" {account_id}" if account_id else "")
        )
    return account
