"""A business unit's figures of one of its days (midnight to midnight in its time zone), counted on write by the
router instance that owns a partition, and added up by `GET /api/analytics` (docs/adr/0015-analytics-counted-on-write.md).
The document's one definition (pure; `parley_conversations.daily_figures_store` reads and writes it).

One document per (business unit, day, partition), read and written by `_id` only: one partition has one
writer (the router instance that owns it), so a document has one writer, and a period of N days costs N × the
partition count reads by `_id` however much the store holds. Each document keeps, per input topic, the offset of
the last record it counted (`offsets`): a record processed again after a crash, whose figures were written before
its thread was, is not counted twice.

Durations are kept as histograms (`Histogram`: counts per bucket, about 12% wide), so a period's percentiles are
read from them, not from every thread. What no query reads inside (the figures, the offsets) is stored packed as
one value (docs/adr/0003-storage.md)."""

import bisect
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, tzinfo
from typing import Any

from pydantic import BaseModel, Field, PrivateAttr

from parley_runtime.packing import packed, unpacked

DAILY_FIGURES = "daily_figures"

# Bucket upper bounds in seconds: 0.5 s, then each 12.5% above the last, up to 90 days (about 150 buckets; one more
# holds anything longer). A percentile read from them is within half a bucket (6%) of the exact one.
_RATIO = 1.125
BOUNDS: tuple[float, ...] = tuple(0.5 * _RATIO**i for i in range(math.ceil(math.log(90 * 86400 / 0.5, _RATIO)) + 1))


class Histogram(BaseModel):
    """Counts of durations per bucket (`BOUNDS`), sparse: bucket index → count."""

    counts: dict[int, int] = Field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def add(self, seconds: float) -> None:
        index = bisect.bisect_left(BOUNDS, max(seconds, 0.0))
        self.counts[index] = self.counts.get(index, 0) + 1

    def merge(self, other: "Histogram") -> None:
        for index, n in other.counts.items():
            self.counts[index] = self.counts.get(index, 0) + n

    def quantile(self, q: float) -> float | None:
        """The q-th quantile (0–1), interpolated between closest ranks as numpy's default does, each value taken
        as spread evenly over its bucket; None without values."""
        total = self.total
        if not total:
            return None
        rank = q * (total - 1)
        low = self._value(math.floor(rank))
        high = self._value(math.ceil(rank))
        return round(low + (high - low) * (rank - math.floor(rank)), 3)

    def _value(self, rank: int) -> float:
        seen = 0
        for index in sorted(self.counts):
            n = self.counts[index]
            if rank < seen + n:
                lower = BOUNDS[index - 1] if index > 0 else 0.0
                if index >= len(BOUNDS):
                    return lower  # beyond the last bound: said as the bound
                return lower + (BOUNDS[index] - lower) * (rank - seen + 0.5) / n
            seen += n
        raise ValueError("rank beyond the histogram")


class Figures(BaseModel):
    """What one step, one document or a whole period adds up to. Counters by key (channel, language, reason,
    operator id); `names` are the operators' names as last seen."""

    conversations: Counter[str] = Field(default_factory=Counter, description="Threads created, by channel.")
    messages_in: Counter[str] = Field(default_factory=Counter, description="Customer messages, by channel.")
    messages_out: Counter[str] = Field(default_factory=Counter, description="Bot and operator messages, by channel.")
    analysed: int = 0
    answered: int = Field(default=0, description="Analysed messages the bot answered with the analysis's reply.")
    languages: Counter[str] = Field(default_factory=Counter)
    sentiment: Counter[str] = Field(default_factory=Counter)
    categories: Counter[str] = Field(default_factory=Counter)
    handoffs: Counter[str] = Field(default_factory=Counter, description="Times a thread went to people, by reason.")
    resolved: int = 0
    replies_by: Counter[str] = Field(default_factory=Counter, description="Operator replies, by operator id.")
    resolved_by: Counter[str] = Field(default_factory=Counter, description="Resolutions, by operator id.")
    names: dict[str, str] = Field(default_factory=dict)
    first_response: Histogram = Field(default_factory=Histogram)
    resolution: Histogram = Field(default_factory=Histogram)

    def merge(self, other: "Figures") -> None:
        for name in _COUNTERS:
            getattr(self, name).update(getattr(other, name))
        self.analysed += other.analysed
        self.answered += other.answered
        self.resolved += other.resolved
        self.names.update(other.names)
        self.first_response.merge(other.first_response)
        self.resolution.merge(other.resolution)

    def __bool__(self) -> bool:
        return self != Figures()


_COUNTERS = tuple(name for name, f in Figures.model_fields.items() if f.annotation == Counter[str])


def day_of(at: datetime, zone: tzinfo = UTC) -> str:
    """YYYY-MM-DD, the day of a time in a business unit's time zone (a naive time is taken as UTC, as BSON dates
    are)."""
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(zone).date().isoformat()


def figures_id(tenant: str, day: str, partition: int) -> str:
    return f"{tenant}/{day}/{partition}"


class DayFigures(BaseModel):
    """One document: a business unit's day as one partition counted it, and where its counting stands."""

    tenant: str
    day: str
    partition: int
    offsets: dict[str, int] = Field(default_factory=dict, description="Per topic, the last offset counted.")
    figures: Figures = Field(default_factory=Figures)
    _counted: set[tuple[str, int]] = PrivateAttr(default_factory=set)  # counted since the document was read

    @property
    def id(self) -> str:
        return figures_id(self.tenant, self.day, self.partition)

    def count(self, topic: str | None, offset: int | None, figures: Figures) -> bool:
        """Add a record's figures, unless this document counted that record before (False). The records of a batch
        are counted out of order (threads side by side), so the offsets move on only when the batch is written
        (`settle`)."""
        if topic is not None and offset is not None:
            if offset <= self.offsets.get(topic, -1) or (topic, offset) in self._counted:
                return False
            self._counted.add((topic, offset))
        self.figures.merge(figures)
        return True

    def settle(self) -> None:
        """Before the document is written: its offsets move on to the last record counted since it was read."""
        for topic, offset in self._counted:
            self.offsets[topic] = max(offset, self.offsets.get(topic, -1))
        self._counted.clear()

    def to_document(self) -> dict[str, Any]:
        return {
            "_id": self.id,
            "tenant": self.tenant,
            "day": self.day,
            "partition": self.partition,
            "offsets": packed(self.offsets),
            "figures": packed(self.figures.model_dump(mode="json", exclude_defaults=True)),
        }

    @classmethod
    def from_document(cls, doc: Mapping[str, Any]) -> "DayFigures":
        return cls(
            tenant=doc["tenant"],
            day=doc["day"],
            partition=doc["partition"],
            offsets=unpacked(doc.get("offsets")) or {},
            figures=Figures.model_validate(unpacked(doc.get("figures")) or {}),
        )


def period_ids(tenants: Iterable[str], days: Iterable[str], partitions: int) -> list[str]:
    return [figures_id(t, d, p) for t in tenants for d in days for p in range(partitions)]
