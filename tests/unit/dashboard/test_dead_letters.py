"""Dead letters' pure parts: what is stored, who sees it, what a redrive publishes."""

import json
from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from parley_contracts import DeadLetter
from parley_conversations.operators import Role
from parley_dashboard.auth.principal import Principal
from parley_dashboard.dead_letters import (
    DEAD_LETTER_TOPICS,
    LetterFilter,
    StoredLetter,
    redrive_body,
    source_topic_named,
)
from parley_dashboard.schemas import RedriveIn

AT = datetime(2026, 12, 3, tzinfo=UTC)


def stored(original: dict | str, topic: str = "message.send", redrives: int = 0) -> StoredLetter:
    letter = DeadLetter(source_topic=topic, service="outbound", key="th_a", original=original, error="boom", attempts=5)
    return StoredLetter.of(letter, AT).model_copy(update={"redrives": redrives})


def test_every_main_topic_has_its_dead_letter_topic_listened_to():
    assert "message.send.dlq" in DEAD_LETTER_TOPICS and "message.received.dlq" in DEAD_LETTER_TOPICS
    assert all(t.endswith(".dlq") for t in DEAD_LETTER_TOPICS)
    assert source_topic_named("message.send") == source_topic_named("message.send.dlq") == "message.send"
    assert source_topic_named("secrets") is None and source_topic_named("message.send.dlq.dlq") is None


def test_a_letter_round_trips_through_its_document_even_with_odd_field_names():
    letter = stored({"tenant": "demo", "$where": 1, "a.b": 2})
    doc = letter.to_document()
    assert doc["_id"] == letter.id and isinstance(doc["original"], str) and doc["tenant"] == "demo"
    assert StoredLetter.from_document(doc) == letter
    raw = stored("{not json")
    assert raw.tenant is None and StoredLetter.from_document(raw.to_document()).original == "{not json"


def test_a_redriven_send_counts_one_more_redrive_each_time():
    letter = stored({"tenant": "demo", "send_id": "snd_1", "redrive": 1})
    assert json.loads(redrive_body(letter))["redrive"] == 2
    assert json.loads(redrive_body(letter.model_copy(update={"redrives": 2})))["redrive"] == 4
    assert json.loads(redrive_body(stored({"send_id": "snd_2"})))["redrive"] == 1
    other = stored({"tenant": "demo", "dedupe_key": "k"}, topic="message.received")
    assert json.loads(redrive_body(other)) == {"tenant": "demo", "dedupe_key": "k"}
    assert redrive_body(stored("{not json", topic="message.received")) == b"{not json"


def test_letters_are_seen_within_ones_business_units():
    demo = stored({"tenant": "demo"})
    nobody = stored("garbage")
    unit_admin = Principal("operator", "op_1", "A", Role.ADMIN, frozenset({"demo"}))
    everywhere = Principal("integration", "key_env", "env", Role.ADMIN, None)
    assert demo.visible_to(unit_admin) and demo.visible_to(everywhere)
    assert not nobody.visible_to(unit_admin) and nobody.visible_to(everywhere)
    assert not stored({"tenant": "aurora"}).visible_to(unit_admin)
    query = LetterFilter(frozenset({"demo"}), "message.send", "outbound", redriven=False).query()
    assert query == {"tenant": {"$in": ["demo"]}, "source_topic": "message.send", "service": "outbound", "redrives": 0}
    assert LetterFilter(None, redriven=True).query() == {"redrives": {"$gt": 0}}


def test_a_bulk_redrive_names_a_topic_or_a_service():
    assert RedriveIn(topic="message.send").limit == 100
    with pytest.raises(ValidationError):
        RedriveIn()
