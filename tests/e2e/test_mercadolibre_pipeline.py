"""MercadoLibre buyers, played by the sandbox, talk to the whole running system: a notification reaches ingest,
outbound fetches the question or message with the seller's OAuth token, and the answer goes back through
MercadoLibre's API (/answers for a question, the pack's post-sale conversation for a purchase)."""

import asyncio
import base64
import uuid

import httpx
import pytest

from parley_contracts import Channel, thread_key
from parley_devstack.services import RunningStack
from tests.auth import KEY, login
from tests.customers import png
from tests.kafka_helpers import eventually, wait_for_records

pytestmark = pytest.mark.e2e
SELLER = "500000001"  # the sandbox's seller (MERCADOLIBRE_SELLER_ID), connected to demo by seed-demo


def buyer() -> str:
    return "7" + str(uuid.uuid4().int)[:9]


def question_thread(buyer_id: str, question_id: int) -> str:
    return thread_key("demo", Channel.MERCADOLIBRE, SELLER, buyer_id, f"question:{question_id}")


def pack_thread(buyer_id: str, pack_id: str) -> str:
    return thread_key("demo", Channel.MERCADOLIBRE, SELLER, buyer_id, f"pack:{pack_id}")


async def says(http: httpx.AsyncClient, stack: RunningStack, buyer_id: str, text: str, **extra: object) -> dict:
    sent = await http.post(
        stack.url("sandbox") + "/sandbox/mercadolibre/messages", json={"from": buyer_id, "text": text, **extra}
    )
    assert sent.status_code == 200 and sent.json()["ingest_status"] == 200, sent.text
    return sent.json()


async def sent_to(http: httpx.AsyncClient, stack: RunningStack, buyer_id: str) -> list[dict]:
    response = await http.get(
        stack.url("sandbox") + "/sandbox/sent", params={"channel": "mercadolibre", "to": buyer_id}
    )
    return response.json()["requests"]


async def wait_sent(http: httpx.AsyncClient, stack: RunningStack, buyer_id: str, count: int) -> list[dict]:
    async def enough() -> list[dict] | None:
        got = await sent_to(http, stack, buyer_id)
        return got if len(got) >= count else None

    got = await eventually(enough, timeout=45)
    assert got, f"{count} call(s) to MercadoLibre expected for buyer {buyer_id}: {await sent_to(http, stack, buyer_id)}"
    return got


async def thread(http: httpx.AsyncClient, stack: RunningStack, key: str) -> dict:
    return (await http.get(f"{stack.url('dashboard-api')}/api/threads/{key}", headers=KEY)).json()


async def test_a_question_is_answered_from_the_knowledge_base_once_though_notified_twice(
    stack: RunningStack, http: httpx.AsyncClient, knowledge_base: None, infra, db
):
    buyer_id = buyer()
    asked = await says(http, stack, buyer_id, "Do you ship to the United States?")
    [answer] = await wait_sent(http, stack, buyer_id, 1)
    assert answer["type"] == "answer" and answer["body"]["question_id"] == asked["question_id"]
    assert "Mexico" in answer["body"]["text"]

    again = await http.post(
        stack.url("sandbox") + "/sandbox/mercadolibre/redeliver",
        json={"notification_id": asked["notification"]["_id"]},
    )
    assert again.status_code == 200 and again.json()["ingest_status"] == 200
    key = question_thread(buyer_id, asked["question_id"])
    fetched = await wait_for_records(
        infra.kafka_bootstrap,
        "message.received",
        lambda v: v.get("thread_key") == key,
        timeout=30,
        settle=3,
    )
    assert fetched and all(r["conversation"] == f"question:{asked['question_id']}" for r in fetched)
    assert len(await sent_to(http, stack, buyer_id)) == 1
    assert await db["messages"].count_documents({"thread_key": key, "direction": "in"}) == 1
    shown = await thread(http, stack, key)
    assert shown["contact"] == {"id": buyer_id, "name": f"BUYER_{buyer_id[-6:]}"} and shown["channel"] == "mercadolibre"
    timeline = (await http.get(f"{stack.url('dashboard-api')}/api/threads/{key}/messages", headers=KEY)).json()
    [question] = [m for m in timeline["items"] if m["author"] == "customer"]
    assert question["data"]["item"]["title"] == "Sandbox item MLA000000001"


async def test_asking_for_a_person_hands_off_without_using_up_the_answer(
    stack: RunningStack, http: httpx.AsyncClient, infra
):
    buyer_id = buyer()
    asked = await says(http, stack, buyer_id, "I want to talk to a real person, please")
    key = question_thread(buyer_id, asked["question_id"])
    [handoff] = await wait_for_records(infra.kafka_bootstrap, "handoff.requested", lambda v: v["thread_key"] == key)
    assert handoff["reason"] == "customer_asked"
    await asyncio.sleep(2)
    assert await sent_to(http, stack, buyer_id) == [], "the holding message must not become the public answer"

    api = stack.url("dashboard-api")
    ana = await login(http, api, "ana@demo.local")
    replied = await http.post(f"{api}/api/threads/{key}/messages", json={"text": "Yes, it comes in blue."}, headers=ana)
    assert replied.status_code == 200, replied.text
    [answer] = await wait_sent(http, stack, buyer_id, 1)
    assert answer["body"] == {"question_id": asked["question_id"], "text": "Yes, it comes in blue."}

    second = await http.post(f"{api}/api/threads/{key}/messages", json={"text": "And in red."}, headers=ana)
    assert second.status_code == 409
    assert "one answer per question" in second.json()["detail"]


async def test_a_post_sale_message_is_answered_in_its_pack(stack: RunningStack, http: httpx.AsyncClient):
    buyer_id = buyer()
    first = await says(http, stack, buyer_id, "hello", post_sale=True)
    [reply] = await wait_sent(http, stack, buyer_id, 1)
    assert reply["type"] == "message"
    body = reply["body"]
    assert body["from"] == {"user_id": SELLER} and body["to"] == {"user_id": buyer_id} and body["text"].strip()
    assert len(body["text"]) <= 350

    await says(http, stack, buyer_id, "thanks!", pack_id=first["pack_id"])
    await wait_sent(http, stack, buyer_id, 2)
    key = pack_thread(buyer_id, first["pack_id"])
    shown = await eventually(lambda: _with_messages(http, stack, key, 4), timeout=30)
    assert shown is not None, "both messages and both replies belong to the pack's one thread"
    transcript = (await http.get(stack.url("sandbox") + f"/sandbox/mercadolibre/conversations/{buyer_id}")).json()[
        "messages"
    ]
    assert [(m["author"], m["kind"]) for m in transcript] == [
        ("customer", "message"),
        ("business", "message"),
        ("customer", "message"),
        ("business", "message"),
    ]


async def _with_messages(http: httpx.AsyncClient, stack: RunningStack, key: str, count: int) -> dict | None:
    shown = await thread(http, stack, key)
    return shown if shown.get("message_count", 0) >= count else None


async def test_an_operator_sends_a_file_in_a_pack(stack: RunningStack, http: httpx.AsyncClient):
    buyer_id = buyer()
    photo = {"filename": "box.png", "content_type": "image/png", "data_base64": base64.b64encode(png()).decode()}
    first = await says(
        http,
        stack,
        buyer_id,
        "The box came open, could you send me a photo of the label?",
        post_sale=True,
        attachment=photo,
    )
    key = pack_thread(buyer_id, first["pack_id"])
    await eventually(lambda: _with_messages(http, stack, key, 1), timeout=30)
    api = stack.url("dashboard-api")
    timeline = (await http.get(f"{api}/api/threads/{key}/messages", headers=KEY)).json()["items"]
    [mine] = [m for m in timeline if m["author"] == "customer"]
    [media] = mine["media"]
    assert media["provider_media_id"].startswith(buyer_id + "_") and media["filename"] == "box.png"
    ana = await login(http, api, "ana@demo.local")
    image = png()
    answered = await http.post(
        f"{api}/api/threads/{key}/messages",
        data={"text": "Here it is."},
        files=[("files", ("label.png", image, "image/png"))],
        headers=ana,
    )
    assert answered.status_code == 200, answered.text

    async def with_file() -> dict | None:
        transcript = (await http.get(stack.url("sandbox") + f"/sandbox/mercadolibre/conversations/{buyer_id}")).json()[
            "messages"
        ]
        return next((m for m in transcript if m["attachments"] and m["author"] == "business"), None)

    shown = await eventually(with_file, timeout=45)
    assert shown is not None and shown["pack_id"] == first["pack_id"]
    assert (await http.get(stack.url("sandbox") + shown["attachments"][0])).content == image
    texts = [m["body"]["text"] for m in await sent_to(http, stack, buyer_id)]
    assert "Here it is." in texts and "label.png" in texts


async def test_two_questions_of_one_buyer_are_two_threads(stack: RunningStack, http: httpx.AsyncClient):
    buyer_id = buyer()
    one = await says(http, stack, buyer_id, "hello")
    two = await says(http, stack, buyer_id, "good morning", item_id="MLA000000002")
    answers = await wait_sent(http, stack, buyer_id, 2)
    assert sorted(a["body"]["question_id"] for a in answers) == sorted([one["question_id"], two["question_id"]])
    first = await thread(http, stack, question_thread(buyer_id, one["question_id"]))
    second = await thread(http, stack, question_thread(buyer_id, two["question_id"]))
    assert first["thread_key"] != second["thread_key"]
    assert first["contact"]["id"] == second["contact"]["id"] == buyer_id


async def test_an_expired_access_token_is_refreshed(stack: RunningStack, http: httpx.AsyncClient):
    buyer_id = buyer()
    first = await says(http, stack, buyer_id, "hello", post_sale=True)
    await wait_sent(http, stack, buyer_id, 1)  # Parley holds an access token now
    revoked = await http.post(stack.url("sandbox") + "/sandbox/mercadolibre/tokens/revoke")
    assert revoked.status_code == 200 and revoked.json()["revoked"] >= 1
    await says(http, stack, buyer_id, "thanks!", pack_id=first["pack_id"])
    replies = await wait_sent(http, stack, buyer_id, 2)  # read and answered with a refreshed token
    assert all(r["status_code"] == 200 for r in replies)


async def test_malformed_foreign_and_unknown_notifications(stack: RunningStack, http: httpx.AsyncClient, infra):
    url = stack.url("ingest") + "/webhooks/mercadolibre"
    notification = {
        "_id": str(uuid.uuid4()),
        "resource": "/questions/13000000999",
        "user_id": int(SELLER),
        "topic": "questions",
        "application_id": "sandbox-ml-app",
        "attempts": 1,
        "sent": "2026-12-02T10:00:00.000Z",
        "received": "2026-12-02T10:00:00.000Z",
    }
    malformed = await http.post(url, content=b'{"resource": 12}')
    assert malformed.status_code == 400 and "malformed MercadoLibre notification" in malformed.json()["detail"]
    not_json = await http.post(url, content=b"topic=questions")
    assert not_json.status_code == 400
    foreign = await http.post(url, json={**notification, "application_id": "someone-else"})
    assert foreign.status_code == 403 and "application_id" in foreign.json()["detail"]
    ignored = await http.post(url, json={**notification, "topic": "orders_v2", "resource": "/orders/1"})
    assert ignored.status_code == 200

    stranger = {**notification, "user_id": 999999999}
    unconnected = await http.post(url, json=stranger)
    assert unconnected.status_code == 200
    [letter] = await wait_for_records(
        infra.kafka_bootstrap,
        "message.received.dlq",
        lambda v: isinstance(v.get("original"), dict) and v["original"].get("_id") == notification["_id"],
    )
    assert "not connected" in letter["error"]

    # A question MercadoLibre no longer has (404) is dropped as a dead letter, not retried for ever.
    missing = {**notification, "_id": str(uuid.uuid4())}
    assert (await http.post(url, json=missing)).status_code == 200
    [gone] = await wait_for_records(
        infra.kafka_bootstrap,
        "channel.notification.dlq",
        lambda v: isinstance(v.get("original"), dict) and v["original"].get("notification_id") == missing["_id"],
        timeout=30,
    )
    assert "404" in gone["error"]
