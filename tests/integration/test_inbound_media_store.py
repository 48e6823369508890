"""The media store keeps a customer's file under the id ingest gave it, against the real FerretDB / MongoDB:
idempotent, split in parts, left alone once stored, and finished when an earlier attempt stopped half-way."""

import uuid

import pytest

from parley_contracts import Channel, MediaRef, inbound_media_id
from parley_conversations.media import PART_BYTES, MediaStore

pytestmark = pytest.mark.integration


async def test_a_customers_file_is_stored_once_under_its_id(db):
    store = MediaStore(db)
    media_id = inbound_media_id(Channel.WHATSAPP, "100000000000001", uuid.uuid4().hex)
    data = bytes(range(256)) * (PART_BYTES // 256) + b"tail"  # two parts
    ref = MediaRef(kind="document", provider_media_id="778", mime_type="application/zip", filename="f.zip")

    kept = await store.put_with_id(media_id=media_id, tenant="demo", ref=ref, data=data)
    assert kept.media_id == media_id and kept.size == len(data) and kept.mime_type == "application/zip"
    assert await store.read(media_id) == data
    stored = await store.info(media_id)
    assert stored is not None and stored.tenant == "demo" and stored.ref.provider_media_id == "778"

    again = await store.put_with_id(media_id=media_id, tenant="other", ref=ref, data=b"different")
    assert again.size == len(data) and (await store.info(media_id)).tenant == "demo"
    assert await store.read(media_id) == data


async def test_parts_left_by_an_interrupted_store_are_overwritten(db):
    store = MediaStore(db)
    media_id = inbound_media_id(Channel.WHATSAPP, "100000000000001", uuid.uuid4().hex)
    await db["media_parts"].insert_one({"_id": f"{media_id}:0", "data": b"stale half"})
    await store.put_with_id(media_id=media_id, tenant="demo", ref=MediaRef(kind="image"), data=b"\x89PNG whole")
    assert await store.read(media_id) == b"\x89PNG whole"
