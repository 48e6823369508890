import json

import pytest
from pydantic import ValidationError

from parley_contracts import (
    ALL_TOPICS,
    Channel,
    Contact,
    DeliveryState,
    InboundContent,
    MessageReceived,
    MessageSend,
    OutboundContent,
    dead_letter_topic,
    dedupe_key,
    thread_key,
)
from parley_contracts.schemas import SCHEMA_DIR, rendered, stale_files


def _received(**over) -> MessageReceived:
    fields = dict(
        tenant="acme",
        channel=Channel.WHATSAPP,
        thread_key=thread_key("acme", Channel.WHATSAPP, "100", "521"),
        account_id="100",
        contact=Contact(id="521", name="Ana"),
        provider_message_id="wamid.1",
        dedupe_key=dedupe_key(Channel.WHATSAPP, "100", "wamid.1"),
        sent_at="2026-01-01T00:00:00Z",
        content=InboundContent(text="hola"),
    )
    fields.update(over)
    return MessageReceived(**fields)


def test_thread_key_is_deterministic_and_separates_every_part():
    base = thread_key("acme", Channel.WHATSAPP, "100", "521")
    assert base == thread_key("acme", "whatsapp", "100", "521")
    others = {
        thread_key("other", Channel.WHATSAPP, "100", "521"),
        thread_key("acme", Channel.TELEGRAM, "100", "521"),
        thread_key("acme", Channel.WHATSAPP, "101", "521"),
        thread_key("acme", Channel.WHATSAPP, "100", "522"),
        thread_key("acme", Channel.WHATSAPP, "1005", "21"),  # no ambiguity from concatenation
    }
    assert base not in others and len(others) == 5
    assert base.startswith("th_")


def test_dedupe_key_names_channel_and_provider_id():
    assert dedupe_key(Channel.WHATSAPP, "100", "wamid.X") == "whatsapp:100:wamid.X"


def test_every_event_carries_the_common_fields_and_round_trips():
    event = _received()
    wire = json.loads(event.model_dump_json())
    for name in ("schema_version", "event_id", "occurred_at", "tenant", "channel", "thread_key", "trace_id"):
        assert name in wire
    assert MessageReceived.model_validate_json(event.model_dump_json()) == event
    assert event.headers()["trace_id"] == event.trace_id
    assert event.headers()["event_type"] == "MessageReceived"


def test_unknown_fields_from_newer_producers_are_ignored():
    wire = json.loads(_received().model_dump_json())
    wire["added_later"] = {"x": 1}
    assert MessageReceived.model_validate(wire).tenant == "acme"


def test_required_fields_are_enforced():
    with pytest.raises(ValidationError):
        _received(tenant="")
    with pytest.raises(ValidationError):
        MessageSend(
            tenant="acme",
            channel=Channel.WHATSAPP,
            thread_key="th_x",
            send_id="s1",
            account_id="100",
            recipient=Contact(id="521"),
            content=OutboundContent(text="x" * 4097),  # WhatsApp's text limit
        )


def test_topics_and_dead_letters():
    assert "message.received" in ALL_TOPICS and "message.send.dlq" in ALL_TOPICS
    assert dead_letter_topic("message.send") == "message.send.dlq"


def test_delivery_states_are_ordered():
    ranks = [s.rank for s in (DeliveryState.QUEUED, DeliveryState.SENT, DeliveryState.DELIVERED, DeliveryState.READ)]
    assert ranks == sorted(ranks) and len(set(ranks)) == 4


def test_committed_json_schemas_match_the_models():
    assert stale_files() == [], "run `make schemas`"
    assert {p.name for p in SCHEMA_DIR.glob("*.json")} == set(rendered())


def test_stale_schema_is_detected(tmp_path):
    for name, text in rendered().items():
        (tmp_path / name).write_text(text)
    (tmp_path / "message.send.json").write_text("{}")
    assert stale_files(tmp_path) == ["message.send.json"]


def test_caused_events_inherit_conversation_and_trace():
    cause = _received()
    effect = MessageSend(
        **cause.lineage(), send_id="s1", account_id="100", recipient=cause.contact, content=OutboundContent(text="ok")
    )
    assert (effect.tenant, effect.channel, effect.thread_key, effect.trace_id) == (
        cause.tenant,
        cause.channel,
        cause.thread_key,
        cause.trace_id,
    )
    assert effect.event_id != cause.event_id


def test_inbound_media_id_is_deterministic_per_channel_account_and_file():
    from parley_contracts import inbound_media_id

    one = inbound_media_id("whatsapp", "100", "778")
    assert one == inbound_media_id("whatsapp", "100", "778") and one.startswith("med_in_") and len(one) == 39
    assert len({one, inbound_media_id("whatsapp", "101", "778"), inbound_media_id("telegram", "100", "778")}) == 3
    assert inbound_media_id("whatsapp", "100", "77") != inbound_media_id("whatsapp", "1007", "7")
