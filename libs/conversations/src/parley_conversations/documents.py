"""The thread and message documents: their one definition, shared by the router (the only writer of a thread,
docs/adr/0001-router-single-writer.md), nlp (reads a thread's recent turns) and dashboard-api (reads).

A stored thread is the public `ThreadView` plus what only the router needs: the partition it lives on (its
timers are rebuilt per partition), the keys of the events it has applied (replays are recognised on the
document itself, no transaction needed), the recent turns the bot reasons over, the last update it
announced (`KeptUpdate`: re-announced if a crash came between the write and the announcement), and the ids of its
messages in the order they were written (the console reads a conversation by lone-`_id` reads:
docs/adr/0012-console-reads.md). Threads and messages are stored without their unset fields, their nested values
packed (docs/adr/0003-storage.md)."""

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from parley_contracts import (
    Analysis,
    AuthorKind,
    Channel,
    DeliveryState,
    MessageView,
    StatusChange,
    ThreadUpdated,
    ThreadView,
)
from parley_conversations.flows import FlowSession
from parley_runtime.packing import packed, unpacked

THREADS = "threads"
MESSAGES = "messages"
PROVIDER_IDS = "provider_message_ids"

APPLIED_KEYS_KEPT = 64  # far more than a crash can replay for one thread
RECENT_TURNS_KEPT = 20

# The router's own lists on a thread, which no query filters, sorts or projects: each stored as one BSON binary value
# (`parley_runtime.packing`). They are most of a thread's values (64 applied keys, 20 turns of 4 values, an id
# per message, the last announcement), and a thread is written once or twice per customer message. Read back only
# through `ThreadRecord.from_document`.
PACKED_THREAD_FIELDS = ("applied", "recent", "message_ids", "last_update", "earlier_updates")
# A message's nested values, likewise: its analysis (30 to 60 values), its status history (rewritten at every status), its
# attachments and quick replies. Read back only through `unpacked_message` (`MessageRecord.from_document` uses it).
PACKED_MESSAGE_FIELDS = ("analysis", "status_history", "media", "quick_replies")


@dataclass(frozen=True)
class KeptUpdate:
    """A step's announcement as its thread keeps it until the next batch's step, to make it again after a crash.

    The thread and the messages it announced are not copied into it: the store holds them beside it (the messages
    under their ids, written before the thread), and the announcement is rebuilt from them as they are at the
    replay: the thread as of the last step written, which only a later step of the same batch can have moved on
    (consumers keep the newest snapshot by `version`), its messages as stored. Copied, they made up most of a
    thread's values (FerretDB's cost per write goes with them, `PACKED_THREAD_FIELDS`) and two thirds of its bytes
    (2.6 of 3.8 KB for a new conversation). An announcement kept whole, by a router before this, is made again as it
    was (`whole`)."""

    event: dict[str, Any]  # without `thread` and `messages`
    with_thread: bool
    message_ids: list[str]
    whole: ThreadUpdated | None = None

    @staticmethod
    def stored(key: str, update: ThreadUpdated) -> dict[str, Any]:
        """What the thread's document keeps for the step `key`."""
        return {
            "key": key,
            "event": update.model_dump(mode="json", exclude={"thread", "messages"}),
            "with_thread": update.thread is not None,
            "message_ids": [m.id for m in update.messages],
        }

    @classmethod
    def from_stored(cls, stored: dict[str, Any]) -> "KeptUpdate":
        if "message_ids" not in stored:
            return cls(stored["event"], False, [], ThreadUpdated.model_validate(stored["event"]))
        return cls(stored["event"], bool(stored["with_thread"]), list(stored["message_ids"]))

    def rebuilt(self, thread: ThreadView, messages: Iterable[MessageView]) -> ThreadUpdated:
        """The announcement with the thread and the messages as stored now (a message erased since is left out)."""
        if self.whole is not None:
            return self.whole
        return ThreadUpdated.model_validate(
            {**self.event, "thread": thread if self.with_thread else None, "messages": list(messages)}
        )


class Turn(BaseModel):
    """One line of the conversation, for the bot's context (nlp's history)."""

    id: str
    author: AuthorKind
    text: str
    at: datetime


class ThreadRecord(ThreadView):
    partition: int | None = None
    conversation: str | None = Field(
        default=None, description="The conversation reference of the thread key (MercadoLibre question:/pack:)."
    )
    replies_sent: int = Field(default=0, description="Bot and operator messages sent to the customer.")
    first_resolved_at: datetime | None = Field(
        default=None, description="When the thread was first resolved (analytics measure resolution time once)."
    )
    applied: list[str] = Field(default_factory=list)
    recent: list[Turn] = Field(default_factory=list)
    context_reset_at: datetime | None = Field(default=None, description="The bot's session starts here.")
    last_update: dict[str, Any] | None = Field(default=None, description="The last thread.updated announced.")
    earlier_updates: list[dict[str, Any]] = Field(
        default_factory=list,
        description="The announcements of earlier steps written in the same batch as the last one (parley_router.owned):"
        " a crash before they went out re-announces them too.",
    )
    reply_context: dict[str, Any] | None = Field(
        default=None, description="The customer's latest message's reply context (MessageReceived.reply_context)."
    )
    flow: FlowSession | None = Field(
        default=None, description="The question flow session under way (every session is also in flow_sessions)."
    )
    message_ids: list[str] | None = Field(
        default=None,
        description="Every message of the thread, in the order the router wrote them; None on a thread stored"
        " before this list existed, whose messages are found by a query instead.",
    )

    def view(self) -> ThreadView:
        return ThreadView.model_validate(self.model_dump(include=set(ThreadView.model_fields)))

    def has_applied(self, key: str) -> bool:
        return key in self.applied

    def mark_applied(self, key: str, update: ThreadUpdated | None) -> None:
        self.applied = [*self.applied[-(APPLIED_KEYS_KEPT - 1) :], key]
        self.last_update = KeptUpdate.stored(key, update) if update else None
        self.earlier_updates = []

    def replayed_update(self, key: str) -> KeptUpdate | None:
        """The announcement of the step `key` when it was among the last written (it may not have gone out)."""
        for written in [*self.earlier_updates, self.last_update]:
            if written and written.get("key") == key:
                return KeptUpdate.from_stored(written)
        return None

    def remember_turn(self, turn: Turn) -> None:
        if all(t.id != turn.id for t in self.recent):
            self.recent = sorted([*self.recent, turn], key=lambda t: t.at)[-RECENT_TURNS_KEPT:]

    def index_messages(self, ids: Iterable[str]) -> None:
        """Add the ids of messages just written, once each (a replayed step writes the same ones again)."""
        if self.message_ids is None:
            return  # its earlier messages are not listed here: a partial list would hide them
        known = set(self.message_ids)
        for message_id in ids:
            if message_id not in known:
                self.message_ids.append(message_id)
                known.add(message_id)

    def to_document(self) -> dict[str, Any]:
        doc = self.model_dump(exclude={"thread_key"})
        doc["_id"] = self.thread_key
        # Kept at the top level too: what lists sort on.
        doc["last_message_at"] = self.last_message.at if self.last_message else self.created_at
        # What the router's timers load per partition (a flow's retry or overdue answer, even on a resolved thread).
        doc["flow_due_at"] = self.flow.due_at() if self.flow else None
        doc = storable(doc)
        for name in PACKED_THREAD_FIELDS:
            doc[name] = packed(doc[name])
        return _set_only(doc)

    @classmethod
    def from_document(cls, doc: dict[str, Any]) -> "ThreadRecord":
        lists = {name: unpacked(doc[name]) for name in PACKED_THREAD_FIELDS if name in doc}
        return cls.model_validate({**doc, **lists, "thread_key": doc["_id"]})


class MessageRecord(MessageView):
    tenant: str
    channel: Channel
    event_id: str | None = None
    status_event_id: str | None = Field(
        default=None, description="The message.status event that last changed this message (its replay re-announces)."
    )

    @property
    def status_rank(self) -> int:
        return self.status.rank if self.status else -1

    def with_status(self, status: DeliveryState, at: datetime, error: str | None) -> "MessageRecord | None":
        """This message after a delivery status, or None when the status is older than what we know (providers
        send them out of order); an equal one leaves it unchanged unless it brings an error or the provider's id."""
        if status.rank < self.status_rank:
            return None
        history = self.status_history
        if status != self.status:
            history = [*history, StatusChange(status=status, at=at, error=error)]
        return self.model_copy(update={"status": status, "status_history": history, "error": error or self.error})

    def view(self) -> MessageView:
        return MessageView.model_validate(self.model_dump(include=set(MessageView.model_fields)))

    def to_document(self) -> dict[str, Any]:
        """The stored message: its nested values packed (`PACKED_MESSAGE_FIELDS`), what is unset left out."""
        doc = storable({"_id": self.id, **self.model_dump(exclude={"id"})})
        for name in PACKED_MESSAGE_FIELDS:
            if doc.get(name):
                doc[name] = packed(doc[name])
        return _set_only(doc)

    @staticmethod
    def analysis_fields(analysis: Analysis, at: datetime) -> dict[str, Any]:
        """The fields a message's analysis sets when it comes after the message was stored."""
        return {"analysis": packed(analysis.model_dump(mode="json")), "analyzed_at": at}

    @classmethod
    def from_document(cls, doc: dict[str, Any]) -> "MessageRecord":
        return cls.model_validate({**unpacked_message(doc), "id": doc["_id"]})


def _set_only(doc: dict[str, Any]) -> dict[str, Any]:
    """A document without its unset fields (None, an empty list or mapping), which FerretDB would convert on every
    write too; reading fills them back with their defaults (every field that may be None defaults to None), and a
    query treats a missing field as null as it treats a null one (`{"assignee": None}` finds both)."""
    return {name: value for name, value in doc.items() if value is not None and value != [] and value != {}}


def unpacked_message(doc: dict[str, Any]) -> dict[str, Any]:
    """A stored message (whole, or a projection of it) with its packed values read back; a message written before
    packing is returned as it is."""
    if not any(isinstance(doc.get(name), bytes) for name in PACKED_MESSAGE_FIELDS):
        return doc
    return {**doc, **{name: unpacked(doc[name]) for name in PACKED_MESSAGE_FIELDS if name in doc}}


_INT64 = 2**63


def storable(value: Any, in_list: bool = False) -> Any:
    """A value MongoDB and FerretDB will store: enums as their values, and what a provider may send that they
    refuse made storable instead of failing the write (a customer's message must never be lost to its
    payload): integers beyond 64 bits and NaN/infinities as text, keys with "." or a leading "$" renamed,
    arrays inside arrays (FerretDB has none) as JSON text."""
    if isinstance(value, dict):
        return {_storable_key(str(k)): storable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        if in_list:
            return json.dumps(value, default=str, ensure_ascii=False)
        return [storable(v, in_list=True) for v in value]
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and not -_INT64 <= value < _INT64:
        return str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, str):
        return str(value)
    return value


def _storable_key(key: str) -> str:
    key = key.replace(".", "\uff0e")  # a fullwidth full stop: reads the same, is not a path separator
    return "\uff04" + key[1:] if key.startswith("$") else key or "_"
