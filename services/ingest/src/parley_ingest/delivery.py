"""What every channel's webhook parser shares: a delivery's events and notes, and the reader that walks a
provider's payload item by item. Pure: no I/O (the route logs the notes and publishes the events).

A provider retries a delivery it did not get a 200 for, whole. So a body is refused (`MalformedWebhook`, a 400
with the reason) only when it is not that provider's webhook at all, or when nothing in it is usable and
something is broken. Otherwise every item stands on its own, with a `Note` for the log:

- *invalid*: an item without what Parley needs is skipped; the rest of the delivery is published;
- *ignored*: a value this code does not know (a status the provider added later) is skipped; unknown is not
  invalid;
- *repaired*: a timestamp that is not plausible becomes the receipt time; a text over the limit is cut;
- *unconnected*: the item is for a channel account nobody connected to a business unit: the route keeps the
  whole body as a dead letter (`IngestContext.refuse_unconnected`) and the item is skipped."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, StringConstraints, ValidationError
from pydantic_core import to_json

from parley_ingest.sizing import InboundEvent, SizeLimits, TooLarge, fit
from parley_runtime.validation import summarize


def _digits_as_text(value: Any) -> Any:
    """Ids are strings of digits; a number is taken for its digits (a bool is not a number here)."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _json_as_text(value: Any) -> Any:
    """A button's id or payload is whatever the business put there: anything but text is kept as its JSON."""
    return value if value is None or isinstance(value, str) else to_json(value).decode()


Id = Annotated[str, BeforeValidator(_digits_as_text), StringConstraints(min_length=1)]
"""A provider's id, read as text whether it arrives as a string or a number."""
Payload = Annotated[str, BeforeValidator(_json_as_text)]
"""A button's id or payload, read as text (JSON for anything else)."""


class Lenient(BaseModel):
    """A provider object: only the fields Parley reads are declared; the rest is ignored, never refused."""

    model_config = ConfigDict(extra="ignore")


TenantFor = Callable[[str], str | None]
"""A channel account id → the business unit it is connected to; None when nobody connected it."""


class MalformedWebhook(ValueError):
    pass


Outcome = Literal["invalid", "ignored", "repaired", "unconnected"]


@dataclass(frozen=True)
class Note:
    """Something about one item of a delivery, for the log: where it is, the provider's id of the message or
    status when known, and what happened, in words that never quote what the customer wrote."""

    where: str
    what: str
    outcome: Outcome
    item_id: str | None = None


@dataclass
class Delivery:
    """What one webhook delivery holds for Parley: its events in payload order, the notes about the rest, and
    the channel accounts it names that nobody connected."""

    events: list[InboundEvent] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    unconnected: list[str] = field(default_factory=list)


M = TypeVar("M", bound=BaseModel)


@dataclass
class DeliveryReader:
    """One delivery being read: where each item is (for the notes), and what has been found so far. Each
    channel's parser subclasses it with the walk of its own payload."""

    tenant_for: TenantFor
    limits: SizeLimits
    received_at: datetime
    delivery: Delivery = field(default_factory=Delivery)

    def note(self, where: str, what: str, outcome: Outcome, item_id: str | None = None) -> None:
        self.delivery.notes.append(Note(where, what, outcome, item_id))

    def one(self, item: Any, model: type[M], where: str) -> M | None:
        try:
            return model.model_validate(item)
        except ValidationError as exc:
            self.note(where, summarize(exc), "invalid")
            return None

    def each(self, items: Any, model: type[M], where: str) -> Iterator[tuple[str, M]]:
        """The items that are a `model`, with their place; the others are noted as invalid, and so is `items`
        if it is not a list (absent is empty)."""
        if items is None:
            return
        if not isinstance(items, list):
            self.note(where, f"should be a list, not {type(items).__name__}", "invalid")
            return
        for index, item in enumerate(items):
            if (parsed := self.one(item, model, f"{where}[{index}]")) is not None:
                yield f"{where}[{index}]", parsed

    def unconnected(self, where: str, account_id: str) -> None:
        self.note(where, "channel account not connected to a business unit", "unconnected", account_id)
        if account_id not in self.delivery.unconnected:
            self.delivery.unconnected.append(account_id)

    def add(self, where: str, item_id: str, event: InboundEvent) -> None:
        """The event, once it fits the size limits (see `sizing`); noted as changed, or as invalid if it cannot."""
        try:
            fitted, changes = fit(event, self.limits)
        except TooLarge as exc:
            self.note(where, str(exc), "invalid", item_id)
            return
        for change in changes:
            self.note(where, change, "repaired", item_id)
        self.delivery.events.append(fitted)

    def when(self, raw: Any, where: str, item_id: str) -> datetime | None:
        """The provider's time; None (noted) when it is not plausible unix seconds: the receipt time stands in."""
        at = unix_time(raw, self.received_at)
        if at is None:
            self.note(where, "timestamp is not plausible unix seconds: the receipt time is used", "repaired", item_id)
        return at

    def finish(self) -> Delivery:
        """The delivery; `MalformedWebhook` when nothing in it is usable and something is invalid."""
        delivery = self.delivery
        invalid = [n for n in delivery.notes if n.outcome == "invalid"]
        if invalid and not delivery.events and not delivery.unconnected:
            raise MalformedWebhook("; ".join(f"{n.where}: {n.what}" for n in invalid[:5]))
        return delivery


def vocabulary(value: Any) -> str:
    """An unknown value of a provider's vocabulary, short enough for a log line; only its type if not text."""
    return repr(value[:40]) if isinstance(value, str) else f"of type {type(value).__name__}"


# Timestamps later than this past the receipt time are not believed (clocks differ, but not by days).
_CLOCK_SKEW = timedelta(days=1)
_MAX_DIGITS = 13  # unix milliseconds have 13 digits; seconds have 10 until the year 2286


def unix_time(raw: Any, received_at: datetime, *, milliseconds: bool = False) -> datetime | None:
    """Unix seconds (or milliseconds, as Messenger sends them) as a string of digits or a JSON number. None for
    anything else: non-numeric, negative or zero, later than a day past the receipt time, NaN, or too big."""
    value = int(raw) if isinstance(raw, str) and raw.isascii() and raw.isdigit() and len(raw) <= _MAX_DIGITS else raw
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    seconds = value / 1000 if milliseconds else value
    if not 0 < seconds <= (received_at + _CLOCK_SKEW).timestamp():  # False for NaN, and exact for huge ints
        return None
    return datetime.fromtimestamp(seconds, UTC)
