"""Telegram Bot API, as the account's bot (`bot_token`): `POST {base}/bot<token>/<method>` for each planned part
(telegram_parts), `getFile` then `GET {base}/file/bot<token>/<file_path>` to download a customer's file.

Telegram has no upload-only call: a file is uploaded with the message that carries it (multipart). So `upload`
only notes the file (it answers a marker, which the send ledger records as the part's upload) and `send` posts
the bytes with the part; a send retried after a restart reads them from the media store again. Each part is
still sent once: the ledger counts sent parts.

Every call is paced under Telegram's limits first (telegram_pacing); a send that would wait too long, and a 429,
are retried later (`retry_after`), 5xx and network errors too; other 4xx are permanent. Errors and logs name the
method, never the URL (it holds the token)."""

import asyncio
import json
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from parley_business.channel_accounts import ChannelAccount
from parley_contracts import MediaRef, MessageSend
from parley_outbound.channels.base import (
    MediaFile,
    Part,
    PermanentSendError,
    RetryableSendError,
    SendError,
    SendResult,
)
from parley_outbound.channels.http import content_type, download
from parley_outbound.channels.telegram_pacing import Pacer
from parley_outbound.channels.telegram_parts import limits, plan_parts, with_file
from parley_outbound.media import MediaFiles

UPLOAD_MARKER = "parley-upload:"
# The Bot API serves files up to 20 MB (getFile): anything bigger than that is not Telegram's answer.
DOWNLOAD_LIMIT_BYTES = 20 * 1024 * 1024
FALLBACK_MIME_TYPE = "application/octet-stream"
# Files noted by `upload` and not yet sent: normally one, sent right after; bounded in case a send never comes.
_PENDING_FILES = 16


class TelegramSender:
    def __init__(
        self,
        http: httpx.AsyncClient,
        base_url: str,
        media: MediaFiles | None = None,
        *,
        pacer: Pacer | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._http = http
        self._base = base_url.rstrip("/")
        self._media = media
        self._pacer = pacer or Pacer(limits().pacing)
        self._clock = clock
        self._sleep = sleep
        self._pending: OrderedDict[str, MediaFile] = OrderedDict()

    def plan(self, message: MessageSend) -> list[Part]:
        return plan_parts(message)

    async def upload(self, account: ChannelAccount, file: MediaFile) -> str:
        marker = f"{UPLOAD_MARKER}{file.ref.media_id}"
        self._pending[marker] = file
        while len(self._pending) > _PENDING_FILES:
            self._pending.popitem(last=False)
        return marker

    async def send(self, account: ChannelAccount, part: Part, media_id: str | None) -> SendResult:
        method = part.body["method"]
        chat = str(part.body["params"]["chat_id"])
        await self._pace(account, chat)
        try:
            if media_id is None:
                response = await self._call(account, method, json=part.body["params"])
            elif media_id.startswith(UPLOAD_MARKER):
                file = self._pending.pop(media_id, None) or await self._load(account, part)
                response = await self._call(account, method, **_multipart(part.body, file))
            else:  # a file Telegram already has (its file_id)
                response = await self._call(account, method, json=with_file(part.body, media_id))
        except RetryableSendError as exc:
            if exc.status_code == 429 and exc.retry_after:
                self._pacer.hold(account.account_id, chat, self._clock() + exc.retry_after)
            raise
        return SendResult(_message_id(response, method))

    async def fetch(self, account: ChannelAccount, ref: MediaRef) -> MediaFile:
        """`getFile` gives the file's path (the Bot API serves files up to 20 MB), then its bytes."""
        if not ref.provider_media_id:
            raise PermanentSendError("nothing to download: the media reference has no Telegram file_id")
        answer = await self._call(account, "getFile", json={"file_id": ref.provider_media_id})
        result = answer.get("result")
        path = result.get("file_path") if isinstance(result, dict) else None
        if not isinstance(path, str) or not path:
            raise PermanentSendError("getFile gave no file_path: the file is over the Bot API's download limit")
        url = f"{self._base}/file/bot{account.secret('bot_token')}/{path}"
        data, headers = await download(
            self._http,
            url,
            limit=DOWNLOAD_LIMIT_BYTES,
            what="Telegram file download",
            failure=lambda response: _failure("file download", response),
        )
        mime_type = ref.mime_type or content_type(headers) or FALLBACK_MIME_TYPE
        filename = ref.filename or path.rsplit("/", 1)[-1]
        described = ref.model_copy(update={"mime_type": mime_type, "filename": filename, "size": len(data)})
        return MediaFile(described, data)

    async def _pace(self, account: ChannelAccount, chat: str) -> None:
        reservation = self._pacer.reserve(account.account_id, chat, self._clock())
        if not reservation.granted:
            raise RetryableSendError(
                f"pacing: the chat or bot is at Telegram's rate limit for {reservation.wait:.1f}s",
                retry_after=reservation.wait,
            )
        if reservation.wait > 0:
            await self._sleep(reservation.wait)

    async def _load(self, account: ChannelAccount, part: Part) -> MediaFile:
        if self._media is None or part.media_id is None:
            raise PermanentSendError("the attachment's bytes are not available to the Telegram adapter")
        return await self._media.load(part.media_id, account.tenant)

    async def _call(self, account: ChannelAccount, method: str, **request: Any) -> dict[str, Any]:
        """One Bot API call; its `{"ok": true, …}` answer, or the failure classified."""
        url = f"{self._base}/bot{account.secret('bot_token')}/{method}"
        try:
            response = await self._http.post(url, **request)
        except httpx.TransportError as exc:
            raise RetryableSendError(f"Telegram {method} unreachable: {type(exc).__name__}") from exc
        if response.status_code != 200:
            raise _failure(method, response)
        try:
            answer = response.json()
        except ValueError:
            answer = None
        if not isinstance(answer, dict) or answer.get("ok") is not True:
            raise PermanentSendError(f"Telegram {method} answered 200 without ok: {response.text[:200]}")
        return answer


def _multipart(body: dict[str, Any], file: MediaFile) -> dict[str, Any]:
    """The part's parameters as form fields (objects as JSON, as the Bot API takes them), the file attached."""
    fields = {key: value if isinstance(value, str) else json.dumps(value) for key, value in body["params"].items()}
    mime_type = file.ref.mime_type or FALLBACK_MIME_TYPE
    filename = file.ref.filename or file.ref.media_id or "attachment"
    return {"data": fields, "files": {body["file_field"]: (filename, file.data, mime_type)}}


def _message_id(answer: dict[str, Any], method: str) -> str:
    """Parley's provider id of the sent message: "<chat id>:<message id>". A 200 without it is not retried: the
    message may have reached the customer."""
    result = answer.get("result")
    try:
        return f"{int(result['chat']['id'])}:{int(result['message_id'])}"
    except (TypeError, KeyError, ValueError):
        raise PermanentSendError(f"Telegram {method} answered without the sent message's id") from None


def _failure(method: str, response: httpx.Response) -> SendError:
    """Telegram's errors: `{"ok": false, "error_code", "description", "parameters": {"retry_after"}}`."""
    status = response.status_code
    try:
        answer = response.json()
    except ValueError:
        answer = None
    description = answer.get("description") if isinstance(answer, dict) else None
    parameters = answer.get("parameters") if isinstance(answer, dict) else None
    retry_after = parameters.get("retry_after") if isinstance(parameters, dict) else None
    message = f"Telegram {method} → {status}: {description or response.text[:200]}"
    if status == 429 or status >= 500:
        seconds = (
            float(retry_after) if isinstance(retry_after, int | float) and not isinstance(retry_after, bool) else None
        )
        return RetryableSendError(message, status, seconds)
    return PermanentSendError(message, status)
