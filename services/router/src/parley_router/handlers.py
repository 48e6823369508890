"""The router's processing steps, one per input topic. Each reads the thread by `_id`, builds a `Step` in pure
code (the state machine decides every status change), and commits it in one place (`_commit`): messages,
then sends, then the thread document with the step marked applied, then the announcement on
`thread.updated` (docs/adr/0001-router-single-writer.md); and counts it in its business unit's figures of the day
(parley_router.figures)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import structlog
from faststream.kafka import KafkaBroker

from parley_business import BotConfigStore, BusinessUnitStore
from parley_contracts import (
    ActorKind,
    AuthorKind,
    CommandAction,
    DeliveryState,
    Event,
    HandoffRequested,
    MessageAnalyzed,
    MessageReceived,
    MessageStatus,
    OutboundContent,
    ThreadCommand,
    ThreadStatus,
    ThreadUpdated,
    dedupe_key,
    utcnow,
)
from parley_conversations.content_rules import SKIPPED_ENGINE, Treatment, treatment_of
from parley_conversations.documents import MessageRecord, ThreadRecord
from parley_conversations.operators import Availability
from parley_conversations.presence import PresenceStore, present
from parley_conversations.roster import Roster, Workload
from parley_conversations.state_machine import COMMAND_TRIGGERS, Applied, Change, Rejected, ThreadState, Trigger
from parley_conversations.store import Conversations, OpenThread
from parley_conversations.windows import message_tag, refusal, reply_limit_refusal, takes_one_reply
from parley_router.annotations import annotate, target_of
from parley_router.assignment import Candidate, eligible, pick_operator
from parley_router.decisions import Action, decide
from parley_router.erasure import erase
from parley_router.figures import FiguresLedger
from parley_router.flows import FlowRunner, Say, due_command_id
from parley_router.phrases import asks_to_start_over, restarted_message
from parley_router.step import (
    BOT_ACTOR,
    SYSTEM_ACTOR,
    Step,
    command_send_id,
    customer_actor,
    derived_id,
    reply_send_id,
)
from parley_router.timers import TimerIndex, idle_deadline
from parley_runtime.kafka import publish
from parley_runtime.steps import current_partition, current_record

log = structlog.get_logger()


def received_key(dedupe_key: str) -> str:
    return f"rcv:{dedupe_key}"


def analyzed_key(dedupe_key: str) -> str:
    return f"ana:{dedupe_key}"


def command_key(command_id: str) -> str:
    return f"cmd:{command_id}"


@dataclass(frozen=True)
class Verdict:
    """How a command ended, for the operator who sent it: applied, unchanged or rejected (with why)."""

    outcome: str
    reason: str | None = None


APPLIED = Verdict("applied")


class RouterHandlers:
    def __init__(
        self,
        *,
        broker: KafkaBroker,
        conversations: Conversations,
        bot_configs: BotConfigStore,
        units: BusinessUnitStore,
        roster: Roster,
        workload: Workload,
        timers: TimerIndex,
        flows: FlowRunner,
        figures: FiguresLedger,
        presence: PresenceStore,
        presence_seconds: float,
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        self._broker = broker
        self._conversations = conversations
        self._bot_configs = bot_configs
        self._units = units
        self._roster = roster
        self._workload = workload
        self._timers = timers
        self._flows = flows
        self._figures = figures
        self._presence = presence
        self._presence_seconds = presence_seconds
        self._now = now

    # --- message.received: operators see a message as soon as it arrives, before (and without) analysis -----

    async def on_received(self, event: MessageReceived) -> None:
        key = received_key(event.dedupe_key)
        thread, done = await self._thread_unless_applied(event.thread_key, key)
        if done:
            return
        step = Step.on(key, event, thread, event)
        await self._receive(step, event)
        await self._commit(step)
        log.info("thread.inbound_appended", status=step.record.status)

    async def _receive(self, step: Step, inbound: MessageReceived) -> None:
        step.receive(inbound)
        if treatment_of(inbound.content) != Treatment.SILENT:
            # A 👍 or a provider's notice after the conversation was resolved does not reopen it.
            step.apply(Change(Trigger.CUSTOMER_MESSAGE, customer_actor(inbound), step.at))
        await self._annotate(step, inbound)

    async def _annotate(self, step: Step, inbound: MessageReceived) -> None:
        """A reaction, edit or deletion changes the message it is about (parley_router.annotations), found by
        `_id`: a customer's message is stored under its dedupe key, the bot's and operators' under their send id
        (found from the provider id). Only within the same thread."""
        target = target_of(inbound)
        if target is None:
            return
        original = await self._conversations.message(dedupe_key(inbound.channel, inbound.account_id, target))
        if original is None:
            send_id = await self._conversations.message_for_provider_id(target)
            original = await self._conversations.message(send_id) if send_id else None
        if original is None or original.thread_key != inbound.thread_key:
            log.info("router.annotation_unmatched", content_type=inbound.content.type)
            return
        changed = annotate(original, inbound)
        if changed is not None:
            step.annotated(changed)
        log.info(
            "router.annotated", content_type=inbound.content.type, message_id=original.id, changed=changed is not None
        )

    # --- message.analyzed: the bot answers, steps aside, starts over, or stays silent ------------------------

    async def on_analyzed(self, event: MessageAnalyzed) -> None:
        inbound = event.inbound
        key = analyzed_key(inbound.dedupe_key)
        thread, done = await self._thread_unless_applied(event.thread_key, key)
        if done:
            return
        step = Step.on(key, event, thread, inbound)
        if thread is None or not thread.has_applied(received_key(inbound.dedupe_key)):
            await self._receive(step, inbound)  # the analysis overtook the message
            step.also_applied.append(received_key(inbound.dedupe_key))
        step.analysed(inbound, event.analysis)
        config = await self._bot_configs.get(event.tenant)
        treatment = treatment_of(inbound.content)
        analysis = event.analysis
        if analysis.engine == SKIPPED_ENGINE and step.record.language:
            # nlp did not read this message: a holding message speaks the conversation's language so far.
            analysis = analysis.model_copy(update={"language": step.record.language})
        answerable = treatment == Treatment.ANSWER
        say = self._flow_says(inbound, config.name)
        if answerable and asks_to_start_over(inbound.content.text) and step.record.status != ThreadStatus.HUMAN:
            step.apply(Change(Trigger.RESET, customer_actor(inbound), step.at))
            step.clear_bot_session()
            if not await self._flows.restart(step, say):
                self._bot_says(step, restarted_message(event.analysis.language), inbound, config.name, answer=False)
            log.info("router.decided", action="start_over")
        elif answerable and await self._flows.on_message(step, inbound, analysis, say):
            log.info("router.decided", action="flow")
        else:
            decision = decide(step.record.status, analysis, config.handoff_threshold, treatment)
            log.info("router.decided", action=decision.action, reason=decision.handoff_reason)
            if decision.action == Action.HANDOFF:
                await self._hand_off(step, event, decision.handoff_reason or "no_answer")
            if decision.text:
                answer = decision.action == Action.REPLY
                self._bot_says(step, decision.text, inbound, config.name, answer=answer)
        await self._commit(step)

    async def _hand_off(self, step: Step, event: MessageAnalyzed, reason: str) -> None:
        step.apply(Change(Trigger.HANDOFF, BOT_ACTOR, step.at, reason=reason))
        await self._assign_by_workload(step)
        analysis = event.analysis
        step.notices.append(
            HandoffRequested(
                **event.lineage(),
                event_id=derived_id("hof_", step.key),
                reason=reason,  # type: ignore[arg-type]
                inbound_dedupe_key=event.inbound.dedupe_key,
                contact=event.inbound.contact,
                summary=event.inbound.content.text[:280],
                priority="high" if analysis.sentiment.label == "negative" else analysis.priority,
            )
        )

    def _bot_says(self, step: Step, text: str, inbound: MessageReceived, bot_name: str, *, answer: bool) -> None:
        self._bot_sends(step, OutboundContent(text=text), reply_send_id(inbound.dedupe_key), bot_name, answer=answer)

    def _flow_says(self, inbound: MessageReceived | None, bot_name: str) -> Say:
        """How a question flow's lines are sent: the first in reply to the customer's message (the same send id
        the bot's answer would have), the rest with ids derived from the step."""

        def say(step: Step, content: OutboundContent, n: int) -> None:
            send_id = reply_send_id(inbound.dedupe_key) if inbound and n == 0 else derived_id("snd_", step.key, str(n))
            self._bot_sends(step, content, send_id, bot_name, answer=True)

        return say

    def _bot_sends(self, step: Step, content: OutboundContent, send_id: str, bot_name: str, *, answer: bool) -> None:
        """`answer`: the text answers the customer (not a holding or start-over message). A conversation that
        takes one reply (a MercadoLibre question's public answer) gets answers only: a holding message would
        use up the reply a person is about to give."""
        record = step.record
        if not answer and takes_one_reply(record.channel, record.conversation):
            log.info("router.bot_reply_withheld", reason="one-reply conversation: left for a person's answer")
            return
        withheld = refusal(record.channel, content, record.last_inbound_at, self._now()) or reply_limit_refusal(
            record.channel, record.conversation, record.replies_sent
        )
        if withheld:
            # A late delivery (the customer wrote more than 24 h ago): the provider would refuse it.
            log.warning("router.bot_reply_withheld", reason=withheld)
            return
        send = step.outgoing(content, AuthorKind.BOT, send_id=send_id)
        step.send(send, author_name=bot_name)

    async def _assign_by_workload(self, step: Step) -> None:
        tenant = step.record.tenant
        unit = await self._units.get(tenant)
        candidates = await self._candidates(tenant)
        chosen = pick_operator(candidates, unit.max_open_per_operator)
        if chosen is None:
            log.info("router.nobody_available", operators=len(candidates))
            return
        step.apply(Change(Trigger.AUTO_ASSIGN, SYSTEM_ACTOR, step.at, target=chosen.id), {chosen.id: chosen.name})

    async def _candidates(self, tenant: str) -> list[Candidate]:
        operators = await self._roster.of_tenant(tenant)
        if not operators:
            return []
        loads = await self._workload.loads([o.id for o in operators])
        online = [o.id for o in operators if o.availability == Availability.ONLINE]
        seen = await self._presence.last_seen(online) if online and self._presence_seconds > 0 else {}
        now = self._now()
        return [Candidate(o, loads[o.id], present(seen.get(o.id), now, self._presence_seconds)) for o in operators]

    # --- message.status: delivery ticks, never backwards ------------------------------------------------------

    async def on_status(self, event: MessageStatus) -> None:
        message_id = event.send_id
        if message_id and event.provider_message_id:
            await self._conversations.remember_provider_id(event.provider_message_id, message_id)
        elif event.provider_message_id:
            message_id = await self._conversations.message_for_provider_id(event.provider_message_id)
        message = await self._conversations.message(message_id) if message_id else None
        if message is None:
            log.info("message.status_unmatched", status=event.status)
            return
        changed = message.with_status(event.status, event.status_at, event.error)
        if changed is None:
            log.info("message.status_ignored", status=event.status, current=message.status)
            return
        if event.provider_message_id and not changed.provider_message_id:
            changed.provider_message_id = event.provider_message_id
        if changed != message:
            changed.status_event_id = event.event_id
            await self._conversations.save_message(changed)
        elif message.status_event_id != event.event_id:
            # A repeated status (outbound's "sent", then the provider's): the event that set it announced it.
            log.info("message.status_repeated", status=event.status)
            return
        # Announced after the write, and again when the event that made the change is processed again (a crash
        # between the two): the announcement is never lost.
        await self._announce(
            ThreadUpdated(
                **event.lineage(),
                event_id=derived_id("upd_", "sts", event.event_id),
                occurred_at=event.occurred_at,
                cause=event.topic,
                messages=[changed.view()],
            ),
        )
        log.info("message.status_applied", status=event.status)
        if changed.status == DeliveryState.FAILED and changed.author == AuthorKind.BOT:
            await self._bot_reply_failed(event, changed)

    async def _bot_reply_failed(self, event: MessageStatus, message: MessageRecord) -> None:
        """The bot's reply will not reach the customer (the provider refused it, or outbound gave up after its
        retry horizon): the thread goes to a person, who sees why."""
        key = f"fail:{message.id}"
        thread, done = await self._thread_unless_applied(event.thread_key, key)
        if done or thread is None:
            return
        step = Step.on(key, event, thread, None)
        if not await self._hand_off_to_people(step, event, "delivery_failed", event.error or ""):
            return  # already with people
        await self._commit(step)
        log.warning("router.bot_reply_failed", send_id=message.id)

    # --- thread.command: operators' actions and replies, and the router's own timers --------------------------

    async def on_command(self, command: ThreadCommand) -> None:
        if command.action == CommandAction.ERASE:  # GDPR: the thread is deleted, not stepped (erasure.py)
            return await erase(
                command, self._conversations, self._workload, self._timers, self._broker, self._flows.sessions
            )
        key = command_key(command.command_id)
        thread, done = await self._thread_unless_applied(command.thread_key, key)
        if done:
            return
        if thread is None:
            await self._answer(command, key, None, Verdict("rejected", "no such thread"))
            return
        step = Step.on(key, command, thread, None)
        verdict = await self._command(step, command)
        log.info("router.command", action=command.action, outcome=verdict.outcome, reason=verdict.reason)
        if verdict.outcome != "applied" or not step.changed:
            await self._answer(command, key, thread, verdict if verdict.outcome != "applied" else Verdict("unchanged"))
            return
        await self._commit(step, command_id=command.command_id, outcome="applied")

    async def _command(self, step: Step, command: ThreadCommand) -> Verdict:
        action = command.action
        if action == CommandAction.REPLY:
            return self._operator_reply(step, command)
        if action == CommandAction.NOTE:
            return _private_note(step, command)
        if action == CommandAction.ASSIGN:
            return await self._assign(step, command)
        if action == CommandAction.IDLE_TIMEOUT:
            return await self._idle_timeout(step, command)
        if action in FLOW_ACTIONS:
            return await self._flow_command(step, command)
        if action == CommandAction.ASSIGN_WAITING:
            if step.record.status == ThreadStatus.NEEDS_HUMAN and step.record.assignee is None:
                await self._assign_by_workload(step)
            return APPLIED
        return _verdict(step.apply(Change(COMMAND_TRIGGERS[action], command.actor, step.at, reason=command.reason)))

    def _operator_reply(self, step: Step, command: ThreadCommand) -> Verdict:
        content = command.content
        if content is None:
            return Verdict("rejected", "a reply needs content")
        record = step.record
        refused = refusal(
            record.channel, content, record.last_inbound_at, step.at, AuthorKind.OPERATOR
        ) or reply_limit_refusal(record.channel, record.conversation, record.replies_sent)
        if refused:
            return Verdict("rejected", refused)
        outcome = step.apply(Change(Trigger.OPERATOR_REPLY, command.actor, step.at, reason=command.reason))
        if isinstance(outcome, Rejected):
            return _verdict(outcome)
        actor = command.actor
        send = step.outgoing(
            content,
            AuthorKind.OPERATOR,
            send_id=command_send_id(command.command_id),
            operator_id=actor.id if actor.kind == ActorKind.OPERATOR else None,
            tag=message_tag(record.channel, record.last_inbound_at, step.at, AuthorKind.OPERATOR),
        )
        step.send(send, author_name=actor.name)
        return APPLIED

    async def _flow_command(self, step: Step, command: ThreadCommand) -> Verdict:
        """The business's API answered, a flow timer fired, or an operator retried or reset a session. A session
        whose API failed for good goes to a person (reason `flow`), who sees the answers in the timeline."""
        config = await self._bot_configs.get(step.record.tenant)
        verdict = self._flows.on_command(step, command, self._flow_says(None, config.name))
        if verdict.handoff:
            await self._hand_off_to_people(step, command, "flow", verdict.summary)
        return Verdict(verdict.outcome, verdict.reason)

    async def _hand_off_to_people(self, step: Step, cause: Event, reason: str, summary: str) -> bool:
        """Something other than the customer's message calls for a person (a reply that cannot be delivered, a
        flow whose API failed for good): hand off, assign by workload, tell the team. False: already with people."""
        outcome = step.apply(Change(Trigger.HANDOFF, BOT_ACTOR, step.at, reason=reason))
        if not isinstance(outcome, Applied) or outcome.transition is None:
            return False
        await self._assign_by_workload(step)
        step.notices.append(
            HandoffRequested(
                **cause.lineage(),
                event_id=derived_id("hof_", step.key),
                reason=reason,  # type: ignore[arg-type]
                contact=step.record.contact,
                summary=summary[:280],
                priority="high",
            )
        )
        return True

    async def _assign(self, step: Step, command: ThreadCommand) -> Verdict:
        target = next(
            (o for o in await self._roster.of_tenant(step.record.tenant) if o.id == command.operator_id), None
        )
        if target is None:
            return Verdict(
                "rejected", f"no active operator {command.operator_id} in business unit {step.record.tenant}"
            )
        change = Change(Trigger.ASSIGN, command.actor, step.at, target=target.id, reason=command.reason)
        return _verdict(step.apply(change, {target.id: target.name}))

    async def _idle_timeout(self, step: Step, command: ThreadCommand) -> Verdict:
        idle_seconds = (await self._units.get(step.record.tenant)).idle_timeout_seconds
        deadline = idle_deadline(step.record.last_inbound_at, idle_seconds)
        if deadline is None or deadline > command.occurred_at:
            return Verdict("unchanged", "the customer wrote since the timer was set")
        step.apply(Change(Trigger.IDLE_TIMEOUT, SYSTEM_ACTOR, step.at, reason=_duration(idle_seconds or 0)))
        step.clear_bot_session()
        return APPLIED

    # --- timers (called by the TimerLoop: they only publish commands) -----------------------------------------

    async def fire_idle(self, thread: OpenThread, deadline: datetime) -> None:
        await self._timer_command(
            thread, CommandAction.IDLE_TIMEOUT, derived_id("tmr_", thread.thread_key, deadline.isoformat()), deadline
        )

    async def fire_flow(self, thread: OpenThread, due: datetime) -> None:
        await self._timer_command(
            thread, CommandAction.FLOW_TIMER, due_command_id(thread.thread_key, due), due, thread.flow_session
        )

    async def retry_assignment(self, thread: OpenThread) -> None:
        now = self._now()
        await self._timer_command(
            thread, CommandAction.ASSIGN_WAITING, derived_id("tmr_", thread.thread_key, now.isoformat()), now
        )

    async def _timer_command(
        self, thread: OpenThread, action: CommandAction, command_id: str, due: datetime, session_id: str | None = None
    ) -> None:
        await publish(
            self._broker,
            ThreadCommand(
                tenant=thread.tenant,
                channel=thread.channel,
                thread_key=thread.thread_key,
                command_id=command_id,
                action=action,
                actor=SYSTEM_ACTOR,
                due_at=due,
                session_id=session_id,
            ),
        )
        log.info("timers.fired", action=action, thread_key=thread.thread_key)

    async def idle_seconds(self, tenant: str) -> int | None:
        return (await self._units.get(tenant)).idle_timeout_seconds

    async def someone_available(self, tenant: str) -> bool:
        unit = await self._units.get(tenant)
        return bool(eligible(await self._candidates(tenant), unit.max_open_per_operator))

    # --- committing and answering ------------------------------------------------------------------------------

    async def _commit(self, step: Step, *, command_id: str | None = None, outcome: str | None = None) -> None:
        record = step.record
        flow_sessions = self._flows.settle(step)  # may add a note: before the messages are written
        partition = current_partition()
        if partition is not None:
            record.partition = partition
        for message in step.messages:
            await self._conversations.add_message(message)
        record.index_messages(m.id for m in step.messages)
        for message in step.updated:
            await self._conversations.save_message(message)
        if step.analysis:
            await self._conversations.set_analysis(step.analysis[0], step.analysis[1], step.at)
        # Sends go out before the thread is written: a crash in between replays the step, and the same send_id
        # is sent once by outbound. The reverse order could lose the reply.
        for event in [*step.sends, *step.notices]:
            await publish(self._broker, event)
        await self._sync_workload(step)
        await self._flows.save(flow_sessions)
        record.version += 1
        record.updated_at = step.at
        update = step.announcement(command_id=command_id, outcome=outcome)
        for key in step.also_applied:
            record.mark_applied(key, None)
        record.mark_applied(step.key, update)
        await self._conversations.save_thread(record, new=step.new)
        await self._announce(update)
        self._timers.track(record)
        await self._figures.count(step, current_record())  # last: a step that failed before it counted nothing

    async def _sync_workload(self, step: Step) -> None:
        before, after = _holder(step.before), _holder(step.state())
        partition = step.record.partition
        if before == after or partition is None:
            return
        if before:
            await self._workload.release(before, partition, step.record.thread_key)
        if after:
            await self._workload.hold(after, partition, step.record.thread_key, step.at)

    async def _answer(self, command: ThreadCommand, key: str, thread: ThreadRecord | None, verdict: Verdict) -> None:
        """A command that changed nothing: tell the operator why (the thread as it is, no write; after the batch's
        earlier announcements)."""
        await self._announce(
            ThreadUpdated(
                **command.lineage(),
                event_id=derived_id("upd_", key),
                occurred_at=command.occurred_at,
                cause=command.topic,
                thread=thread.view() if thread else None,
                command_id=command.command_id,
                outcome=verdict.outcome,  # type: ignore[arg-type]
                reason=verdict.reason,
            ),
        )

    async def _announce(self, update: ThreadUpdated) -> None:
        """On `thread.updated`, once what it announces is written (after the batch's writes, parley_router.owned)."""
        await self._conversations.after_written(lambda: publish(self._broker, update), thread_key=update.thread_key)

    async def _thread_unless_applied(self, thread_key: str, key: str) -> tuple[ThreadRecord | None, bool]:
        """The thread (None: new), and whether the record `key` was applied to it before: then only its
        announcement may be missing (a crash after the write), and it is made again."""
        thread = await self._conversations.thread(thread_key)
        if thread is None or not thread.has_applied(key):
            return thread, False
        kept = thread.replayed_update(key)
        if kept is not None:
            messages = await self._conversations.messages(kept.message_ids)
            await self._announce(kept.rebuilt(thread.view(), [m.view() for m in messages]))
        log.info("router.replayed", key=key, reannounced=kept is not None)
        return thread, True


FLOW_ACTIONS = frozenset(
    {CommandAction.FLOW_RESULT, CommandAction.FLOW_TIMER, CommandAction.FLOW_RETRY, CommandAction.FLOW_RESET}
)


def _private_note(step: Step, command: ThreadCommand) -> Verdict:
    """In any status, held by anyone or no one: a note changes nothing but the timeline."""
    text = (command.content.text or "").strip() if command.content else ""
    if not text:
        return Verdict("rejected", "a note needs text")
    step.private_note(text, command.actor)
    return APPLIED


def _verdict(outcome: object) -> Verdict:
    return Verdict("rejected", outcome.reason) if isinstance(outcome, Rejected) else APPLIED


def _holder(state: ThreadState) -> str | None:
    """Who holds the thread for workload purposes: an assignee while it is with people."""
    return state.assignee if state.status.with_people else None


def _duration(seconds: int) -> str:
    delta = timedelta(seconds=seconds)
    if delta >= timedelta(hours=1):
        return f"{seconds / 3600:g} h"
    if delta >= timedelta(minutes=1):
        return f"{seconds / 60:g} min"
    return f"{seconds} s"
