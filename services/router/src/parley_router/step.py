"""One input record's changes to one thread, built in pure code; `handlers` reads what it needs first and
commits the result after (docs/adr/0001-router-single-writer.md).

A step starts from the stored thread (or a new one), adds messages, runs triggers through the state machine,
and ends with what to store and announce. Every id it makes is derived from what caused it, so a record
processed again after a crash produces the same messages, sends and announcement (at-least-once, without
duplicates downstream)."""

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from parley_contracts import (
    PRIVATE_NOTE,
    Actor,
    ActorKind,
    Analysis,
    Assignee,
    AuthorKind,
    Contact,
    DeliveryState,
    Event,
    LastMessage,
    MessageReceived,
    MessageSend,
    OutboundContent,
    StatusChange,
    ThreadStatus,
    ThreadUpdated,
    Transition,
)
from parley_conversations.content_rules import SKIPPED_ENGINE
from parley_conversations.documents import MessageRecord, ThreadRecord, Turn
from parley_conversations.flows import FlowSession
from parley_conversations.state_machine import Applied, Change, Outcome, ThreadState, Trigger, apply
from parley_conversations.windows import human_agent_closes_at, window_closes_at
from parley_router.activity import describe
from parley_router.annotations import TARGET_KEYS

ANNOTATIONS = frozenset(TARGET_KEYS)


def derived_id(prefix: str, *parts: str) -> str:
    return prefix + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def reply_send_id(inbound_dedupe_key: str) -> str:
    """The bot's reply to one customer message: the same send however often the analysis is replayed."""
    return derived_id("snd_", "reply", inbound_dedupe_key)


def command_send_id(command_id: str) -> str:
    return derived_id("snd_", "command", command_id)


@dataclass
class Step:
    key: str  # what is applied: "rcv:<dedupe key>", "ana:<dedupe key>", "cmd:<command id>"
    cause: Event
    record: ThreadRecord
    new: bool
    before: ThreadState
    inbound: MessageReceived | None  # the customer's message this step handles, if any
    messages: list[MessageRecord] = field(default_factory=list)  # to insert (once)
    reannounced: list[MessageRecord] = field(default_factory=list)  # stored before; announced with news
    updated: list[MessageRecord] = field(default_factory=list)  # stored before; to store again (and announce)
    analysis: tuple[str, Analysis] | None = None
    sends: list[MessageSend] = field(default_factory=list)
    notices: list[Event] = field(default_factory=list)  # other events to publish (handoff.requested)
    transitions: list[Transition] = field(default_factory=list)
    also_applied: list[str] = field(default_factory=list)  # keys of records this step covers too
    flow_before: FlowSession | None = None  # the thread's question flow session before this step
    flow_replaced: list[FlowSession] = field(default_factory=list)  # sessions this step ended and replaced
    first_reply_at: datetime | None = None  # the thread's first reply to the customer, if this step sent it
    first_resolved_at: datetime | None = None  # the thread's first resolution, if this step made it

    @classmethod
    def on(cls, key: str, cause: Event, record: ThreadRecord | None, inbound: MessageReceived | None) -> "Step":
        if record is None:
            if inbound is None:
                raise ValueError("a new thread starts with a customer message")
            record = new_thread(inbound)
            new = True
        else:
            new = False
        assignee = record.assignee.id if record.assignee else None
        return cls(key, cause, record, new, ThreadState(record.status, assignee), inbound, flow_before=record.flow)

    @property
    def at(self) -> datetime:
        return self.cause.occurred_at

    def _next_at(self) -> datetime:
        """Timestamps of what one step writes, a millisecond apart (BSON's precision), so the timeline sorts
        them in the order they happened: the message, then the notes, then the bot's answer."""
        return self.at + timedelta(milliseconds=len(self.messages))

    def state(self) -> ThreadState:
        return ThreadState(self.record.status, self.record.assignee.id if self.record.assignee else None)

    # --- triggers -------------------------------------------------------------------------------------------

    def apply(self, change: Change, names: dict[str, str] | None = None) -> Outcome:
        """Run a trigger through the state machine and keep what it decided (status, assignee, the transition
        and a note in the timeline)."""
        outcome = apply(self.state(), change)
        if not isinstance(outcome, Applied) or outcome.transition is None:
            return outcome
        new, transition = outcome.state, outcome.transition
        record = self.record
        if new.assignee is None:
            record.assignee = None
        elif record.assignee is None or record.assignee.id != new.assignee:
            name = (names or {}).get(new.assignee) or (change.actor.name if change.actor.id == new.assignee else None)
            record.assignee = Assignee(id=new.assignee, name=name)
        if new.status != record.status:
            record.status = new.status
            record.status_changed_at = change.at
        if change.trigger == Trigger.HANDOFF:
            record.handoff_reason = change.reason
        if new.status in (ThreadStatus.BOT, ThreadStatus.RESOLVED):
            record.handoff_reason = None
        if new.status == ThreadStatus.RESOLVED and record.first_resolved_at is None:
            record.first_resolved_at = self.first_resolved_at = change.at
        self.transitions.append(transition)
        self._note(transition, record.assignee.name if record.assignee else None)
        return outcome

    def clear_bot_session(self) -> None:
        """The bot forgets the conversation so far (reset, idle timeout); the history stays for people."""
        self.record.recent = []
        self.record.context_reset_at = self.at

    # --- messages -------------------------------------------------------------------------------------------

    def receive(self, inbound: MessageReceived) -> None:
        message = customer_message(inbound)
        record = self.record
        if inbound.contact.name:
            record.contact = Contact(id=record.contact.id, name=inbound.contact.name)
        sent = inbound.sent_at
        if record.last_inbound_at is None or sent >= record.last_inbound_at:
            if inbound.reply_context is not None:
                record.reply_context = inbound.reply_context
        if record.last_inbound_at is None or sent > record.last_inbound_at:
            record.last_inbound_at = sent
            record.reply_window_closes_at = window_closes_at(record.channel, sent)
            record.operator_window_closes_at = human_agent_closes_at(record.channel, sent)
        self._add(message)

    def annotated(self, original: MessageRecord) -> None:
        """An earlier message changed by a reaction, an edit or a deletion (parley_router.annotations): stored
        again and announced; the bot's memory of it and the thread's preview follow its new text."""
        self.updated.append(original)
        self.reannounced.append(original)
        record = self.record
        record.recent = [
            turn.model_copy(update={"text": original.text[:2000]}) if turn.id == original.id else turn
            for turn in record.recent
            if turn.id != original.id or original.text
        ]
        last = record.last_message
        if last is not None and last.at == original.at and last.author == original.author:
            record.last_message = last.model_copy(update={"text": original.text[:140]})

    def analysed(self, inbound: MessageReceived, analysis: Analysis) -> None:
        """Keep the analysis, and announce the customer's message again with it (operators see it at a glance).
        A skipped analysis (nlp did not look at the message: content_rules.py) says nothing about the customer:
        it changes neither the thread's language, sentiment and labels nor the message."""
        if analysis.engine == SKIPPED_ENGINE:
            return
        self.analysis = (inbound.dedupe_key, analysis)
        self.record.language = analysis.language
        self.record.last_sentiment = analysis.sentiment.label
        self.record.labels = labelled(self.record.labels, analysis.category)
        received_now = next((m for m in self.messages if m.id == inbound.dedupe_key), None)
        if received_now is not None:
            received_now.analysis = analysis
        else:
            self.reannounced.append(customer_message(inbound).model_copy(update={"analysis": analysis}))

    def send(self, send: MessageSend, author_name: str | None) -> None:
        content = send.content
        message = MessageRecord(
            id=send.send_id,
            thread_key=send.thread_key,
            tenant=send.tenant,
            channel=send.channel,
            direction="out",
            author=send.author,
            author_id=send.operator_id,
            author_name=author_name,
            type=outgoing_type(content),
            text=content.text or content.preview,
            media=content.attachments,
            data={"template": content.template.model_dump()} if content.template else {},
            quick_replies=content.quick_replies,
            at=self._next_at(),
            send_id=send.send_id,
            in_reply_to=send.in_reply_to,
            status=DeliveryState.QUEUED,
            status_history=[StatusChange(status=DeliveryState.QUEUED, at=self.at)],
            event_id=send.event_id,
        )
        self.sends.append(send)
        if self.record.replies_sent == 0:
            self.first_reply_at = message.at
        self.record.replies_sent += 1
        self._add(message)

    def outgoing(
        self,
        content: OutboundContent,
        author: AuthorKind,
        *,
        send_id: str,
        operator_id: str | None = None,
        tag: str | None = None,
    ) -> MessageSend:
        """The send for `content` to this thread's customer (in reply to the message being handled, if any)."""
        inbound = self.inbound
        return MessageSend(
            **self.cause.lineage(),
            occurred_at=self.at,
            send_id=send_id,
            account_id=self.record.account_id,
            recipient=self.record.contact,
            content=content,
            author=author,
            operator_id=operator_id,
            in_reply_to=inbound.dedupe_key if inbound else None,
            reply_to_provider_id=inbound.provider_message_id if inbound else None,
            tag=tag,
            conversation=self.record.conversation,
            reply_context=(inbound.reply_context if inbound else None) or self.record.reply_context,
        )

    def _add(self, message: MessageRecord) -> None:
        self.messages.append(message)
        record = self.record
        record.message_count += 1
        if message.type in ANNOTATIONS:
            return  # a reaction, edit or deletion shows on its original: not a line of the conversation
        if record.last_message is None or message.at >= record.last_message.at:
            record.last_message = LastMessage(
                text=message.text[:140], at=message.at, author=message.author, type=message.type
            )
        if message.text:
            record.remember_turn(Turn(id=message.id, author=message.author, text=message.text[:2000], at=message.at))

    def _note(self, transition: Transition, assignee_name: str | None) -> None:
        """A system note in the timeline ("Ana took over"): the conversation's history, not sent anywhere."""
        self.note(
            describe(transition, assignee_name),
            kind="activity",
            data={"transition": transition.model_dump(mode="json")},
            author_name=transition.actor.name,
            id_part=str(len(self.transitions)),
        )

    def private_note(self, text: str, actor: Actor) -> None:
        """A person's note for the team, in the timeline: never sent, not a line of the conversation (the bot's
        context, the inbox preview and the message count leave it out)."""
        operator_id = actor.id if actor.kind == ActorKind.OPERATOR else None
        self._internal(derived_id("note_", self.key), PRIVATE_NOTE, text, AuthorKind.OPERATOR, actor.name, operator_id)

    def note(
        self, text: str, *, kind: str, data: dict[str, Any], author_name: str | None = None, id_part: str = ""
    ) -> None:
        """An internal line of the timeline for the people on the thread (an activity, a flow's answers)."""
        self._internal(
            derived_id("act_", self.key, kind, id_part), kind, text, AuthorKind.SYSTEM, author_name, data=data
        )

    def _internal(
        self,
        message_id: str,
        kind: str,
        text: str,
        author: AuthorKind,
        author_name: str | None,
        author_id: str | None = None,
        data: dict[str, Any] | None = None,
    ) -> None:
        """A line of the timeline that is not sent anywhere (`internal`)."""
        self.messages.append(
            MessageRecord(
                id=message_id,
                thread_key=self.record.thread_key,
                tenant=self.record.tenant,
                channel=self.record.channel,
                direction="internal",
                author=author,
                author_id=author_id,
                author_name=author_name,
                type=kind,
                text=text,
                data=data or {},
                at=self._next_at(),
            )
        )

    # --- the end of the step ------------------------------------------------------------------------------

    @property
    def changed(self) -> bool:
        changed = self.messages or self.updated or self.transitions or self.analysis or self.new or self.notices
        return bool(changed) or self.state() != self.before or self.record.flow != self.flow_before

    def announcement(
        self, *, command_id: str | None = None, outcome: str | None = None, reason: str | None = None
    ) -> ThreadUpdated:
        views = [m.view() for m in [*self.reannounced, *self.messages]]
        return ThreadUpdated(
            **self.cause.lineage(),
            event_id=derived_id("upd_", self.key),
            occurred_at=self.at,
            cause=self.cause.topic,
            thread=self.record.view(),
            messages=views,
            transitions=self.transitions,
            command_id=command_id,
            outcome=outcome,  # type: ignore[arg-type]
            reason=reason,
        )


def customer_message(inbound: MessageReceived) -> MessageRecord:
    content = inbound.content
    data = dict(content.data)
    if content.payload:
        data.setdefault("payload", content.payload)
    return MessageRecord(
        id=inbound.dedupe_key,
        thread_key=inbound.thread_key,
        tenant=inbound.tenant,
        channel=inbound.channel,
        direction="in",
        author=AuthorKind.CUSTOMER,
        author_name=inbound.contact.name,
        type=content.type,
        text=content.text,
        media=content.media,
        data=data,
        at=inbound.occurred_at,
        sent_at=inbound.sent_at,
        provider_message_id=inbound.provider_message_id,
        event_id=inbound.event_id,
    )


def new_thread(inbound: MessageReceived) -> ThreadRecord:
    return ThreadRecord(
        thread_key=inbound.thread_key,
        tenant=inbound.tenant,
        channel=inbound.channel,
        account_id=inbound.account_id,
        contact=inbound.contact,
        conversation=inbound.conversation,
        status=ThreadStatus.BOT,
        status_changed_at=inbound.occurred_at,
        created_at=inbound.occurred_at,
        updated_at=inbound.occurred_at,
        message_ids=[],
    )


def outgoing_type(content: OutboundContent) -> str:
    if content.template is not None:
        return "template"
    if content.attachments:
        return content.attachments[0].kind
    return "text"


BOT_ACTOR = Actor(kind=ActorKind.BOT, name="Bot")
SYSTEM_ACTOR = Actor(kind=ActorKind.SYSTEM, name="Parley")


def customer_actor(inbound: MessageReceived) -> Actor:
    return Actor(kind=ActorKind.CUSTOMER, id=inbound.contact.id, name=inbound.contact.name)


MAX_LABELS = 20
UNLABELLED = frozenset({"", "other"})


def labelled(labels: list[str], category: str) -> list[str]:
    """A thread's labels gain each category its customer's messages fell into (complaint, inquiry, …): what the
    console filters conversations by. "other" says nothing; a thread keeps at most MAX_LABELS."""
    if category in UNLABELLED or category in labels or len(labels) >= MAX_LABELS:
        return labels
    return [*labels, category]
