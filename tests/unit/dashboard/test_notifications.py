from datetime import UTC, datetime

from parley_contracts import (
    Actor,
    ActorKind,
    Assignee,
    AuthorKind,
    Channel,
    Contact,
    DeliveryState,
    MessageView,
    ThreadStatus,
    ThreadUpdated,
    ThreadView,
    Transition,
)
from parley_conversations.operators import Operator, Role
from parley_dashboard.notifications import notifications_for

AT = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
SYSTEM = Actor(kind=ActorKind.SYSTEM, name="Parley")
BOT = Actor(kind=ActorKind.BOT, name="Bot")
ANA = Actor(kind=ActorKind.OPERATOR, id="op_ana", name="Ana")


def person(op_id: str, role: Role, tenants=("demo",), active=True) -> Operator:
    return Operator(
        id=op_id, email=f"{op_id}@x.io", name=op_id, role=role, tenants=list(tenants), active=active, created_at=AT
    )


TEAM = [
    person("op_ana", Role.OPERATOR),
    person("op_boss", Role.MANAGER),
    person("op_admin", Role.ADMIN),
    person("op_other_unit", Role.MANAGER, tenants=("aurora",)),
    person("op_gone", Role.MANAGER, active=False),
]


def thread(status: ThreadStatus, assignee: str | None) -> ThreadView:
    return ThreadView(
        thread_key="th_1",
        tenant="demo",
        channel=Channel.WHATSAPP,
        account_id="1",
        contact=Contact(id="521", name="Carla"),
        status=status,
        assignee=Assignee(id=assignee, name=assignee) if assignee else None,
        handoff_reason="customer_asked" if status != ThreadStatus.BOT else None,
        created_at=AT,
        updated_at=AT,
    )


def transition(trigger: str, frm, to, from_assignee=None, to_assignee=None, actor=SYSTEM, reason=None) -> Transition:
    return Transition(
        trigger=trigger,
        from_status=frm,
        to_status=to,
        from_assignee=from_assignee,
        to_assignee=to_assignee,
        actor=actor,
        reason=reason,
        at=AT,
    )


def update(view: ThreadView, transitions=(), messages=(), cause="message.analyzed") -> ThreadUpdated:
    return ThreadUpdated(
        tenant="demo",
        channel=Channel.WHATSAPP,
        thread_key="th_1",
        event_id="upd_1",
        occurred_at=AT,
        cause=cause,
        thread=view,
        transitions=list(transitions),
        messages=list(messages),
    )


def test_a_handoff_assigned_by_workload_tells_the_assignee_and_emails_the_units_managers():
    notes = notifications_for(
        update(
            thread(ThreadStatus.NEEDS_HUMAN, "op_ana"),
            [
                transition("handoff", ThreadStatus.BOT, ThreadStatus.NEEDS_HUMAN, actor=BOT, reason="customer_asked"),
                transition("auto_assign", ThreadStatus.NEEDS_HUMAN, ThreadStatus.NEEDS_HUMAN, to_assignee="op_ana"),
            ],
        ),
        TEAM,
    )
    by_kind = {(n.recipient, n.kind): n for n in notes}
    assert set(by_kind) == {("op_ana", "assigned"), ("op_boss", "handoff"), ("op_admin", "handoff")}
    assert by_kind[("op_ana", "assigned")].email is False
    handoff = by_kind[("op_boss", "handoff")]
    assert handoff.email and "Carla" in handoff.title and "Assigned to op_ana" in handoff.body
    assert len({n.id for n in notes}) == 3
    assert notifications_for(update(thread(ThreadStatus.NEEDS_HUMAN, "op_ana")), TEAM) == []


def test_nobody_available_is_said_to_managers():
    notes = notifications_for(
        update(
            thread(ThreadStatus.NEEDS_HUMAN, None),
            [transition("handoff", ThreadStatus.BOT, ThreadStatus.NEEDS_HUMAN, actor=BOT, reason="no_answer")],
        ),
        TEAM,
    )
    assert {n.recipient for n in notes} == {"op_boss", "op_admin"}
    assert all("Nobody is available" in n.body for n in notes)


def test_taking_over_yourself_notifies_nobody_but_being_assigned_does():
    took = transition("take_over", ThreadStatus.BOT, ThreadStatus.HUMAN, to_assignee="op_ana", actor=ANA)
    assert notifications_for(update(thread(ThreadStatus.HUMAN, "op_ana"), [took]), TEAM) == []
    boss = Actor(kind=ActorKind.OPERATOR, id="op_boss", name="Boss")
    given = transition("assign", ThreadStatus.HUMAN, ThreadStatus.HUMAN, "op_boss", "op_ana", actor=boss)
    [note] = notifications_for(update(thread(ThreadStatus.HUMAN, "op_ana"), [given]), TEAM)
    assert note.recipient == "op_ana" and note.title.endswith("by Boss")


def test_a_customer_writing_to_a_held_thread_tells_its_holder_and_a_failed_reply_tells_its_author():
    customer = MessageView(id="m1", thread_key="th_1", direction="in", author=AuthorKind.CUSTOMER, text="hello?", at=AT)
    held = thread(ThreadStatus.HUMAN, "op_ana")
    [note] = notifications_for(update(held, messages=[customer], cause="message.received"), TEAM)
    assert (note.recipient, note.kind, note.body) == ("op_ana", "new_message", "hello?")
    assert notifications_for(update(held, messages=[customer], cause="message.analyzed"), TEAM) == []
    assert (
        notifications_for(update(thread(ThreadStatus.BOT, None), messages=[customer], cause="message.received"), TEAM)
        == []
    )
    failed = MessageView(
        id="snd_1",
        thread_key="th_1",
        direction="out",
        author=AuthorKind.OPERATOR,
        author_id="op_ana",
        at=AT,
        status=DeliveryState.FAILED,
        error="131047: Re-engagement message",
    )
    [note] = notifications_for(update(thread(ThreadStatus.HUMAN, "op_ana"), messages=[failed]), TEAM)
    assert note.kind == "delivery_failed" and "131047" in note.body


def note_by(author_id: str, text: str) -> MessageView:
    return MessageView(
        id="note_1",
        thread_key="th_1",
        direction="internal",
        author=AuthorKind.OPERATOR,
        author_id=author_id,
        author_name="Ana Lima",
        type="note",
        text=text,
        at=AT,
    )


def test_a_private_note_tells_the_colleagues_it_mentions_and_nobody_else():
    team = [
        person("op_ana", Role.OPERATOR),
        Operator(
            id="op_b", email="ben.okafor@x.io", name="Ben Okafor", role=Role.OPERATOR, tenants=["demo"], created_at=AT
        ),
        Operator(id="op_c", email="cleo@x.io", name="Cleo Diaz", role=Role.MANAGER, tenants=["demo"], created_at=AT),
        Operator(
            id="op_d", email="dan@x.io", name="Dan", role=Role.OPERATOR, tenants=["demo"], active=False, created_at=AT
        ),
    ]
    text = "@BEN can you call her? cc @cleo. Not @dan (gone), not me@ana, not email@cleo.io, and @ana is me"
    notes = notifications_for(update(thread(ThreadStatus.HUMAN, "op_ana"), messages=[note_by("op_ana", text)]), team)
    assert sorted(n.recipient for n in notes) == ["op_b", "op_c"]
    assert {n.kind for n in notes} == {"mention"} and notes[0].title == "Ana Lima mentioned you on Carla"
    assert notes[0].body == text[:140] and not notes[0].email
    by_email_name = note_by("op_ana", "@ben.okafor please")
    [again] = notifications_for(update(thread(ThreadStatus.BOT, None), messages=[by_email_name]), team)
    assert again.recipient == "op_b"


def test_an_ordinary_message_mentioning_someone_tells_nobody():
    reply = MessageView(
        id="m2",
        thread_key="th_1",
        direction="out",
        author=AuthorKind.OPERATOR,
        author_id="op_ana",
        text="@ben hi",
        at=AT,
    )
    team = [Operator(id="op_b", email="ben@x.io", name="Ben", role=Role.OPERATOR, tenants=["demo"], created_at=AT)]
    assert notifications_for(update(thread(ThreadStatus.HUMAN, "op_ana"), messages=[reply]), team) == []
