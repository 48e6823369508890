"""MercadoLibre's sender (and the downloader of buyers' files, `fetch`): answers a question (`POST /answers {"question_id", "text"}`) or writes in a pack's
post-sale conversation (`POST /messages/packs/{pack_id}/sellers/{seller_id}?tag=post_sale` with `{"from":
{"user_id": seller}, "to": {"user_id": buyer}, "text"}`), as the seller, through `MercadoLibreApi` (OAuth)."""

from typing import Any

from parley_business.channel_accounts import ChannelAccount
from parley_contracts import MediaRef, MessageSend
from parley_outbound.channels.base import MediaFile, Part, PermanentSendError, SendResult
from parley_outbound.channels.http import content_type
from parley_outbound.channels.mercadolibre_api import MercadoLibreApi
from parley_outbound.channels.mercadolibre_parts import ANSWER, plan_parts

FALLBACK_MIME_TYPE = "application/octet-stream"
DEFAULT_SITE = "MLA"  # the account's site_id config, when not set


class MercadoLibreSender:
    def __init__(self, api: MercadoLibreApi) -> None:
        self._api = api

    def plan(self, message: MessageSend) -> list[Part]:
        return plan_parts(message)

    async def upload(self, account: ChannelAccount, file: MediaFile) -> str:
        """`POST /messages/attachments?tag=post_sale&site_id=…` (multipart `file`) → the attachment's id."""
        mime_type = file.ref.mime_type or FALLBACK_MIME_TYPE
        filename = file.ref.filename or file.ref.media_id or "attachment"
        answer = await self._api.call(
            account,
            "POST",
            "/messages/attachments",
            params={"tag": "post_sale", "site_id": str(account.setting("site_id", DEFAULT_SITE))},
            files={"file": (filename, file.data, mime_type)},
        )
        attachment = _field(answer, "id")
        if not attachment:
            raise PermanentSendError("MercadoLibre answered an attachment upload without its id")
        return attachment

    async def fetch(self, account: ChannelAccount, ref: MediaRef) -> MediaFile:
        """A buyer's file (MediaFetcher): `GET /messages/attachments/{filename}?tag=post_sale&site_id=…`."""
        if not ref.provider_media_id:
            raise PermanentSendError("a MercadoLibre attachment is fetched by its filename (provider_media_id)")
        response = await self._api.response(
            account,
            "GET",
            f"/messages/attachments/{ref.provider_media_id}",
            params={"tag": "post_sale", "site_id": str(account.setting("site_id", DEFAULT_SITE))},
        )
        mime_type = content_type(response.headers) or ref.mime_type
        return MediaFile(
            ref.model_copy(update={"mime_type": mime_type, "size": len(response.content)}), response.content
        )

    async def send(self, account: ChannelAccount, part: Part, media_id: str | None) -> SendResult:
        body = part.body
        if body["kind"] == ANSWER:
            question = body["question_id"]
            answer = await self._api.call(
                account, "POST", "/answers", json={"question_id": _number(question), "text": body["text"]}
            )
            # The answer has no id of its own: it is the question's (one answer per question).
            return SendResult(f"answer:{_field(answer, 'id') or question}")
        seller = account.account_id
        answer = await self._api.call(
            account,
            "POST",
            f"/messages/packs/{body['pack_id']}/sellers/{seller}",
            params={"tag": "post_sale"},
            json={
                "from": {"user_id": seller},
                "to": {"user_id": body["buyer"]},
                "text": body["text"],
                **({"attachments": [media_id]} if media_id else {}),
            },
        )
        message_id = _field(answer, "id")
        if not message_id:
            raise PermanentSendError("MercadoLibre answered a post-sale message without its id")
        return SendResult(message_id)


def _number(value: str) -> int | str:
    return int(value) if value.isdigit() else value


def _field(answer: Any, name: str) -> str | None:
    value = answer.get(name) if isinstance(answer, dict) else None
    return str(value) if isinstance(value, str | int) and not isinstance(value, bool) and value != "" else None
