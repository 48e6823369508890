"""router as a process, fed through the real broker, writing to FerretDB."""

import json
import re

import pytest

from parley_contracts import DeliveryState, MessageStatus
from parley_conversations.documents import MessageRecord, ThreadRecord, unpacked_message
from tests.events import analyzed, received
from tests.kafka_helpers import eventually, publish_event, publish_raw, wait_for_records

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def router(services):
    return services("router")


async def test_inbound_is_in_its_thread_before_any_analysis(router, infra, db):
    event = received("where is my order?")
    await publish_event(infra.kafka_bootstrap, event)
    thread = await eventually(lambda: db["threads"].find_one({"_id": event.thread_key}))
    assert thread["status"] == "bot" and thread["contact"] == {"id": event.contact.id, "name": "Test Customer"}
    assert thread["message_count"] == 1 and thread["last_message"]["text"] == "where is my order?"
    message = await db["messages"].find_one({"_id": event.dedupe_key})
    assert message["author"] == "customer" and "analysis" not in message  # unset fields are not written
    [update] = await wait_for_records(
        infra.kafka_bootstrap, "thread.updated", lambda v: v.get("thread_key") == event.thread_key
    )
    assert update["cause"] == "message.received" and update["thread"]["version"] == 1
    assert [m["text"] for m in update["messages"]] == ["where is my order?"]


async def test_redelivered_inbound_is_stored_once(router, infra, db):
    event = received("hi")
    await publish_event(infra.kafka_bootstrap, event)
    await publish_event(infra.kafka_bootstrap, event.model_copy(update={"event_id": "another-delivery"}))
    await eventually(lambda: db["threads"].find_one({"_id": event.thread_key}))
    marker = received("later", wa_id=event.contact.id)  # a later record on the same partition
    await publish_event(infra.kafka_bootstrap, marker)
    await eventually(lambda: db["messages"].find_one({"_id": marker.dedupe_key}))
    assert await db["messages"].count_documents({"thread_key": event.thread_key}) == 2
    thread = await db["threads"].find_one({"_id": event.thread_key})
    assert thread["message_count"] == 2
    listed = ThreadRecord.from_document(thread).message_ids
    assert listed == [event.dedupe_key, marker.dedupe_key]  # what the console pages through


async def test_confident_analysis_publishes_one_reply_even_when_replayed(router, infra, db):
    inbound = received("do you ship to texas?")
    event = analyzed(inbound, reply="We only deliver inside Mexico and Brazil.", confidence=0.8)
    await publish_event(infra.kafka_bootstrap, inbound)
    await publish_event(infra.kafka_bootstrap, event)
    await publish_event(infra.kafka_bootstrap, event.model_copy(update={"event_id": "replayed"}))
    sends = await wait_for_records(
        infra.kafka_bootstrap, "message.send", lambda v: v.get("in_reply_to") == inbound.dedupe_key, settle=3
    )
    assert len(sends) == 1
    assert sends[0]["content"]["text"] == "We only deliver inside Mexico and Brazil."
    assert sends[0]["recipient"]["id"] == inbound.contact.id
    found = db["messages"].find({"thread_key": inbound.thread_key}).sort("at", 1)
    messages = [unpacked_message(m) async for m in found]
    assert [m["author"] for m in messages] == ["customer", "bot"]
    assert messages[0]["analysis"]["reply"]["confidence"] == 0.8
    assert messages[1]["status"] == "queued" and messages[1]["author_name"] == "Assistant"
    thread = await db["threads"].find_one({"_id": inbound.thread_key})
    listed = ThreadRecord.from_document(thread).message_ids
    assert listed == [m["_id"] for m in messages]  # the replay listed nothing twice
    assert thread["message_count"] == 2 and thread["language"] == "en"


async def test_asking_for_a_person_hands_off_and_silences_the_bot(router, infra, db):
    inbound = received("I want to talk to a real person")
    await publish_event(infra.kafka_bootstrap, analyzed(inbound, wants_human=True))
    [handoff] = await wait_for_records(
        infra.kafka_bootstrap, "handoff.requested", lambda v: v.get("thread_key") == inbound.thread_key
    )
    assert handoff["reason"] == "customer_asked"
    thread = await eventually(lambda: db["threads"].find_one({"_id": inbound.thread_key, "status": "needs_human"}))
    assert thread["handoff_reason"] == "customer_asked" and thread.get("assignee") is None  # nobody is online

    follow_up = received("hello?", wa_id=inbound.contact.id)
    await publish_event(infra.kafka_bootstrap, analyzed(follow_up, reply="Hi!", confidence=1.0))
    sends = await wait_for_records(
        infra.kafka_bootstrap, "message.send", lambda v: v.get("thread_key") == inbound.thread_key, settle=3
    )
    assert [s["in_reply_to"] for s in sends] == [inbound.dedupe_key]  # the holding message only


async def test_low_confidence_hands_off(router, infra, db):
    inbound = received("can I pay with goats?")
    await publish_event(infra.kafka_bootstrap, analyzed(inbound, reply="Maybe.", confidence=0.1))
    [handoff] = await wait_for_records(
        infra.kafka_bootstrap, "handoff.requested", lambda v: v.get("thread_key") == inbound.thread_key
    )
    assert handoff["reason"] == "low_confidence"


async def test_delivery_statuses_never_go_backwards(router, infra, db):
    inbound = received("status test")
    await publish_event(infra.kafka_bootstrap, analyzed(inbound, reply="Ok", confidence=0.9))
    [send] = await wait_for_records(
        infra.kafka_bootstrap, "message.send", lambda v: v.get("in_reply_to") == inbound.dedupe_key
    )

    def status(state: DeliveryState, provider_id: str | None = None) -> MessageStatus:
        return MessageStatus(
            tenant=inbound.tenant,
            channel=inbound.channel,
            thread_key=inbound.thread_key,
            send_id=send["send_id"] if provider_id is None else None,
            provider_message_id=provider_id or "wamid.OUT-1",
            status=state,
        )

    await publish_event(infra.kafka_bootstrap, status(DeliveryState.SENT))
    await publish_event(infra.kafka_bootstrap, status(DeliveryState.READ, "wamid.OUT-1"))
    await publish_event(infra.kafka_bootstrap, status(DeliveryState.DELIVERED, "wamid.OUT-1"))  # late
    await eventually(lambda: db["messages"].find_one({"_id": send["send_id"], "status": "read"}))
    marker = received("marker", wa_id=inbound.contact.id)
    await publish_event(infra.kafka_bootstrap, marker)
    await eventually(lambda: db["messages"].find_one({"_id": marker.dedupe_key}))
    doc = await db["messages"].find_one({"_id": send["send_id"]})
    assert doc["status"] == "read" and doc["provider_message_id"] == "wamid.OUT-1"
    assert [h.status for h in MessageRecord.from_document(doc).status_history] == ["queued", "sent", "read"]
    ticks = await wait_for_records(
        infra.kafka_bootstrap,
        "thread.updated",
        lambda v: v.get("cause") == "message.status" and v["messages"][0]["id"] == send["send_id"],
        count=2,
    )
    assert [t["messages"][0]["status"] for t in ticks][:2] == ["sent", "read"]


def to_milliseconds(value: object) -> str:
    return re.sub(r"(\.\d{3})\d{3}Z", r"\1Z", json.dumps(value, sort_keys=True))


async def test_a_repeated_status_is_announced_once_and_a_replayed_one_again(router, infra, db):
    """outbound's "sent" and then the provider's: one announcement. The same event processed again (a crash
    between the write and the announcement) is announced again, so no announcement is lost."""
    inbound = received("status repeat test")
    await publish_event(infra.kafka_bootstrap, analyzed(inbound, reply="Ok", confidence=0.9))
    [send] = await wait_for_records(
        infra.kafka_bootstrap, "message.send", lambda v: v.get("in_reply_to") == inbound.dedupe_key
    )
    common = {"tenant": inbound.tenant, "channel": inbound.channel, "thread_key": inbound.thread_key}
    outbound_sent = MessageStatus(
        **common, send_id=send["send_id"], provider_message_id="wamid.REP-1", status=DeliveryState.SENT
    )
    provider_sent = MessageStatus(**common, provider_message_id="wamid.REP-1", status=DeliveryState.SENT)
    delivered = MessageStatus(**common, provider_message_id="wamid.REP-1", status=DeliveryState.DELIVERED)
    for event in (outbound_sent, provider_sent, outbound_sent, delivered):
        await publish_event(infra.kafka_bootstrap, event)
    ticks = await wait_for_records(
        infra.kafka_bootstrap,
        "thread.updated",
        lambda v: v.get("cause") == "message.status" and v["messages"][0]["id"] == send["send_id"],
        count=3,
        settle=2,
    )
    assert [t["messages"][0]["status"] for t in ticks] == ["sent", "sent", "delivered"]
    # The replay, rebuilt from what is stored, is the announcement made the first time (to the millisecond: BSON's).
    assert to_milliseconds(ticks[1]) == to_milliseconds(ticks[0])
    doc = await db["messages"].find_one({"_id": send["send_id"]})
    assert doc["status_event_id"] == delivered.event_id
    assert [h.status for h in MessageRecord.from_document(doc).status_history] == ["queued", "sent", "delivered"]


async def test_a_reply_to_a_message_older_than_the_window_is_withheld(router, infra, db):
    from datetime import UTC, datetime, timedelta

    late = received("sent yesterday, delivered now", sent_at=datetime.now(UTC) - timedelta(hours=25))
    await publish_event(infra.kafka_bootstrap, analyzed(late, reply="Too late to say this", confidence=0.9))
    marker = received("marker", wa_id=late.contact.id)
    await publish_event(infra.kafka_bootstrap, analyzed(marker, reply="In time", confidence=0.9))
    sends = await wait_for_records(
        infra.kafka_bootstrap, "message.send", lambda v: v.get("thread_key") == late.thread_key, settle=2
    )
    assert [s["content"]["text"] for s in sends] == ["In time"]


async def test_a_record_that_is_not_an_event_goes_to_the_dead_letter_topic(router, infra):
    await publish_raw(infra.kafka_bootstrap, "message.received", b'{"tenant": "x", "oops": true}', key=b"k-poison")
    [letter] = await wait_for_records(
        infra.kafka_bootstrap, "message.received.dlq", lambda v: v.get("key") == "k-poison"
    )
    assert letter["service"] == "router" and "invalid MessageReceived" in letter["error"]
    assert letter["original"] == {"tenant": "x", "oops": True}


async def test_a_bot_reply_that_cannot_be_delivered_hands_the_thread_to_a_person(router, infra, db):
    inbound = received("what are your hours?")
    await publish_event(infra.kafka_bootstrap, analyzed(inbound, reply="9 to 5", confidence=0.9))
    [send] = await wait_for_records(
        infra.kafka_bootstrap, "message.send", lambda v: v.get("in_reply_to") == inbound.dedupe_key
    )
    failed = MessageStatus(
        **inbound.lineage(),
        send_id=send["send_id"],
        status=DeliveryState.FAILED,
        error="gave up after 9 attempts: 500 from the provider",
    )
    await publish_event(infra.kafka_bootstrap, failed)
    await publish_event(infra.kafka_bootstrap, failed.model_copy(update={"event_id": "again"}))  # a replay
    thread = await eventually(lambda: db["threads"].find_one({"_id": inbound.thread_key, "status": "needs_human"}))
    assert thread["handoff_reason"] == "delivery_failed"
    [handoff] = await wait_for_records(
        infra.kafka_bootstrap, "handoff.requested", lambda v: v.get("thread_key") == inbound.thread_key, settle=2
    )
    assert handoff["reason"] == "delivery_failed" and "gave up" in handoff["summary"]
    notes = [m["text"] async for m in db["messages"].find({"thread_key": inbound.thread_key, "type": "activity"})]
    assert notes == ["The bot handed the conversation to the team (a reply could not be delivered)"]


async def test_a_message_whose_payload_the_database_would_refuse_is_still_stored(router, infra, db):
    odd = received("order attached")
    odd = odd.model_copy(
        update={"content": odd.content.model_copy(update={"data": {"qty": 2**80, "a.b": 1, "rows": [[1, 2]]}})}
    )
    await publish_event(infra.kafka_bootstrap, odd)
    stored = await eventually(lambda: db["messages"].find_one({"_id": odd.dedupe_key}))
    assert stored["text"] == "order attached" and stored["data"]["qty"] == str(2**80)
