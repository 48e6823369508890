"""The inbox index (parley_dashboard.inbox): rows kept current from `thread.updated`, newer versions winning, and
the console's lists, counts and a contact's threads answered from them."""

from datetime import UTC, datetime, timedelta

from parley_contracts import THREAD_COMMAND, Assignee, Channel, Contact, ThreadStatus, ThreadUpdated
from parley_conversations.documents import ThreadRecord
from parley_conversations.store import ThreadQuery, ThreadRow, View
from parley_dashboard.inbox import InboxIndex
from tests.events import announced

AT = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
DEMO = frozenset({"demo"})


def thread(key: str, minutes: int, status=ThreadStatus.BOT, version=1, tenant="demo", **fields) -> ThreadRecord:
    return ThreadRecord(
        thread_key=key,
        tenant=tenant,
        channel=fields.pop("channel", Channel.WHATSAPP),
        account_id="100",
        contact=fields.pop("contact", Contact(id=f"52155{minutes:05d}", name=f"Customer {key}")),
        status=status,
        created_at=AT + timedelta(minutes=minutes),
        updated_at=AT + timedelta(minutes=minutes),
        version=version,
        **fields,
    )


def update(record: ThreadRecord) -> ThreadUpdated:
    return announced(record.view())


def erased(record: ThreadRecord) -> ThreadUpdated:
    return ThreadUpdated(
        tenant=record.tenant,
        channel=record.channel,
        thread_key=record.thread_key,
        cause=THREAD_COMMAND,
        outcome="applied",
        thread=None,
    )


def loaded(*records: ThreadRecord) -> InboxIndex:
    index = InboxIndex()
    index.begin_pass()
    index.end_pass(ThreadRow.of_document(r.to_document()) for r in records)
    return index


def keys(rows: list[ThreadRow]) -> list[str]:
    return [r.thread_key for r in rows]


def selected(index: InboxIndex, query: ThreadQuery) -> list[str]:
    page, total = index.page(query, 0, 1000)
    assert total == len(page)
    return keys(page)


def test_a_list_is_latest_activity_first_within_ones_business_units():
    index = loaded(thread("a", 1), thread("b", 3), thread("c", 2), thread("x", 9, tenant="aurora"))
    assert selected(index, ThreadQuery(tenants=DEMO)) == ["b", "c", "a"]
    assert selected(index, ThreadQuery(tenants=None)) == ["x", "b", "c", "a"]


def test_pages_are_slices_of_the_whole_order_with_its_total():
    index = loaded(*(thread(f"t{n:02d}", n) for n in range(25)))
    first, total = index.page(ThreadQuery(tenants=DEMO), 0, 10)
    third, _ = index.page(ThreadQuery(tenants=DEMO), 20, 10)
    assert total == 25 and keys(first) == [f"t{n:02d}" for n in range(24, 14, -1)]
    assert keys(third) == ["t04", "t03", "t02", "t01", "t00"]
    assert index.page(ThreadQuery(tenants=DEMO), 30, 10) == ([], 25)


def test_views_filters_and_search_as_the_stores_query():
    me = Assignee(id="op_me", name="Ana")
    index = loaded(
        thread("bot", 1),
        thread("waiting", 2, ThreadStatus.NEEDS_HUMAN),
        thread("mine", 3, ThreadStatus.HUMAN, assignee=me, labels=["billing"]),
        thread("theirs", 4, ThreadStatus.HUMAN, assignee=Assignee(id="op_x", name="X")),
        thread("done", 5, ThreadStatus.RESOLVED, contact=Contact(id="5215512345", name="Zoë Álvarez")),
    )
    query = ThreadQuery(tenants=DEMO, me="op_me")
    assert selected(index, query.for_view(View.MINE)) == ["mine"]
    assert selected(index, query.for_view(View.UNASSIGNED)) == ["waiting"]
    assert selected(index, query.for_view(View.BOT)) == ["bot"]
    assert selected(index, ThreadQuery(tenants=DEMO, label="billing")) == ["mine"]
    assert selected(index, ThreadQuery(tenants=DEMO, status=ThreadStatus.RESOLVED)) == ["done"]
    assert selected(index, ThreadQuery(tenants=DEMO, search="zOË")) == ["done"]  # names: any case
    assert selected(index, ThreadQuery(tenants=DEMO, search="12345")) == ["done"]  # numbers: a part
    assert selected(index, ThreadQuery(tenants=DEMO, search="a.z")) == []  # searched as text, not a pattern
    assert index.counts(query, list(View)) == {View.MINE: 1, View.UNASSIGNED: 1, View.BOT: 1, View.ALL: 5}


def test_a_newer_update_replaces_a_row_and_an_older_one_is_ignored():
    index = loaded(thread("a", 1, version=3))
    index.apply(update(thread("a", 1, ThreadStatus.NEEDS_HUMAN, version=2)))  # late: older than the pass
    assert index.page(ThreadQuery(tenants=DEMO), 0, 1)[0][0].status == "bot"
    index.apply(update(thread("a", 1, ThreadStatus.NEEDS_HUMAN, version=4)))
    assert index.page(ThreadQuery(tenants=DEMO), 0, 1)[0][0].status == "needs_human"
    index.apply(update(thread("new", 7)))  # a thread created after the pass
    assert selected(index, ThreadQuery(tenants=DEMO)) == ["new", "a"]


def test_an_erased_thread_leaves_the_index():
    record = thread("a", 1)
    index = loaded(record, thread("b", 2))
    index.apply(erased(record))
    assert selected(index, ThreadQuery(tenants=DEMO)) == ["b"] and len(index) == 1


def test_what_arrives_during_a_pass_is_applied_on_top_of_it():
    index = loaded(thread("gone", 1), thread("a", 2))
    index.begin_pass()
    index.apply(update(thread("a", 2, ThreadStatus.RESOLVED, version=5)))
    index.apply(erased(thread("gone", 1)))
    # The pass read both before those updates happened.
    index.end_pass(
        [ThreadRow.of_document(thread("gone", 1).to_document()), ThreadRow.of_document(thread("a", 2).to_document())]
    )
    [row], _ = index.page(ThreadQuery(tenants=DEMO), 0, 10)
    assert row.thread_key == "a" and row.status == "resolved"


def test_a_failed_pass_keeps_what_was_known_and_nothing_is_answered_before_the_first():
    index = InboxIndex()
    assert not index.loaded
    index.begin_pass()
    index.abandon_pass()
    assert not index.loaded
    index = loaded(thread("a", 1))
    index.begin_pass()
    index.abandon_pass()
    index.apply(update(thread("b", 2)))
    assert index.loaded and selected(index, ThreadQuery(tenants=DEMO)) == ["b", "a"]


def test_a_contacts_threads_oldest_first_on_one_channel_within_ones_units():
    carla = Contact(id="521999", name="Carla")
    index = loaded(
        thread("second", 5, contact=carla),
        thread("first", 1, contact=carla),
        thread("messenger", 2, contact=carla, channel=Channel.MESSENGER),
        thread("elsewhere", 3, contact=carla, tenant="aurora"),
        thread("someone", 4),
    )
    assert keys(index.of_contact(Channel.WHATSAPP, "521999", DEMO)) == ["first", "second"]
    assert keys(index.of_contact(Channel.WHATSAPP, "521999", None)) == ["first", "elsewhere", "second"]


def test_a_row_from_a_document_and_from_an_announcement_agree():
    record = thread("a", 1, ThreadStatus.HUMAN, assignee=Assignee(id="op_1", name="Ana"), labels=["x"])
    assert ThreadRow.of_document(record.to_document()) == ThreadRow.of_view(record.view())
