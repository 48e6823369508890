"""Channel accounts (admins): connect a WhatsApp number, a Facebook page, an Instagram account, a Telegram bot, a
mailbox or a MercadoLibre seller to a business unit, with the credentials Parley acts with. Secrets are
write-only: encrypted at rest, never returned (`secrets_set` names those stored). Ingest and outbound see a change
within CHANNEL_ACCOUNTS_CACHE_SECONDS."""

from typing import Annotated

import structlog
from fastapi import APIRouter, HTTPException, Path, Response, status

from parley_business import AccountRefused, ChannelAccountIn, ChannelAccountView, SecretsUnavailable
from parley_business.channel_accounts import AccountSpec, account_specs
from parley_contracts import Channel
from parley_dashboard.deps import AdminDep, ServicesDep, visible_tenant

router = APIRouter(prefix="/api/channel-accounts", tags=["channel accounts"])
log = structlog.get_logger()

AccountIdPath = Annotated[
    str,
    Path(
        min_length=1,
        max_length=320,
        pattern=r"^[^/\s]+$",
        description="The account's id on its channel (phone number id, page id, bot id, mailbox address, seller id).",
    ),
]


@router.get("", response_model=list[ChannelAccountView])
async def list_accounts(services: ServicesDep, principal: AdminDep) -> list[ChannelAccountView]:
    """The accounts of the business units the admin works for."""
    tenants = set(principal.tenants) if principal.tenants is not None else None
    return await services.channel_accounts.views(tenants)


@router.get("/specs", response_model=dict[Channel, AccountSpec])
async def account_requirements(principal: AdminDep) -> dict[Channel, AccountSpec]:
    """What connecting each channel's account takes: its id, config keys and secrets (required and optional)."""
    return account_specs()


@router.get("/{channel}/{account_id}", response_model=ChannelAccountView)
async def get_account(
    channel: Channel, account_id: AccountIdPath, services: ServicesDep, principal: AdminDep
) -> ChannelAccountView:
    view = await services.channel_accounts.view(channel, account_id)
    if view is None or not principal.sees(view.tenant):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no {channel} account {account_id}")
    return view


@router.put(
    "/{channel}/{account_id}",
    response_model=ChannelAccountView,
    responses={409: {"description": "The account belongs to another business unit"}},
)
async def put_account(
    channel: Channel, account_id: AccountIdPath, body: ChannelAccountIn, services: ServicesDep, principal: AdminDep
) -> ChannelAccountView:
    """Connect an account to a business unit, or change it. Secrets left out keep their stored values; an account
    moves to another unit only by deleting it first (its conversations stay with the unit they began in)."""
    visible_tenant(principal, body.tenant)
    stored = await services.channel_accounts.view(channel, account_id)
    if stored is not None and stored.tenant != body.tenant:
        if not principal.sees(stored.tenant):
            raise HTTPException(status.HTTP_409_CONFLICT, f"{channel} account {account_id} is connected elsewhere")
        raise HTTPException(
            status.HTTP_409_CONFLICT,
            f"{channel} account {account_id} is connected to {stored.tenant}: delete it there first",
        )
    try:
        view = await services.channel_accounts.put(channel, account_id, body)
    except AccountRefused as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from exc
    except SecretsUnavailable as exc:
        log.error("channel_account.secrets_unavailable", channel=channel, account_id=account_id, reason=str(exc))
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, str(exc)) from exc
    log.info("channel_account.saved", channel=channel, account_id=account_id, tenant=body.tenant, by=principal.id)
    return view


@router.delete("/{channel}/{account_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_account(channel: Channel, account_id: AccountIdPath, services: ServicesDep, principal: AdminDep):
    """Disconnect: the provider's later deliveries for it become dead letters; its conversations stay."""
    view = await services.channel_accounts.view(channel, account_id)
    if view is None or not principal.sees(view.tenant):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no {channel} account {account_id}")
    await services.channel_accounts.delete(channel, account_id)
    log.info("channel_account.deleted", channel=channel, account_id=account_id, tenant=view.tenant, by=principal.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
