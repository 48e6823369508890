"""Figures about a period's conversations, for the console's analytics page (parley_dashboard.analytics counts)."""

from datetime import timedelta
from typing import Annotated

import structlog
from fastapi import APIRouter, Query

from parley_contracts import utcnow
from parley_conversations.operators import Operator
from parley_dashboard.analytics import MESSAGE_FIELDS, THREAD_FIELDS, AnalyticsOut, Tally
from parley_dashboard.deps import PrincipalDep, Services, ServicesDep, TenantQuery, visible_tenant

router = APIRouter(prefix="/api/analytics", tags=["analytics"])
log = structlog.get_logger()


@router.get("", response_model=AnalyticsOut, responses={404: {"description": "Not one of your business units"}})
async def analytics(
    services: ServicesDep,
    principal: PrincipalDep,
    tenant: TenantQuery = None,
    days: Annotated[int, Query(ge=1, le=366, description="The period: the last `days` × 24 hours.")] = 30,
) -> AnalyticsOut:
    """The last `days` (`since` → `until`, now) of one business unit (`tenant`) or of all of the caller's.

    - **conversations**: threads created in the period. **messages_in** / **messages_out**: customer messages /
      bot and operator messages in the period (system notes are not counted).
    - **per_day**: per UTC day and channel, the threads created that day and the messages sent that day.
    - **languages**, **sentiment**, **categories**: over the period's customer messages that were analysed.
    - **handoffs**: threads that went to `needs_human` in the period (from the transitions in their timeline: the
      bot stepped aside, or a person sent a bot thread to the team), once per thread; **handoff_reasons** counts
      them by the reason of their first handoff in the period, with its label (`operator` when a person did it).
      **handoff_rate** = handoffs / conversations (a thread created before the period and handed off in it counts
      as a handoff, so the rate can exceed 1 over a short period).
    - **bot_answer_rate**: customer messages the bot answered itself (it sent the analysis's suggested reply, not
      a "a person will answer" or "starting over" message) / customer messages analysed in the period (those
      that came while a person held the thread included: the bot stays silent then).
    - **resolved**: threads that became `resolved` in the period (by a person, an integration or the idle
      timeout).
    - **first_response_seconds**: per thread created in the period, from its first customer message to the first
      message of the bot or an operator after it (the customer's wait for any answer; p50/p90 interpolated).
    - **resolution_seconds**: per thread created in the period and resolved in it, creation → first resolution.
    - **operators**: everyone working for these business units (and anyone else who acted in them): threads they
      hold now (`needs_human`/`human`, the current state), replies they sent and threads they resolved in the
      period."""
    if tenant is not None:
        visible_tenant(principal, tenant)
    until = utcnow()
    since = until - timedelta(days=days)
    scope = [tenant] if tenant else (sorted(principal.tenants) if principal.tenants is not None else None)
    tally = Tally(since, until)
    # One pass over each collection, streamed through a small projection into the tally (no sort: it takes rows
    # in any order); on FerretDB each pass is a scan (docs/adr/0003-storage.md), off the message path.
    async for doc in services.conversations.threads_for_period(scope, since, THREAD_FIELDS):
        tally.add_thread(doc)
    async for doc in services.conversations.messages_for_period(scope, since, until, MESSAGE_FIELDS):
        tally.add_message(doc)
    report = tally.report(tenant, await _operators(services, scope))
    log.info(
        "analytics.computed",
        by=principal.id,
        tenant=tenant,
        days=days,
        conversations=report.totals.conversations,
        messages=report.totals.messages_in + report.totals.messages_out,
    )
    return report


async def _operators(services: Services, scope: list[str] | None) -> list[Operator]:
    if scope is None:
        return await services.directory.all()
    found: dict[str, Operator] = {}
    for tenant in scope:
        found.update({o.id: o for o in await services.directory.of_tenant(tenant)})
    return list(found.values())
