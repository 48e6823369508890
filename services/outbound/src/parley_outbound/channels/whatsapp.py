"""WhatsApp Cloud API, with the account's bearer token (`access_token`): `POST {base}/{version}/{phone-number-id}/media` uploads an
attachment (multipart) and answers its media id; `POST …/messages` sends one planned part."""

from collections.abc import Callable
from typing import Any

import httpx

from parley_business.channel_accounts import ChannelAccount
from parley_contracts import MessageSend
from parley_outbound.channels.base import MediaFile, Part, PermanentSendError, RetryableSendError, SendResult
from parley_outbound.channels.http import classify_http_failure, graph_error_message
from parley_outbound.channels.whatsapp_parts import plan_parts, with_media_id

FALLBACK_MIME_TYPE = "application/octet-stream"


class WhatsAppSender:
    def __init__(self, http: httpx.AsyncClient, base_url: str, version: str) -> None:
        self._http = http
        self._base = base_url.rstrip("/")
        self._version = version

    def plan(self, message: MessageSend) -> list[Part]:
        return plan_parts(message)

    async def upload(self, account: ChannelAccount, file: MediaFile) -> str:
        mime_type = file.ref.mime_type or FALLBACK_MIME_TYPE
        filename = file.ref.filename or file.ref.media_id or "attachment"
        response = await self._post(
            account,
            "media",
            data={"messaging_product": "whatsapp", "type": mime_type},
            files={"file": (filename, file.data, mime_type)},
        )
        return _from_answer(response, "id", lambda answer: answer["id"])

    async def send(self, account: ChannelAccount, part: Part, media_id: str | None) -> SendResult:
        body = with_media_id(part.body, media_id) if media_id is not None else part.body
        response = await self._post(account, "messages", json=body)
        return SendResult(_from_answer(response, "messages[0].id", lambda answer: answer["messages"][0]["id"]))

    async def _post(self, account: ChannelAccount, edge: str, **request: Any) -> httpx.Response:
        """One Graph API call; a failure comes out classified as retryable or permanent."""
        url = f"{self._base}/{self._version}/{account.account_id}/{edge}"
        headers = {"Authorization": f"Bearer {account.secret('access_token')}"}
        try:
            response = await self._http.post(url, headers=headers, **request)
        except httpx.TransportError as exc:
            raise RetryableSendError(f"WhatsApp API unreachable: {exc!r}") from exc
        if response.status_code != 200:
            raise classify_http_failure(response, graph_error_message(response))
        return response


def _from_answer(response: httpx.Response, name: str, pick: Callable[[Any], Any]) -> str:
    """A 200 without the id is not retried: the call may have taken effect, and repeating a send could
    reach the customer twice."""
    try:
        value = pick(response.json())
    except (ValueError, KeyError, IndexError, TypeError):
        value = None
    if isinstance(value, str) and value:
        return value
    raise PermanentSendError(f"WhatsApp API answered 200 without {name}: {response.text[:200]}")
