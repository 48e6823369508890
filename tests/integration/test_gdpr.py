"""A contact's data (GDPR), with the router and dashboard-api running on the real Kafka and FerretDB: the export
holds the contact's threads, messages, files and notifications; the erasure goes through the router (the only
writer of threads) and afterwards nothing about the contact is found by any API or in any collection, except
in another business unit the admin does not work for; the erasure's record holds no contact data."""

import io
import json
import uuid
import zipfile
from typing import Any

import pytest

from parley_contracts import Channel, DeliveryState, MessageReceived, MessageStatus, dedupe_key, thread_key
from tests.auth import KEY, login
from tests.events import ACCOUNT, analyzed, received
from tests.kafka_helpers import eventually, publish_events, wait_for_records

pytestmark = pytest.mark.integration

OTHER_ACCOUNT = "100000000000002"
IMAGE = b"\x89PNG\r\n\x1a\n" + uuid.uuid4().bytes * 64
SALT = "it-erasure-salt"


@pytest.fixture(scope="module")
def stack(services):
    running = services("router", "dashboard-api", ROSTER_REFRESH_SECONDS="0", ERASURE_HASH_SALT=SALT)
    running.seed_demo()
    return running


def inbound(text: str, contact: str, account: str = ACCOUNT, tenant: str = "demo") -> MessageReceived:
    """A customer's message to one of the business's WhatsApp numbers (one thread per number and contact)."""
    event = received(text, tenant=tenant, wa_id=contact)
    return event.model_copy(
        update={
            "account_id": account,
            "thread_key": thread_key(tenant, Channel.WHATSAPP, account, contact),
            "dedupe_key": dedupe_key(Channel.WHATSAPP, account, event.provider_message_id),
        }
    )


async def _thread(http, api: str, key: str, ready=lambda t: True) -> dict | None:
    response = await http.get(f"{api}/api/threads/{key}", headers=KEY)
    return response.json() if response.status_code == 200 and ready(response.json()) else None


async def _held_conversations(stack, http, contact: str) -> dict[str, Any]:
    """Two threads of `contact` in `demo` (one handed to Ana, who answers with an image whose delivery the
    provider confirms), one in `aurora`, and another contact's thread in `demo`."""
    api = stack.url("dashboard-api")
    ana = await login(http, api, "ana@demo.local")  # online: the handoff goes to her
    first, second = inbound("I want a person", contact), inbound("hello", contact, OTHER_ACCOUNT)
    aurora, stranger = inbound("hola", contact, tenant="aurora"), inbound("hi", "52155" + uuid.uuid4().hex[:8])
    events = [first, analyzed(first, wants_human=True), second, analyzed(second, reply="Hi!"), aurora, stranger]
    await publish_events(stack.env["KAFKA_BOOTSTRAP_SERVERS"], events)
    assert await eventually(lambda: _thread(http, api, first.thread_key, lambda t: t["assignee"]), timeout=30)
    for other in (second, aurora, stranger):
        assert await eventually(lambda key=other.thread_key: _thread(http, api, key), timeout=30)
    answered = await http.post(
        f"{api}/api/threads/{first.thread_key}/messages",
        data={"text": "Our store map"},
        files=[("files", ("store map.png", IMAGE, "image/png"))],
        headers=ana,
    )
    assert answered.status_code == 200, answered.text
    messages = (await http.get(f"{api}/api/threads/{first.thread_key}/messages", headers=KEY)).json()["items"]
    reply = next(m for m in messages if m["author"] == "operator")
    provider_id = f"wamid.out.{uuid.uuid4().hex}"
    status = MessageStatus(
        **first.lineage(), send_id=reply["send_id"], provider_message_id=provider_id, status=DeliveryState.SENT
    )
    await publish_events(stack.env["KAFKA_BOOTSTRAP_SERVERS"], [status])
    return {
        "keys": [first.thread_key, second.thread_key],
        "aurora": aurora.thread_key,
        "stranger": stranger.thread_key,
        "media_id": reply["media"][0]["media_id"],
        "provider_id": provider_id,
        "ana": ana,
    }


async def test_export_then_erase_a_contact(stack, http, db):
    api = stack.url("dashboard-api")
    contact = "52155" + uuid.uuid4().hex[:8]
    held = await _held_conversations(stack, http, contact)
    keys = held["keys"]
    assert await eventually(lambda: db["provider_message_ids"].find_one({"_id": held["provider_id"]}), timeout=30)
    notes = await eventually(lambda: _all(db, "notifications", {"thread_key": {"$in": keys}}), timeout=30)
    assert {n["kind"] for n in notes} >= {"handoff", "assigned"}
    admin = await login(http, api, "admin@demo.local")

    # Export: the two threads of the admin's business unit, their messages in order, the image, the notifications.
    assert (await http.get(f"{api}/api/contacts/whatsapp/{contact}/export", headers=held["ana"])).status_code == 403
    exported = await http.get(f"{api}/api/contacts/whatsapp/{contact}/export", headers=admin)
    assert exported.status_code == 200 and exported.headers["content-type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(exported.content))
    names = archive.namelist()
    assert sorted({n.split("/")[1] for n in names if n.startswith("threads/")}) == sorted(keys)
    first_messages = json.loads(archive.read(f"threads/{keys[0]}/messages.json"))
    said = [(m["author"], m["text"]) for m in first_messages if m["author"] != "system"]
    assert said[0] == ("customer", "I want a person") and said[-1] == ("operator", "Our store map") and len(said) == 3
    assert [m["at"] for m in first_messages] == sorted(m["at"] for m in first_messages)
    assert archive.read(f"threads/{keys[0]}/attachments/{held['media_id']}-store_map.png") == IMAGE
    assert json.loads(archive.read(f"threads/{keys[0]}/thread.json"))["contact"]["id"] == contact
    assert {n["thread_key"] for n in json.loads(archive.read("notifications.json"))} <= set(keys)
    assert len(json.loads(archive.read("notifications.json"))) >= 1
    nobody = await http.get(f"{api}/api/contacts/whatsapp/5215500000000/export", headers=admin)
    assert nobody.status_code == 404

    # Erase: the router erases both threads; dashboard-api its notifications, emails and the image.
    erased = await http.delete(f"{api}/api/contacts/whatsapp/{contact}", headers=admin)
    assert erased.status_code in (200, 202), erased.text
    record = erased.json()
    assert record["threads"] == 2 and record["files"] == 1 and record["messages"] >= 5
    assert record["tenants"] == ["demo"] and record["requested_by"]["name"] == "Demo Admin"
    assert record["contact_hash"] and len(record["contact_hash"]) == 64
    announced = await wait_for_records(
        stack.env["KAFKA_BOOTSTRAP_SERVERS"],
        "thread.updated",
        lambda v: v.get("thread_key") in keys and v.get("outcome") == "applied" and v.get("thread") is None,
        count=2,
    )
    assert len(announced) == 2
    stored = await db["erasures"].find_one({"_id": record["id"]})
    for text in (json.dumps(record), json.dumps(stored, default=str)):
        for personal in (contact, "Test Customer", "I want a person", *keys, held["media_id"]):
            assert personal not in text, personal

    await eventually(lambda: _nothing_left(db, keys, held), timeout=30)
    assert await _nothing_left(db, keys, held)
    for key in keys:
        assert (await http.get(f"{api}/api/threads/{key}", headers=KEY)).status_code == 404
        assert (await http.get(f"{api}/api/threads/{key}/messages", headers=KEY)).status_code == 404
    assert (await http.get(f"{api}/api/media/{held['media_id']}", headers=KEY)).status_code == 404
    found = (await http.get(f"{api}/api/threads", params={"q": contact}, headers=admin)).json()
    assert found["items"] == []
    for who in (admin, held["ana"]):
        mine = (await http.get(f"{api}/api/notifications", headers=who)).json()["items"]
        assert not [n for n in mine if n["thread_key"] in keys]
    assert (await http.get(f"{api}/api/contacts/whatsapp/{contact}/export", headers=admin)).status_code == 404
    assert (await http.delete(f"{api}/api/contacts/whatsapp/{contact}", headers=admin)).status_code == 404
    # What the admin's business unit does not own stays: the contact in aurora, another contact in demo.
    assert await _thread(http, api, held["aurora"]) and await _thread(http, api, held["stranger"])
    await _only_aurora_names(db, contact, held["aurora"])


async def _all(db, collection: str, where: dict) -> list[dict]:
    return [d async for d in db[collection].find(where)]


async def _nothing_left(db, keys: list[str], held: dict[str, Any]) -> bool:
    """No document of any collection names an erased thread, the erased image or the reply's provider id."""
    marks = (*keys, held["media_id"], held["provider_id"])
    for name in await db.list_collection_names():
        async for doc in db[name].find({}):
            text = json.dumps(doc, default=str)
            if any(mark in text for mark in marks):
                return False
    return True


async def _only_aurora_names(db, contact: str, aurora_key: str) -> None:
    for name in await db.list_collection_names():
        async for doc in db[name].find({}):
            if contact in json.dumps(doc, default=str):
                assert aurora_key in (doc.get("_id"), doc.get("thread_key")), (name, doc.get("_id"))
