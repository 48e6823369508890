"""The Messenger / Instagram adapters against a mocked Graph API (httpx.MockTransport): exact requests, ids out,
Meta's error codes classified, customer files downloaded."""

import json

import httpx
import pytest

from parley_contracts import Channel, MediaRef
from parley_outbound.channels.base import MediaFile, PermanentSendError, RetryableSendError
from parley_outbound.channels.meta_messaging import InstagramSender, MessengerSender
from tests.fakes import channel_account
from tests.unit.outbound.messages import document, image
from tests.unit.outbound.test_meta_parts import send

PAGE = channel_account(Channel.MESSENGER, "300000000000001", page_access_token="page-tok")
IG = channel_account(Channel.INSTAGRAM, "400000000000001", access_token="ig-tok")


def answering(status: int, body: dict | None = None, seen: list | None = None, *, content: bytes = b"", headers=None):
    def handle(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        if content:
            return httpx.Response(status, content=content, headers=headers)
        return httpx.Response(status, json=body or {}, headers=headers)

    return httpx.AsyncClient(transport=httpx.MockTransport(handle))


async def test_messenger_sends_as_the_page_with_its_token():
    seen: list[httpx.Request] = []
    sender = MessengerSender(answering(200, {"recipient_id": "7", "message_id": "m_out1"}, seen), "https://g/", "v21.0")
    [part] = sender.plan(send(text="Hi"))
    result = await sender.send(PAGE, part, None)
    assert result.provider_message_id == "m_out1"
    [request] = seen
    assert str(request.url) == "https://g/v21.0/300000000000001/messages"
    assert request.headers["Authorization"] == "Bearer page-tok"
    assert json.loads(request.content)["message"] == {"text": "Hi"}


async def test_instagram_sends_as_the_account_with_its_token():
    seen: list[httpx.Request] = []
    sender = InstagramSender(
        answering(200, {"recipient_id": "8", "message_id": "ig_out1"}, seen), "https://ig", "v21.0"
    )
    [part] = sender.plan(send(Channel.INSTAGRAM, tag="HUMAN_AGENT", text="Hi"))
    assert (await sender.send(IG, part, None)).provider_message_id == "ig_out1"
    assert str(seen[0].url) == "https://ig/v21.0/400000000000001/messages"
    assert seen[0].headers["Authorization"] == "Bearer ig-tok"
    assert json.loads(seen[0].content)["tag"] == "HUMAN_AGENT"


@pytest.mark.parametrize(
    ("sender_class", "account", "platform"), [(MessengerSender, PAGE, None), (InstagramSender, IG, "instagram")]
)
async def test_attachments_are_uploaded_with_the_attachment_upload_api(sender_class, account, platform):
    seen: list[httpx.Request] = []
    sender = sender_class(answering(200, {"attachment_id": "1857777774821032"}, seen), "https://g", "v21.0")
    attachment_id = await sender.upload(account, MediaFile(document(), b"%PDF-1.4"))
    assert attachment_id == "1857777774821032"
    request = seen[0]
    assert request.url.path == f"/v21.0/{account.account_id}/message_attachments"
    form = request.content.decode(errors="replace")
    assert 'name="filedata"; filename="invoice.pdf"' in form and "%PDF-1.4" in form
    assert '{"attachment": {"type": "file", "payload": {"is_reusable": true}}}' in form
    assert ('name="platform"' in form) is (platform is not None)


async def test_an_attachment_is_sent_by_its_uploaded_id():
    seen: list[httpx.Request] = []
    sender = MessengerSender(answering(200, {"message_id": "m_img"}, seen), "https://g", "v21.0")
    [part] = sender.plan(send(attachments=[image()]))
    await sender.send(PAGE, part, "att-1")
    assert json.loads(seen[0].content)["message"]["attachment"]["payload"] == {"attachment_id": "att-1"}


@pytest.mark.parametrize(
    ("status", "code", "retryable"),
    [
        (400, 613, True),  # calls to this api have exceeded the rate limit: a 400, yet passing
        (400, 4, True),
        (400, 32, True),
        (500, 2, True),
        (429, None, True),
        (503, None, True),
        (400, 100, False),  # invalid parameter
        (400, 551, False),  # this person isn't available right now
        (400, 10, False),  # outside the allowed window
        (401, 190, False),  # bad token
    ],
)
async def test_failures_are_classified_by_metas_error_code(status, code, retryable):
    error = {"error": {"message": "nope", "type": "OAuthException", "code": code, "fbtrace_id": "x"}}
    sender = MessengerSender(answering(status, error if code else {}), "https://g", "v21.0")
    [part] = sender.plan(send(text="Hi"))
    with pytest.raises(RetryableSendError if retryable else PermanentSendError) as caught:
        await sender.send(PAGE, part, None)
    assert caught.value.status_code == status


async def test_a_200_without_a_message_id_is_not_retried():
    sender = MessengerSender(answering(200, {"recipient_id": "7"}), "https://g", "v21.0")
    [part] = sender.plan(send(text="Hi"))
    with pytest.raises(PermanentSendError, match="message_id"):
        await sender.send(PAGE, part, None)


async def test_fetch_downloads_the_customers_attachment_without_a_token():
    seen: list[httpx.Request] = []
    http = answering(200, seen=seen, content=b"\x89PNG...", headers={"content-type": "image/png"})
    sender = MessengerSender(http, "https://g", "v21.0")
    ref = MediaRef(kind="image", media_id="med_in_1", provider_media_id="https://scontent.example/photo.png?x=1")
    file = await sender.fetch(PAGE, ref)
    assert file.data == b"\x89PNG..." and file.ref.mime_type == "image/png" and file.ref.size == 7
    assert file.ref.media_id == "med_in_1"
    assert "authorization" not in seen[0].headers


async def test_fetch_failures_are_classified():
    ref = MediaRef(kind="image", media_id="med_in_1", provider_media_id="https://scontent.example/gone.png")
    with pytest.raises(PermanentSendError):
        await MessengerSender(answering(404, content=b"no"), "https://g", "v").fetch(PAGE, ref)
    with pytest.raises(RetryableSendError):
        await MessengerSender(answering(503, content=b"later"), "https://g", "v").fetch(PAGE, ref)
    with pytest.raises(PermanentSendError, match="not a URL"):
        await MessengerSender(answering(200), "https://g", "v").fetch(
            PAGE, ref.model_copy(update={"provider_media_id": "123"})
        )
