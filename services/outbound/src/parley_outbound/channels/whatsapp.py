"""WhatsApp Cloud API: `POST {base}/{version}/{phone-number-id}/messages` with a bearer token."""

import httpx

from parley_contracts import MessageSend
from parley_outbound.channels.base import PermanentSendError, RetryableSendError, SendResult
from parley_outbound.channels.http import classify_http_failure, graph_error_message


class WhatsAppSender:
    def __init__(self, http: httpx.AsyncClient, base_url: str, version: str, access_token: str) -> None:
        self._http = http
        self._base = base_url.rstrip("/")
        self._version = version
        self._token = access_token

    async def send(self, message: MessageSend) -> SendResult:
        url = f"{self._base}/{self._version}/{message.account_id}/messages"
        try:
            response = await self._http.post(
                url, json=request_body(message), headers={"Authorization": f"Bearer {self._token}"}
            )
        except httpx.TransportError as exc:
            raise RetryableSendError(f"WhatsApp API unreachable: {exc!r}") from exc
        if response.status_code != 200:
            raise classify_http_failure(response, graph_error_message(response))
        try:
            return SendResult(provider_message_id=response.json()["messages"][0]["id"])
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise PermanentSendError(
                f"WhatsApp API answered 200 without messages[0].id: {response.text[:200]}"
            ) from exc


def request_body(message: MessageSend) -> dict:
    """Text, or reply buttons (≤ 3) when the message offers quick replies."""
    body: dict = {"messaging_product": "whatsapp", "recipient_type": "individual", "to": message.recipient.id}
    if message.reply_to_provider_id:
        body["context"] = {"message_id": message.reply_to_provider_id}
    content = message.content
    if content.quick_replies:
        body["type"] = "interactive"
        body["interactive"] = {
            "type": "button",
            "body": {"text": content.text[:1024]},
            "action": {
                "buttons": [
                    {"type": "reply", "reply": {"id": q.id, "title": q.title}} for q in content.quick_replies[:3]
                ]
            },
        }
    else:
        body["type"] = "text"
        body["text"] = {"body": content.text, "preview_url": False}
    return body
