"""nlp as a process: `message.received` from the real broker, `message.analyzed` back."""

import pytest

from tests.events import received
from tests.kafka_helpers import publish_event, wait_for_records

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def nlp(services):
    return services("nlp")


async def test_greeting_is_analysed_and_answered(nlp, infra):
    event = received("hola, buenos días")
    await publish_event(infra.kafka_bootstrap, event)
    [record] = await wait_for_records(
        infra.kafka_bootstrap, "message.analyzed", lambda v: v.get("inbound", {}).get("dedupe_key") == event.dedupe_key
    )
    analysis = record["analysis"]
    assert analysis["language"] == "es"
    assert analysis["reply"]["text"] and analysis["reply"]["source"] == "fallback"
    assert record["thread_key"] == event.thread_key and record["trace_id"] == event.trace_id
    assert analysis["processing_ms"] > 0


async def test_request_for_a_person_is_flagged(nlp, infra):
    event = received("quiero hablar con un humano")
    await publish_event(infra.kafka_bootstrap, event)
    [record] = await wait_for_records(
        infra.kafka_bootstrap, "message.analyzed", lambda v: v.get("inbound", {}).get("dedupe_key") == event.dedupe_key
    )
    assert record["analysis"]["wants_human"] is True
