"""The figures of `GET /api/analytics`, added up from the business units' daily figures, which the router counts as
it applies each step (parley_conversations.daily_figures, docs/adr/0015-analytics-counted-on-write.md). Pure: the
route reads the documents and the current holders; this module only adds up.

Definitions (also in the route's docstring, which is what the OpenAPI document shows). The period is whole days of
each business unit, in its time zone (`UnitSettings.time_zone`): the unit's day of `until` and the `days - 1` before
it (`period`).
- conversations: threads created in the period; per day and channel by their creation.
- messages_in / messages_out: customer messages / bot and operator messages in the period (system notes are not
  messages); per day and channel.
- languages, sentiment, categories: over the period's customer messages that have an analysis.
- handoffs: times a thread went to `needs_human` in the period (the bot stepping aside, or a person sending a bot
  thread to the team); `handoff_reasons` counts them by reason (`operator` when a person did it). handoff_rate =
  handoffs / conversations (a thread created before the period and handed off in it counts, and a thread handed
  off twice counts twice: the rate may exceed 1 over a short period).
- bot_answer_rate: customer messages the bot answered itself (its reply to the message is the analysis's suggested
  reply; a "a person will answer you" or "starting over" message is not an answer) / customer messages analysed.
- resolved: times a thread became `resolved` in the period (by a person, an integration, or the idle timeout).
- first_response_seconds: per thread whose first reply (bot or operator) was sent in the period, from its first
  customer message to that reply.
- resolution_seconds: per thread first resolved in the period, from its creation to that resolution.
  Both are read from histograms (buckets 12.5% wide): p50 and p90 are within about 6% of the exact values.
- operators: per operator of the business units in scope (and anyone else who acted in them): threads they hold
  now (`needs_human`/`human`, assigned to them: the current state, not the period's), replies they sent in the
  period, resolutions they made in the period."""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from pydantic import BaseModel, Field

from parley_conversations.daily_figures import DayFigures, Figures, Histogram, period_ids
from parley_conversations.operators import Operator
from parley_conversations.reasons import describe_handoff


class KeyCount(BaseModel):
    key: str
    count: int


class ReasonCount(BaseModel):
    key: str = Field(description="The handoff reason (`customer_asked`, `no_answer`, `low_confidence`, …).")
    label: str = Field(description="The reason in words operators read.")
    count: int


class Totals(BaseModel):
    conversations: int
    messages_in: int
    messages_out: int
    handoffs: int
    handoff_rate: float
    bot_answer_rate: float
    resolved: int


class DayChannel(BaseModel):
    day: str = Field(description="YYYY-MM-DD, in the business unit's time zone.")
    channel: str
    conversations: int
    messages: int


class Durations(BaseModel):
    p50: float | None = Field(description="Seconds; null without data.")
    p90: float | None = Field(description="Seconds; null without data.")
    count: int


class OperatorFigures(BaseModel):
    operator_id: str
    name: str
    open_threads: int
    replies: int
    resolved: int


class AnalyticsOut(BaseModel):
    tenant: str | None = Field(description="The business unit asked for (null: all of the caller's).")
    since: datetime = Field(description="The first day's midnight, in `time_zone` (the earliest unit's if mixed).")
    until: datetime
    time_zone: str | None = Field(
        description="The time zone the days are counted in (the units' `time_zone`); null when the units added up "
        "count their days in different zones."
    )
    totals: Totals
    per_day: list[DayChannel]
    languages: list[KeyCount]
    sentiment: list[KeyCount]
    categories: list[KeyCount]
    handoff_reasons: list[ReasonCount]
    first_response_seconds: Durations
    resolution_seconds: Durations
    operators: list[OperatorFigures]


@dataclass(frozen=True)
class Period:
    """Which documents make the period: each unit's own days, from its midnight."""

    since: datetime
    time_zone: str | None
    document_ids: list[str]


def period(until: datetime, days: int, zones: Mapping[str, ZoneInfo], partitions: int) -> Period:
    """The unit's day of `until` and the `days - 1` before it, for each unit (`zones`: its time zone)."""
    ids: list[str] = []
    starts: list[datetime] = []
    for tenant, zone in zones.items():
        today = until.astimezone(zone).date()
        first = today - timedelta(days=days - 1)
        ids += period_ids([tenant], [(first + timedelta(days=n)).isoformat() for n in range(days)], partitions)
        starts.append(datetime.combine(first, time(), zone))
    names = {zone.key for zone in zones.values()}
    time_zone = names.pop() if len(names) == 1 else None
    if not starts:  # no business unit: an empty period of UTC days
        starts.append(datetime.combine(until.astimezone(UTC).date() - timedelta(days=days - 1), time(), UTC))
        time_zone = "UTC"
    since = min(starts)
    return Period(since=since if time_zone else since.astimezone(UTC), time_zone=time_zone, document_ids=ids)


def ranked(counter: Mapping[str, int]) -> list[KeyCount]:
    """Most frequent first; ties by key, so the order is stable."""
    return [KeyCount(key=k, count=n) for k, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])) if n]


def durations(histogram: Histogram) -> Durations:
    return Durations(p50=histogram.quantile(0.5), p90=histogram.quantile(0.9), count=histogram.total)


def report(
    tenant: str | None,
    period: Period,
    until: datetime,
    documents: Iterable[DayFigures],
    operators: Iterable[Operator],
    held: Mapping[str, int],
) -> AnalyticsOut:
    """The period's documents (every partition's, any order) added up; `held`: threads each operator holds now."""
    total = Figures()
    conversations: Counter[tuple[str, str]] = Counter()
    messages: Counter[tuple[str, str]] = Counter()
    for document in documents:
        figures = document.figures
        total.merge(figures)
        for channel, n in figures.conversations.items():
            conversations[(document.day, channel)] += n
        for channel, n in (figures.messages_in + figures.messages_out).items():
            messages[(document.day, channel)] += n
    created = total.conversations.total()
    handoffs = total.handoffs.total()
    return AnalyticsOut(
        tenant=tenant,
        since=period.since,
        until=until,
        time_zone=period.time_zone,
        totals=Totals(
            conversations=created,
            messages_in=total.messages_in.total(),
            messages_out=total.messages_out.total(),
            handoffs=handoffs,
            handoff_rate=round(handoffs / created, 4) if created else 0.0,
            bot_answer_rate=round(total.answered / total.analysed, 4) if total.analysed else 0.0,
            resolved=total.resolved,
        ),
        per_day=[
            DayChannel(day=d, channel=c, conversations=conversations[(d, c)], messages=messages[(d, c)])
            for d, c in sorted(set(conversations) | set(messages))
        ],
        languages=ranked(total.languages),
        sentiment=ranked(total.sentiment),
        categories=ranked(total.categories),
        handoff_reasons=[
            ReasonCount(key=r.key, label=describe_handoff(r.key), count=r.count) for r in ranked(total.handoffs)
        ],
        first_response_seconds=durations(total.first_response),
        resolution_seconds=durations(total.resolution),
        operators=_operators(total, operators, held),
    )


def _operators(total: Figures, known: Iterable[Operator], held: Mapping[str, int]) -> list[OperatorFigures]:
    names = dict(total.names) | {o.id: o.name for o in known}
    ids = set(names) | {i for i, n in held.items() if n} | set(total.replies_by) | set(total.resolved_by)
    rows = [
        OperatorFigures(
            operator_id=i,
            name=names.get(i, i),
            open_threads=held.get(i, 0),
            replies=total.replies_by[i],
            resolved=total.resolved_by[i],
        )
        for i in ids
    ]
    return sorted(rows, key=lambda r: (r.name.lower(), r.operator_id))
