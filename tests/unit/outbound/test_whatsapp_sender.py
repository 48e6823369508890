import httpx
import pytest

from parley_contracts import Channel, Contact, MessageSend, OutboundContent, QuickReply
from parley_outbound.channels.base import PermanentSendError, RetryableSendError
from parley_outbound.channels.whatsapp import WhatsAppSender, request_body
from parley_outbound.retry import backoff_delay


def send(**content) -> MessageSend:
    return MessageSend(
        tenant="t",
        channel=Channel.WHATSAPP,
        thread_key="th_1",
        send_id="s1",
        account_id="100",
        recipient=Contact(id="5215551234"),
        content=OutboundContent(**({"text": "Hi"} | content)),
        reply_to_provider_id="wamid.IN",
    )


def test_text_body_matches_the_cloud_api():
    body = request_body(send())
    assert body == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": "5215551234",
        "context": {"message_id": "wamid.IN"},
        "type": "text",
        "text": {"body": "Hi", "preview_url": False},
    }


def test_quick_replies_become_reply_buttons():
    body = request_body(send(quick_replies=[QuickReply(id="y", title="Yes"), QuickReply(id="n", title="No")]))
    assert body["type"] == "interactive"
    assert [b["reply"]["title"] for b in body["interactive"]["action"]["buttons"]] == ["Yes", "No"]


def sender_answering(status: int, json_body: dict | None = None, headers: dict | None = None, seen: list | None = None):
    def handle(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        return httpx.Response(status, json=json_body or {}, headers=headers)

    http = httpx.AsyncClient(transport=httpx.MockTransport(handle))
    return WhatsAppSender(http, "https://graph.example/", "v21.0", "tok")


async def test_success_returns_the_wamid_and_sends_the_token():
    seen: list[httpx.Request] = []
    sender = sender_answering(200, {"messages": [{"id": "wamid.OUT"}]}, seen=seen)
    result = await sender.send(send())
    assert result.provider_message_id == "wamid.OUT"
    assert seen[0].url == "https://graph.example/v21.0/100/messages"
    assert seen[0].headers["Authorization"] == "Bearer tok"


@pytest.mark.parametrize("status", [500, 503, 429])
async def test_server_errors_and_throttling_are_retryable(status):
    sender = sender_answering(status, {"error": {"code": 130429, "message": "Rate limit hit"}}, {"Retry-After": "7"})
    with pytest.raises(RetryableSendError) as caught:
        await sender.send(send())
    assert caught.value.status_code == status and caught.value.retry_after == 7.0


async def test_client_errors_are_permanent_and_say_why():
    sender = sender_answering(400, {"error": {"code": 100, "message": "Invalid parameter: to"}})
    with pytest.raises(PermanentSendError, match="Invalid parameter: to"):
        await sender.send(send())


async def test_unreachable_api_is_retryable():
    def refuse(request):
        raise httpx.ConnectError("refused")

    sender = WhatsAppSender(httpx.AsyncClient(transport=httpx.MockTransport(refuse)), "http://x", "v1", "t")
    with pytest.raises(RetryableSendError):
        await sender.send(send())


def test_backoff_doubles_caps_and_respects_retry_after():
    assert [backoff_delay(a, 0.5, 4) for a in (1, 2, 3, 4, 5)] == [0.5, 1, 2, 4, 4]
    assert backoff_delay(1, 0.5, 30, retry_after=7) == 7
    assert backoff_delay(1, 0.5, 5, retry_after=60) == 5
