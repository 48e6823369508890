"""One contact's data (GDPR), for admins: export it as a zip file, or erase it for good (parley_dashboard.privacy).
Both reach only the caller's business units."""

from typing import Annotated

import structlog
from fastapi import APIRouter, HTTPException, Path, Response, status
from fastapi.responses import JSONResponse

from parley_contracts import Channel
from parley_dashboard.deps import AdminDep, ServicesDep
from parley_dashboard.privacy import Erasure

router = APIRouter(prefix="/api/contacts", tags=["privacy"])
log = structlog.get_logger()

ContactId = Annotated[str, Path(min_length=1, max_length=256, description="The contact's id on the channel.")]
NOTHING_HELD = {404: {"description": "Nothing is held about this contact in your business units"}}


def _nothing_held(channel: Channel) -> HTTPException:
    return HTTPException(status.HTTP_404_NOT_FOUND, f"nothing is held about this {channel} contact")


@router.get(
    "/{channel}/{contact_id}/export",
    response_class=Response,
    responses={200: {"content": {"application/zip": {}}}, **NOTHING_HELD},
)
async def export_contact(
    channel: Channel, contact_id: ContactId, services: ServicesDep, principal: AdminDep
) -> Response:
    """A zip file: `contact.json` (a summary), per thread `threads/<key>/thread.json`, `messages.json` (in order)
    and `attachments/` (the files in Parley's media store), and `notifications.json`."""
    archive = await services.contacts.export(channel, contact_id, principal.tenants)
    if archive is None:
        raise _nothing_held(channel)
    log.info("privacy.exported", by=principal.id, size=len(archive))
    return Response(
        archive,
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="parley-contact-{channel}.zip"'},
    )


@router.delete(
    "/{channel}/{contact_id}",
    response_model=Erasure,
    responses={202: {"model": Erasure, "description": "Sent to the router, which had not confirmed in time"}}
    | NOTHING_HELD,
)
async def erase_contact(
    channel: Channel, contact_id: ContactId, services: ServicesDep, principal: AdminDep
) -> JSONResponse:
    """Erase everything held about the contact, for good: the router erases each thread and its messages;
    notifications, their emails' outbox entries and the files of those messages go too. Answers the erasure's
    record (which keeps none of the erased data): 200 when the router confirmed every thread within the wait,
    else 202 (it still happens). Kafka's own copies expire with the topics' retention (README, "Privacy")."""
    record = await services.contacts.erase(channel, contact_id, principal)
    if record is None:
        raise _nothing_held(channel)
    log.info(
        "privacy.erased", erasure_id=record.id, by=principal.id, threads=record.threads, confirmed=record.confirmed
    )
    code = status.HTTP_200_OK if record.confirmed else status.HTTP_202_ACCEPTED
    return JSONResponse(record.model_dump(mode="json"), status_code=code)
