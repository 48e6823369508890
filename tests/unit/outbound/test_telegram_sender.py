"""The Telegram adapter against a mocked Bot API: exact calls, multipart uploads, ids out, failures classified,
pacing, and downloading a customer's file."""

import json

import httpx
import pytest

from parley_contracts import Channel, MediaRef
from parley_outbound.channels.base import MediaFile, PermanentSendError, RetryableSendError
from parley_outbound.channels.telegram import UPLOAD_MARKER, TelegramSender
from parley_outbound.channels.telegram_pacing import Pacer
from parley_outbound.channels.telegram_parts import PacingSpec, RateSpec
from tests.fakes import channel_account
from tests.unit.outbound.messages import image
from tests.unit.outbound.test_telegram_parts import send

TOKEN = "7000000001:tok"
ACCOUNT = channel_account(Channel.TELEGRAM, "7000000001", bot_token=TOKEN, webhook_secret="s")
PNG = b"\x89PNG tiny"
SENT = {"ok": True, "result": {"message_id": 51, "chat": {"id": 123456789, "type": "private"}, "date": 1, "text": "Hi"}}
FREE = PacingSpec(
    private_chat=RateSpec(interval_seconds=0, burst=1),
    group_chat=RateSpec(interval_seconds=0, burst=1),
    bot=RateSpec(interval_seconds=0, burst=1),
    max_wait_seconds=5,
)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def sender(
    answer=lambda request: httpx.Response(200, json=SENT),
    seen: list | None = None,
    spec: PacingSpec = FREE,
    clock: Clock | None = None,
) -> TelegramSender:
    def handle(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        return answer(request)

    clock = clock or Clock()
    http = httpx.AsyncClient(transport=httpx.MockTransport(handle))
    return TelegramSender(http, "https://tg.example/", pacer=Pacer(spec), clock=clock, sleep=clock.sleep)


async def test_text_is_posted_as_json_to_the_bots_method_and_the_id_is_chat_and_message():
    seen: list[httpx.Request] = []
    tg = sender(seen=seen)
    [part] = tg.plan(send(text="Hi"))
    result = await tg.send(ACCOUNT, part, None)
    assert result.provider_message_id == "123456789:51"
    [request] = seen
    assert request.url == f"https://tg.example/bot{TOKEN}/sendMessage"
    assert json.loads(request.content) == {
        "chat_id": 123456789,
        "text": "Hi",
        "reply_parameters": {"message_id": 42, "allow_sending_without_reply": True},
    }


async def test_an_attachment_is_uploaded_with_its_message_as_multipart():
    seen: list[httpx.Request] = []
    tg = sender(seen=seen)
    [part] = tg.plan(send(text="Our map", attachments=[image()]))
    marker = await tg.upload(ACCOUNT, MediaFile(image(), PNG))
    assert marker == f"{UPLOAD_MARKER}med_img" and seen == []  # nothing to call before the send
    await tg.send(ACCOUNT, part, marker)
    [request] = seen
    assert request.url.path.endswith("/sendPhoto")
    assert request.headers["content-type"].startswith("multipart/form-data")
    body = request.read()
    assert PNG in body and b'name="photo"; filename="photo.png"' in body
    assert b'name="caption"' in body and b"Our map" in body
    assert b'{"message_id": 42, "allow_sending_without_reply": true}' in body


async def test_a_telegram_file_id_is_sent_by_reference():
    seen: list[httpx.Request] = []
    tg = sender(seen=seen)
    [part] = tg.plan(send(attachments=[image()]))
    await tg.send(ACCOUNT, part, "AgACAgQAAxk-large")
    assert json.loads(seen[0].content)["photo"] == "AgACAgQAAxk-large"


async def test_without_the_pending_file_or_a_media_store_the_send_cannot_be_made():
    tg = sender()
    [part] = tg.plan(send(attachments=[image()]))
    with pytest.raises(PermanentSendError, match="not available"):
        await tg.send(ACCOUNT, part, f"{UPLOAD_MARKER}med_img")


async def test_429_is_retried_after_telegrams_retry_after_and_holds_the_chat():
    flood = {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 7",
        "parameters": {"retry_after": 7},
    }
    calls = {"n": 0}

    def answer(request: httpx.Request) -> httpx.Response:
        calls["n"] += 1
        return httpx.Response(429, json=flood) if calls["n"] == 1 else httpx.Response(200, json=SENT)

    clock = Clock()
    tg = sender(answer, clock=clock, spec=PacingSpec(**{**FREE.model_dump(), "max_wait_seconds": 10}))
    [part] = tg.plan(send(text="Hi"))
    with pytest.raises(RetryableSendError) as raised:
        await tg.send(ACCOUNT, part, None)
    assert raised.value.retry_after == 7 and raised.value.status_code == 429
    assert "Too Many Requests" in str(raised.value) and TOKEN not in str(raised.value)
    await tg.send(ACCOUNT, part, None)
    assert clock.slept == [7]


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (500, RetryableSendError),
        (502, RetryableSendError),
        (400, PermanentSendError),
        (403, PermanentSendError),
        (401, PermanentSendError),
    ],
)
async def test_failures_are_classified(status, error):
    body = {"ok": False, "error_code": status, "description": "Bad Request: chat not found"}
    tg = sender(lambda request: httpx.Response(status, json=body))
    [part] = tg.plan(send(text="Hi"))
    with pytest.raises(error) as raised:
        await tg.send(ACCOUNT, part, None)
    assert raised.value.status_code == status and TOKEN not in str(raised.value)


async def test_network_errors_are_retryable_and_a_200_without_the_message_is_not():
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    [part] = sender().plan(send(text="Hi"))
    with pytest.raises(RetryableSendError):
        await sender(refuse).send(ACCOUNT, part, None)
    with pytest.raises(PermanentSendError, match="without the sent message"):
        await sender(lambda r: httpx.Response(200, json={"ok": True, "result": True})).send(ACCOUNT, part, None)


async def test_sends_to_one_chat_are_paced_and_a_long_wait_is_left_to_a_retry():
    clock = Clock()
    spec = PacingSpec(
        private_chat=RateSpec(interval_seconds=1, burst=1),
        group_chat=RateSpec(interval_seconds=3, burst=1),
        bot=RateSpec(interval_seconds=0, burst=1),
        max_wait_seconds=1.5,
    )
    tg = sender(clock=clock, spec=spec)
    [part] = tg.plan(send(text="Hi"))
    await tg.send(ACCOUNT, part, None)
    await tg.send(ACCOUNT, part, None)
    assert clock.slept == [1]
    clock.now = 0.0  # a third send scheduled at the same moment as the others would wait 2 s
    with pytest.raises(RetryableSendError, match="pacing") as raised:
        await tg.send(ACCOUNT, part, None)
    assert raised.value.retry_after == 2


async def test_fetch_asks_getfile_then_downloads_the_file():
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/getFile"):
            result = {"file_id": "AgAC", "file_unique_id": "AQAD", "file_size": 9, "file_path": "photos/file_3.jpg"}
            return httpx.Response(200, json={"ok": True, "result": result})
        return httpx.Response(200, content=PNG, headers={"content-type": "image/jpeg"})

    tg = sender(answer, seen=seen)
    ref = MediaRef(kind="image", provider_media_id="AgAC", media_id="med_in_x")
    file = await tg.fetch(ACCOUNT, ref)
    assert file.data == PNG and file.ref.mime_type == "image/jpeg" and file.ref.filename == "file_3.jpg"
    assert file.ref.media_id == "med_in_x" and file.ref.size == len(PNG)
    assert json.loads(seen[0].content) == {"file_id": "AgAC"}
    assert seen[1].url == f"https://tg.example/file/bot{TOKEN}/photos/file_3.jpg"


async def test_fetch_of_a_file_telegram_will_not_serve_is_permanent():
    too_big = {"ok": False, "error_code": 400, "description": "Bad Request: file is too big"}
    tg = sender(lambda request: httpx.Response(400, json=too_big))
    with pytest.raises(PermanentSendError, match="file is too big"):
        await tg.fetch(ACCOUNT, MediaRef(kind="video", provider_media_id="BAAC"))
