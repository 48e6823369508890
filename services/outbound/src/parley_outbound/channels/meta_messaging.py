"""Messenger and Instagram Send API, with the account's token as a bearer header (Graph accepts it there as well
as the `access_token` parameter; a header keeps it out of URLs and access logs):

- `POST {base}/{version}/{page-id | ig-id}/message_attachments` (the Attachment Upload API, multipart `message` +
  `filedata`, `platform=instagram` for Instagram) answers `attachment_id`;
- `POST …/messages` sends one planned part and answers `message_id`;
- `fetch` downloads a customer's attachment from the URL its webhook named (Meta's CDN: no token needed, and none
  is sent to a host that is not Graph).

Messenger's token is the page's (`page_access_token`), Instagram's the professional account's (`access_token`):
parley_business/data/channel_accounts.json. Failures are classified by Meta's error code as well as the HTTP
status, because Graph answers throttling with a 400 (codes 4, 17, 32, 613)."""

import json
import re
from collections.abc import Callable
from typing import Any

import httpx

from parley_business.channel_accounts import ChannelAccount
from parley_contracts import Channel, MediaRef, MessageSend
from parley_outbound.channels.base import (
    MediaFile,
    Part,
    PermanentSendError,
    RetryableSendError,
    SendError,
    SendResult,
)
from parley_outbound.channels.http import classify_http_failure, content_type, download
from parley_outbound.channels.meta_parts import attachment_type, meta_limits, plan_parts, with_attachment_id

FALLBACK_MIME_TYPE = "application/octet-stream"
# Graph error codes that mean "not now" (https://developers.facebook.com/docs/graph-api/guides/error-handling,
# Messenger Send API error codes): 1 unknown / 2 service unavailable, 4 app / 17 user / 32 page / 613 call-rate
# limits, and Messenger's 1200 temporary send failure.
RETRYABLE_CODES = frozenset({1, 2, 4, 17, 32, 613, 1200})
# The secret each platform's account holds its token in.
TOKEN_SECRET = {Channel.MESSENGER: "page_access_token", Channel.INSTAGRAM: "access_token"}


class MetaMessagingSender:
    """One adapter per platform (`channel`: messenger or instagram), each with its Graph base URL."""

    def __init__(self, http: httpx.AsyncClient, channel: Channel, base_url: str, version: str) -> None:
        self._http = http
        self._channel = channel
        self._base = base_url.rstrip("/")
        self._version = version
        self._limits = meta_limits()[channel]

    def plan(self, message: MessageSend) -> list[Part]:
        return plan_parts(message)

    async def upload(self, account: ChannelAccount, file: MediaFile) -> str:
        mime_type = file.ref.mime_type or FALLBACK_MIME_TYPE
        filename = file.ref.filename or file.ref.media_id or "attachment"
        attachment = {"type": attachment_type(file.ref.kind, self._channel), "payload": {"is_reusable": True}}
        data = {"message": json.dumps({"attachment": attachment})}
        if self._limits.upload_platform:
            data["platform"] = self._limits.upload_platform
        response = await self._post(
            account, "message_attachments", data=data, files={"filedata": (filename, file.data, mime_type)}
        )
        return _from_answer(response, "attachment_id", lambda answer: answer["attachment_id"])

    async def send(self, account: ChannelAccount, part: Part, media_id: str | None) -> SendResult:
        body = with_attachment_id(part.body, media_id) if media_id is not None else part.body
        response = await self._post(account, "messages", json=body)
        return SendResult(_from_answer(response, "message_id", lambda answer: answer["message_id"]))

    async def fetch(self, account: ChannelAccount, ref: MediaRef) -> MediaFile:
        url = ref.provider_media_id or ""
        if not url.startswith(("https://", "http://")):
            raise PermanentSendError(f"{self._channel} attachment reference is not a URL")
        data, headers = await download(
            self._http,
            url,
            limit=self._limits.fetch_max_bytes,
            what=f"{self._channel} attachment",
            failure=lambda response: classify_http_failure(response, "attachment download failed"),
        )
        mime_type = content_type(headers) or ref.mime_type
        fetched = ref.model_copy(
            update={
                "mime_type": mime_type or None,
                "size": len(data),
                "filename": ref.filename or _filename(headers.get("content-disposition", "")),
            }
        )
        return MediaFile(fetched, bytes(data))

    async def _post(self, account: ChannelAccount, edge: str, **request: Any) -> httpx.Response:
        """One Graph call as `account`; a failure comes out classified as retryable or permanent."""
        url = f"{self._base}/{self._version}/{account.account_id}/{edge}"
        headers = {"Authorization": f"Bearer {account.secret(TOKEN_SECRET[self._channel])}"}
        try:
            response = await self._http.post(url, headers=headers, **request)
        except httpx.TransportError as exc:
            raise RetryableSendError(f"{self._channel} Send API unreachable: {exc!r}") from exc
        if response.status_code != 200:
            raise classify_meta_failure(response)
        return response


def classify_meta_failure(response: httpx.Response) -> SendError:
    """Meta's `{"error": {"code", "error_subcode", "message"}}`: throttling and outages (by code, or 429 / 5xx)
    are retried; everything else (bad token 190, bad parameter 100, window closed 10 / 2018278, person
    unavailable 551, …) is permanent."""
    code, subcode, message = _graph_error(response)
    detail = f"({code}{f'/{subcode}' if subcode else ''}) {message}"
    if code in RETRYABLE_CODES:
        classified = classify_http_failure(response, detail)
        if isinstance(classified, RetryableSendError):
            return classified
        return RetryableSendError(str(classified), response.status_code)
    return classify_http_failure(response, detail)


def _graph_error(response: httpx.Response) -> tuple[int | None, int | None, str]:
    try:
        error = response.json().get("error") or {}
        code, subcode = error.get("code"), error.get("error_subcode")
        return (
            code if isinstance(code, int) else None,
            subcode if isinstance(subcode, int) else None,
            str(error.get("message"))[:300],
        )
    except (ValueError, AttributeError):
        return None, None, response.text[:200]


def _from_answer(response: httpx.Response, name: str, pick: Callable[[Any], Any]) -> str:
    """A 200 without the id is not retried: the call may have taken effect (a second send could reach the
    customer twice)."""
    try:
        value = pick(response.json())
    except (ValueError, KeyError, IndexError, TypeError):
        value = None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str) and value:
        return value
    raise PermanentSendError(f"Send API answered 200 without {name}: {response.text[:200]}")


def _filename(disposition: str) -> str | None:
    match = re.search(r'filename="?([^";]+)"?', disposition)
    return match.group(1) if match else None


class MessengerSender(MetaMessagingSender):
    """Messenger: as the page (`page_access_token`), on graph.facebook.com."""

    def __init__(self, http: httpx.AsyncClient, base_url: str, version: str) -> None:
        super().__init__(http, Channel.MESSENGER, base_url, version)


class InstagramSender(MetaMessagingSender):
    """Instagram: as the professional account (`access_token`), on graph.instagram.com (Instagram API with
    Instagram Login)."""

    def __init__(self, http: httpx.AsyncClient, base_url: str, version: str) -> None:
        super().__init__(http, Channel.INSTAGRAM, base_url, version)
