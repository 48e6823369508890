"""Parley's own Telegram pieces against the sandbox, in process: the real ingest app receives the sandbox's
updates (secret token, parsing, the tap acknowledged in the webhook answer), and the real outbound adapter calls
the sandbox's Bot API (keyboards, replies, multipart uploads, getFile downloads, 429s)."""

import httpx
import pytest

from parley_contracts import Channel, MessageReceived, MessageSend, OutboundContent, QuickReply
from parley_ingest.app import create_app as create_ingest
from parley_ingest.deps import IngestContext
from parley_ingest.settings import IngestSettings
from parley_outbound.channels.base import MediaFile, RetryableSendError
from parley_outbound.channels.telegram import TelegramSender
from parley_sandbox.app import create_app as create_sandbox
from tests.fakes import StaticAccounts, channel_account
from tests.unit.ingest.test_webhook_routes import RecordingPublisher
from tests.unit.outbound.messages import document
from tests.unit.sandbox.sandbox_fakes import NOW, make_settings

ACCOUNT = channel_account(
    Channel.TELEGRAM,
    "7000000001",
    "demo",
    bot_token="7000000001:sandbox-telegram-token",
    webhook_secret="sandbox-telegram-secret",
)
CHAT = "424242"
PDF = b"%PDF-1.4 from the operator"


@pytest.fixture
async def world():
    publisher = RecordingPublisher()
    settings = IngestSettings()
    ingest = create_ingest(settings, publisher, StaticAccounts(ACCOUNT))
    ingest.state.ingest = IngestContext(settings, publisher, StaticAccounts(ACCOUNT))
    to_ingest = httpx.AsyncClient(transport=httpx.ASGITransport(app=ingest))
    sandbox = create_sandbox(make_settings(), http_client=to_ingest, clock=lambda: NOW)
    customer = httpx.AsyncClient(transport=httpx.ASGITransport(app=sandbox), base_url="http://sandbox")
    bot_api = httpx.AsyncClient(transport=httpx.ASGITransport(app=sandbox))
    sender = TelegramSender(bot_api, "http://sandbox/telegram")
    yield publisher, customer, sender
    for client in (customer, bot_api, to_ingest):
        await client.aclose()
    await sandbox.state.sandbox.aclose()


def send_for(inbound: MessageReceived, send_id: str, **content):
    return MessageSend(
        **inbound.lineage(),
        send_id=send_id,
        account_id=inbound.account_id,
        recipient=inbound.contact,
        content=OutboundContent(**content),
        in_reply_to=inbound.dedupe_key,
        reply_to_provider_id=inbound.provider_message_id,
    )


async def test_a_customer_photo_in_a_keyboard_out_a_tap_back_and_a_document_out(world):
    publisher, customer, sender = world

    said = await customer.post(
        "/sandbox/telegram/messages", json={"from": CHAT, "text": "my receipt", "attachment": {"kind": "photo"}}
    )
    assert said.json()["ingest_status"] == 200, said.text
    [photo] = publisher.events
    assert photo.content.type == "image" and photo.content.text == "my receipt"

    # Outbound downloads the customer's photo through getFile.
    file = await sender.fetch(ACCOUNT, photo.content.media[0])
    assert file.data.startswith(b"\x89PNG") and file.ref.media_id == photo.content.media[0].media_id

    # The answer quotes the photo and offers two buttons.
    choices = [QuickReply(id="receipt:ok", title="Looks right"), QuickReply(id="receipt:redo", title="Send again")]
    [part] = sender.plan(send_for(photo, "s1", text="Thanks! Is it readable?", quick_replies=choices))
    sent = await sender.send(ACCOUNT, part, None)
    assert sent.provider_message_id == f"{CHAT}:2"
    chat = (await customer.get(f"/sandbox/telegram/conversations/{CHAT}")).json()["messages"]
    assert chat[1]["reply_to"] == 1 and [b["callback_data"] for b in chat[1]["buttons"]] == [
        "receipt:ok",
        "receipt:redo",
    ]

    # The customer taps one: ingest gets the choice's id and acknowledges the tap in its answer.
    tap = await customer.post("/sandbox/telegram/messages", json={"from": CHAT, "button_text": "Send again"})
    assert tap.json()["callback_answered"] is True
    button = publisher.events[-1]
    assert button.content.type == "button_reply" and button.content.payload == "receipt:redo"

    # A document goes out uploaded with its message.
    [doc_part] = sender.plan(send_for(button, "s2", text="Here is the form", attachments=[document()]))
    marker = await sender.upload(ACCOUNT, MediaFile(document(), PDF))
    await sender.send(ACCOUNT, doc_part, marker)
    shown = (await customer.get(f"/sandbox/telegram/conversations/{CHAT}")).json()["messages"][-1]
    assert shown["type"] == "document" and shown["text"] == "Here is the form"
    assert (await customer.get(shown["media"]["url"])).content == PDF


async def test_the_sandboxs_429_is_retried_after_its_retry_after(world):
    publisher, customer, sender = world
    await customer.post("/sandbox/telegram/messages", json={"from": CHAT, "text": "hola"})
    [inbound] = publisher.events
    await customer.post("/sandbox/faults", json={"channel": "telegram", "status": 429})
    [part] = sender.plan(send_for(inbound, "s1", text="hi"))
    with pytest.raises(RetryableSendError) as raised:
        await sender.send(ACCOUNT, part, None)
    assert raised.value.status_code == 429 and raised.value.retry_after == 1


async def test_an_edit_and_a_retried_update_reach_ingest_as_telegram_sends_them(world):
    publisher, customer, _ = world
    first = (await customer.post("/sandbox/telegram/messages", json={"from": CHAT, "text": "hola"})).json()
    await customer.post("/sandbox/telegram/messages", json={"from": CHAT, "update_id": first["update_id"]})
    assert len(publisher.events) == 1  # the retry is recognised as the same message
    await customer.post("/sandbox/telegram/messages", json={"from": CHAT, "text": "hola!", "edit_message_id": 1})
    edit = publisher.events[-1]
    assert edit.content.type == "edit" and edit.content.data["edits_message_id"] == f"{CHAT}:1"
