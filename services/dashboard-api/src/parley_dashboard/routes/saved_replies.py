"""A business unit's saved replies: everyone who works for it reads them (the reply box's `/` picker); managers
and admins write them."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Response, status

from parley_contracts import utcnow
from parley_dashboard.deps import ManagerDep, PrincipalDep, ServicesDep, TenantPath, visible_tenant
from parley_dashboard.saved_replies import SHORT_CODE, SavedReply, SavedReplyIn, TooManySavedReplies

router = APIRouter(prefix="/api/tenants/{tenant}/saved-replies", tags=["saved replies"])
ShortCode = Annotated[
    str, Path(pattern=SHORT_CODE, description="Lowercase letters, digits, `-` and `_`; at most 40 characters.")
]


@router.get("", response_model=list[SavedReply])
async def list_saved_replies(tenant: TenantPath, services: ServicesDep, principal: PrincipalDep) -> list[SavedReply]:
    """Sorted by short code."""
    visible_tenant(principal, tenant)
    return await services.saved_replies.of_unit(tenant)


@router.put("/{short_code}", response_model=SavedReply)
async def put_saved_reply(
    tenant: TenantPath, short_code: ShortCode, body: SavedReplyIn, services: ServicesDep, principal: ManagerDep
) -> SavedReply:
    """Add the reply, or replace the one with that short code (managers and admins)."""
    visible_tenant(principal, tenant)
    reply = SavedReply(short_code=short_code, text=body.text.strip(), updated_at=utcnow(), updated_by=principal.id)
    try:
        return await services.saved_replies.put(tenant, reply)
    except TooManySavedReplies as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from exc


@router.delete(
    "/{short_code}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={404: {"description": "No saved reply with that short code"}},
)
async def delete_saved_reply(
    tenant: TenantPath, short_code: ShortCode, services: ServicesDep, principal: ManagerDep
) -> Response:
    visible_tenant(principal, tenant)
    if not await services.saved_replies.delete(tenant, short_code):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no saved reply /{short_code}")
    return Response(status_code=status.HTTP_204_NO_CONTENT)
