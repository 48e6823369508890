"""Outbound's processing step: deliver one `message.send` through its channel, exactly once per send_id
under normal restarts, with retries, a dead letter after the last attempt, and a `message.status`."""

import asyncio
from collections.abc import Awaitable, Callable, Mapping

import structlog
from faststream.kafka import KafkaBroker

from parley_contracts import Channel, DeliveryState, MessageSend, MessageStatus
from parley_outbound.channels.base import ChannelSender, PermanentSendError, RetryableSendError
from parley_outbound.ledger import SendLedger, SendState
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
        *,
        max_attempts: int,
        backoff_base: float,
        backoff_cap: float,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._broker = broker
        self._ledger = ledger
        self._senders = senders
        self._max_attempts = max_attempts
        self._backoff_base = backoff_base
        self._backoff_cap = backoff_cap
        self._sleep = sleep

    async def deliver(self, message: MessageSend) -> None:
        previous = await self._ledger.claim(message.send_id, message.thread_key)
        if previous is not None and previous.state == SendState.SENT:
            # Sent before a crash or rebalance: never again; re-announce the status (idempotent downstream).
            log.info("outbound.already_sent", send_id=message.send_id)
            await self._announce(message, DeliveryState.SENT, previous.provider_message_id, previous.attempts)
            return
        if previous is not None and previous.state == SendState.FAILED:
            log.info("outbound.already_failed", send_id=message.send_id)
            return
        sender = self._senders.get(message.channel)
        if sender is None:
            await self._give_up(message, f"no sender configured for channel {message.channel}", 0)
            return
        await self._attempt(message, sender)

    async def _attempt(self, message: MessageSend, sender: ChannelSender) -> None:
        for attempt in range(1, self._max_attempts + 1):
            try:
                result = await sender.send(message)
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
            await self._ledger.mark_sent(message.send_id, result.provider_message_id, attempt)
            log.info(
                "outbound.sent",
                send_id=message.send_id,
                provider_message_id=result.provider_message_id,
                attempts=attempt,
            )
            await self._announce(message, DeliveryState.SENT, result.provider_message_id, attempt)
            return

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
