"""Reactions, edits and deletions change the message they are about, in pure code (parley_router.annotations),
and the step stores and re-announces the original."""

from datetime import UTC, datetime, timedelta

from parley_contracts import Analysis, InboundContent, MessageReceived
from parley_conversations.content_rules import SKIPPED_ENGINE
from parley_router.annotations import annotate, target_of
from parley_router.step import Step, customer_message
from tests.events import received

T0 = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def about(original: MessageReceived, kind: str, text: str = "", at: datetime | None = None) -> MessageReceived:
    """A reaction / edit / deletion, from the same customer, of `original` (as a channel's parser emits it)."""
    event = received(text, wa_id=original.contact.id, sent_at=at or T0 + timedelta(minutes=1))
    key = {"reaction": "message_id", "edit": "edits_message_id", "delete": "deletes_message_id"}[kind]
    event.content = InboundContent(type=kind, text=text, data={key: original.provider_message_id})
    return event


def stored(text: str = "my order is late") -> tuple[MessageReceived, object]:
    inbound = received(text, sent_at=T0)
    return inbound, customer_message(inbound).model_copy(update={"analysis": Analysis(keywords=["order"])})


def test_target_of_reads_each_generic_key_and_nothing_else():
    original, _ = stored()
    for kind in ("reaction", "edit", "delete"):
        assert target_of(about(original, kind, "x")) == original.provider_message_id
    assert target_of(received("hello")) is None


def test_a_reaction_is_kept_latest_per_reactor_and_an_empty_emoji_removes_it():
    original, message = stored()
    thumbs = annotate(message, about(original, "reaction", "👍"))
    assert [(r["by"], r["emoji"]) for r in thumbs.data["reactions"]] == [(original.contact.id, "👍")]
    heart = annotate(thumbs, about(original, "reaction", "❤️", T0 + timedelta(minutes=2)))
    assert [r["emoji"] for r in heart.data["reactions"]] == ["❤️"]
    late_thumbs = about(original, "reaction", "👎", T0 + timedelta(seconds=90))
    assert annotate(heart, late_thumbs) is None, "an older reaction arriving late changes nothing"
    removed = annotate(heart, about(original, "reaction", "", T0 + timedelta(minutes=3)))
    assert [r["emoji"] for r in removed.data["reactions"]] == [""]
    assert message.data.get("reactions") is None, "the original is not mutated"


def test_a_replayed_reaction_changes_nothing():
    original, message = stored()
    reaction = about(original, "reaction", "👍")
    once = annotate(message, reaction)
    assert annotate(once, reaction) is None


def test_an_edit_replaces_the_text_and_keeps_the_previous_one_once():
    original, message = stored("my ordr is late")
    edit = about(original, "edit", "my order is late")
    edited = annotate(message, edit)
    assert edited.text == "my order is late"
    assert [e["text"] for e in edited.data["edits"]] == ["my ordr is late"] and edited.data["edited_at"]
    assert annotate(edited, edit) is None, "a replayed edit is not recorded twice"


def test_a_deletion_removes_the_text_history_analysis_and_data_but_keeps_the_message_and_media():
    original, message = stored("my card number is 4111")
    message = message.model_copy(update={"data": {"note": "4111"}})
    edited = annotate(message, about(original, "edit", "my card is 4111 1111"))
    deleted = annotate(edited, about(original, "delete", at=T0 + timedelta(minutes=5)))
    assert deleted.text == "" and deleted.analysis is None
    assert set(deleted.data) == {"deleted_at"} and deleted.id == message.id
    assert annotate(deleted, about(original, "edit", "back")) is None, "an edit cannot bring it back"
    assert annotate(deleted, about(original, "delete")) is None


def test_the_step_stores_and_reannounces_the_original_and_forgets_a_deleted_text():
    original, message = stored("my ordr is late")
    first = Step.on("rcv:" + original.dedupe_key, original, None, original)
    first.receive(original)
    record = first.record
    assert [t.text for t in record.recent] == ["my ordr is late"]

    edit = about(original, "edit", "my order is late")
    step = Step.on("rcv:" + edit.dedupe_key, edit, record, edit)
    step.receive(edit)
    step.annotated(annotate(message, edit))
    assert [m.text for m in step.updated] == ["my order is late"]
    assert [t.text for t in step.record.recent] == ["my order is late"], "the edit is not a turn of its own"
    assert step.record.last_message.text == "my order is late" and step.record.last_message.type == "text"
    update = step.announcement()
    assert [(m.type, m.text) for m in update.messages] == [("text", "my order is late"), ("edit", "my order is late")]

    delete = about(original, "delete", at=T0 + timedelta(minutes=2))
    gone = Step.on("rcv:" + delete.dedupe_key, delete, step.record, delete)
    gone.receive(delete)
    gone.annotated(annotate(step.updated[0], delete))
    assert gone.record.recent == [] and gone.record.last_message.text == ""


def test_a_skipped_analysis_says_nothing_about_the_customer():
    inbound = received("👍")
    inbound.content = InboundContent(type="reaction", text="👍", data={"message_id": "wamid.x"})
    step = Step.on("rcv:" + inbound.dedupe_key, inbound, None, inbound)
    step.receive(inbound)
    step.record.language = "es"
    step.analysed(inbound, Analysis(engine=SKIPPED_ENGINE))
    assert step.record.language == "es" and step.analysis is None and step.messages[0].analysis is None
