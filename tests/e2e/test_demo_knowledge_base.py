"""The demo as `make run` seeds it: the `demo` unit answers from the sample FAQ (deploy/local/sample/demo-faq.pdf)
to a customer writing in the channel sandbox."""

import asyncio
import uuid

import httpx
import pytest

from parley_devstack.paths import SAMPLE
from parley_devstack.services import RunningStack
from tests.kafka_helpers import eventually

pytestmark = pytest.mark.e2e


async def test_a_customer_asking_the_opening_hours_is_answered_from_the_sample_faq(
    stack: RunningStack, http: httpx.AsyncClient
):
    assert "demo knowledge base: demo-faq.pdf" in stack.seed_demo(knowledge_base=SAMPLE / "demo-faq.pdf")
    await asyncio.sleep(3)  # nlp's cached index is at most KB_REFRESH_SECONDS (2 s) old
    wa_id = "5491" + str(uuid.uuid4().int)[:9]
    body = {"from": wa_id, "name": "Demo Customer", "text": "what are your opening hours?"}
    sent = await http.post(stack.url("sandbox") + "/sandbox/whatsapp/messages", json=body)
    assert sent.status_code == 200 and sent.json()["ingest_status"] == 200, sent.text

    async def replies() -> list[dict]:
        found = await http.get(stack.url("sandbox") + "/sandbox/sent", params={"channel": "whatsapp", "to": wa_id})
        return found.json()["requests"]

    [reply] = await eventually(replies, timeout=45)
    assert "9:00 to 19:00" in reply["body"]["text"]["body"]
