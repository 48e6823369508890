"""WhatsApp Cloud API, with the account's bearer token (`access_token`): `POST {base}/{version}/{phone-number-id}/media` uploads an
attachment (multipart) and answers its media id; `POST …/messages` sends one planned part, or marks a customer's
message read (`{"status": "read", "message_id": wamid}`); `GET {base}/{version}/{media-id}` answers a short-lived
URL for a customer's file, downloaded with the same token (Meta's media reference:
https://developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/media)."""

import hashlib
from collections.abc import Callable
from typing import Any

import httpx

from parley_business.channel_accounts import ChannelAccount
from parley_contracts import MediaRef, MessageReceived, MessageSend
from parley_outbound.channels.base import MediaFile, Part, PermanentSendError, RetryableSendError, SendResult
from parley_outbound.channels.http import classify_http_failure, download, graph_error_message
from parley_outbound.channels.whatsapp_parts import plan_parts, with_media_id

FALLBACK_MIME_TYPE = "application/octet-stream"
# Meta's largest inbound file (a document) is 100 MB: a download past it is refused, not held in memory.
MAX_DOWNLOAD_BYTES = 100 * 1024 * 1024
# What is not a message a person reads (a reaction, an edit, a deletion, WhatsApp's own notices): not marked.
NOT_MARKED_READ = frozenset({"reaction", "edit", "delete", "system"})


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

    async def mark_read(self, account: ChannelAccount, message: MessageReceived) -> bool:
        if message.content.type in NOT_MARKED_READ:
            return False
        body = {"messaging_product": "whatsapp", "status": "read", "message_id": message.provider_message_id}
        await self._post(account, "messages", json=body)
        return True

    async def fetch(self, account: ChannelAccount, ref: MediaRef) -> MediaFile:
        """`GET /{media-id}` (with `phone_number_id`: only media sent to this number), then the bytes from its
        `url`, both with the account's token."""
        if not ref.provider_media_id:
            raise PermanentSendError("a WhatsApp file without a media id cannot be downloaded")
        headers = {"Authorization": f"Bearer {account.secret('access_token')}"}
        described = await self._get(
            f"{self._base}/{self._version}/{ref.provider_media_id}", headers, {"phone_number_id": account.account_id}
        )
        try:
            answer = described.json()
            url = answer["url"]
        except (ValueError, KeyError, TypeError):
            raise PermanentSendError(f"WhatsApp media answer without url: {described.text[:200]}") from None
        data = await self._download(str(url), headers)
        mime_type = answer.get("mime_type") if isinstance(answer.get("mime_type"), str) else None
        kept = ref.model_copy(
            update={
                "mime_type": mime_type or ref.mime_type,
                "size": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
            }
        )
        return MediaFile(kept, data)

    async def _get(self, url: str, headers: dict[str, str], params: dict[str, str]) -> httpx.Response:
        try:
            response = await self._http.get(url, headers=headers, params=params)
        except httpx.TransportError as exc:
            raise RetryableSendError(f"WhatsApp API unreachable: {exc!r}") from exc
        if response.status_code != 200:
            raise classify_http_failure(response, graph_error_message(response))
        return response

    async def _download(self, url: str, headers: dict[str, str]) -> bytes:
        data, _ = await download(
            self._http,
            url,
            headers=headers,
            limit=MAX_DOWNLOAD_BYTES,
            what="WhatsApp file",
            failure=lambda response: classify_http_failure(response, graph_error_message(response)),
        )
        return data

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
