"""The brain through the whole system: an admin uploads a PDF; customers get answers from it, and a
person when they ask for one or when the document has no answer."""

import uuid

import httpx
import pytest

from parley_contracts import Channel, thread_key
from parley_devstack.services import RunningStack
from tests.auth import KEY
from tests.kafka_helpers import eventually, wait_for_records

pytestmark = pytest.mark.e2e


async def conversation(http: httpx.AsyncClient, stack: RunningStack, text: str) -> tuple[str, list[dict]]:
    wa_id = "5491" + str(uuid.uuid4().int)[:9]
    sent = await http.post(stack.url("sandbox") + "/sandbox/whatsapp/messages", json={"from": wa_id, "text": text})
    assert sent.status_code == 200 and sent.json()["ingest_status"] == 200, sent.text

    async def replies() -> list[dict]:
        r = await http.get(stack.url("sandbox") + "/sandbox/sent", params={"channel": "whatsapp", "to": wa_id})
        return r.json()["requests"]

    return wa_id, await eventually(replies, timeout=45)


async def test_answerable_question_is_answered_from_the_document(stack, knowledge_base, http):
    _, replies = await conversation(http, stack, "Do you ship to the United States?")
    assert len(replies) == 1
    assert "Mexico" in replies[0]["body"]["text"]["body"]


async def test_asking_for_a_person_hands_off(stack, knowledge_base, http, infra):
    wa_id, replies = await conversation(http, stack, "quiero hablar con un humano")
    assert "persona" in replies[0]["body"]["text"]["body"]
    key = thread_key("demo", Channel.WHATSAPP, "100000000000001", wa_id)
    [handoff] = await wait_for_records(infra.kafka_bootstrap, "handoff.requested", lambda v: v["thread_key"] == key)
    assert handoff["reason"] == "customer_asked"
    thread = (await http.get(f"{stack.url('dashboard-api')}/api/threads/{key}", headers=KEY)).json()
    assert thread["status"] == "needs_human"


async def test_question_the_document_does_not_answer_is_not_invented(stack, knowledge_base, http, infra):
    wa_id, replies = await conversation(http, stack, "what's the capital of australia?")
    key = thread_key("demo", Channel.WHATSAPP, "100000000000001", wa_id)
    [handoff] = await wait_for_records(infra.kafka_bootstrap, "handoff.requested", lambda v: v["thread_key"] == key)
    assert handoff["reason"] in ("no_answer", "low_confidence")
    assert "Canberra" not in replies[0]["body"]["text"]["body"]
