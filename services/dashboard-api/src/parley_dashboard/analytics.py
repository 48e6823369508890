"""The figures of `GET /api/analytics`, computed in one streaming pass over a period's threads and one over its
messages (routes/analytics.py reads them; this module only counts). Pure: no database, no clock.

Rows are the projections the route asks for (plain dicts as PyMongo returns them): a thread's `_id`, `tenant`,
`channel`, `created_at`, `status`, `assignee`; a message's `_id`, `thread_key`, `channel`, `direction`,
`author`, `author_id`, `author_name`, `at`, `text`, `in_reply_to`, `analysis` (language, sentiment label,
category, the suggested reply's text) and `data.transition` (the status change an activity note records,
parley_router.step). Rows may come in any order: the route does not sort (MongoDB would have to sort a whole
period in memory, and FerretDB sorts after reading everything anyway).

Definitions (also in the route's docstring, which is what the OpenAPI document shows):
- conversations: threads created in the period; per day (UTC) and channel by their creation.
- messages_in / messages_out: customer messages / bot and operator messages in the period (system notes are not
  messages); per day (UTC) and channel by the message's time.
- languages, sentiment, categories: over the period's customer messages that have an analysis.
- handoffs: threads that went to `needs_human` in the period (a transition recorded in the timeline: the bot
  stepping aside, or a person sending a bot thread to the team), once per thread; `handoff_reasons` counts each
  such thread under the reason of its first handoff in the period (a bot handoff's reason; `operator` when a
  person did it). handoff_rate = handoffs / conversations (a thread created before the period and handed off in
  it counts as a handoff: the rate may exceed 1 for short periods).
- bot_answer_rate: customer messages the bot answered itself (its reply in answer to the message is the
  analysis's suggested reply; a "a person will answer you" or "starting over" message is not an answer) /
  customer messages analysed in the period.
- resolved: threads that became `resolved` in the period (by a person, an integration, or the idle timeout).
- first_response_seconds: per thread created in the period, from its first customer message to the first
  message of the bot or an operator after it.
- resolution_seconds: per thread created in the period and resolved in it, from its creation to its first
  resolution.
- operators: per operator of the business units in scope (and anyone else who acted in them): threads they hold
  now (`needs_human`/`human`, assigned to them: the current state, not the period's), replies they sent in the
  period, threads they resolved in the period."""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, Field

from parley_contracts import ThreadStatus
from parley_conversations.operators import Operator
from parley_conversations.reasons import describe_handoff

_WITH_PEOPLE = {str(ThreadStatus.NEEDS_HUMAN), str(ThreadStatus.HUMAN)}
_NEEDS_HUMAN = str(ThreadStatus.NEEDS_HUMAN)
_RESOLVED = str(ThreadStatus.RESOLVED)
# What a person sending a thread to the team (not the bot stepping aside) is counted under (data/reasons.json).
PEOPLE_HANDOFF = "operator"
UNKNOWN = "unknown"

# The fields each pass reads: kept small, the passes stream whole periods.
THREAD_FIELDS = {"tenant": 1, "channel": 1, "created_at": 1, "status": 1, "assignee": 1}
MESSAGE_FIELDS = {
    "thread_key": 1,
    "channel": 1,
    "direction": 1,
    "author": 1,
    "author_id": 1,
    "author_name": 1,
    "at": 1,
    "text": 1,
    "in_reply_to": 1,
    "analysis": 1,  # stored packed, projected whole (parley_conversations.documents.PACKED_MESSAGE_FIELDS)
    "data.transition": 1,
}


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
    day: str = Field(description="YYYY-MM-DD (UTC).")
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
    since: datetime
    until: datetime
    totals: Totals
    per_day: list[DayChannel]
    languages: list[KeyCount]
    sentiment: list[KeyCount]
    categories: list[KeyCount]
    handoff_reasons: list[ReasonCount]
    first_response_seconds: Durations
    resolution_seconds: Durations
    operators: list[OperatorFigures]


def percentile(values: list[float], q: float) -> float | None:
    """The q-th quantile (0–1) with linear interpolation between closest ranks (numpy's default); None if empty."""
    if not values:
        return None
    ordered = sorted(values)
    rank = q * (len(ordered) - 1)
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return round(ordered[low] + (ordered[high] - ordered[low]) * (rank - low), 3)


def durations(values: list[float]) -> Durations:
    return Durations(p50=percentile(values, 0.5), p90=percentile(values, 0.9), count=len(values))


def ranked(counter: Counter[str]) -> list[KeyCount]:
    """Most frequent first; ties by key, so the order is stable."""
    return [KeyCount(key=k, count=n) for k, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]


def _utc(value: Any) -> datetime | None:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if not isinstance(value, datetime):
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _day(at: datetime) -> str:
    return at.astimezone(UTC).date().isoformat()


def _get(doc: Mapping[str, Any], *path: str) -> Any:
    value: Any = doc
    for key in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value


@dataclass
class _Thread:
    """What the message pass needs to know about a thread created in the period."""

    created_at: datetime
    first_in: datetime | None = None
    replies: list[datetime] = field(default_factory=list)  # bot and operator messages (the first one after
    # the customer's first message is known only once every row was seen)
    resolved_at: datetime | None = None

    def first_response(self) -> float | None:
        if self.first_in is None:
            return None
        first_in = self.first_in
        after = [at for at in self.replies if at >= first_in]
        return (min(after) - first_in).total_seconds() if after else None


@dataclass
class Tally:
    """Feed it `add_thread` for every thread row, then `add_message` for every message row (any order), then
    `report`. Memory: a few fields per thread created in the period (and the times of its replies), and a hash
    per analysed customer message or bot reply still waiting for its other half."""

    since: datetime
    until: datetime
    _threads: dict[str, _Thread] = field(default_factory=dict)
    _conversations: Counter[tuple[str, str]] = field(default_factory=Counter)
    _messages: Counter[tuple[str, str]] = field(default_factory=Counter)
    _messages_in: int = 0
    _messages_out: int = 0
    _languages: Counter[str] = field(default_factory=Counter)
    _sentiment: Counter[str] = field(default_factory=Counter)
    _categories: Counter[str] = field(default_factory=Counter)
    _analysed: int = 0
    # The bot answered a message itself when its reply to it is the analysis's suggestion: whichever of the two
    # comes first waits here (message id → hash of the text) for the other.
    _suggested: dict[str, int] = field(default_factory=dict)
    _bot_replies: dict[str, int] = field(default_factory=dict)
    _answered: int = 0
    _handoffs: dict[str, tuple[datetime, str]] = field(default_factory=dict)  # thread → its first handoff: when, why
    _resolved: set[str] = field(default_factory=set)
    _open: Counter[str] = field(default_factory=Counter)
    _replies: Counter[str] = field(default_factory=Counter)
    _resolved_by: dict[str, set[str]] = field(default_factory=dict)
    _names: dict[str, str] = field(default_factory=dict)

    def _in_period(self, at: datetime) -> bool:
        return self.since <= at < self.until

    # --- the threads pass -------------------------------------------------------------------------------------

    def add_thread(self, doc: Mapping[str, Any]) -> None:
        created = _utc(doc.get("created_at"))
        if created is not None and self._in_period(created):
            self._threads[str(doc["_id"])] = _Thread(created_at=created)
            self._conversations[(_day(created), str(doc.get("channel", UNKNOWN)))] += 1
        assignee = _get(doc, "assignee", "id")
        if assignee and doc.get("status") in _WITH_PEOPLE:
            self._open[str(assignee)] += 1
            if name := _get(doc, "assignee", "name"):
                self._names.setdefault(str(assignee), str(name))

    # --- the messages pass ------------------------------------------------------------------------------------

    def add_message(self, doc: Mapping[str, Any]) -> None:
        at = _utc(doc.get("at"))
        if at is None or not self._in_period(at):
            return
        direction, author = doc.get("direction"), doc.get("author")
        thread_key = str(doc.get("thread_key", ""))
        if direction == "internal":
            transition = _get(doc, "data", "transition")
            if isinstance(transition, Mapping):
                self._transition(thread_key, transition, at)
            return
        self._messages[(_day(at), str(doc.get("channel", UNKNOWN)))] += 1
        thread = self._threads.get(thread_key)
        if direction == "in":
            self._messages_in += 1
            self._customer_message(doc)
            if thread is not None and (thread.first_in is None or at < thread.first_in):
                thread.first_in = at
            return
        self._messages_out += 1
        if thread is not None:
            thread.replies.append(at)
        if author == "operator" and (operator_id := doc.get("author_id")):
            self._replies[str(operator_id)] += 1
            if name := doc.get("author_name"):
                self._names.setdefault(str(operator_id), str(name))
        elif author == "bot" and (answered := doc.get("in_reply_to")):
            self._bot_reply(str(answered), hash(doc.get("text") or ""))

    def _customer_message(self, doc: Mapping[str, Any]) -> None:
        analysis = doc.get("analysis")
        if not isinstance(analysis, Mapping):
            return
        self._analysed += 1
        self._languages[str(analysis.get("language") or "und")] += 1
        self._sentiment[str(_get(analysis, "sentiment", "label") or "neutral")] += 1
        self._categories[str(analysis.get("category") or UNKNOWN)] += 1
        if suggested := _get(analysis, "reply", "text"):
            self._suggestion(str(doc["_id"]), hash(suggested))

    def _suggestion(self, message_id: str, text: int) -> None:
        reply = self._bot_replies.pop(message_id, None)
        if reply is None:
            self._suggested[message_id] = text
        elif reply == text:
            self._answered += 1

    def _bot_reply(self, message_id: str, text: int) -> None:
        suggestion = self._suggested.pop(message_id, None)
        if suggestion is None:
            self._bot_replies[message_id] = text
        elif suggestion == text:
            self._answered += 1

    def _transition(self, thread_key: str, transition: Mapping[str, Any], noted_at: datetime) -> None:
        to_status, from_status = transition.get("to_status"), transition.get("from_status")
        at = _utc(transition.get("at")) or noted_at
        if to_status == _NEEDS_HUMAN and from_status != _NEEDS_HUMAN:
            by_bot = transition.get("trigger") == "handoff"
            reason = str(transition.get("reason") or UNKNOWN) if by_bot else PEOPLE_HANDOFF
            earlier = self._handoffs.get(thread_key)
            if earlier is None or at < earlier[0]:
                self._handoffs[thread_key] = (at, reason)
        if to_status == _RESOLVED and from_status != _RESOLVED:
            self._resolved.add(thread_key)
            thread = self._threads.get(thread_key)
            if thread is not None and (thread.resolved_at is None or at < thread.resolved_at):
                thread.resolved_at = at
            actor = transition.get("actor")
            if isinstance(actor, Mapping) and actor.get("kind") == "operator" and actor.get("id"):
                self._resolved_by.setdefault(str(actor["id"]), set()).add(thread_key)
                if actor.get("name"):
                    self._names.setdefault(str(actor["id"]), str(actor["name"]))

    # --- the answer -------------------------------------------------------------------------------------------

    def report(self, tenant: str | None, operators: Iterable[Operator]) -> AnalyticsOut:
        conversations = sum(self._conversations.values())
        handoffs = len(self._handoffs)
        reasons: Counter[str] = Counter(reason for _, reason in self._handoffs.values())
        days = sorted(set(self._conversations) | set(self._messages))
        first = [s for t in self._threads.values() if (s := t.first_response()) is not None]
        resolution = [
            (t.resolved_at - t.created_at).total_seconds() for t in self._threads.values() if t.resolved_at is not None
        ]
        return AnalyticsOut(
            tenant=tenant,
            since=self.since,
            until=self.until,
            totals=Totals(
                conversations=conversations,
                messages_in=self._messages_in,
                messages_out=self._messages_out,
                handoffs=handoffs,
                handoff_rate=round(handoffs / conversations, 4) if conversations else 0.0,
                bot_answer_rate=round(self._answered / self._analysed, 4) if self._analysed else 0.0,
                resolved=len(self._resolved),
            ),
            per_day=[
                DayChannel(day=d, channel=c, conversations=self._conversations[(d, c)], messages=self._messages[(d, c)])
                for d, c in days
            ],
            languages=ranked(self._languages),
            sentiment=ranked(self._sentiment),
            categories=ranked(self._categories),
            handoff_reasons=[
                ReasonCount(key=r.key, label=describe_handoff(r.key), count=r.count) for r in ranked(reasons)
            ],
            first_response_seconds=durations(first),
            resolution_seconds=durations(resolution),
            operators=self._operators(operators),
        )

    def _operators(self, known: Iterable[Operator]) -> list[OperatorFigures]:
        names = dict(self._names) | {o.id: o.name for o in known}
        ids = set(names) | set(self._open) | set(self._replies) | set(self._resolved_by)
        rows = [
            OperatorFigures(
                operator_id=i,
                name=names.get(i, i),
                open_threads=self._open[i],
                replies=self._replies[i],
                resolved=len(self._resolved_by.get(i, ())),
            )
            for i in ids
        ]
        return sorted(rows, key=lambda r: (r.name.lower(), r.operator_id))
