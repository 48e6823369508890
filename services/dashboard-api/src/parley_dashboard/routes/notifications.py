"""The caller's in-app notifications (also pushed live on `WS /api/live`)."""

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status

from parley_dashboard.deps import PrincipalDep, ServicesDep
from parley_dashboard.notifications import Notification
from parley_dashboard.schemas import Page

router = APIRouter(prefix="/api/notifications", tags=["notifications"])


@router.get("", response_model=Page[Notification])
async def list_notifications(
    services: ServicesDep,
    principal: PrincipalDep,
    unread: bool = False,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> Page[Notification]:
    """Newest first; `total` is the number of unread ones."""
    items = await services.notifications.of(principal.id, unread_only=unread, limit=limit)
    return Page(items=items, total=await services.notifications.unread(principal.id), page=1, page_size=limit)


@router.post("/read-all")
async def mark_all_read(services: ServicesDep, principal: PrincipalDep) -> dict[str, int]:
    """Mark every notification of the caller read; answers how many were unread."""
    return {"marked": await services.notifications.mark_all_read(principal.id, datetime.now(UTC))}


@router.post("/{notification_id}/read", response_model=Notification)
async def mark_read(notification_id: str, services: ServicesDep, principal: PrincipalDep) -> Notification:
    note = await services.notifications.mark_read(notification_id, principal.id, datetime.now(UTC))
    if note is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no notification {notification_id}")
    return note
