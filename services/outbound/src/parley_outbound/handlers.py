"""Outbound's processing step and its retry loop: deliver each `message.send` through its channel as the parts
the channel plans (text, each attachment, or a template), each part once per send_id, with a `message.status`
per part sent (or one `failed`).

A send is tried once when its record arrives. If the channel fails in a way that may pass (5xx, 429,
timeouts), the send is parked in the ledger and retried with backoff by the loop, until the retry horizon
(`SEND_RETRY_HORIZON_SECONDS`, from its first attempt) passes; meanwhile the consumer goes on with other
threads, and later sends of the same thread wait behind it, in order. Past the horizon, or on a failure that
cannot pass, the send is given up: `failed` (the router hands the thread to a person) and a dead letter,
which an operator can redrive (docs/adr/0005-failure-policy.md)."""

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

import structlog
from aiokafka.abc import ConsumerRebalanceListener
from aiokafka.structs import TopicPartition
from faststream.kafka import KafkaBroker

from parley_business.channel_account_store import AccountLookup
from parley_business.channel_accounts import ChannelAccount
from parley_contracts import Channel, DeliveryState, MessageSend, MessageStatus
from parley_outbound.channels.base import ChannelSender, Part, PermanentSendError, RetryableSendError
from parley_outbound.ledger import Progress, SendLedger, SendState
from parley_outbound.media import MediaFiles
from parley_outbound.parking import Parked, ParkingLot
from parley_outbound.retry import next_attempt_at
from parley_runtime.deadletters import send_to_dead_letters
from parley_runtime.kafka import publish
from parley_runtime.steps import current_partition

log = structlog.get_logger()


@dataclass(frozen=True)
class Sending:
    """A channel's adapter and the account it acts as."""

    sender: ChannelSender
    account: ChannelAccount


@dataclass(frozen=True)
class RetryPolicy:
    horizon_seconds: float
    backoff_base: float
    backoff_cap: float


class OutboundHandlers:
    def __init__(
        self,
        broker: KafkaBroker,
        ledger: SendLedger,
        senders: Mapping[Channel, ChannelSender],
        accounts: AccountLookup,
        media: MediaFiles,
        policy: RetryPolicy,
        *,
        parking: ParkingLot | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._broker = broker
        self._ledger = ledger
        self._senders = senders
        self._accounts = accounts
        self._media = media
        self._policy = policy
        self.parking = parking if parking is not None else ParkingLot()
        self._now = now

    async def deliver(self, message: MessageSend) -> None:
        """The consumer step for `message.send`."""
        await self.parking.loaded.wait()
        previous = await self._ledger.claim(message, current_partition())
        if previous is not None:
            if previous.state == SendState.FAILED and message.redrive > previous.redrive:
                await self._ledger.reopen(message.send_id, message.redrive)
                log.info("outbound.redriven", send_id=message.send_id, redrive=message.redrive)
            elif previous.state == SendState.FAILED:
                log.info("outbound.already_failed", send_id=message.send_id)
                return
            else:
                # Parts sent before a crash or rebalance are never sent again; their statuses are announced again,
                # in case the crash came first (idempotent downstream).
                for provider_id in previous.progress.provider_message_ids:
                    await self._announce(message, DeliveryState.SENT, provider_id, previous.attempts)
                if previous.state == SendState.SENT:
                    log.info("outbound.already_sent", send_id=message.send_id)
                    return
                if previous.state == SendState.WAITING:  # parked before a crash: the loop takes it from here
                    self.parking.park(Parked(message, current_partition(), previous.retry_at))
                    return
        if self.parking.holds(message.thread_key):
            # An earlier send of this thread is waiting for a retry: this one goes after it, never before.
            await self._ledger.park(message.send_id, None, 0, None, None)
            self.parking.park(Parked(message, current_partition(), None))
            log.info("outbound.queued_behind", send_id=message.send_id)
            return
        parked = await self.attempt(message, claimed_now=previous is None)
        if parked is not None:
            self.parking.park(parked)

    async def attempt(self, message: MessageSend, *, claimed_now: bool = False) -> Parked | None:
        """One try of a send (resuming at the first part not sent); a Parked when it should be tried again.
        `claimed_now`: the ledger entry was just created, so there is nothing in it to read."""
        entry = None if claimed_now else await self._ledger.entry(message.send_id)
        progress = entry.progress if entry else Progress()
        attempt = (entry.attempts if entry else 0) + 1
        first_attempt_at = (entry.first_attempt_at if entry else None) or self._now()
        try:
            sender, parts = self._plan(message)
            account = await self._account(message)
        except PermanentSendError as exc:  # nothing was tried at the channel
            await self._give_up(message, str(exc), attempt - 1)
            return None
        try:
            await self._send_remaining(message, Sending(sender, account), parts, progress, attempt)
        except RetryableSendError as exc:
            policy = self._policy
            retry_at = next_attempt_at(
                attempt,
                first_attempt_at,
                self._now(),
                horizon_seconds=policy.horizon_seconds,
                base=policy.backoff_base,
                cap=policy.backoff_cap,
                retry_after=exc.retry_after,
            )
            if retry_at is None:
                await self._give_up(message, f"gave up after {attempt} attempts: {exc}", attempt)
                return None
            await self._ledger.park(message.send_id, retry_at, attempt, str(exc), first_attempt_at)
            log.warning("outbound.parked", send_id=message.send_id, attempt=attempt, error=str(exc), retry_at=retry_at)
            return Parked(message, current_partition(), retry_at)
        except PermanentSendError as exc:
            await self._give_up(message, str(exc), attempt)
            return None
        log.info("outbound.sent", send_id=message.send_id, parts=len(parts), attempts=attempt)
        return None

    def _plan(self, message: MessageSend) -> tuple[ChannelSender, list[Part]]:
        sender = self._senders.get(message.channel)
        if sender is None:
            raise PermanentSendError(f"no sender configured for channel {message.channel}")
        return sender, sender.plan(message)

    async def _account(self, message: MessageSend) -> ChannelAccount:
        """The channel account the send goes out from, with its credentials (cached by the store)."""
        account = await self._accounts.get(message.channel, message.account_id)
        if account is None:
            raise PermanentSendError(
                f"{message.channel} account {message.account_id} is not connected to a business unit (or disabled)"
            )
        return account

    async def _send_remaining(
        self, message: MessageSend, sending: "Sending", parts: list[Part], progress: Progress, attempt: int
    ) -> None:
        """Each step is recorded before the next begins, so whatever interrupts it resumes right after; the last
        part's record marks the send sent."""
        remaining = parts[len(progress.provider_message_ids) :]
        if not remaining:  # every part went out before an interruption
            await self._ledger.mark_sent(message.send_id, progress, attempt)
        for n, part in enumerate(remaining, start=1):
            media_id = await self._uploaded(message, sending, part.media_id, progress) if part.media_id else None
            result = await sending.sender.send(sending.account, part, media_id)
            progress.provider_message_ids.append(result.provider_message_id)
            if n == len(remaining):
                await self._ledger.mark_sent(message.send_id, progress, attempt)
            else:
                await self._ledger.record_progress(message.send_id, progress)
            log.info("outbound.part_sent", send_id=message.send_id, provider_message_id=result.provider_message_id)
            await self._announce(message, DeliveryState.SENT, result.provider_message_id, attempt)

    async def _uploaded(self, message: MessageSend, sending: "Sending", media_id: str, progress: Progress) -> str:
        """The provider's id for an attachment, uploading it only the first time."""
        if media_id not in progress.uploads:
            file = await self._media.load(media_id, message.tenant)
            progress.uploads[media_id] = await sending.sender.upload(sending.account, file)
            await self._ledger.record_progress(message.send_id, progress)
        return progress.uploads[media_id]

    async def _give_up(self, message: MessageSend, error: str, attempts: int) -> None:
        await self._ledger.mark_failed(message.send_id, error, attempts)
        await self._announce(message, DeliveryState.FAILED, None, attempts, error)
        await send_to_dead_letters(
            self._broker,
            source_topic=message.topic,
            service="outbound",
            key=message.thread_key,
            body=message.model_dump_json().encode(),
            error=error,
            attempts=attempts,
        )
        log.error("outbound.gave_up", send_id=message.send_id, attempts=attempts)

    async def _announce(
        self,
        message: MessageSend,
        status: DeliveryState,
        provider_id: str | None,
        attempts: int,
        error: str | None = None,
    ) -> None:
        await publish(
            self._broker,
            MessageStatus(
                **message.lineage(),
                send_id=message.send_id,
                provider_message_id=provider_id,
                status=status,
                attempts=attempts,
                error=error,
            ),
        )


class RetryLoop:
    """Every `tick` seconds, tries the parked sends whose time has come, a few at a time, one per thread.
    Rebalances wait for the tries in flight (`pause`), so two instances never send for one partition."""

    def __init__(
        self,
        handlers: OutboundHandlers,
        *,
        tick: float,
        concurrency: int,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._handlers = handlers
        self._tick = tick
        self._slots = asyncio.Semaphore(concurrency)
        self._now = now
        self._sleep = sleep
        self._in_flight: set[asyncio.Task[None]] = set()
        self._task: asyncio.Task[None] | None = None
        self._paused = asyncio.Lock()

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="outbound-retries")

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self.drain()

    async def drain(self) -> None:
        if self._in_flight:
            await asyncio.wait(set(self._in_flight))

    async def _run(self) -> None:
        while True:
            await self._sleep(self._tick)
            async with self._paused:
                for parked in self._handlers.parking.due(self._now()):
                    task = asyncio.create_task(self._retry(parked))
                    self._in_flight.add(task)
                    task.add_done_callback(self._in_flight.discard)

    async def _retry(self, parked: Parked) -> None:
        lot = self._handlers.parking
        async with self._slots:
            try:
                again = await self._handlers.attempt(parked.message)
            except Exception as exc:  # MongoDB or Kafka away: the send stays parked, tried at a later tick
                log.warning("outbound.retry_interrupted", send_id=parked.message.send_id, error=repr(exc))
                lot.retry_later(parked, self._now())
                return
        if again is None:
            lot.done(parked)
        else:
            lot.retry_later(parked, again.retry_at or self._now())

    @contextlib.asynccontextmanager
    async def paused(self):  # type: ignore[no-untyped-def]
        """No new tries start, and the ones in flight finish, while the body runs (a rebalance)."""
        async with self._paused:
            await self.drain()
            yield


class ParkedSendsWatcher(ConsumerRebalanceListener):
    """Keeps the parking lot to the partitions this instance owns: revoked ones are dropped once the tries in
    flight have finished; assigned ones are loaded from the ledger (their parked sends, oldest first)."""

    def __init__(self, loop: RetryLoop, handlers: OutboundHandlers, ledger: SendLedger, topic: str) -> None:
        self._loop = loop
        self._handlers = handlers
        self._ledger = ledger
        self._topic = topic
        self._tasks: set[asyncio.Task[None]] = set()

    async def on_partitions_revoked(self, revoked: Iterable[TopicPartition]) -> None:
        partitions = {tp.partition for tp in revoked if tp.topic == self._topic}
        async with self._loop.paused():
            self._handlers.parking.drop_partitions(partitions)

    async def on_partitions_assigned(self, assigned: Iterable[TopicPartition]) -> None:
        partitions = {tp.partition for tp in assigned if tp.topic == self._topic}
        if partitions:
            self._handlers.parking.loaded.clear()
            task = asyncio.create_task(self._load(partitions))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _load(self, partitions: set[int], retry_every: float = 5.0) -> None:
        while True:
            try:
                waiting = await self._ledger.waiting(partitions)
                break
            except Exception as exc:  # MongoDB away: keep trying, or these sends would never be retried
                log.warning("outbound.parked_sends_not_loaded", partitions=sorted(partitions), error=repr(exc))
                await asyncio.sleep(retry_every)
        for send in waiting:
            self._handlers.parking.park(Parked(send.message, send.partition, send.retry_at))
        self._handlers.parking.loaded.set()
        log.info("outbound.parked_sends_loaded", partitions=sorted(partitions), sends=len(waiting))
