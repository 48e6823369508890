"""Provider side: the slice of Meta's Graph API that Parley's outbound adapter calls.

`POST /graph/{version}/{phone_number_id}/messages` validates like Meta (token, sender id, body shape and
limits, uploaded media ids, approved templates), answers with Meta's success or error JSON, records every
call, and can be told to fail. A free-form send outside the customer's 24 h window is accepted and then
failed by a status webhook (window.py), as Meta does. Media and template endpoints: media.py, templates.py.
"""

import asyncio
import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from parley_sandbox.logs import get_logger
from parley_sandbox.meta import GraphError, invalid_parameter, new_wamid, serialize, signed_headers
from parley_sandbox.state import SandboxState
from parley_sandbox.store import WebhookDelivery
from parley_sandbox.whatsapp import CHANNEL, payloads, templates, window
from parley_sandbox.whatsapp.graph import check_post, reject
from parley_sandbox.whatsapp.media import sent_media
from parley_sandbox.whatsapp.schemas import MEDIA_TYPES, MarkRead, SendMessage, normalize_phone, parse_graph_body

__all__ = ["CHANNEL", "build_router", "post_status"]
log = get_logger("parley_sandbox.whatsapp.provider")


async def resolve(state: SandboxState, parsed: SendMessage) -> dict[str, Any]:
    """What the send refers to, recorded with it for the transcript: the uploaded media, the rendered template.

    Raises the Graph error Meta answers for an unknown media id or template, or wrong template parameters.
    """
    if parsed.type in MEDIA_TYPES:
        media = await sent_media(state, parsed.type, getattr(parsed, parsed.type))
        return {"media": media} if media else {}
    if parsed.template is not None:
        return {"template": templates.check_send(parsed.template).model_dump()}
    return {}


def build_router(state: SandboxState) -> APIRouter:
    router = APIRouter(prefix="/graph", tags=["whatsapp: provider (Graph API)"])
    settings = state.settings

    @router.post("/{version}/{phone_number_id}/messages", summary="Send a message / mark as read")
    async def send_message(version: str, phone_number_id: str, request: Request) -> JSONResponse:
        raw = await request.body()
        try:
            body: Any = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", errors="replace")
        try:
            await check_post(state, request, version, phone_number_id, "messages")
            if isinstance(body, str):
                raise invalid_parameter("The request body must be JSON")
            parsed = parse_graph_body(body)
            resolved = await resolve(state, parsed) if isinstance(parsed, SendMessage) else {}
        except GraphError as error:
            return await reject(
                state, error, account_id=phone_number_id, to=_recipient(body), type_=_type(body), body=body
            )

        if isinstance(parsed, MarkRead):
            return await _mark_read(parsed, phone_number_id, body)
        return await _send(parsed, phone_number_id, body, resolved)

    async def _mark_read(parsed: MarkRead, phone_number_id: str, body: dict[str, Any]) -> JSONResponse:
        # No `to`: the body names no recipient, and `/sandbox/sent?to=` should list messages only.
        await state.store.add_request(
            channel=CHANNEL,
            account_id=phone_number_id,
            to=None,
            type="read",
            body=body,
            status_code=200,
            message_id=parsed.message_id,
        )
        log.info("whatsapp.mark_read", message_id=parsed.message_id, typing=parsed.typing_indicator is not None)
        return JSONResponse({"success": True})

    async def _send(
        parsed: SendMessage, phone_number_id: str, body: dict[str, Any], resolved: dict[str, Any]
    ) -> JSONResponse:
        wa_id = normalize_phone(parsed.to) if parsed.to is not None else str(parsed.recipient)
        wamid = new_wamid()
        await state.store.add_request(
            channel=CHANNEL,
            account_id=phone_number_id,
            to=wa_id,
            type=parsed.type,
            body=body,
            status_code=200,
            message_id=wamid,
            meta=resolved,
        )
        closed = await window.is_closed(state, parsed.type, wa_id)
        log.info("whatsapp.send.accepted", type=parsed.type, message_id=wamid, window_closed=closed)
        if closed:
            # Posted whatever SANDBOX_STATUS_WEBHOOKS says: it is the only trace of the failure.
            state.spawn(_post_window_failure(wamid, wa_id))
        elif settings.sandbox_status_webhooks:
            state.spawn(_post_statuses(wamid, wa_id))
        return JSONResponse(
            {
                "messaging_product": "whatsapp",
                "contacts": [
                    {"input": parsed.to, "wa_id": wa_id}
                    if parsed.to is not None
                    else {"input": wa_id, "user_id": wa_id}
                ],
                "messages": [{"id": wamid}],
            }
        )

    async def _post_statuses(wamid: str, wa_id: str) -> None:
        """What the phone network does after an accepted send: `sent`, then `delivered`, each signed."""
        for status in ("sent", "delivered"):
            await asyncio.sleep(settings.sandbox_status_delay_seconds)
            await post_status(state, wamid=wamid, status=status, recipient_id=wa_id)

    async def _post_window_failure(wamid: str, wa_id: str) -> None:
        """Meta's answer to a free-form send outside the 24 h window: no sent/delivered, one `failed` (131047)."""
        await asyncio.sleep(settings.sandbox_status_delay_seconds)
        await post_status(state, wamid=wamid, status="failed", recipient_id=wa_id, errors=[payloads.REENGAGEMENT_ERROR])

    return router


async def post_status(
    state: SandboxState,
    *,
    wamid: str,
    status: str,
    recipient_id: str,
    timestamp: int | None = None,
    errors: list[dict[str, Any]] | None = None,
) -> tuple[dict[str, Any], WebhookDelivery]:
    """Build, sign and post one `statuses` webhook; returns (payload, delivery record)."""
    item = payloads.status_item(
        wamid=wamid,
        status=status,
        recipient_id=recipient_id,
        timestamp=timestamp if timestamp is not None else int(state.clock()),
        errors=errors,
    )
    payload = payloads.statuses_webhook(state.settings, item)
    body = serialize(payload)
    meta: dict[str, Any] = {"status": status}
    if item.get("errors"):
        meta["error"] = item["errors"][0]  # the transcript shows why a message failed
    delivery = await state.deliver(
        channel=CHANNEL,
        kind="status",
        body=body,
        headers=signed_headers(body, state.settings.whatsapp_app_secret),
        contact_id=recipient_id,
        message_id=wamid,
        meta=meta,
    )
    return payload, delivery


def _recipient(body: Any) -> str | None:
    to = body.get("to") if isinstance(body, dict) else None
    if isinstance(to, str):
        return normalize_phone(to)
    recipient = body.get("recipient") if isinstance(body, dict) else None
    return recipient if isinstance(recipient, str) else None


def _type(body: Any) -> str | None:
    if not isinstance(body, dict):
        return None
    if "status" in body:
        return "read"
    kind = body.get("type")
    return kind if isinstance(kind, str) else None
