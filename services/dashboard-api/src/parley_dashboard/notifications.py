"""In-app notifications (and which of them are also emailed), derived from `thread.updated`.

`notifications_for` is pure: the notifier (one consumer group: each update handled once) stores what it
returns and sends the emails; every dashboard-api replica's live stream computes the same list to push it
to the recipients' open consoles. Ids are derived from the update, so storing is idempotent."""

import hashlib
import re
from datetime import datetime

from pydantic import BaseModel
from pymongo import DESCENDING
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError

from parley_contracts import (
    MESSAGE_RECEIVED,
    PRIVATE_NOTE,
    AuthorKind,
    DeliveryState,
    ThreadStatus,
    ThreadUpdated,
)
from parley_conversations.operators import Operator, Role
from parley_conversations.reasons import describe_handoff
from parley_runtime.mongo import by_id

NOTIFICATIONS = "notifications"


class Notification(BaseModel):
    id: str
    recipient: str
    tenant: str
    thread_key: str | None
    kind: str  # assigned, handoff, new_message, delivery_failed
    title: str
    body: str = ""
    created_at: datetime
    read_at: datetime | None = None
    email: bool = False  # also sent by email (handoffs, to managers)


def _id(update: ThreadUpdated, recipient: str, kind: str) -> str:
    return "ntf_" + hashlib.sha256(f"{update.event_id}\x1f{recipient}\x1f{kind}".encode()).hexdigest()[:32]


MENTION = re.compile(r"(?<![\w@])@([\w.-]+)")


def mentioned(text: str, team: list[Operator]) -> list[Operator]:
    """The colleagues a note names with `@`: by first name, by the part of their email before the `@`, or by id
    (case does not matter); a name two of them share names both."""
    words = {m.rstrip(".-").casefold() for m in MENTION.findall(text)}
    return [
        o
        for o in team
        if o.active and words & {o.name.split()[0].casefold(), o.email.split("@")[0].casefold(), o.id.casefold()}
    ]


def notifications_for(update: ThreadUpdated, team: list[Operator]) -> list[Notification]:
    """Who hears about this update: the new assignee; managers when a conversation needs a person; the
    assignee of a held conversation when the customer writes; an operator whose reply failed; colleagues a
    private note mentions (`@ben`)."""
    notes: list[Notification] = []
    thread = update.thread
    contact = (thread.contact.name or thread.contact.id) if thread else "a customer"

    def note(recipient: str, kind: str, title: str, body: str = "", email: bool = False) -> None:
        if all(n.id != _id(update, recipient, kind) for n in notes):
            notes.append(
                Notification(
                    id=_id(update, recipient, kind),
                    recipient=recipient,
                    tenant=update.tenant,
                    thread_key=update.thread_key,
                    kind=kind,
                    title=title,
                    body=body,
                    created_at=update.occurred_at,
                    email=email,
                )
            )

    for t in update.transitions:
        if t.to_assignee and t.to_assignee != t.from_assignee and t.to_assignee != t.actor.id:
            by = f" by {t.actor.name}" if t.actor.name and t.trigger == "assign" else ""
            why = t.reason or (thread.handoff_reason if thread else None) or ""
            note(t.to_assignee, "assigned", f"{contact} was assigned to you{by}", describe_handoff(why).capitalize())
        if t.trigger == "handoff" and t.to_status == ThreadStatus.NEEDS_HUMAN:
            assignee = thread.assignee if thread else None
            who = (
                f"Assigned to {assignee.name or assignee.id}." if assignee else "Nobody is available: please assign it."
            )
            body = f"{describe_handoff(t.reason).capitalize()}. {who}".strip(". ") + "."
            for manager in team:
                if manager.active and manager.role.includes(Role.MANAGER) and update.tenant in manager.tenants:
                    note(manager.id, "handoff", f"{contact} needs a person", body, email=True)

    for message in update.messages:
        holder = thread.assignee if thread and thread.status.with_people else None
        arrived = update.cause == MESSAGE_RECEIVED  # not the same message again, with its analysis
        if message.author == AuthorKind.CUSTOMER and holder is not None and arrived:
            note(holder.id, "new_message", f"New message from {contact}", message.text[:140])
        if message.status == DeliveryState.FAILED and message.author == AuthorKind.OPERATOR and message.author_id:
            note(message.author_id, "delivery_failed", "Your reply could not be delivered", message.error or "")
        if message.direction == "internal" and message.type == PRIVATE_NOTE:
            author = message.author_name or "A colleague"
            for colleague in mentioned(message.text, team):
                if colleague.id != message.author_id:
                    note(colleague.id, "mention", f"{author} mentioned you on {contact}", message.text[:140])
    return notes


class NotificationStore:
    def __init__(self, db: AsyncDatabase) -> None:
        self._notes = db[NOTIFICATIONS]

    async def ensure_indexes(self) -> None:
        await self._notes.create_index([("recipient", 1), ("created_at", DESCENDING)])

    async def add(self, note: Notification) -> bool:
        try:
            await self._notes.insert_one({"_id": note.id, **note.model_dump(exclude={"id"})})
            return True
        except DuplicateKeyError:
            return False

    async def of(self, recipient: str, *, unread_only: bool, limit: int) -> list[Notification]:
        where: dict = {"recipient": recipient}
        if unread_only:
            where["read_at"] = None
        cursor = self._notes.find(where).sort("created_at", DESCENDING).limit(limit)
        return [Notification.model_validate({**d, "id": d["_id"]}) async for d in cursor]

    async def unread(self, recipient: str) -> int:
        return await self._notes.count_documents({"recipient": recipient, "read_at": None})

    async def mark_all_read(self, recipient: str, at: datetime) -> int:
        result = await self._notes.update_many({"recipient": recipient, "read_at": None}, {"$set": {"read_at": at}})
        return result.modified_count

    async def naming(self, thread_keys: list[str]) -> list[Notification]:
        """Everyone's notifications about these threads, oldest first (a contact's data export)."""
        cursor = self._notes.find({"thread_key": {"$in": thread_keys}}).sort("created_at", 1)
        return [Notification.model_validate({**d, "id": d["_id"]}) async for d in cursor]

    async def delete_naming(self, thread_keys: list[str]) -> list[str]:
        """Delete everyone's notifications about these threads (an erasure); answers their ids."""
        ids = [d["_id"] async for d in self._notes.find({"thread_key": {"$in": thread_keys}}, {"_id": 1})]
        for note_id in ids:
            await self._notes.delete_one(by_id(note_id))
        return ids

    async def mark_read(self, note_id: str, recipient: str, at: datetime) -> Notification | None:
        doc = await self._notes.find_one({"_id": note_id})
        if doc is None or doc["recipient"] != recipient:
            return None
        if doc.get("read_at") is None:
            await self._notes.update_one(by_id(note_id), {"$set": {"read_at": at}})
            doc["read_at"] = at
        return Notification.model_validate({**doc, "id": doc["_id"]})
