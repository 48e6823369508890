"""The inbox index: every thread's row (status, assignee, business unit, contact, last activity, and the thread as
the console lists it) in memory, so listing and counting read nothing from the store and finding a contact's threads
reads only theirs, however many threads it holds (docs/adr/0012-console-reads.md); filtering the rows in memory
costs about 15 ms per 10,000.

On FerretDB every filter but a lone `_id` reads the whole collection: with 20,000 threads one list of the inbox
took seconds, and the console asks for a list and the counts on every view. So each replica:
- loads the rows with one projected pass over the threads (`Conversations.thread_rows`) at start-up, once the live
  stream has its offsets (app.py), and again every `reload_seconds` as a safety net;
- keeps them current from `thread.updated`, which it reads anyway for the live console: a thread's newer
  version replaces its row, an older one is ignored (events and passes cross), an erasure removes it;
- answers a list or the counts from the rows alone, and a contact's threads by reading those, each by `_id`.

Until the first pass is done, queries go to the store as before. Erasure and exports keep the store's own query:
they must find every thread, not what this replica has seen."""

import asyncio
import heapq
from collections import Counter
from collections.abc import Iterable

import structlog

from parley_contracts import Channel, ThreadStatus, ThreadUpdated, ThreadView
from parley_conversations.documents import ThreadRecord
from parley_conversations.store import Conversations, ThreadQuery, ThreadRow, View
from parley_dashboard.privacy import is_erasure

log = structlog.get_logger()


class InboxIndex:
    """The rows, by business unit; pure (no I/O): `Inbox` feeds and asks it."""

    def __init__(self) -> None:
        self._rows: dict[str, dict[str, ThreadRow]] = {}  # tenant -> thread key -> row
        self._tenant_of: dict[str, str] = {}
        self._pending: list[ThreadUpdated] | None = None  # updates seen while a pass runs
        self.loaded = False

    def __len__(self) -> int:
        return len(self._tenant_of)

    # --- feeding ---------------------------------------------------------------------------------------------

    def apply(self, update: ThreadUpdated) -> None:
        if self._pending is not None:
            self._pending.append(update)
        if is_erasure(update):
            self._remove(update.thread_key)
        elif update.thread is not None:
            self._put(ThreadRow.of_view(update.thread))

    def begin_pass(self) -> None:
        self._pending = []

    def end_pass(self, rows: Iterable[ThreadRow]) -> None:
        """Replace the rows with a pass's, then apply again what arrived during it (newer versions win)."""
        pending, self._pending = self._pending or [], None
        self._rows.clear()
        self._tenant_of.clear()
        for row in rows:
            self._put(row)
        for update in pending:
            self.apply(update)
        self.loaded = True

    def abandon_pass(self) -> None:
        self._pending = None

    def _put(self, row: ThreadRow) -> None:
        known = self._tenant_of.get(row.thread_key)
        if known is not None:
            if self._rows[known][row.thread_key].version > row.version:
                return
            if known != row.tenant:
                del self._rows[known][row.thread_key]
        self._rows.setdefault(row.tenant, {})[row.thread_key] = row
        self._tenant_of[row.thread_key] = row.tenant

    def _remove(self, thread_key: str) -> None:
        tenant = self._tenant_of.pop(thread_key, None)
        if tenant is not None:
            del self._rows[tenant][thread_key]

    # --- asking ----------------------------------------------------------------------------------------------

    def _candidates(self, tenants: frozenset[str] | None) -> Iterable[ThreadRow]:
        for tenant, rows in self._rows.items():
            if tenants is None or tenant in tenants:
                yield from rows.values()

    def page(self, query: ThreadQuery, skip: int, limit: int) -> tuple[list[ThreadRow], int]:
        """A page of the matching rows, latest activity first, and how many match (only the rows up to the page's
        end are put in order)."""
        rows = [r for r in self._candidates(query.tenants) if query.matches(r)]
        return heapq.nsmallest(skip + limit, rows, key=lambda r: r.newest_first)[skip:], len(rows)

    def counts(self, query: ThreadQuery, views: Iterable[View]) -> dict[View, int]:
        """Every view's count from one pass: rows grouped by status and assignee, the groups tallied per view."""
        every = query.for_view(View.ALL)
        groups = Counter((r.status, r.assignee_id) for r in self._candidates(query.tenants) if every.matches(r))
        return {view: sum(n for (s, a), n in groups.items() if query.in_view(view, s, a)) for view in views}

    def held(self, tenants: frozenset[str] | None) -> Counter[str]:
        """Threads with people, per assignee (analytics: what each operator holds now)."""
        return Counter(
            r.assignee_id
            for r in self._candidates(tenants)
            if r.assignee_id and r.status in (ThreadStatus.NEEDS_HUMAN, ThreadStatus.HUMAN)
        )

    def tenants(self) -> set[str]:
        return {tenant for tenant, rows in self._rows.items() if rows}

    def of_contact(self, channel: Channel, contact_id: str, tenants: frozenset[str] | None) -> list[ThreadRow]:
        """Oldest first, as `Conversations.threads_of_contact`."""
        rows = (r for r in self._candidates(tenants) if r.channel == str(channel) and r.contact_id == contact_id)
        return sorted(rows, key=lambda r: (r.created_at, r.thread_key))


class Inbox:
    """Listing and counting threads for the console: from the index once it is loaded, from the store before."""

    def __init__(self, conversations: Conversations, reload_seconds: float) -> None:
        self._conversations = conversations
        self._reload_seconds = reload_seconds
        self.index = InboxIndex()

    async def load(self) -> None:
        """One pass over the threads; a failure leaves the index as it was (and the next pass tries again)."""
        self.index.begin_pass()
        try:
            rows = [row async for row in self._conversations.thread_rows()]
        except BaseException:
            self.index.abandon_pass()
            raise
        self.index.end_pass(rows)
        log.info("inbox.loaded", threads=len(self.index))

    async def keep_loaded(self) -> None:
        """Run for the life of the app: a pass now, then one every `reload_seconds`."""
        while True:
            try:
                await self.load()
            except Exception as exc:  # the store is down: answer from what is known, or from the store, meanwhile
                log.warning("inbox.load_failed", error=repr(exc))
                await asyncio.sleep(min(self._reload_seconds, 5.0))
                continue
            await asyncio.sleep(self._reload_seconds)

    async def list_threads(self, query: ThreadQuery, *, skip: int, limit: int) -> tuple[list[ThreadView], int]:
        if not self.index.loaded:
            records, total = await self._conversations.list_threads(query, skip=skip, limit=limit)
            return [r.view() for r in records], total
        rows, total = self.index.page(query, skip, limit)
        return [ThreadView.model_validate_json(r.view) for r in rows], total

    async def count_views(self, query: ThreadQuery, views: Iterable[View]) -> dict[View, int]:
        if not self.index.loaded:
            return await self._conversations.count_views(query, views)
        return self.index.counts(query, views)

    async def threads_of_contact(
        self, channel: Channel, contact_id: str, tenants: frozenset[str] | None
    ) -> list[ThreadRecord]:
        if not self.index.loaded:
            return await self._conversations.threads_of_contact(channel, contact_id, tenants)
        rows = self.index.of_contact(channel, contact_id, tenants)
        return await self._conversations.threads_by_key(r.thread_key for r in rows)
