"""What a request handler gets: settings, the publisher and its health, the connected channel accounts, the
duplicate memory, the rate limiter, a bounded body reader, and publishing with a deadline."""

import asyncio
from dataclasses import dataclass, field
from typing import Annotated, NoReturn

import structlog
from fastapi import Depends, HTTPException, Request, status

from parley_business.channel_account_store import AccountLookup
from parley_contracts import MESSAGE_RECEIVED, Channel, DeadLetter, MessageReceived
from parley_ingest.delivery import Delivery, TenantFor
from parley_ingest.health import PublishHealth
from parley_ingest.publisher import EventPublisher, PublishFailed
from parley_ingest.recent import RecentIds
from parley_ingest.settings import IngestSettings
from parley_ingest.sizing import InboundEvent, SizeLimits
from parley_runtime.deadletters import as_json_or_text
from parley_runtime.ratelimit import TokenBuckets

log = structlog.get_logger()

# A hint only: Meta retries on its own schedule, other senders may honour it. About as long as a broker's
# leader election or a restart takes.
UNAVAILABLE_RETRY_AFTER_SECONDS = 5


@dataclass
class IngestContext:
    settings: IngestSettings
    publisher: EventPublisher
    accounts: AccountLookup
    recent: RecentIds = field(default_factory=RecentIds)
    limiter: TokenBuckets = field(init=False)
    health: PublishHealth = field(init=False)

    def __post_init__(self) -> None:
        self.limiter = TokenBuckets(self.settings.rate_limit_per_second, self.settings.rate_limit_burst)
        self.health = PublishHealth(self.publisher.reachable)

    @property
    def size_limits(self) -> SizeLimits:
        return SizeLimits(self.settings.text_limit_chars, self.settings.event_limit_bytes)

    async def read_body(self, request: Request) -> bytes:
        """The raw body (signatures are over the exact bytes), refused past the size limit as it streams in: never
        more than `max_body_bytes` is held, whatever Content-Length says (or whether it is sent at all)."""
        limit = self.settings.max_body_bytes
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            _too_large(limit, declared=int(declared))
        body = bytearray()
        async for chunk in request.stream():
            if len(body) + len(chunk) > limit:
                _too_large(limit, declared=None)
            body += chunk
        return bytes(body)

    def check_rate(self, request: Request) -> None:
        """429 with Retry-After once the client address's bucket is empty, logged once per address every few
        seconds with the count of refusals (see `ratelimit`)."""
        address = request.client.host if request.client else "unknown"
        verdict = self.limiter.take(address)
        if verdict.allowed:
            return
        if verdict.report:
            log.warning(
                "webhook.rate_limited",
                address=address,
                refused=verdict.report,
                retry_after=verdict.retry_after_seconds,
            )
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            "too many requests from this address: retry later",
            headers={"Retry-After": str(verdict.retry_after_seconds)},
        )

    async def tenant_for(self, channel: Channel) -> TenantFor:
        """Which business unit each of the channel's accounts belongs to (cached by the store)."""
        return (await self.accounts.directory(channel)).get

    async def accept(self, channel: Channel, delivery: Delivery, raw: bytes) -> None:
        """Log what was skipped or repaired, keep a delivery for accounts nobody connected as a dead letter, and
        publish the events: all acknowledged, or a 503 (see `publish_all`)."""
        for note in delivery.notes:
            log.warning(
                f"webhook.item_{note.outcome}", channel=channel, where=note.where, item_id=note.item_id, what=note.what
            )
        if delivery.unconnected:
            await self.refuse_unconnected(channel, delivery.unconnected, raw)
        await self.publish_all(delivery.events)

    async def refuse_unconnected(self, channel: Channel, account_ids: list[str], raw: bytes) -> None:
        """A delivery for accounts no business unit connected is not published to any conversation: its whole
        body is kept on `message.received.dlq`, where admins see it (not redrivable: once the account is
        connected, the provider's next deliveries flow)."""
        error = f"{channel} account(s) {', '.join(account_ids)} not connected to a business unit"
        letter = DeadLetter(
            source_topic=MESSAGE_RECEIVED,
            service="ingest",
            key=f"{channel}:{account_ids[0]}",
            original=as_json_or_text(raw),
            error=error,
            redrivable=False,
        )
        try:
            async with asyncio.timeout(self.settings.publish_timeout_seconds):
                await self.publisher.publish_dead_letter(letter)
        except (TimeoutError, PublishFailed) as exc:
            raise _unavailable(str(exc) or "no acknowledgement in time", 1) from exc
        log.error("webhook.unconnected_account", channel=channel, accounts=account_ids, letter_id=letter.event_id)

    async def publish_all(self, events: list[InboundEvent]) -> None:
        """Every event of a delivery, in order, acknowledged (acks=all) within `publish_timeout_seconds`, or a 503
        with Retry-After: Meta retries the whole delivery, for up to 7 days. A send that completes after the
        deadline is harmless, since the router deduplicates by `dedupe_key`; one not acknowledged is never
        answered 200."""
        try:
            async with asyncio.timeout(self.settings.publish_timeout_seconds):
                published = [event for event in events if await self._publish(event)]
        except (TimeoutError, PublishFailed) as exc:
            self.health.published(ok=False)
            reason = str(exc) if isinstance(exc, PublishFailed) else "no acknowledgement in time"
            raise _unavailable(reason, len(events), self.settings.publish_timeout_seconds) from exc
        if published:
            self.health.published(ok=True)

    async def _publish(self, event: InboundEvent) -> bool:
        """False for a message this replica already published (a provider's retry): see `RecentIds`."""
        if isinstance(event, MessageReceived) and event.dedupe_key in self.recent:
            log.info("webhook.duplicate_skipped", dedupe_key=event.dedupe_key)
            return False
        await self.publisher.publish(event)
        if isinstance(event, MessageReceived):
            self.recent.add(event.dedupe_key)
        log.info("webhook.accepted", event_id=event.event_id, thread_key=event.thread_key, topic=event.topic)
        return True


def _unavailable(reason: str, events: int, timeout: float | None = None) -> HTTPException:
    log.warning("webhook.publish_failed", reason=reason, events=events, timeout=timeout)
    return HTTPException(
        status.HTTP_503_SERVICE_UNAVAILABLE,
        "the event broker did not acknowledge the delivery: retry later",
        headers={"Retry-After": str(UNAVAILABLE_RETRY_AFTER_SECONDS)},
    )


def _too_large(limit: int, declared: int | None) -> NoReturn:
    log.warning("webhook.too_large", limit=limit, declared=declared)
    raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, f"body exceeds {limit} bytes")


async def get_ingest(request: Request) -> IngestContext:
    # async on purpose: a sync dependency runs in the thread pool, and that hop capped ingest at ~115 req/s.
    return request.app.state.ingest


Ingest = Annotated[IngestContext, Depends(get_ingest)]


async def rate_limited(request: Request, ingest: Ingest) -> None:
    """A dependency of the routes FastAPI serves (Meta's verification GETs); the delivery routes are limited by
    the lane."""
    ingest.check_rate(request)
