"""Outbound's processing step: deliver one `message.send` through its channel as the parts the channel
plans (text, each attachment, or a template), each part exactly once per send_id under normal restarts,
with retries, a dead letter after the last attempt, and a `message.status` per part sent (or one `failed`)."""

import asyncio
from collections.abc import Awaitable, Callable, Mapping

import structlog
from faststream.kafka import KafkaBroker

from parley_contracts import Channel, DeliveryState, MessageSend, MessageStatus
from parley_outbound.channels.base import ChannelSender, Part, PermanentSendError, RetryableSendError
from parley_outbound.ledger import Progress, SendLedger, SendState
from parley_outbound.media import MediaFiles
from parley_outbound.retry import backoff_delay
from parley_runtime.deadletters import send_to_dead_letters
from parley_runtime.kafka import publish

log = structlog.get_logger()


class OutboundHandlers:
    def __init__(
        self,
        broker: KafkaBroker,
        ledger: SendLedger,
        senders: Mapping[Channel, ChannelSender],
        media: MediaFiles,
        *,
        max_attempts: int,
        backoff_base: float,
        backoff_cap: float,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._broker = broker
        self._ledger = ledger
        self._senders = senders
        self._media = media
        self._max_attempts = max_attempts
        self._backoff_base = backoff_base
        self._backoff_cap = backoff_cap
        self._sleep = sleep

    async def deliver(self, message: MessageSend) -> None:
        previous = await self._ledger.claim(message.send_id, message.thread_key)
        if previous is not None:
            if previous.state == SendState.FAILED:
                log.info("outbound.already_failed", send_id=message.send_id)
                return
            # Parts sent before a crash or rebalance are never sent again; their statuses are announced again,
            # in case the crash came first (idempotent downstream).
            for provider_id in previous.progress.provider_message_ids:
                await self._announce(message, DeliveryState.SENT, provider_id, previous.attempts)
            if previous.state == SendState.SENT:
                log.info("outbound.already_sent", send_id=message.send_id)
                return
        progress = previous.progress if previous is not None else Progress()
        try:
            sender, parts = self._plan(message)
        except PermanentSendError as exc:
            await self._give_up(message, str(exc), 0)
            return
        await self._attempt(message, sender, parts, progress)

    def _plan(self, message: MessageSend) -> tuple[ChannelSender, list[Part]]:
        sender = self._senders.get(message.channel)
        if sender is None:
            raise PermanentSendError(f"no sender configured for channel {message.channel}")
        return sender, sender.plan(message)

    async def _attempt(
        self, message: MessageSend, sender: ChannelSender, parts: list[Part], progress: Progress
    ) -> None:
        """The one retry policy: each attempt resumes at the first part not yet sent."""
        for attempt in range(1, self._max_attempts + 1):
            try:
                await self._send_remaining(message, sender, parts, progress, attempt)
            except RetryableSendError as exc:
                await self._ledger.record_attempt(message.send_id, attempt, str(exc))
                if attempt == self._max_attempts:
                    await self._give_up(message, str(exc), attempt)
                    return
                delay = backoff_delay(attempt, self._backoff_base, self._backoff_cap, exc.retry_after)
                log.warning("outbound.retry", send_id=message.send_id, attempt=attempt, error=str(exc), retry_in=delay)
                await self._sleep(delay)
                continue
            except PermanentSendError as exc:
                await self._give_up(message, str(exc), attempt)
                return
            await self._ledger.mark_sent(message.send_id, progress, attempt)
            log.info("outbound.sent", send_id=message.send_id, parts=len(parts), attempts=attempt)
            return

    async def _send_remaining(
        self, message: MessageSend, sender: ChannelSender, parts: list[Part], progress: Progress, attempt: int
    ) -> None:
        """Each step is recorded before the next begins, so whatever interrupts it resumes right after."""
        for part in parts[len(progress.provider_message_ids) :]:
            media_id = await self._uploaded(message, sender, part.media_id, progress) if part.media_id else None
            result = await sender.send(message.account_id, part, media_id)
            progress.provider_message_ids.append(result.provider_message_id)
            await self._ledger.record_progress(message.send_id, progress)
            log.info("outbound.part_sent", send_id=message.send_id, provider_message_id=result.provider_message_id)
            await self._announce(message, DeliveryState.SENT, result.provider_message_id, attempt)

    async def _uploaded(self, message: MessageSend, sender: ChannelSender, media_id: str, progress: Progress) -> str:
        """The provider's id for an attachment, uploading it only the first time."""
        if media_id not in progress.uploads:
            file = await self._media.load(media_id, message.tenant)
            progress.uploads[media_id] = await sender.upload(message.account_id, file)
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
