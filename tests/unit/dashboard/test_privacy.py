"""The pure parts of a contact's export and erasure: the archive, file names, the keyed hash, and how the
router's erasure announcement is recognised."""

import io
import json
import zipfile
from datetime import UTC, datetime

from parley_contracts import (
    THREAD_COMMAND,
    AuthorKind,
    Channel,
    Contact,
    MediaRef,
    MessageView,
    ThreadStatus,
    ThreadUpdated,
    ThreadView,
)
from parley_dashboard.notifications import Notification
from parley_dashboard.privacy import ThreadBundle, attachment_name, contact_hash, export_zip, is_erasure, media_ids

AT = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)


def thread(key: str) -> ThreadView:
    return ThreadView(
        thread_key=key,
        tenant="demo",
        channel=Channel.WHATSAPP,
        account_id="1",
        contact=Contact(id="5215550001", name="Zoe"),
        status=ThreadStatus.BOT,
        created_at=AT,
        updated_at=AT,
    )


def message(key: str, n: int, media: list[MediaRef] | None = None) -> MessageView:
    return MessageView(
        id=f"msg_{key}_{n}",
        thread_key=key,
        direction="in",
        author=AuthorKind.CUSTOMER,
        text=f"m{n}",
        at=AT,
        media=media or [],
    )


def test_the_export_holds_threads_messages_in_order_attachments_and_notifications():
    ref = MediaRef(kind="image", media_id="med_1", mime_type="image/png", filename="../store map.png")
    bundles = [
        ThreadBundle(thread("th_a"), [message("th_a", 1), message("th_a", 2, [ref])], [(ref, b"\x89PNG")]),
        ThreadBundle(thread("th_b"), [message("th_b", 1)], []),
    ]
    note = Notification(
        id="ntf_1", recipient="op_1", tenant="demo", thread_key="th_a", kind="handoff", title="t", created_at=AT
    )
    archive = zipfile.ZipFile(io.BytesIO(export_zip(Channel.WHATSAPP, "5215550001", bundles, [note], AT)))
    assert sorted(archive.namelist()) == [
        "contact.json",
        "notifications.json",
        "threads/th_a/attachments/med_1-store_map.png",
        "threads/th_a/messages.json",
        "threads/th_a/thread.json",
        "threads/th_b/messages.json",
        "threads/th_b/thread.json",
    ]
    summary = json.loads(archive.read("contact.json"))
    assert summary["threads"] == ["th_a", "th_b"] and summary["messages"] == 3 and summary["attachments"] == 1
    assert [m["text"] for m in json.loads(archive.read("threads/th_a/messages.json"))] == ["m1", "m2"]
    assert ThreadView.model_validate_json(archive.read("threads/th_b/thread.json")).thread_key == "th_b"
    assert archive.read("threads/th_a/attachments/med_1-store_map.png") == b"\x89PNG"
    assert json.loads(archive.read("notifications.json"))[0]["id"] == "ntf_1"


def test_attachment_names_are_flat_and_safe():
    assert attachment_name(MediaRef(kind="document", media_id="med_2", filename="a/b\\c.pdf")) == "med_2-a_b_c.pdf"
    assert attachment_name(MediaRef(kind="document", media_id="med_3", filename="...")) == "med_3"
    assert attachment_name(MediaRef(kind="image", media_id="med_4")) == "med_4"


def test_only_files_in_parleys_store_are_listed():
    ours = MediaRef(kind="image", media_id="med_1")
    theirs = MediaRef(kind="image", provider_media_id="wa_9")
    assert media_ids([message("t", 1, [ours, theirs]), message("t", 2, [ours])]) == ["med_1"]


def test_the_contact_hash_is_keyed_or_absent():
    assert contact_hash(None, Channel.WHATSAPP, "5215550001") is None
    keyed = contact_hash("k1", Channel.WHATSAPP, "5215550001")
    assert keyed and "5215550001" not in keyed and keyed != contact_hash("k2", Channel.WHATSAPP, "5215550001")


def test_the_routers_erasure_announcement_is_recognised():
    base = {"tenant": "demo", "channel": Channel.WHATSAPP, "thread_key": "th_a", "cause": THREAD_COMMAND}
    assert is_erasure(ThreadUpdated(**base, outcome="applied", command_id="c1"))
    assert not is_erasure(ThreadUpdated(**base, outcome="rejected", reason="no such thread", command_id="c1"))
    assert not is_erasure(ThreadUpdated(**base, outcome="applied", thread=thread("th_a"), command_id="c1"))
    assert not is_erasure(ThreadUpdated(**{**base, "cause": "message.status"}))
