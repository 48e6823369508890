"""Recorded traffic, in memory: what Parley sent to the providers and what the sandbox posted to Parley,
plus the files Parley uploaded (the provider's media storage).

Bounded (oldest records fall off) so a long run cannot exhaust memory, and guarded by an asyncio lock so
concurrent handlers always see a consistent snapshot. Channel-agnostic: every record names its channel.
"""

import asyncio
import itertools
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

DeliveryKind = Literal["message", "status", "raw"]
# Recorded provider calls that are not messages to a customer: WhatsApp mark-as-read and media uploads.
NOT_MESSAGES = ("read", "upload")
# Uploaded files are also bounded by their total size: a few 100 MB documents must not exhaust memory.
MEDIA_MAX_BYTES = 512 * 1024 * 1024
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class ProviderRequest:
    """One call Parley made to a provider API (accepted or rejected)."""

    seq: int
    time: float
    channel: str
    account_id: str  # the provider-side sender: WhatsApp phone_number_id, Telegram bot, ...
    to: str | None
    type: str | None  # message type; "read" for WhatsApp mark-as-read
    body: Any  # the parsed JSON body (the raw text if it was not JSON)
    status_code: int
    message_id: str | None  # the provider message id we returned, if accepted (a media id for an upload)
    error: dict[str, Any] | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # what the provider resolved (media, rendered template)

    @property
    def accepted(self) -> bool:
        return self.status_code == 200


@dataclass(frozen=True, slots=True)
class WebhookDelivery:
    """One webhook POST the sandbox made to Parley's ingest (a customer message, a status, a raw body)."""

    seq: int
    time: float
    channel: str
    kind: DeliveryKind
    url: str
    body: bytes  # the exact bytes posted (and signed)
    headers: dict[str, str]
    contact_id: str | None  # the customer this delivery concerns (wa_id)
    message_id: str | None  # the provider message id it carries
    ingest_status: int | None  # None: ingest was unreachable
    ingest_body: str | None
    error: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # small extras (customer name, status value, ...)


class TrafficStore:
    def __init__(self, max_records: int = 10_000, clock: Callable[[], float] = time.time) -> None:
        self._requests: deque[ProviderRequest] = deque(maxlen=max_records)
        self._deliveries: deque[WebhookDelivery] = deque(maxlen=max_records)
        self._lock = asyncio.Lock()
        # One sequence across both kinds of record: a total order for transcripts, even within a clock tick.
        self._seq = itertools.count(1)
        self._clock = clock

    async def add_request(self, **fields: Any) -> ProviderRequest:
        async with self._lock:
            record = ProviderRequest(seq=next(self._seq), time=self._clock(), **fields)
            self._requests.append(record)
            return record

    async def add_delivery(self, **fields: Any) -> WebhookDelivery:
        async with self._lock:
            record = WebhookDelivery(seq=next(self._seq), time=self._clock(), **fields)
            self._deliveries.append(record)
            return record

    async def requests(
        self,
        channel: str | None = None,
        to: str | None = None,
        include_rejected: bool = False,
    ) -> list[ProviderRequest]:
        async with self._lock:
            snapshot = list(self._requests)
        return [
            r
            for r in snapshot
            if (channel is None or r.channel == channel)
            and (to is None or r.to == to)
            and (include_rejected or r.accepted)
        ]

    async def deliveries(
        self,
        channel: str | None = None,
        kind: DeliveryKind | None = None,
        contact_id: str | None = None,
    ) -> list[WebhookDelivery]:
        async with self._lock:
            snapshot = list(self._deliveries)
        return [
            d
            for d in snapshot
            if (channel is None or d.channel == channel)
            and (kind is None or d.kind == kind)
            and (contact_id is None or d.contact_id == contact_id)
        ]

    async def first_delivery(self, channel: str, kind: DeliveryKind, message_id: str) -> WebhookDelivery | None:
        async with self._lock:
            return _first(
                d for d in self._deliveries if d.channel == channel and d.kind == kind and d.message_id == message_id
            )

    async def sent_message(self, channel: str, message_id: str) -> ProviderRequest | None:
        """The accepted send that was answered with `message_id` (not a mark-as-read naming it, nor an upload)."""
        async with self._lock:
            return _first(
                r
                for r in self._requests
                if r.channel == channel and r.message_id == message_id and r.accepted and r.type not in NOT_MESSAGES
            )

    async def clear_requests(self, channel: str | None = None) -> int:
        async with self._lock:
            kept = [r for r in self._requests if channel is not None and r.channel != channel]
            removed = len(self._requests) - len(kept)
            self._requests.clear()
            self._requests.extend(kept)
            return removed

    async def clear_deliveries(self, channel: str | None = None) -> int:
        async with self._lock:
            kept = [d for d in self._deliveries if channel is not None and d.channel != channel]
            removed = len(self._deliveries) - len(kept)
            self._deliveries.clear()
            self._deliveries.extend(kept)
            return removed


@dataclass(frozen=True, slots=True)
class StoredMedia:
    """One file Parley uploaded to a provider (WhatsApp `POST /{phone_number_id}/media`)."""

    id: str
    time: float
    channel: str
    account_id: str  # the sender it was uploaded for
    kind: str  # image, audio, video, document, sticker
    mime_type: str
    filename: str | None
    data: bytes
    sha256: str  # hex digest of `data`, as the provider reports it

    @property
    def size(self) -> int:
        return len(self.data)


class MediaStore:
    """Uploaded files by id, oldest evicted first once there are more than `max_items` or `max_bytes` in all.

    Not cleared with the recordings: a media id stays valid for sends, as on the provider, until evicted.
    """

    def __init__(
        self, max_items: int = 10_000, max_bytes: int = MEDIA_MAX_BYTES, clock: Callable[[], float] = time.time
    ) -> None:
        self._items: OrderedDict[str, StoredMedia] = OrderedDict()
        self._bytes = 0
        self._max_items = max_items
        self._max_bytes = max_bytes
        self._lock = asyncio.Lock()
        self._clock = clock

    async def add(self, **fields: Any) -> StoredMedia:
        async with self._lock:
            media = StoredMedia(time=self._clock(), **fields)
            self._items[media.id] = media
            self._bytes += media.size
            # The newest file always stays, even alone over the budget: its upload was answered with its id.
            while len(self._items) > 1 and (len(self._items) > self._max_items or self._bytes > self._max_bytes):
                _, evicted = self._items.popitem(last=False)
                self._bytes -= evicted.size
            return media

    async def get(self, media_id: str) -> StoredMedia | None:
        async with self._lock:
            return self._items.get(media_id)


def _first(items: Iterable[_T]) -> _T | None:
    return next(iter(items), None)
