"""One contact's data (GDPR): export everything Parley holds about them, or erase it for good.

Erasure follows ADR 0001: the router, the only writer of threads, erases each thread (its messages, their
provider-id mappings, its place in a workload, the thread itself) on a `thread.command` `erase`; this service
deletes what it owns (the notifications naming those threads, their email outbox entries, the files of the
erased messages) and keeps a record of the erasure that holds none of the erased data: who, when, which
business units, how many of each thing, and at most a keyed hash of the contact id.

What is not erased here (README, "Privacy"): the records on Kafka topics until their retention expires, and
the emails the mail server already delivered."""

import asyncio
import hashlib
import hmac
import io
import json
import re
import uuid
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field
from pymongo.asynchronous.database import AsyncDatabase

from parley_contracts import (
    THREAD_COMMAND,
    Actor,
    Channel,
    CommandAction,
    MediaRef,
    MessageView,
    ThreadCommand,
    ThreadUpdated,
    ThreadView,
    utcnow,
)
from parley_conversations.documents import ThreadRecord
from parley_conversations.media import MediaStore
from parley_conversations.store import Conversations
from parley_dashboard.auth.principal import Principal
from parley_dashboard.commands import CommandGateway
from parley_dashboard.mailer import Mailer
from parley_dashboard.notifications import Notification, NotificationStore

ERASURES = "erasures"


@dataclass(frozen=True)
class ThreadBundle:
    """One thread of the contact with its messages in order and the files they carry."""

    thread: ThreadView
    messages: list[MessageView]
    files: list[tuple[MediaRef, bytes]]


class Erasure(BaseModel):
    """The record an erasure leaves (collection `erasures`): nothing of the erased data."""

    id: str
    requested_by: Actor
    requested_at: datetime
    tenants: list[str] = Field(description="The business units whose threads were erased.")
    channel: Channel
    contact_hash: str | None = Field(
        default=None, description="HMAC-SHA256 of `<channel>:<contact id>` under ERASURE_HASH_SALT (unset: none)."
    )
    threads: int
    messages: int
    files: int
    notifications: int
    confirmed: bool = Field(description="The router confirmed every thread's erasure within the wait.")


def contact_hash(salt: str | None, channel: Channel, contact_id: str) -> str | None:
    """Keyed, so that a phone number cannot be found again by hashing every number (only with the key)."""
    if not salt:
        return None
    return hmac.new(salt.encode(), f"{channel}:{contact_id}".encode(), hashlib.sha256).hexdigest()


def is_erasure(update: ThreadUpdated) -> bool:
    """The router's answer to an erase command: applied, and no thread any more (parley_router.erasure)."""
    return update.cause == THREAD_COMMAND and update.outcome == "applied" and update.thread is None


def media_ids(messages: Iterable[MessageView]) -> list[str]:
    """The files in Parley's media store that these messages carry (operators' attachments and customers' downloaded files)."""
    return sorted({ref.media_id for m in messages for ref in m.media if ref.media_id})


def export_zip(
    channel: Channel,
    contact_id: str,
    bundles: list[ThreadBundle],
    notifications: list[Notification],
    exported_at: datetime,
) -> bytes:
    """The archive: `contact.json` (what is inside), per thread `threads/<key>/thread.json`, `messages.json`
    and `attachments/<media id>-<file name>`, and `notifications.json`."""
    buffer = io.BytesIO()
    stamp = exported_at.timetuple()[:6]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:

        def put(name: str, data: bytes) -> None:
            archive.writestr(zipfile.ZipInfo(name, date_time=stamp), data, zipfile.ZIP_DEFLATED)

        summary = {
            "channel": str(channel),
            "contact_id": contact_id,
            "exported_at": exported_at.isoformat(),
            "threads": [b.thread.thread_key for b in bundles],
            "messages": sum(len(b.messages) for b in bundles),
            "attachments": sum(len(b.files) for b in bundles),
            "notifications": len(notifications),
        }
        put("contact.json", _json(summary))
        for bundle in bundles:
            folder = f"threads/{bundle.thread.thread_key}"
            put(f"{folder}/thread.json", _json(bundle.thread.model_dump(mode="json")))
            put(f"{folder}/messages.json", _json([m.model_dump(mode="json") for m in bundle.messages]))
            for ref, data in bundle.files:
                put(f"{folder}/attachments/{attachment_name(ref)}", data)
        put("notifications.json", _json([n.model_dump(mode="json") for n in notifications]))
    return buffer.getvalue()


def attachment_name(ref: MediaRef) -> str:
    """`<media id>-<file name>`, the name reduced to safe characters (no folders, no leading dots)."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", ref.filename or "").lstrip("._")[:100]
    return f"{ref.media_id}-{name}" if name else str(ref.media_id)


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2).encode()


async def forget_threads(notifications: NotificationStore, mailer: Mailer, thread_keys: list[str]) -> int:
    """Delete the notifications naming these threads and their email outbox entries; answers how many."""
    ids = await notifications.delete_naming(thread_keys)
    await mailer.forget(ids)
    return len(ids)


class ContactData:
    def __init__(
        self,
        db: AsyncDatabase,
        *,
        conversations: Conversations,
        media: MediaStore,
        notifications: NotificationStore,
        mailer: Mailer,
        commands: CommandGateway,
        hash_salt: str | None,
    ) -> None:
        self._erasures = db[ERASURES]
        self._conversations = conversations
        self._media = media
        self._notifications = notifications
        self._mailer = mailer
        self._commands = commands
        self._salt = hash_salt

    async def export(self, channel: Channel, contact_id: str, tenants: frozenset[str] | None) -> bytes | None:
        """The archive of the contact's threads within `tenants`; None when nothing is held."""
        threads = await self._conversations.threads_of_contact(channel, contact_id, tenants)
        if not threads:
            return None
        bundles = [await self._bundle(thread) for thread in threads]
        notes = await self._notifications.naming([t.thread_key for t in threads])
        return export_zip(channel, contact_id, bundles, notes, utcnow())

    async def _bundle(self, thread: ThreadRecord) -> ThreadBundle:
        messages = [
            m.view() for m in await self._conversations.messages_of_thread(thread.thread_key, thread.message_ids)
        ]
        refs = {ref.media_id: ref for m in messages for ref in m.media if ref.media_id}
        files = [(refs[i], data) for i in sorted(refs) if (data := await self._media.read(i)) is not None]
        return ThreadBundle(thread.view(), messages, files)

    async def erase(self, channel: Channel, contact_id: str, principal: Principal) -> Erasure | None:
        """Erase the contact's threads within the caller's business units; None when nothing is held. The files
        to delete are listed first: once the router has erased the messages nothing names them any more."""
        threads = await self._conversations.threads_of_contact(channel, contact_id, principal.tenants)
        if not threads:
            return None
        messages = [m.view() for m in await self._conversations.messages_of_threads(threads)]
        files = media_ids(messages)
        answers = await asyncio.gather(*(self._commands.submit(_erase_command(t, principal)) for t in threads))
        deleted = [await self._media.delete(media_id) for media_id in files]
        notes = await forget_threads(self._notifications, self._mailer, [t.thread_key for t in threads])
        record = Erasure(
            id="era_" + uuid.uuid4().hex,
            requested_by=principal.actor(),
            requested_at=utcnow(),
            tenants=sorted({t.tenant for t in threads}),
            channel=channel,
            contact_hash=contact_hash(self._salt, channel, contact_id),
            threads=len(threads),
            messages=len(messages),
            files=sum(deleted),
            notifications=notes,
            confirmed=all(a is not None and a.outcome == "applied" for a in answers),
        )
        document = record.model_dump(mode="json", exclude={"id", "requested_at"})
        await self._erasures.insert_one({"_id": record.id, **document, "requested_at": record.requested_at})
        return record


def _erase_command(thread: ThreadRecord, principal: Principal) -> ThreadCommand:
    return ThreadCommand(
        tenant=thread.tenant,
        channel=thread.channel,
        thread_key=thread.thread_key,
        action=CommandAction.ERASE,
        actor=principal.actor(),
        reason="erasure of the contact's data",
    )
