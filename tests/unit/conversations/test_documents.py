from datetime import UTC, datetime, timedelta

from parley_contracts import (
    Analysis,
    AuthorKind,
    Channel,
    Contact,
    DeliveryState,
    MediaRef,
    QuickReply,
    Sentiment,
    StatusChange,
    ThreadStatus,
    ThreadUpdated,
)
from parley_conversations.documents import (
    APPLIED_KEYS_KEPT,
    RECENT_TURNS_KEPT,
    MessageRecord,
    ThreadRecord,
    Turn,
    unpacked_message,
)
from parley_conversations.media import AttachmentRefused, attachment_rules, check_attachment

AT = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)


def message(**fields: object) -> MessageRecord:
    """A customer's message on th_1, with `fields` changed."""
    defaults: dict[str, object] = {
        "id": "m1",
        "thread_key": "th_1",
        "tenant": "demo",
        "channel": Channel.WHATSAPP,
        "direction": "in",
        "author": AuthorKind.CUSTOMER,
        "at": AT,
    }
    return MessageRecord.model_validate({**defaults, **fields})


def announced(**fields: object) -> ThreadUpdated:
    """th_1's announcement of a customer's message, with `fields` added."""
    return ThreadUpdated.model_validate(
        {"tenant": "demo", "channel": Channel.WHATSAPP, "thread_key": "th_1", "cause": "message.received", **fields}
    )


def thread() -> ThreadRecord:
    return ThreadRecord(
        thread_key="th_1",
        tenant="demo",
        channel=Channel.WHATSAPP,
        account_id="100",
        contact=Contact(id="521", name="Carla"),
        status=ThreadStatus.BOT,
        created_at=AT,
        updated_at=AT,
    )


def test_a_thread_survives_the_round_trip_through_its_document():
    record = thread()
    record.remember_turn(Turn(id="m1", author=AuthorKind.CUSTOMER, text="hi", at=AT))
    doc = record.to_document()
    assert doc["_id"] == "th_1" and doc["status"] == "bot" and type(doc["status"]) is str
    assert doc["last_message_at"] == AT
    assert ThreadRecord.from_document(doc) == record


def test_applied_keys_are_capped_and_the_last_update_can_be_replayed():
    record = thread()
    update = announced()
    for n in range(APPLIED_KEYS_KEPT + 5):
        record.mark_applied(f"k{n}", update if n == APPLIED_KEYS_KEPT + 4 else None)
    assert len(record.applied) == APPLIED_KEYS_KEPT and record.has_applied(f"k{APPLIED_KEYS_KEPT + 4}")
    assert not record.has_applied("k0")
    kept = record.replayed_update(f"k{APPLIED_KEYS_KEPT + 4}")
    assert kept is not None and kept.rebuilt(record.view(), []) == update
    assert record.replayed_update("k3") is None


def test_a_kept_announcement_holds_ids_not_copies_and_is_rebuilt_from_what_is_stored():
    record = thread()
    said = message(text="hola")
    update = announced(event_id="upd_1", thread=record.view(), messages=[said.view()])
    record.mark_applied("rcv:1", update)
    stored = ThreadRecord.from_document(record.to_document())
    assert "hola" not in str(stored.last_update) and "Carla" not in str(stored.last_update)

    kept = stored.replayed_update("rcv:1")
    assert kept is not None and kept.message_ids == ["m1"]
    assert kept.rebuilt(record.view(), [said.view()]) == update
    later = said.model_copy(update={"text": "hola!"})  # as stored now
    assert kept.rebuilt(record.view(), [later.view()]).messages[0].text == "hola!"


def test_an_announcement_kept_whole_by_an_earlier_router_is_made_again_as_it_was():
    record = thread()
    update = announced(event_id="upd_1", thread=record.view())
    doc = {
        **record.to_document(),
        "applied": ["rcv:1"],
        "last_update": {"key": "rcv:1", "event": update.model_dump(mode="json")},
    }
    kept = ThreadRecord.from_document(doc).replayed_update("rcv:1")
    assert kept is not None and kept.rebuilt(thread().view(), []) == update


def test_recent_turns_are_kept_in_order_without_duplicates_and_capped():
    record = thread()
    for n in reversed(range(RECENT_TURNS_KEPT + 3)):
        record.remember_turn(Turn(id=f"m{n}", author=AuthorKind.CUSTOMER, text=str(n), at=AT + timedelta(seconds=n)))
    record.remember_turn(Turn(id="m5", author=AuthorKind.CUSTOMER, text="5", at=AT + timedelta(seconds=5)))
    assert [t.id for t in record.recent] == [f"m{n}" for n in range(3, RECENT_TURNS_KEPT + 3)]


def test_a_delivery_status_never_goes_backwards_and_an_equal_one_is_reapplied():
    sent = message(
        id="snd_1",
        direction="out",
        author=AuthorKind.BOT,
        status=DeliveryState.QUEUED,
        status_history=[StatusChange(status=DeliveryState.QUEUED, at=AT)],
    )
    read = sent.with_status(DeliveryState.READ, AT, None)
    assert read is not None and read.status == DeliveryState.READ
    assert read.with_status(DeliveryState.DELIVERED, AT, None) is None
    again = read.with_status(DeliveryState.READ, AT, None)
    assert again is not None and [h.status for h in again.status_history] == ["queued", "read"]
    failed = read.with_status(DeliveryState.FAILED, AT, "131047: Re-engagement message")
    assert failed is not None and failed.error == "131047: Re-engagement message"
    assert MessageRecord.from_document(failed.to_document()) == failed


def test_attachment_rules_load_and_refuse_what_whatsapp_would():
    assert attachment_rules().kinds
    assert check_attachment("image/png", 1000) == "image"
    assert check_attachment("application/pdf", 1000) == "document"
    for mime, size in [("application/zip", 10), ("image/png", 6 * 2**20), ("image/png", 0)]:
        try:
            check_attachment(mime, size)
        except AttachmentRefused as exc:
            assert str(exc)
        else:
            raise AssertionError(f"{mime} {size} accepted")


def test_whatever_a_provider_put_in_a_message_becomes_storable():
    odd = message(
        id="whatsapp:1:wamid.X",
        data={"big": 2**70, "a.b": {"$where": 1}, "grid": [[1, 2], [3]], "nan": float("inf"), "ok": [1, {"x": [2]}]},
    )
    data = odd.to_document()["data"]
    assert data == {
        "big": str(2**70),
        "a．b": {"＄where": 1},
        "grid": ["[1, 2]", "[3]"],
        "nan": "inf",
        "ok": [1, {"x": [2]}],
    }


def test_a_thread_lists_its_messages_once_each_in_the_order_they_were_written():
    record = thread().model_copy(update={"message_ids": []})
    record.index_messages(["m1", "m2"])
    record.index_messages(["m2", "m3", "m3"])  # a replayed step writes m2 again
    assert record.message_ids == ["m1", "m2", "m3"]
    assert ThreadRecord.from_document(record.to_document()).message_ids == ["m1", "m2", "m3"]


def test_a_thread_stored_before_the_list_existed_never_gets_a_partial_one():
    legacy = ThreadRecord.from_document({k: v for k, v in thread().to_document().items() if k != "message_ids"})
    legacy.index_messages(["m9"])
    assert legacy.message_ids is None  # its earlier messages are found by a query, not by a list missing them


def values(doc: object) -> int:
    """What FerretDB converts on a write: every field and array item, nested ones included."""
    if isinstance(doc, dict):
        return sum(1 + values(v) for v in doc.values())
    if isinstance(doc, list):
        return sum(1 + values(v) for v in doc)
    return 0


def test_a_message_stores_what_is_set_with_its_nested_values_packed_and_reads_back_the_same():
    analysed = message(
        text="hola",
        analysis=Analysis(language="es", sentiment=Sentiment(label="negative", score=-0.6), keywords=["pedido"]),
        media=[MediaRef(media_id="med_1", kind="image", mime_type="image/png", filename="a.png")],
        quick_replies=[QuickReply(id="yes", title="Sí")],
        status=DeliveryState.DELIVERED,
        status_history=[
            StatusChange(status=DeliveryState.SENT, at=AT),
            StatusChange(status=DeliveryState.DELIVERED, at=AT),
        ],
    )
    doc = analysed.to_document()
    assert {"author_id", "error", "send_id", "in_reply_to", "data"}.isdisjoint(doc)  # unset: not written
    assert all(isinstance(doc[name], bytes) for name in ("analysis", "status_history", "media", "quick_replies"))
    assert values(doc) == len(doc) < 20  # one value per field: nothing nested is left for FerretDB to convert
    assert MessageRecord.from_document(doc) == analysed
    assert MessageRecord.from_document(message().to_document()) == message()


def test_a_message_written_before_packing_still_reads():
    analysed = message(analysis=Analysis(language="pt"), status_history=[StatusChange(status="sent", at=AT)])
    legacy = {"_id": "m1", **analysed.model_dump(mode="python", exclude={"id"}), "status_rank": -1}
    assert MessageRecord.from_document(legacy) == analysed
    assert unpacked_message({"_id": "m1", "analysis": {"language": "pt"}}) == {
        "_id": "m1",
        "analysis": {"language": "pt"},
    }


def test_an_analysis_set_later_and_a_projected_row_read_back_unpacked():
    fields = MessageRecord.analysis_fields(Analysis(language="hi", category="complaint"), AT)
    assert isinstance(fields["analysis"], bytes) and fields["analyzed_at"] == AT
    row = unpacked_message({"_id": "m1", "at": AT, **fields})
    assert row["analysis"]["language"] == "hi" and row["analysis"]["category"] == "complaint"
