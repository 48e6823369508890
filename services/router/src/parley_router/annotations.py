"""What a reaction, an edit or a deletion does to the message it is about. Pure: the original in, the original
changed out (None: nothing to change). The router reads the original by `_id` and stores the result.

Generic across channels: a channel's parser emits `reaction` (`data.message_id`: the provider id reacted to,
`text`: the emoji, "" when removed), `edit` (`data.edits_message_id`, `text`: the new text) or `delete`
(`data.deletes_message_id`).

- reactions: `data.reactions` on the original, the latest per reactor (`by`), each with the provider id of the
  reaction message; an empty emoji removes that reactor's; an older reaction arriving late changes nothing.
- edits: the original's text becomes the new one, the previous text is kept in `data.edits` (oldest first, each
  with the edit's provider id, so a replayed edit is recognised and not recorded twice), and `data.edited_at`.
- deletions: the customer deleted the message for everyone, and expects it gone: its text, its edit history and
  its analysis (keywords and entities quote the text) and the rest of its data are removed, `data.deleted_at`
  says when. The message
  itself stays (the timeline shows "deleted"), and so do its media references, so that a contact's erasure
  still finds (and deletes) the stored files."""

from datetime import datetime
from typing import Any

from parley_contracts import MessageReceived
from parley_conversations.documents import MessageRecord

REACTION = "reaction"
EDIT = "edit"
DELETE = "delete"

TARGET_KEYS = {REACTION: "message_id", EDIT: "edits_message_id", DELETE: "deletes_message_id"}
"""Per annotation type, the key in `content.data` naming the provider id of the message it is about."""


def target_of(inbound: MessageReceived) -> str | None:
    """The provider id of the message this one annotates; None for an ordinary message (or one without it)."""
    key = TARGET_KEYS.get(inbound.content.type)
    value = inbound.content.data.get(key) if key else None
    return value if isinstance(value, str) and value else None


def annotate(original: MessageRecord, inbound: MessageReceived) -> MessageRecord | None:
    """The original after `inbound` (a reaction, edit or deletion of it); None when nothing changes."""
    kind = inbound.content.type
    if kind == REACTION:
        return _react(original, inbound)
    if kind == EDIT:
        return _edit(original, inbound)
    if kind == DELETE:
        return _delete(original, inbound)
    return None


def _iso(at: datetime) -> str:
    return at.isoformat()


def _react(original: MessageRecord, inbound: MessageReceived) -> MessageRecord | None:
    by = inbound.contact.id
    reactions: list[dict[str, Any]] = [r for r in original.data.get("reactions") or [] if isinstance(r, dict)]
    mine = next((r for r in reactions if r.get("by") == by), None)
    if mine is not None and (mine.get("reaction_id") == inbound.provider_message_id or _later(mine, inbound.sent_at)):
        return None  # a replay, or an older reaction arriving after a newer one
    others = [r for r in reactions if r.get("by") != by]
    emoji = inbound.content.text
    if not emoji and mine is None:
        return None  # removing a reaction that is not there
    kept = [
        *others,
        {"by": by, "emoji": emoji, "at": _iso(inbound.sent_at), "reaction_id": inbound.provider_message_id},
    ]
    # An empty emoji removes the reaction; it is remembered (emoji "") so an older one arriving later stays out.
    return original.model_copy(update={"data": {**original.data, "reactions": kept}})


def _later(recorded: dict[str, Any], at: datetime) -> bool:
    try:
        return datetime.fromisoformat(str(recorded.get("at"))) > at
    except ValueError:
        return False


def _edit(original: MessageRecord, inbound: MessageReceived) -> MessageRecord | None:
    data = original.data
    edits: list[dict[str, Any]] = [e for e in data.get("edits") or [] if isinstance(e, dict)]
    if data.get("deleted_at") or any(e.get("edit_id") == inbound.provider_message_id for e in edits):
        return None  # deleted (an edit cannot bring it back), or this edit is already applied
    previous = {"text": original.text, "replaced_at": _iso(inbound.sent_at), "edit_id": inbound.provider_message_id}
    update: dict[str, Any] = {
        "text": inbound.content.text,
        "data": {**data, "edits": [*edits, previous], "edited_at": _iso(inbound.sent_at)},
    }
    return original.model_copy(update=update)


def _delete(original: MessageRecord, inbound: MessageReceived) -> MessageRecord | None:
    if original.data.get("deleted_at"):
        return None
    # Whatever else the provider's object held (an order's note, a contact card's names) goes too.
    data = {"deleted_at": _iso(inbound.sent_at)}
    return original.model_copy(update={"text": "", "data": data, "analysis": None})
