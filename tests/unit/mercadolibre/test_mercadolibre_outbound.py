"""MercadoLibre in outbound: resources → inbound messages, the token-expiry decision and refresh, and how a send
is planned (pure), then the API client against an in-memory MercadoLibre (httpx.MockTransport)."""

import json
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from pydantic import SecretStr

from parley_business.channel_accounts import ChannelAccount
from parley_contracts import (
    Channel,
    ChannelNotification,
    Contact,
    MediaRef,
    MessageSend,
    OutboundContent,
    QuickReply,
    dedupe_key,
    inbound_media_id,
    resource_key,
    thread_key,
)
from parley_outbound.channels.base import MediaFile, PermanentSendError, RetryableSendError
from parley_outbound.channels.mercadolibre import MercadoLibreSender
from parley_outbound.channels.mercadolibre_api import MercadoLibreApi, needs_refresh, renewed_secrets
from parley_outbound.channels.mercadolibre_parts import plan_parts, split_text
from parley_outbound.channels.mercadolibre_resources import (
    UnusableResource,
    message_id,
    pack_messages_received,
    pack_of,
    question_id,
    question_received,
)
from parley_outbound.notifications import NotificationFetcher
from tests.fakes import RecordingBroker, StaticAccounts
from tests.unit.mercadolibre.payloads import ANSWERED_QUESTION, ITEM, MESSAGE_WITH_PHOTO, PACK, QUESTION, TOKEN, USER

SELLER = "123456789"
NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
ML = Channel.MERCADOLIBRE


def account(**secrets: str) -> ChannelAccount:
    base = {"client_secret": "secret", "refresh_token": "TG-first"}
    return ChannelAccount(
        channel=ML,
        account_id=SELLER,
        tenant="t",
        config={"client_id": "app"},
        secrets={k: SecretStr(v) for k, v in {**base, **secrets}.items()},
    )


# --- resources -----------------------------------------------------------------------------------------------


def test_a_question_is_its_own_thread_with_the_asker_as_contact():
    message = question_received(QUESTION, "t", SELLER, NOW)
    assert message is not None
    assert message.conversation == "question:11764931832" and message.contact == Contact(id="162981404")
    assert message.thread_key == thread_key("t", ML, SELLER, "162981404", "question:11764931832")
    assert message.dedupe_key == dedupe_key(ML, SELLER, "question:11764931832")
    assert message.content.text == "Texto de la pregunta." and message.content.data["item_id"] == "MLA903218023"
    assert message.content.data["suspected_spam"] is False  # what Parley does not use is kept
    assert message.sent_at == datetime(2021, 2, 16, 18, 50, 27, 938000, tzinfo=UTC)


def test_an_answered_question_has_nothing_for_the_bot():
    assert question_received(ANSWERED_QUESTION, "t", SELLER, NOW) is None


def test_a_question_without_an_asker_is_unusable():
    with pytest.raises(UnusableResource):
        question_received({**QUESTION, "from": {}}, "t", SELLER, NOW)


def test_resources_name_their_ids():
    assert question_id("/questions/5036111111") == "5036111111" and question_id("/questions/x") is None
    assert message_id("/messages/abc") == message_id("abc") == "abc"
    assert pack_of(PACK["messages"][0]) == "2000000089077943"
    assert pack_of({"message_resources": [{"id": 2000003508419013, "name": "orders"}]}) == "2000003508419013"
    assert pack_of({"message_resources": []}) is None


def test_a_pack_gives_the_buyers_messages_only_in_one_thread():
    received, skipped = pack_messages_received(PACK, "t", SELLER, "2000000089077943", NOW)
    assert skipped == 0
    [message] = received  # the seller's own message is not the customer's
    assert message.conversation == "pack:2000000089077943" and message.contact.id == "415458330"
    assert message.thread_key == thread_key("t", ML, SELLER, "415458330", "pack:2000000089077943")
    assert message.dedupe_key == dedupe_key(ML, SELLER, "0b5e2a2b4c5f4ef2a1c0b6f3d9e8a7c6")
    assert message.content.data["message_moderation"]["status"] == "clean"


def test_a_buyers_file_is_a_media_reference_the_downloader_can_fill():
    [message], _ = pack_messages_received({"messages": [MESSAGE_WITH_PHOTO]}, "t", SELLER, "2000000089077943", NOW)
    assert message.content.type == "image" and message.content.text == ""
    [photo] = message.content.media
    name = "415458330_7a9a6ff1-1a1b-4c4d-9e9f-0a1b2c3d4e5f.png"
    assert photo.provider_media_id == name and photo.media_id == inbound_media_id(ML, SELLER, name)
    assert (photo.kind, photo.mime_type, photo.filename, photo.size) == ("image", "image/png", "foto.png", 2048)


def test_only_the_buyers_messages_the_seller_has_not_answered_yet_are_published_again():
    buyer, seller = PACK["messages"][0], PACK["messages"][1]
    answered = {**seller, "message_date": {"created": "2019-04-08T17:00:00.000Z"}}
    later = {**buyer, "id": "later", "message_date": {"created": "2019-04-08T18:00:00.000Z"}}
    pack = {"messages": [later, answered, buyer]}
    received, _ = pack_messages_received(pack, "t", SELLER, "2000000089077943", NOW)
    assert [m.provider_message_id for m in received] == ["later"]
    notified = buyer["id"]  # a repeated notification of an answered message still names it (the router dedupes)
    received, _ = pack_messages_received(pack, "t", SELLER, "2000000089077943", NOW, notified=notified)
    assert [m.provider_message_id for m in received] == [notified, "later"]


def test_a_broken_item_in_a_pack_does_not_lose_the_others():
    broken = {**PACK, "messages": [{"text": "no id"}, *PACK["messages"]]}
    received, skipped = pack_messages_received(broken, "t", SELLER, "2000000089077943", NOW)
    assert skipped == 1 and len(received) == 1


# --- tokens ----------------------------------------------------------------------------------------------------


def test_when_a_token_needs_refreshing():
    assert needs_refresh(account(), NOW)  # none yet
    assert not needs_refresh(account(access_token="a"), NOW)  # no known expiry: tried, a 401 refreshes
    later = (NOW + timedelta(hours=1)).isoformat()
    soon = (NOW + timedelta(seconds=30)).isoformat()
    assert not needs_refresh(account(access_token="a", access_token_expires_at=later), NOW)
    assert needs_refresh(account(access_token="a", access_token_expires_at=soon), NOW)
    assert needs_refresh(account(access_token="a", access_token_expires_at="garbage"), NOW)


def test_renewed_secrets_from_the_token_answer():
    secrets = renewed_secrets(TOKEN, NOW)
    assert secrets["access_token"] == TOKEN["access_token"] and secrets["refresh_token"] == TOKEN["refresh_token"]
    assert datetime.fromisoformat(secrets["access_token_expires_at"]) == NOW + timedelta(seconds=21600)
    with pytest.raises(PermanentSendError):
        renewed_secrets({"error": "invalid_grant"}, NOW)


# --- planning ----------------------------------------------------------------------------------------------------


def send(conversation: str | None, content: OutboundContent) -> MessageSend:
    return MessageSend(
        tenant="t",
        channel=ML,
        thread_key="th",
        send_id="s1",
        account_id=SELLER,
        recipient=Contact(id="415458330"),
        content=content,
        conversation=conversation,
    )


def test_a_question_gets_one_answer_with_the_whole_text():
    [part] = plan_parts(send("question:11764931832", OutboundContent(text="Sí, hay stock. " * 100)))
    assert part.body["kind"] == "answer" and part.body["question_id"] == "11764931832"
    assert len(part.body["text"]) == len("Sí, hay stock. " * 100)


def test_an_answer_over_the_limit_is_refused_not_split():
    with pytest.raises(PermanentSendError, match="one answer"):
        plan_parts(send("question:1", OutboundContent(text="x" * 2001)))


def test_a_pack_message_is_split_at_whitespace_deterministically():
    text = " ".join(f"word{n}" for n in range(200))
    parts = plan_parts(send("pack:2000000089077943", OutboundContent(text=text)))
    assert len(parts) > 1 and all(len(p.body["text"]) <= 350 for p in parts)
    assert " ".join(p.body["text"] for p in parts) == text
    assert parts == plan_parts(send("pack:2000000089077943", OutboundContent(text=text)))
    assert {p.body["buyer"] for p in parts} == {"415458330"}


def test_split_cuts_words_longer_than_a_message():
    assert split_text("a" * 700 + " b", 350) == ["a" * 350, "a" * 350, "b"]


def test_choices_become_numbered_lines():
    content = OutboundContent(
        text="Which one?", quick_replies=[QuickReply(id="r", title="Red"), QuickReply(id="b", title="Blue")]
    )
    [part] = plan_parts(send("pack:1", content))
    assert part.body["text"] == "Which one?\n1. Red\n2. Blue"


def test_attachments_go_to_packs_one_message_each_after_the_text():
    pdf = MediaRef(kind="document", media_id="med_1", mime_type="application/pdf", filename="invoice.pdf")
    parts = plan_parts(send("pack:1", OutboundContent(text="Here it is", attachments=[pdf])))
    assert [(p.body["text"], p.media_id) for p in parts] == [("Here it is", None), ("invoice.pdf", "med_1")]
    with pytest.raises(PermanentSendError, match="text only"):
        plan_parts(send("question:1", OutboundContent(text="see file", attachments=[pdf])))
    zipped = MediaRef(kind="document", media_id="med_2", mime_type="application/zip")
    with pytest.raises(PermanentSendError, match="application/zip"):
        plan_parts(send("pack:1", OutboundContent(attachments=[zipped])))


@pytest.mark.parametrize("conversation", [None, "", "order:1", "question:"])
def test_a_send_without_a_known_conversation_is_refused(conversation):
    with pytest.raises(PermanentSendError, match="conversation"):
        plan_parts(send(conversation, OutboundContent(text="hi")))


# --- the API, against an in-memory MercadoLibre ----------------------------------------------------------------


class Accounts:
    def __init__(self, stored: ChannelAccount) -> None:
        self.stored = stored
        self.updates: list[dict[str, str]] = []

    async def get(self, channel, account_id):
        return self.stored

    async def update_secrets(self, account, secrets):
        self.updates.append(secrets)
        self.stored = account.model_copy(
            update={"secrets": {**account.secrets, **{k: SecretStr(v) for k, v in secrets.items()}}}
        )
        return self.stored


class FakeMercadoLibre:
    """Valid tokens in `live`; every /oauth/token issues the next one; `fail` answers the next calls so."""

    def __init__(self) -> None:
        self.live = {"good"}
        self.issued = 0
        self.calls: list[tuple[str, str]] = []
        self.fail: list[int] = []
        self.bodies: list[dict] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.calls.append((request.method, request.url.path))
        if request.headers.get("content-type") == "application/json":
            self.bodies.append(json.loads(request.content))
        if request.url.path == "/oauth/token":
            form = dict(x.split("=") for x in request.content.decode().split("&"))
            assert form["grant_type"] == "refresh_token" and form["client_id"] == "app"
            self.issued += 1
            token = f"tok{self.issued}"
            self.live.add(token)
            return httpx.Response(200, json={**TOKEN, "access_token": token, "refresh_token": f"TG-{self.issued}"})
        if request.headers["authorization"].removeprefix("Bearer ") not in self.live:
            return httpx.Response(
                401, json={"message": "invalid access token", "error": "unauthorized", "status": 401, "cause": []}
            )
        if self.fail:
            status = self.fail.pop(0)
            return httpx.Response(status, json={"message": "nope", "error": "x", "status": status, "cause": []})
        if request.url.path == "/answers":
            return httpx.Response(200, json={**QUESTION, "status": "ANSWERED"})
        return httpx.Response(200, json={"id": "m1"})


def api(fake: FakeMercadoLibre, accounts: Accounts) -> MercadoLibreApi:
    http = httpx.AsyncClient(transport=httpx.MockTransport(fake.handler))
    return MercadoLibreApi(http, "https://api.test", accounts, now=lambda: NOW)


async def test_no_token_yet_is_refreshed_first_and_stored():
    fake, accounts = FakeMercadoLibre(), Accounts(account())
    await api(fake, accounts).call(account(), "GET", "/questions/1")
    assert fake.calls == [("POST", "/oauth/token"), ("GET", "/questions/1")]
    assert accounts.updates[0]["access_token"] == "tok1" and accounts.updates[0]["refresh_token"] == "TG-1"


async def test_a_refused_token_is_refreshed_once_and_the_call_repeated():
    fake = FakeMercadoLibre()
    later = (NOW + timedelta(hours=2)).isoformat()
    accounts = Accounts(account(access_token="revoked", access_token_expires_at=later))
    await api(fake, accounts).call(accounts.stored, "GET", "/questions/1")
    assert fake.calls == [("GET", "/questions/1"), ("POST", "/oauth/token"), ("GET", "/questions/1")]


async def test_an_expired_token_is_refreshed_before_the_call():
    fake = FakeMercadoLibre()
    past = (NOW - timedelta(minutes=1)).isoformat()
    accounts = Accounts(account(access_token="good", access_token_expires_at=past))
    await api(fake, accounts).call(accounts.stored, "GET", "/questions/1")
    assert fake.calls[0] == ("POST", "/oauth/token")


async def test_failures_are_classified():
    fake = FakeMercadoLibre()
    accounts = Accounts(account(access_token="good"))
    client = api(fake, accounts)
    fake.fail = [503]
    with pytest.raises(RetryableSendError):
        await client.call(accounts.stored, "GET", "/questions/1")
    fake.fail = [404]
    with pytest.raises(PermanentSendError, match="404"):
        await client.call(accounts.stored, "GET", "/questions/1")


async def test_a_refused_refresh_token_is_retried_and_a_wrong_client_is_not():
    def refusing(error: str):
        def handler(request: httpx.Request) -> httpx.Response:
            return httpx.Response(400, json={"message": "nope", "error": error, "status": 400, "cause": []})

        return handler

    for error, expected in (("invalid_grant", RetryableSendError), ("invalid_client", PermanentSendError)):
        accounts = Accounts(account())
        http = httpx.AsyncClient(transport=httpx.MockTransport(refusing(error)))
        with pytest.raises(expected):
            await MercadoLibreApi(http, "https://api.test", accounts, now=lambda: NOW).call(account(), "GET", "/x")


async def test_the_sender_answers_and_writes_in_packs():
    fake = FakeMercadoLibre()
    accounts = Accounts(account(access_token="good"))
    sender = MercadoLibreSender(api(fake, accounts))
    [answer] = sender.plan(send("question:11764931832", OutboundContent(text="Sí")))
    assert (await sender.send(accounts.stored, answer, None)).provider_message_id == "answer:11764931832"
    [message] = sender.plan(send("pack:2000000089077943", OutboundContent(text="Hola")))
    assert (await sender.send(accounts.stored, message, None)).provider_message_id == "m1"
    assert fake.calls[-1] == ("POST", "/messages/packs/2000000089077943/sellers/123456789")


async def test_a_buyers_file_is_downloaded_with_the_sellers_token():
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/messages/attachments/a.png" and request.url.params["tag"] == "post_sale"
        assert request.headers["authorization"] == "Bearer good"
        return httpx.Response(200, content=b"PNG", headers={"content-type": "image/png"})

    accounts = Accounts(account(access_token="good"))
    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    sender = MercadoLibreSender(MercadoLibreApi(http, "https://api.test", accounts, now=lambda: NOW))
    file = await sender.fetch(accounts.stored, MediaRef(kind="image", media_id="med_in_1", provider_media_id="a.png"))
    assert file.data == b"PNG" and file.ref.mime_type == "image/png" and file.ref.size == 3


async def test_the_sender_uploads_an_attachment_then_names_it_in_the_message():
    fake = FakeMercadoLibre()
    accounts = Accounts(account(access_token="good"))
    sender = MercadoLibreSender(api(fake, accounts))
    ref = MediaRef(kind="document", media_id="med_1", mime_type="application/pdf", filename="invoice.pdf")
    attachment = await sender.upload(accounts.stored, MediaFile(ref, b"%PDF"))
    assert attachment == "m1" and fake.calls[-1] == ("POST", "/messages/attachments")
    [part] = sender.plan(send("pack:2000000089077943", OutboundContent(attachments=[ref])))
    await sender.send(accounts.stored, part, attachment)
    assert fake.bodies[-1]["attachments"] == ["m1"] and fake.bodies[-1]["text"] == "invoice.pdf"


# --- the notification fetcher --------------------------------------------------------------------------------


class Resources:
    """MercadoLibre answering GETs from a dict of path → (status, JSON)."""

    def __init__(self, answers: dict[str, tuple[int, object]]) -> None:
        self.answers = answers

    def handler(self, request: httpx.Request) -> httpx.Response:
        status, body = self.answers.get(request.url.path, (404, {"message": "not found", "error": "not_found"}))
        return httpx.Response(status, json=body)


def fetcher(answers: dict[str, tuple[int, object]]) -> tuple[NotificationFetcher, RecordingBroker]:
    broker = RecordingBroker()
    accounts = Accounts(account(access_token="good"))
    http = httpx.AsyncClient(transport=httpx.MockTransport(Resources(answers).handler))
    ml = MercadoLibreApi(http, "https://api.test", accounts, now=lambda: NOW)
    return NotificationFetcher(broker, ml, StaticAccounts(accounts.stored), now=lambda: NOW), broker  # type: ignore[arg-type]


def notified(subject: str, resource: str) -> ChannelNotification:
    return ChannelNotification(
        tenant="t",
        channel=ML,
        thread_key=resource_key(ML, SELLER, resource),
        account_id=SELLER,
        subject=subject,
        resource=resource,
    )


async def test_a_question_notification_publishes_the_question():
    step, broker = fetcher({"/questions/11764931832": (200, QUESTION), "/items/MLA903218023": (200, ITEM)})
    await step.on_notification(notified("questions", "/questions/11764931832"))
    [(topic, event)] = broker.published
    assert topic == "message.received" and event["conversation"] == "question:11764931832"
    assert event["content"]["data"]["item"]["title"] == ITEM["title"]


async def test_the_asker_is_named_by_their_public_nickname():
    step, broker = fetcher({"/questions/11764931832": (200, QUESTION), "/users/162981404": (200, USER)})
    await step.on_notification(notified("questions", "/questions/11764931832"))
    [(_, event)] = broker.published
    assert event["contact"] == {"id": "162981404", "name": "TETE2870021"}


async def test_a_question_whose_item_cannot_be_read_is_published_without_it():
    step, broker = fetcher({"/questions/11764931832": (200, QUESTION)})
    await step.on_notification(notified("questions", "/questions/11764931832"))
    [(_, event)] = broker.published
    assert "item" not in event["content"]["data"] and event["content"]["data"]["item_id"] == "MLA903218023"
    assert event["contact"] == {"id": "162981404", "name": None}  # nor the user: no name


async def test_a_message_notification_publishes_the_packs_buyer_messages():
    step, broker = fetcher(
        {
            "/messages/0b5e2a2b4c5f4ef2a1c0b6f3d9e8a7c6": (200, {"messages": [PACK["messages"][0]]}),
            f"/messages/packs/2000000089077943/sellers/{SELLER}": (200, PACK),
        }
    )
    await step.on_notification(notified("messages", "0b5e2a2b4c5f4ef2a1c0b6f3d9e8a7c6"))
    assert [(t, e["conversation"]) for t, e in broker.published] == [("message.received", "pack:2000000089077943")]


async def test_a_read_receipt_has_no_message_to_fetch():
    step, broker = fetcher({})
    event = notified("messages", "0b5e2a2b4c5f4ef2a1c0b6f3d9e8a7c6")
    await step.on_notification(event.model_copy(update={"payload": {"actions": ["read"]}}))
    assert broker.published == []


async def test_a_resource_gone_is_a_dead_letter_and_a_passing_failure_is_raised_for_a_retry():
    step, broker = fetcher({})
    await step.on_notification(notified("questions", "/questions/1"))
    [(topic, letter)] = broker.published
    assert topic == "channel.notification.dlq" and "404" in letter["error"]
    step, broker = fetcher({"/questions/1": (500, {"message": "boom", "error": "internal_error"})})
    with pytest.raises(RetryableSendError):
        await step.on_notification(notified("questions", "/questions/1"))
    assert broker.published == []
