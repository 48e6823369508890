"""A Telegram customer, played by the sandbox (its Bot API and the customer's app), talks to the whole running
system: the bot answers, a question is answered from the knowledge base, a person takes over and answers with
inline buttons and a picture, a tapped button arrives as the button's id, a photo comes in, a retried update is
answered once, and bad webhooks are refused."""

import httpx
import pytest

from parley_devstack.services import RunningStack
from tests.auth import KEY, login
from tests.customers import TELEGRAM_BOT_ID, TelegramCustomer, png, thread_messages
from tests.kafka_helpers import eventually, wait_for_records

pytestmark = pytest.mark.e2e
BOT_ID = TELEGRAM_BOT_ID
SECRET = "sandbox-telegram-secret"


async def test_hello_gets_a_reply_and_the_thread_holds_both_messages(stack: RunningStack, http: httpx.AsyncClient):
    customer = TelegramCustomer(http, stack)
    sent = await customer.say("hello")
    [reply] = await customer.wait_for(1)
    assert reply["text"].strip() and reply["reply_to"] == sent["message_id"]

    api = stack.url("dashboard-api")

    async def both() -> list[dict] | None:
        items = await thread_messages(http, api, customer.thread_key, KEY)
        return items if len(items) >= 2 and items[-1].get("status") == "sent" else None

    messages = await eventually(both, timeout=20)
    assert messages is not None
    assert [m["author"] for m in messages] == ["customer", "bot"]
    assert (
        messages[0]["text"] == "hello"
        and messages[0]["provider_message_id"] == f"{customer.chat_id}:{sent['message_id']}"
    )
    assert messages[1]["text"] == reply["text"]
    assert messages[1]["provider_message_id"] == f"{customer.chat_id}:{reply['message_id']}"
    thread = (await http.get(f"{api}/api/threads/{customer.thread_key}", headers=KEY)).json()
    assert thread["channel"] == "telegram" and thread["contact"] == {"id": customer.chat_id, "name": "Lucía"}


async def test_a_question_is_answered_from_the_knowledge_base(stack, knowledge_base, http: httpx.AsyncClient):
    customer = TelegramCustomer(http, stack)
    await customer.say("Do you ship to the United States?")
    [reply] = await customer.wait_for(1)
    assert "Mexico" in reply["text"]


async def test_a_person_takes_over_answers_with_buttons_and_a_picture_and_the_tap_comes_back(
    stack: RunningStack, http: httpx.AsyncClient, infra
):
    api = stack.url("dashboard-api")
    ana = await login(http, api, "ana@demo.local")  # online: the handoff is assigned to her
    customer = TelegramCustomer(http, stack)

    await customer.say("I want to talk to a real person, please")
    [holding] = await customer.wait_for(1)
    assert "person" in holding["text"]
    [handoff] = await wait_for_records(
        infra.kafka_bootstrap, "handoff.requested", lambda v: v["thread_key"] == customer.thread_key
    )
    assert handoff["reason"] == "customer_asked"
    thread = (await http.get(f"{api}/api/threads/{customer.thread_key}", headers=KEY)).json()
    assert thread["status"] == "needs_human"

    # The operator answers with inline buttons: the customer sees a keyboard.
    choices = [{"id": "solved:yes", "title": "Yes"}, {"id": "solved:no", "title": "No"}]
    answered = await http.post(
        f"{api}/api/threads/{customer.thread_key}/messages",
        json={"text": "Hi, I'm Ana. Is your order the blue one?", "quick_replies": choices},
        headers=ana,
    )
    assert answered.status_code == 200, answered.text
    _, question = await customer.wait_for(2)
    assert question["text"] == "Hi, I'm Ana. Is your order the blue one?"
    assert question["buttons"] == [
        {"text": "Yes", "callback_data": "solved:yes"},
        {"text": "No", "callback_data": "solved:no"},
    ]

    # The customer taps "No": it arrives as a button reply with the choice's id, and the spinner is stopped.
    tap = await customer.send(callback_data="solved:no")
    assert tap["callback_answered"] is True

    async def tapped() -> dict | None:
        items = await thread_messages(http, api, customer.thread_key, ana)
        return next((m for m in items if m["type"] == "button_reply"), None)

    reply = await eventually(tapped, timeout=20)
    assert reply is not None and reply["author"] == "customer"
    assert reply["text"] == "No" and reply["data"]["payload"] == "solved:no"
    assert reply["data"]["callback_query_id"] == tap["callback_query_id"]

    # The operator sends a picture: it is uploaded with its message, and the customer sees it.
    image = png()
    sent = await http.post(
        f"{api}/api/threads/{customer.thread_key}/messages",
        data={"text": "This one?"},
        files=[("files", ("blue.png", image, "image/png"))],
        headers=ana,
    )
    assert sent.status_code == 200, sent.text
    shown = (await customer.wait_for(3))[2]
    assert shown["type"] == "photo" and shown["text"] == "This one?"
    picture = await http.get(stack.url("sandbox") + shown["media"]["url"])
    assert picture.content == image
    # The bot stayed out of it: a holding message, then the operator's two.
    assert len(await customer.received()) == 3


async def test_a_photo_from_the_customer_is_kept_with_its_file_reference(stack: RunningStack, http: httpx.AsyncClient):
    customer = TelegramCustomer(http, stack)
    sent = await customer.send(text="my receipt", attachment={"kind": "photo"})
    largest = sent["payload"]["message"]["photo"][-1]
    api = stack.url("dashboard-api")

    async def photo() -> dict | None:
        items = await thread_messages(http, api, customer.thread_key, KEY)
        return next((m for m in items if m["type"] == "image"), None)

    message = await eventually(photo, timeout=30)
    assert message is not None and message["text"] == "my receipt"
    [ref] = message["media"]
    assert ref["provider_media_id"] == largest["file_id"] and ref["media_id"].startswith("med_in_")


async def test_an_edit_arrives_naming_the_message_it_edits(stack: RunningStack, http: httpx.AsyncClient):
    customer = TelegramCustomer(http, stack)
    first = await customer.say("my order number is 1234")
    await customer.send(text="my order number is 1243", edit_message_id=first["message_id"])
    api = stack.url("dashboard-api")

    async def edit() -> dict | None:
        items = await thread_messages(http, api, customer.thread_key, KEY)
        return next((m for m in items if m["type"] == "edit"), None)

    message = await eventually(edit, timeout=30)
    assert message is not None and message["text"] == "my order number is 1243"
    assert message["data"]["edits_message_id"] == f"{customer.chat_id}:{first['message_id']}"


async def test_a_retried_update_is_stored_once_and_answered_once(
    stack: RunningStack, http: httpx.AsyncClient, infra, db
):
    customer = TelegramCustomer(http, stack)
    first = await customer.say("hola, buenos días")
    again = await customer.send(update_id=first["update_id"])  # Telegram retries the same update
    assert again["retry"] is True

    await customer.wait_for(1)
    statuses = await wait_for_records(
        infra.kafka_bootstrap,
        "message.status",
        lambda v: v.get("thread_key") == customer.thread_key,
        timeout=30,
        settle=3,
    )
    assert statuses, "no delivery status was published"
    assert len(await customer.received()) == 1
    provider_id = f"{customer.chat_id}:{first['message_id']}"
    assert await db["messages"].count_documents({"provider_message_id": provider_id}) == 1


async def test_unsigned_wrongly_signed_malformed_and_unknown_bot_webhooks_are_refused(
    stack: RunningStack, http: httpx.AsyncClient
):
    url = stack.url("ingest") + f"/webhooks/telegram/{BOT_ID}"
    update = {"update_id": 1, "message": {"message_id": 1, "chat": {"id": 5, "type": "private"}, "text": "hi"}}
    unsigned = await http.post(url, json=update)
    assert unsigned.status_code == 401 and "X-Telegram-Bot-Api-Secret-Token" in unsigned.json()["detail"]
    wrong = await http.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "not-it"})
    assert wrong.status_code == 401
    malformed = await http.post(url, content=b"not json", headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
    assert malformed.status_code == 400 and "malformed Telegram update" in malformed.json()["detail"]
    unknown = await http.post(stack.url("ingest") + "/webhooks/telegram/7999999999", json=update)
    assert unknown.status_code == 404
    # The sandbox's raw endpoint refuses the same way, as a person would try it.
    raw = await http.post(
        stack.url("sandbox") + "/sandbox/telegram/raw", json={"body": {"update_id": 2}, "secret": "invalid"}
    )
    assert raw.json()["ingest_status"] == 401
