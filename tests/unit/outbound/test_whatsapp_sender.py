"""The WhatsApp adapter against a mocked Graph API: exact request bodies, ids out, failures classified."""

import json

import httpx
import pytest

from parley_contracts import Channel
from parley_outbound.channels.base import MediaFile, Part, PermanentSendError, RetryableSendError
from parley_outbound.channels.whatsapp import WhatsAppSender
from parley_outbound.retry import backoff_delay
from tests.fakes import channel_account
from tests.unit.outbound.messages import document, outbound

PDF = b"%PDF-1.4 tiny"
ACCOUNT = channel_account(Channel.WHATSAPP, "100", access_token="tok")


def sender_answering(
    status: int, json_body: dict | None = None, headers: dict | None = None, seen: list | None = None
) -> WhatsAppSender:
    def handle(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        return httpx.Response(status, json=json_body or {}, headers=headers)

    http = httpx.AsyncClient(transport=httpx.MockTransport(handle))
    return WhatsAppSender(http, "https://graph.example/", "v21.0")


def text_part() -> Part:
    [part] = sender_answering(200).plan(outbound(text="Hi"))
    return part


CALLS = {
    "send": lambda sender: sender.send(ACCOUNT, text_part(), None),
    "upload": lambda sender: sender.upload(ACCOUNT, MediaFile(document(), PDF)),
}


async def test_a_text_part_is_posted_as_planned_and_returns_the_wamid():
    seen: list[httpx.Request] = []
    sender = sender_answering(200, {"messages": [{"id": "wamid.OUT"}]}, seen=seen)
    result = await sender.send(ACCOUNT, text_part(), None)
    assert result.provider_message_id == "wamid.OUT"
    assert seen[0].url == "https://graph.example/v21.0/100/messages"
    assert seen[0].headers["Authorization"] == "Bearer tok"
    assert json.loads(seen[0].content) == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": "5215551234",
        "context": {"message_id": "wamid.IN"},
        "type": "text",
        "text": {"body": "Hi", "preview_url": False},
    }


async def test_a_media_part_is_sent_by_its_uploaded_id():
    seen: list[httpx.Request] = []
    sender = sender_answering(200, {"messages": [{"id": "wamid.DOC"}]}, seen=seen)
    [part] = sender.plan(outbound(text="Invoice", attachments=[document()]))
    await sender.send(ACCOUNT, part, "wa-media-9")
    body = json.loads(seen[0].content)
    assert body["type"] == "document"
    assert body["document"] == {"id": "wa-media-9", "filename": "invoice.pdf", "caption": "Invoice"}


async def test_upload_is_a_multipart_post_to_the_media_edge():
    seen: list[httpx.Request] = []
    sender = sender_answering(200, {"id": "wa-media-1"}, seen=seen)
    media_id = await sender.upload(ACCOUNT, MediaFile(document(), PDF))
    assert media_id == "wa-media-1"
    [request] = seen
    assert request.method == "POST" and request.url == "https://graph.example/v21.0/100/media"
    assert request.headers["Authorization"] == "Bearer tok"
    assert request.headers["Content-Type"].startswith("multipart/form-data; boundary=")
    assert multipart_fields(request) == {
        "messaging_product": (None, None, b"whatsapp"),
        "type": (None, None, b"application/pdf"),
        "file": ("invoice.pdf", "application/pdf", PDF),
    }


def multipart_fields(request: httpx.Request) -> dict[str, tuple[str | None, str | None, bytes]]:
    """name → (filename, content type, value) of each form part, parsed straight from the wire bytes."""
    boundary = request.headers["Content-Type"].split("boundary=")[1].encode()
    fields = {}
    for chunk in request.read().split(b"--" + boundary)[1:-1]:
        head, _, value = chunk.strip(b"\r\n").partition(b"\r\n\r\n")
        headers = dict(line.split(": ", 1) for line in head.decode().split("\r\n"))
        disposition = dict(
            item.strip().split("=", 1) for item in headers["Content-Disposition"].split(";")[1:] if "=" in item
        )
        name = disposition["name"].strip('"')
        filename = disposition.get("filename", "").strip('"') or None
        fields[name] = (filename, headers.get("Content-Type"), value)
    return fields


async def test_an_upload_answered_without_an_id_is_permanent():
    with pytest.raises(PermanentSendError, match="without id"):
        await sender_answering(200, {"success": True}).upload(ACCOUNT, MediaFile(document(), PDF))


async def test_a_send_answered_without_a_wamid_is_permanent():
    with pytest.raises(PermanentSendError, match=r"without messages\[0\].id"):
        await sender_answering(200, {"messages": []}).send(ACCOUNT, text_part(), None)


@pytest.mark.parametrize("status", [500, 503, 429])
@pytest.mark.parametrize("call", CALLS)
async def test_server_errors_and_throttling_are_retryable(status, call):
    sender = sender_answering(status, {"error": {"code": 130429, "message": "Rate limit hit"}}, {"Retry-After": "7"})
    with pytest.raises(RetryableSendError) as caught:
        await CALLS[call](sender)
    assert caught.value.status_code == status and caught.value.retry_after == 7.0


@pytest.mark.parametrize("call", CALLS)
async def test_client_errors_are_permanent_and_say_why(call):
    sender = sender_answering(400, {"error": {"code": 100, "message": "Invalid parameter: to"}})
    with pytest.raises(PermanentSendError, match="Invalid parameter: to"):
        await CALLS[call](sender)


@pytest.mark.parametrize("error", [httpx.ConnectError("refused"), httpx.ReadTimeout("slow")])
async def test_unreachable_or_slow_api_is_retryable(error):
    def fail(request):
        raise error

    sender = WhatsAppSender(httpx.AsyncClient(transport=httpx.MockTransport(fail)), "http://x", "v1")
    with pytest.raises(RetryableSendError):
        await sender.upload(ACCOUNT, MediaFile(document(), PDF))


def test_backoff_doubles_caps_and_respects_retry_after():
    assert [backoff_delay(a, 0.5, 4) for a in (1, 2, 3, 4, 5)] == [0.5, 1, 2, 4, 4]
    assert backoff_delay(1, 0.5, 30, retry_after=7) == 7
    assert backoff_delay(1, 0.5, 5, retry_after=60) == 5
