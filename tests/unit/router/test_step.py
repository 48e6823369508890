"""The router's step, in pure code: what one record does to one thread, and that doing it again after a crash
gives the same ids (at-least-once without duplicates downstream)."""

from datetime import timedelta

from parley_contracts import (
    Actor,
    ActorKind,
    Analysis,
    AuthorKind,
    Channel,
    CommandAction,
    OutboundContent,
    ThreadCommand,
    ThreadStatus,
)
from parley_conversations.state_machine import Change, Trigger
from parley_router.step import BOT_ACTOR, MAX_LABELS, SYSTEM_ACTOR, Step, customer_actor, labelled, reply_send_id
from tests.events import analyzed, received


def test_a_first_message_starts_a_thread_with_the_bot():
    inbound = received("hello")
    step = Step.on("rcv:" + inbound.dedupe_key, inbound, None, inbound)
    step.receive(inbound)
    step.apply(Change(Trigger.CUSTOMER_MESSAGE, customer_actor(inbound), step.at))
    record = step.record
    assert step.new and record.status == ThreadStatus.BOT and record.message_count == 1
    assert record.last_inbound_at == inbound.sent_at and record.reply_window_closes_at is not None
    assert [m.id for m in step.messages] == [inbound.dedupe_key] and step.transitions == []
    assert record.contact.name == "Test Customer" and [t.text for t in record.recent] == ["hello"]


def test_a_handoff_with_an_assignment_leaves_notes_in_order_and_the_holding_message_last():
    inbound = received("a person please")
    event = analyzed(inbound, wants_human=True)
    step = Step.on("ana:" + inbound.dedupe_key, event, None, inbound)
    step.receive(inbound)
    step.analysed(inbound, event.analysis)
    step.apply(Change(Trigger.HANDOFF, BOT_ACTOR, step.at, reason="customer_asked"))
    step.apply(Change(Trigger.AUTO_ASSIGN, SYSTEM_ACTOR, step.at, target="op_ana"), {"op_ana": "Ana Lima"})
    send = step.outgoing(
        OutboundContent(text="Passing you on"), AuthorKind.BOT, send_id=reply_send_id(inbound.dedupe_key)
    )
    step.send(send, "Assistant")

    record = step.record
    assert record.status == ThreadStatus.NEEDS_HUMAN and record.assignee.name == "Ana Lima"
    assert record.handoff_reason == "customer_asked"
    kinds = [(m.author, m.type) for m in step.messages]
    assert kinds == [("customer", "text"), ("system", "activity"), ("system", "activity"), ("bot", "text")]
    times = [m.at for m in step.messages]
    assert times == sorted(times) and len(set(times[1:])) == 3
    assert step.messages[0].analysis == event.analysis
    assert "Ana Lima" in step.messages[2].text
    assert send.in_reply_to == inbound.dedupe_key and send.reply_to_provider_id == inbound.provider_message_id
    update = step.announcement()
    assert [t.trigger for t in update.transitions] == ["handoff", "auto_assign"]
    assert update.thread.assignee.id == "op_ana" and update.cause == "message.analyzed"


def test_replaying_a_step_gives_the_same_ids():
    inbound = received("a person please")
    event = analyzed(inbound, wants_human=True)

    def run() -> Step:
        step = Step.on("ana:" + inbound.dedupe_key, event, None, inbound)
        step.receive(inbound)
        step.apply(Change(Trigger.HANDOFF, BOT_ACTOR, step.at, reason="customer_asked"))
        return step

    first, second = run(), run()
    assert [m.id for m in first.messages] == [m.id for m in second.messages]
    assert first.announcement().event_id == second.announcement().event_id


def test_an_analysis_of_a_message_stored_before_is_announced_with_the_message():
    inbound = received("where is my order?")
    event = analyzed(inbound)
    stored = Step.on("rcv:" + inbound.dedupe_key, inbound, None, inbound)
    stored.receive(inbound)
    step = Step.on("ana:" + inbound.dedupe_key, event, stored.record, inbound)
    step.analysed(inbound, Analysis(language="en"))
    assert step.messages == [] and [m.id for m in step.announcement().messages] == [inbound.dedupe_key]
    assert step.announcement().messages[0].analysis.language == "en" and step.record.message_count == 1


def test_an_operator_reply_takes_the_thread_and_is_authored_by_the_operator():
    inbound = received("hi")
    start = Step.on("rcv", inbound, None, inbound)
    start.receive(inbound)
    ana = Actor(kind=ActorKind.OPERATOR, id="op_ana", name="Ana Lima")
    command = ThreadCommand(
        tenant="demo",
        channel=inbound.channel,
        thread_key=inbound.thread_key,
        action=CommandAction.REPLY,
        actor=ana,
        content=OutboundContent(text="I'm Ana"),
    )
    step = Step.on("cmd:" + command.command_id, command, start.record, None)
    step.apply(Change(Trigger.OPERATOR_REPLY, ana, step.at))
    send = step.outgoing(command.content, AuthorKind.OPERATOR, send_id="snd_x", operator_id="op_ana")
    step.send(send, "Ana Lima")
    assert step.record.status == ThreadStatus.HUMAN and step.record.assignee.id == "op_ana"
    operator_message = step.messages[-1]
    assert (operator_message.author, operator_message.author_id, operator_message.author_name) == (
        "operator",
        "op_ana",
        "Ana Lima",
    )
    assert send.recipient.id == inbound.contact.id and send.in_reply_to is None
    assert send.tag is None
    tagged = step.outgoing(command.content, AuthorKind.OPERATOR, send_id="snd_y", tag="HUMAN_AGENT")
    assert tagged.tag == "HUMAN_AGENT"  # the router passes windows.message_tag's answer through to outbound


def test_a_thread_is_labelled_with_the_categories_of_its_customers_messages():
    inbound = received("this is the third time my order is late")
    step = Step.on("rcv:" + inbound.dedupe_key, inbound, None, inbound)
    step.receive(inbound)
    step.analysed(inbound, Analysis(language="en", category="complaint"))
    step.analysed(inbound, Analysis(language="en", category="complaint"))
    step.analysed(inbound, Analysis(language="en", category="other"))
    assert step.record.labels == ["complaint"]
    full = [f"c{i}" for i in range(MAX_LABELS)]
    assert labelled(full, "inquiry") is full and labelled(["complaint"], "inquiry") == ["complaint", "inquiry"]


def test_a_thread_keeps_its_conversation_and_its_sends_carry_it():
    inbound = received("is it blue?").model_copy(
        update={"channel": Channel.MERCADOLIBRE, "conversation": "question:11764931832"}
    )
    step = Step.on("rcv:" + inbound.dedupe_key, inbound, None, inbound)
    step.receive(inbound)
    assert step.record.conversation == "question:11764931832" and step.record.replies_sent == 0
    send = step.outgoing(OutboundContent(text="Yes"), AuthorKind.BOT, send_id=reply_send_id(inbound.dedupe_key))
    step.send(send, author_name="Bot")
    assert send.conversation == "question:11764931832" and step.record.replies_sent == 1


def test_messenger_threads_say_until_when_a_person_may_still_answer():
    whatsapp = received("hello")
    messenger = whatsapp.model_copy(update={"channel": Channel.MESSENGER})
    for inbound, person_hours in ((whatsapp, None), (messenger, 168)):
        step = Step.on("rcv:" + inbound.dedupe_key, inbound, None, inbound)
        step.receive(inbound)
        record = step.record
        assert record.reply_window_closes_at == inbound.sent_at + timedelta(hours=24)
        expected = inbound.sent_at + timedelta(hours=person_hours) if person_hours else None
        assert record.operator_window_closes_at == expected
        assert record.view().operator_window_closes_at == expected


def test_the_customers_latest_reply_context_goes_onto_every_send_of_the_thread():
    first = received("hi").model_copy(update={"reply_context": {"message_id": "<a@x>", "subject": "Order"}})
    start = Step.on("rcv:1", first, None, first)
    start.receive(first)
    later = first.model_copy(
        update={
            "reply_context": {"message_id": "<b@x>", "subject": "Re: Order"},
            "sent_at": first.sent_at + timedelta(1),
        }
    )
    older = first.model_copy(update={"reply_context": {"message_id": "<0@x>"}, "sent_at": first.sent_at - timedelta(1)})
    step = Step.on("rcv:2", later, start.record, later)
    step.receive(later)
    step.receive(older)  # a late delivery of an older mail does not become what replies answer
    assert step.record.reply_context == {"message_id": "<b@x>", "subject": "Re: Order"}

    command = ThreadCommand(
        tenant="demo",
        channel=first.channel,
        thread_key=first.thread_key,
        action=CommandAction.REPLY,
        actor=Actor(kind=ActorKind.OPERATOR, id="op_ana", name="Ana Lima"),
        content=OutboundContent(text="I'm Ana"),
    )
    operator = Step.on("cmd:" + command.command_id, command, step.record, None)
    send = operator.outgoing(command.content, AuthorKind.OPERATOR, send_id="snd_y", operator_id="op_ana")
    assert send.reply_context == {"message_id": "<b@x>", "subject": "Re: Order"}
    bot = Step.on("ana:1", first, step.record, first).outgoing(
        OutboundContent(text="ok"), AuthorKind.BOT, send_id="snd_z"
    )
    assert bot.reply_context == {"message_id": "<a@x>", "subject": "Order"}  # the bot answers the message it read


def test_a_private_note_is_a_line_of_the_timeline_for_the_team_only():
    inbound = received("hi")
    start = Step.on("rcv", inbound, None, inbound)
    start.receive(inbound)
    before = start.record.model_copy(deep=True)
    ana = Actor(kind=ActorKind.OPERATOR, id="op_ana", name="Ana Lima")
    command = ThreadCommand(
        tenant="demo",
        channel=inbound.channel,
        thread_key=inbound.thread_key,
        action=CommandAction.NOTE,
        actor=ana,
        content=OutboundContent(text="VIP customer: be quick"),
    )
    step = Step.on("cmd:" + command.command_id, command, start.record, None)
    step.private_note("VIP customer: be quick", ana)
    [note] = step.messages
    assert (note.direction, note.author, note.author_id, note.author_name, note.type, note.text) == (
        "internal",
        "operator",
        "op_ana",
        "Ana Lima",
        "note",
        "VIP customer: be quick",
    )
    assert note.send_id is None and step.sends == [] and step.transitions == []
    record = step.record  # not a line of the conversation: the count, the preview and the bot's context ignore it
    assert (record.status, record.message_count, record.last_message, record.recent) == (
        before.status,
        before.message_count,
        before.last_message,
        before.recent,
    )
    assert step.changed
