"""What dashboard-api does with each `thread.updated`, one listener per concern:

- live (every replica, no consumer group): keep the inbox index current, answer waiting commands, push to open
  consoles;
- notify (one consumer group across replicas, at-least-once): store notifications, email managers; and when the
  router announces a thread erased, forget that thread's notifications and emails (any stored after the
  erasure was requested: updates of a thread reach this listener in order, the erasure last)."""

import structlog

from parley_business import BusinessUnitStore
from parley_contracts import AuthorKind, ThreadUpdated
from parley_conversations.roster import Roster
from parley_dashboard.commands import CommandGateway
from parley_dashboard.inbox import InboxIndex
from parley_dashboard.live import LiveHub
from parley_dashboard.mailer import Email, Mailer
from parley_dashboard.notifications import Notification, NotificationStore, notifications_for
from parley_dashboard.privacy import forget_threads, is_erasure

log = structlog.get_logger()


class LiveListener:
    def __init__(self, commands: CommandGateway, hub: LiveHub, roster: Roster, index: InboxIndex) -> None:
        self._commands = commands
        self._hub = hub
        self._roster = roster
        self._index = index

    async def on_update(self, update: ThreadUpdated) -> None:
        self._index.apply(update)  # before the waiting command is answered: its caller lists what it did
        self._commands.resolve(update)
        if self._hub.connections:
            self._hub.publish(update, notifications_for(update, await self._roster.of_tenant(update.tenant)))


class NotifyListener:
    def __init__(
        self, store: NotificationStore, roster: Roster, units: BusinessUnitStore, mailer: Mailer, public_url: str
    ) -> None:
        self._store = store
        self._roster = roster
        self._units = units
        self._mailer = mailer
        self._public_url = public_url.rstrip("/")

    async def on_update(self, update: ThreadUpdated) -> None:
        if is_erasure(update):
            await forget_threads(self._store, self._mailer, [update.thread_key])
            return
        team = await self._roster.of_tenant(update.tenant)
        notes = notifications_for(update, team)
        for note in notes:
            await self._store.add(note)
        emailed = [n for n in notes if n.email]
        if emailed and self._mailer.enabled and (await self._units.get(update.tenant)).email_managers:
            addresses = {o.id: o.email for o in team}
            for note in emailed:
                if note.recipient in addresses:
                    await self._mailer.send_once(self._email(note, addresses[note.recipient], update))
        if notes:
            log.info("notifications.stored", count=len(notes), emailed=len(emailed))

    def _email(self, note: Notification, to: str, update: ThreadUpdated) -> Email:
        thread = update.thread
        lines = [note.body, ""]
        if thread:
            lines += [
                f"Business unit: {thread.tenant}",
                f"Channel: {thread.channel}",
                f"Contact: {thread.contact.name or ''} ({thread.contact.id})",
            ]
        customer = [m.text for m in update.messages if m.author == AuthorKind.CUSTOMER and m.text]
        if customer:
            lines.append(f"The customer wrote: {customer[-1][:500]}")
        lines += ["", f"Open it: {self._public_url}/#/threads/{update.thread_key}"]
        return Email(id=note.id, to=to, subject=f"[Parley] {note.title}", body="\n".join(lines))
