"""Figures about a period's conversations, for the console's analytics page: the business units' daily figures
(counted by the router as it works, parley_conversations.daily_figures), read by `_id` and added up
(parley_dashboard.analytics)."""

from typing import Annotated
from zoneinfo import ZoneInfo

import structlog
from fastapi import APIRouter, HTTPException, Query, status

from parley_business import UnitSettings
from parley_contracts import utcnow
from parley_conversations.operators import Operator
from parley_dashboard.analytics import AnalyticsOut, period, report
from parley_dashboard.deps import PrincipalDep, Services, ServicesDep, TenantQuery, visible_tenant
from parley_dashboard.partitions import PartitionsUnknown

router = APIRouter(prefix="/api/analytics", tags=["analytics"])
DEFAULT_ZONE = ZoneInfo(UnitSettings().time_zone)  # a unit with no saved settings
log = structlog.get_logger()


@router.get(
    "",
    response_model=AnalyticsOut,
    responses={
        404: {"description": "Not one of your business units"},
        503: {"description": "Kafka could not be reached to learn the router's partitions"},
    },
)
async def analytics(
    services: ServicesDep,
    principal: PrincipalDep,
    tenant: TenantQuery = None,
    days: Annotated[int, Query(ge=1, le=366, description="The period: today and the `days - 1` days before it.")] = 30,
) -> AnalyticsOut:
    """Whole days (`since`, a midnight, → `until`, now) of one business unit (`tenant`) or of all of the caller's,
    each unit's days in its own time zone (its `time_zone` setting; `time_zone` in the answer, null if the units
    added up differ). Counted as the conversations happen, so it costs the same however much is stored. A unit's
    days are cut where its time zone was when they were counted: after a change of zone, the day of the change
    holds what was counted under either.

    - **conversations**: threads created in the period. **messages_in** / **messages_out**: customer messages /
      bot and operator messages in the period (system notes are not counted).
    - **per_day**: per day and channel, the threads created that day and the messages sent that day.
    - **languages**, **sentiment**, **categories**: over the period's customer messages that were analysed.
    - **handoffs**: times a thread went to `needs_human` in the period (the bot stepped aside, or a person sent a
      bot thread to the team); **handoff_reasons** counts them by reason, with its label (`operator` when a person
      did it). **handoff_rate** = handoffs / conversations (a thread created before the period and handed off in it
      counts, so the rate can exceed 1 over a short period).
    - **bot_answer_rate**: customer messages the bot answered itself (it sent the analysis's suggested reply, not
      a "a person will answer" or "starting over" message) / customer messages analysed in the period (those
      that came while a person held the thread included: the bot stays silent then).
    - **resolved**: times a thread became `resolved` in the period (by a person, an integration or the idle
      timeout).
    - **first_response_seconds**: per thread first answered in the period, from its first customer message to the
      first message of the bot or an operator (the customer's wait for any answer).
    - **resolution_seconds**: per thread first resolved in the period, creation → that resolution.
      Both from histograms: p50 and p90 are within about 6% of the exact values.
    - **operators**: everyone working for these business units (and anyone else who acted in them): threads they
      hold now (`needs_human`/`human`, the current state), replies they sent and threads they resolved in the
      period."""
    if tenant is not None:
        visible_tenant(principal, tenant)
    until = utcnow()
    scope = [tenant] if tenant else (sorted(principal.tenants) if principal.tenants is not None else None)
    zones = await _zones(services, scope)
    try:
        partitions = await services.partitions.count()
    except PartitionsUnknown as exc:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, str(exc)) from exc
    days_of = period(until, days, zones, partitions)
    documents = await services.figures.read(days_of.document_ids)
    operators = await _operators(services, scope)
    out = report(tenant, days_of, until, documents, operators, await _held(services, scope, operators))
    log.info(
        "analytics.computed",
        by=principal.id,
        tenant=tenant,
        days=days,
        documents=len(documents),
        conversations=out.totals.conversations,
    )
    return out


async def _zones(services: Services, scope: list[str] | None) -> dict[str, ZoneInfo]:
    """The business units in scope (every one: those configured and any the inbox has threads of) and the time zone
    each counts its days in; one read of the small `business_units` collection."""
    configured = {unit.tenant: unit.zone for unit in await services.units.known()}
    tenants = scope if scope is not None else sorted(set(configured) | services.inbox.index.tenants())
    return {t: configured.get(t, DEFAULT_ZONE) for t in tenants}


async def _operators(services: Services, scope: list[str] | None) -> list[Operator]:
    if scope is None:
        return await services.directory.all()
    found: dict[str, Operator] = {}
    for tenant in scope:
        found.update({o.id: o for o in await services.directory.of_tenant(tenant)})
    return list(found.values())


async def _held(services: Services, scope: list[str] | None, operators: list[Operator]) -> dict[str, int]:
    """Threads each operator holds now: from the inbox index; before it is loaded, from the workload documents (every
    business unit's)."""
    index = services.inbox.index
    if index.loaded:
        return dict(index.held(frozenset(scope) if scope is not None else None))
    loads = await services.workload.loads([o.id for o in operators])
    return {operator_id: load.open for operator_id, load in loads.items()}
