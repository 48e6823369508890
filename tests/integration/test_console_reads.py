"""What the console reads costs the same however much is stored (docs/adr/0012-console-reads.md), checked on the
real store:
- a conversation is read by lone-`_id` reads: the thread document lists its messages' ids in the order the router
  wrote them (on FerretDB any other filter reads the whole collection); a pymongo command listener sees no filter
  but `{_id: …}`;
- the inbox index's predicate (`ThreadQuery.matches`) selects exactly what the store's own filter does, for every
  view, filter and search the console sends."""

from datetime import UTC, datetime, timedelta

import pytest
from pymongo import AsyncMongoClient, monitoring

from parley_contracts import Assignee, Channel, Contact, ThreadStatus
from parley_conversations.documents import MESSAGES, MessageRecord, ThreadRecord
from parley_conversations.store import Conversations, ThreadQuery, View

pytestmark = pytest.mark.integration

AT = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


class Filters(monitoring.CommandListener):
    """The filter of every read sent to the messages collection."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, dict]] = []

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        name = event.command_name
        if name in ("find", "count", "aggregate") and event.command.get(name) == MESSAGES:
            self.seen.append((name, dict(event.command.get("filter") or event.command.get("query") or {})))

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None:
        pass

    def failed(self, event: monitoring.CommandFailedEvent) -> None:
        pass


@pytest.fixture
async def store(infra, database_name):
    filters = Filters()
    client = AsyncMongoClient(infra.mongodb_url, tz_aware=True, event_listeners=[filters])
    yield Conversations(client[database_name]), filters
    await client.drop_database(database_name)
    await client.close()


def thread(key: str, message_ids: list[str] | None) -> ThreadRecord:
    return ThreadRecord(
        thread_key=key,
        tenant="demo",
        channel=Channel.WHATSAPP,
        account_id="100",
        contact=Contact(id="5215550001", name="Carla"),
        status=ThreadStatus.BOT,
        created_at=AT,
        updated_at=AT,
        message_ids=message_ids,
    )


async def write(conversations: Conversations, key: str, count: int) -> list[str]:
    ids = [f"{key}-m{n:03d}" for n in range(count)]
    for n, message_id in enumerate(ids):
        await conversations.add_message(
            MessageRecord(
                id=message_id,
                thread_key=key,
                tenant="demo",
                channel=Channel.WHATSAPP,
                direction="in",
                author="customer",
                text=f"message {n}",
                at=AT + timedelta(seconds=n),
            )
        )
    return ids


async def test_a_page_of_a_conversation_is_read_by_id_alone(store):
    conversations, filters = store
    ids = await write(conversations, "th_long", 120)
    await write(conversations, "th_other", 30)  # another thread's messages: never read
    filters.seen.clear()
    page, total = await conversations.list_messages(thread("th_long", ids), skip=100, limit=50)
    assert total == 120 and [m.id for m in page] == ids[100:]
    assert [m.text for m in page[:2]] == ["message 100", "message 101"]
    assert len(filters.seen) == 20
    assert all(
        name == "find" and list(where) == ["_id"] and isinstance(where["_id"], str) for name, where in filters.seen
    )


async def test_a_thread_stored_before_the_list_existed_is_read_by_query_with_the_same_page(store):
    conversations, filters = store
    ids = await write(conversations, "th_legacy", 60)
    await write(conversations, "th_next", 5)
    by_query, total = await conversations.list_messages(thread("th_legacy", None), skip=10, limit=20)
    by_id, listed = await conversations.list_messages(thread("th_legacy", ids), skip=10, limit=20)
    assert total == listed == 60
    assert [m.id for m in by_query] == [m.id for m in by_id] == ids[10:30]
    assert any(where == {"thread_key": "th_legacy"} for _, where in filters.seen)  # the query path was taken


async def test_a_listed_message_that_is_gone_is_left_out(store):
    conversations, _ = store
    ids = await write(conversations, "th_gone", 3)
    page, total = await conversations.list_messages(thread("th_gone", [*ids, "th_gone-erased"]), skip=0, limit=10)
    assert [m.id for m in page] == ids and total == 4


async def test_the_inbox_index_selects_what_the_stores_filter_selects(store):
    conversations, _ = store
    people = [None, Assignee(id="op_me", name="Ana"), Assignee(id="op_x", name="Xu")]
    names = ["Zoë Álvarez", "carla", "CARLOS", None, "Ana (VIP)"]
    records = []
    for n in range(60):
        status = list(ThreadStatus)[n % len(ThreadStatus)]
        assignee = people[n % 3] if status in (ThreadStatus.NEEDS_HUMAN, ThreadStatus.HUMAN) else None
        record = ThreadRecord(
            thread_key=f"th_q_{n:02d}",
            tenant=["demo", "aurora", "solmar"][n % 3],
            channel=[Channel.WHATSAPP, Channel.TELEGRAM, Channel.EMAIL, Channel.MESSENGER][n % 4],
            account_id="1",
            contact=Contact(id=f"52155{n:05d}", name=names[n % 5]),
            status=status,
            assignee=assignee,
            labels=[["billing"], [], ["billing", "vip"]][n % 3],
            created_at=AT + timedelta(minutes=n),
            updated_at=AT + timedelta(minutes=n),
        )
        records.append(record)
        await conversations.save_thread(record, new=True)
    rows = [row async for row in conversations.thread_rows()]
    assert len(rows) == 60
    queries = [
        ThreadQuery(tenants=tenants, me="op_me", view=view)
        for tenants in (None, frozenset({"demo"}), frozenset({"demo", "solmar"}))
        for view in View
    ] + [
        ThreadQuery(tenants=None, status=ThreadStatus.HUMAN),
        ThreadQuery(tenants=None, channel=Channel.TELEGRAM, tenant="aurora"),
        ThreadQuery(tenants=None, assignee="op_x"),
        ThreadQuery(tenants=None, label="vip"),
        ThreadQuery(tenants=None, search="carl"),
        ThreadQuery(tenants=None, search="zOË"),
        ThreadQuery(tenants=None, search="(VIP)"),
        ThreadQuery(tenants=None, search="0001"),
        ThreadQuery(tenants=frozenset({"demo"}), me="op_me", view=View.MINE, label="billing", search="a"),
    ]
    for query in queries:
        stored, total = await conversations.list_threads(query, skip=0, limit=100)
        selected = sorted((r for r in rows if query.matches(r)), key=lambda r: r.newest_first)
        assert [r.thread_key for r in selected] == [t.thread_key for t in stored], query
        assert total == len(selected)
    # The queries discriminate: most select some threads and leave others.
    assert sum(1 for query in queries if 0 < sum(map(query.matches, rows)) < len(rows)) >= 15


async def test_pages_counted_back_from_the_newest_message_listed_or_not(store):
    conversations, _ = store
    ids = await write(conversations, "th_back", 25)
    for listed in (ids, None):
        record = thread("th_back", listed)
        latest, total = await conversations.list_messages(record, skip=0, limit=10, from_newest=True)
        before, _ = await conversations.list_messages(record, skip=20, limit=10, from_newest=True)
        beyond, _ = await conversations.list_messages(record, skip=30, limit=10, from_newest=True)
        assert total == 25 and [m.id for m in latest] == ids[15:]  # oldest first within the page
        assert [m.id for m in before] == ids[:5] and beyond == []


async def test_unset_fields_are_not_stored_and_queries_still_read_them_as_null(store, db):
    """A thread is stored without its unset fields (FerretDB converts every field written); the views and the
    timers' query must find a missing field where they look for null, as MongoDB does."""
    conversations, _ = store
    waiting = thread("th_unset_waiting", []).model_copy(update={"status": ThreadStatus.NEEDS_HUMAN})
    done = thread("th_unset_done", []).model_copy(update={"status": ThreadStatus.RESOLVED, "partition": 0})
    bot = thread("th_unset_bot", []).model_copy(update={"partition": 0})
    for record in (waiting, done, bot):
        await conversations.save_thread(record, new=True)
    raw = await db["threads"].find_one({"_id": "th_unset_waiting"})
    assert raw is not None and {"assignee", "flow_due_at", "language"}.isdisjoint(raw)
    unassigned, total = await conversations.list_threads(
        ThreadQuery(tenants=None, view=View.UNASSIGNED), skip=0, limit=10
    )
    assert [t.thread_key for t in unassigned] == ["th_unset_waiting"] and total == 1
    assert (await conversations.count_views(ThreadQuery(tenants=None), [View.UNASSIGNED]))[View.UNASSIGNED] == 1
    assert [t.thread_key for t in await conversations.open_threads([0])] == ["th_unset_bot"]  # resolved, no flow: out
    assert await conversations.thread("th_unset_waiting") == waiting
