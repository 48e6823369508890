"""Dead letters, for admins: what failed for good on each topic, and sending it again once the cause is fixed
(parley_dashboard.dead_letters). `parley-admin dead-letters` does the same from a terminal."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, status

from parley_dashboard.auth.principal import Principal
from parley_dashboard.dead_letters import LetterFilter, StoredLetter, source_topic_named
from parley_dashboard.deps import AdminDep, ServicesDep
from parley_dashboard.schemas import Page, PageNumber, RedriveIn, RedriveOut

router = APIRouter(prefix="/api/dead-letters", tags=["dead letters"])

TopicQuery = Annotated[str | None, Query(max_length=100, description="`message.send` or `message.send.dlq`")]
ServiceQuery = Annotated[str | None, Query(max_length=100, description="The service that gave up on it")]
LetterId = Annotated[str, Path(max_length=100, description="The letter's event_id")]
UNKNOWN = {404: {"description": "No such dead letter in your business units"}}


def _filter(principal: Principal, topic: str | None, service: str | None, redriven: bool | None) -> LetterFilter:
    source = source_topic_named(topic) if topic else None
    if topic and source is None:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"no topic {topic}")
    return LetterFilter(principal.tenants, source, service, redriven)


@router.get("", response_model=Page[StoredLetter])
async def list_letters(
    services: ServicesDep,
    principal: AdminDep,
    topic: TopicQuery = None,
    service: ServiceQuery = None,
    redriven: bool | None = None,
    page: PageNumber = 1,
    page_size: Annotated[int, Query(ge=1, le=200)] = 50,
) -> Page[StoredLetter]:
    """Newest first; `redriven=false` lists those not sent again yet."""
    where = _filter(principal, topic, service, redriven)
    letters, total = await services.dead_letters.page(where, skip=(page - 1) * page_size, limit=page_size)
    return Page(items=letters, total=total, page=page, page_size=page_size)


@router.post("/redrive", response_model=RedriveOut)
async def redrive_many(body: RedriveIn, services: ServicesDep, principal: AdminDep) -> RedriveOut:
    """Send again every letter of a topic and/or service not redriven yet (up to `limit`), oldest first; letters
    that cannot be sent again (webhooks for unconnected accounts) are left."""
    where = _filter(principal, body.topic, body.service, None)
    ids = await services.dead_letters.redrive_pending(where, principal.actor(), body.limit)
    return RedriveOut(redriven=len(ids), ids=ids)


@router.get("/{letter_id}", response_model=StoredLetter, responses=UNKNOWN)
async def get_letter(letter_id: LetterId, services: ServicesDep, principal: AdminDep) -> StoredLetter:
    return await _visible(services, principal, letter_id)


@router.post(
    "/{letter_id}/redrive",
    response_model=StoredLetter,
    responses={**UNKNOWN, 409: {"description": "Not redrivable (a webhook for an unconnected account)"}},
)
async def redrive_one(letter_id: LetterId, services: ServicesDep, principal: AdminDep) -> StoredLetter:
    """Publish the original again to its topic with its key (a `message.send` with its `redrive` count raised, so
    outbound tries it again); the letter records who did it and when."""
    letter = await _visible(services, principal, letter_id)
    if not letter.redrivable:
        raise HTTPException(
            status.HTTP_409_CONFLICT,
            f"dead letter {letter_id} cannot be sent again ({letter.error}); fix the cause and let the sender retry",
        )
    return await services.dead_letters.redrive(letter, principal.actor())


async def _visible(services: ServicesDep, principal: Principal, letter_id: str) -> StoredLetter:
    letter = await services.dead_letters.get(letter_id)
    if letter is None or not letter.visible_to(principal):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no dead letter {letter_id}")
    return letter
