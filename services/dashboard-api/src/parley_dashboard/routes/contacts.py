"""One contact: their profile for anyone in the team (parley_dashboard.profile), and their data (GDPR) for admins:
export it as a zip file, or erase it for good (parley_dashboard.privacy). All reach only the caller's business
units."""

from typing import Annotated

import structlog
from fastapi import APIRouter, HTTPException, Path, Response, status
from fastapi.responses import JSONResponse

from parley_contracts import Channel
from parley_conversations.documents import ThreadRecord
from parley_dashboard.deps import AdminDep, PrincipalDep, Services, ServicesDep, TenantQuery, visible_tenant
from parley_dashboard.privacy import Erasure
from parley_dashboard.profile import ClickToChat, ContactProfile, build_profile, click_to_chat, referral_code

router = APIRouter(prefix="/api/contacts", tags=["privacy"])
log = structlog.get_logger()

ContactId = Annotated[str, Path(min_length=1, max_length=256, description="The contact's id on the channel.")]
NOTHING_HELD = {404: {"description": "Nothing is held about this contact in your business units"}}


def _nothing_held(channel: Channel) -> HTTPException:
    return HTTPException(status.HTTP_404_NOT_FOUND, f"nothing is held about this {channel} contact")


@router.get("/{channel}/{contact_id}", response_model=ContactProfile, responses=NOTHING_HELD, tags=["contacts"])
async def contact_profile(
    channel: Channel, contact_id: ContactId, services: ServicesDep, principal: PrincipalDep, tenant: TenantQuery = None
) -> ContactProfile:
    """Who the contact is across their threads in your business units (or in `tenant`): name, first and last
    time they wrote, their threads (oldest first), how many messages they sent, the languages and topics of
    those messages, their average sentiment and its trend, and for a WhatsApp contact of a business unit with a
    `whatsapp_number`, a click-to-chat link whose prefilled message carries the contact's referral code (a keyed
    hash, the same every time; not their number). The latest thread's business unit is the one linked to."""
    if tenant is not None:
        visible_tenant(principal, tenant)
    scope = frozenset({tenant}) if tenant is not None else principal.tenants
    threads = await services.inbox.threads_of_contact(channel, contact_id, scope)
    if not threads:
        raise _nothing_held(channel)
    messages = [m.view() for m in await services.conversations.messages_of_threads(threads)]
    link = await _click_to_chat(services, threads[-1], contact_id)
    log.info("contacts.profile", by=principal.id, threads=len(threads), messages=len(messages))
    return build_profile(channel, contact_id, [t.view() for t in threads], messages, link)


async def _click_to_chat(services: Services, latest: ThreadRecord, contact_id: str) -> ClickToChat | None:
    if latest.channel != Channel.WHATSAPP:
        return None
    unit = await services.units.get(latest.tenant)
    if not unit.whatsapp_number:
        return None
    key = await services.referral_keys.key(latest.tenant)
    code = referral_code(key, latest.tenant, latest.channel, contact_id)
    return click_to_chat(unit.whatsapp_number, unit.display_name, code)


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
