"""The router's processing steps, one per topic it consumes."""

import hashlib

import structlog
from faststream.kafka import KafkaBroker

from parley_contracts import (
    Contact,
    HandoffRequested,
    MessageAnalyzed,
    MessageReceived,
    MessageSend,
    MessageStatus,
    OutboundContent,
)
from parley_knowledge.bot_config import BotConfigStore
from parley_router.decisions import Action, Decision, decide
from parley_router.threads import ThreadStore
from parley_runtime.kafka import publish

log = structlog.get_logger()


def reply_send_id(inbound_dedupe_key: str) -> str:
    """Deterministic, so a replayed analysis maps to the same send and outbound sends it once."""
    return "snd_" + hashlib.sha256(f"reply:{inbound_dedupe_key}".encode()).hexdigest()[:32]


class RouterHandlers:
    def __init__(self, broker: KafkaBroker, threads: ThreadStore, bot_configs: BotConfigStore) -> None:
        self._broker = broker
        self._threads = threads
        self._bot_configs = bot_configs

    async def append_inbound(self, event: MessageReceived) -> None:
        """Operators see a message as soon as it arrives, before (and even without) analysis."""
        stored = await self._threads.record_inbound(event)
        log.info("thread.inbound_appended" if stored else "thread.inbound_duplicate", dedupe_key=event.dedupe_key)

    async def act_on_analysis(self, event: MessageAnalyzed) -> None:
        inbound = event.inbound
        await self._threads.ensure_inbound(inbound)  # the analysis may overtake the first write
        await self._threads.record_analysis(event)
        state = await self._threads.state(event.thread_key)
        config = await self._bot_configs.get(event.tenant)
        decision = decide(state.status, state.bot_paused, event.analysis, config.handoff_threshold)
        log.info("router.decided", action=decision.action, reason=decision.handoff_reason, status=state.status)
        if decision.action == Action.SILENT:
            return
        if decision.action == Action.HANDOFF:
            await self._hand_off(event, decision)
        await self._send(event, decision)

    async def record_status(self, event: MessageStatus) -> None:
        applied = await self._threads.apply_status(event)
        log.info("message.status_applied" if applied else "message.status_ignored", status=event.status)

    async def _hand_off(self, event: MessageAnalyzed, decision: Decision) -> None:
        await self._threads.request_handoff(event.thread_key, decision.handoff_reason or "no_answer", event.occurred_at)
        analysis = event.analysis
        await publish(
            self._broker,
            HandoffRequested(
                **event.lineage(),
                reason=decision.handoff_reason or "no_answer",
                inbound_dedupe_key=event.inbound.dedupe_key,
                contact=event.inbound.contact,
                summary=event.inbound.content.text[:280],
                priority="high" if analysis.sentiment.label == "negative" else analysis.priority,
            ),
        )

    async def _send(self, event: MessageAnalyzed, decision: Decision) -> None:
        inbound = event.inbound
        send = MessageSend(
            **event.lineage(),
            send_id=reply_send_id(inbound.dedupe_key),
            account_id=inbound.account_id,
            recipient=Contact(id=inbound.contact.id, name=inbound.contact.name),
            content=OutboundContent(text=decision.text or ""),
            in_reply_to=inbound.dedupe_key,
            reply_to_provider_id=inbound.provider_message_id,
        )
        if not await self._threads.record_outgoing(send):
            log.info("router.reply_already_published", send_id=send.send_id)
            return
        await publish(self._broker, send)
        await self._threads.mark_published(send.send_id)
        log.info("router.reply_published", send_id=send.send_id)
