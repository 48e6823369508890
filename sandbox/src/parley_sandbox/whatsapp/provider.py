"""Provider side: the slice of Meta's Graph API that Parley's outbound adapter calls.

`POST /graph/{version}/{phone_number_id}/messages` validates like Meta (token, sender id, body shape and
limits), answers with Meta's success or error JSON, records every call, and can be told to fail.
"""

import asyncio
import hmac
import json
import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from parley_sandbox.faults import Fault
from parley_sandbox.logs import get_logger
from parley_sandbox.meta import GraphError, invalid_parameter, new_wamid, serialize, signed_headers
from parley_sandbox.state import SandboxState
from parley_sandbox.store import WebhookDelivery
from parley_sandbox.whatsapp import payloads
from parley_sandbox.whatsapp.schemas import MarkRead, SendMessage, normalize_phone, parse_graph_body

CHANNEL = "whatsapp"
log = get_logger("parley_sandbox.whatsapp.provider")

# Status -> (Graph error code, message) when a fault does not say otherwise.
_FAULT_ERRORS: dict[int, tuple[int, str]] = {
    429: (130429, "(#130429) Rate limit hit"),
    500: (1, "An unknown error occurred"),
    503: (2, "Service temporarily unavailable"),
}


def fault_error(fault: Fault) -> GraphError:
    code, message = _FAULT_ERRORS.get(fault.status, (131000, "(#131000) Something went wrong"))
    if fault.code is not None:
        code = fault.code
    details = "Cloud API message throughput has been reached." if code == 130429 else "Injected by the sandbox."
    return GraphError(fault.status, code, fault.message or message, details=details)


def build_router(state: SandboxState) -> APIRouter:
    router = APIRouter(prefix="/graph", tags=["whatsapp: provider (Graph API)"])
    settings = state.settings

    def check_auth(request: Request) -> None:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer":
            token = request.query_params.get("access_token", "")  # Graph also takes the token as a param
        if not token or not hmac.compare_digest(token.strip().encode(), settings.whatsapp_access_token.encode()):
            raise GraphError(401, 190, "Invalid OAuth access token - Cannot parse access token", type_="OAuthException")

    @router.post("/{version}/{phone_number_id}/messages", summary="Send a message / mark as read")
    async def send_message(version: str, phone_number_id: str, request: Request) -> JSONResponse:
        raw = await request.body()
        try:
            body: Any = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", errors="replace")
        try:
            if not re.fullmatch(r"v\d+\.\d+", version):
                raise GraphError(400, 2500, f"Unknown path components: /{version}/{phone_number_id}/messages")
            check_auth(request)
            if phone_number_id != settings.whatsapp_phone_number_id:
                raise GraphError(
                    400,
                    100,
                    f"Unsupported post request. Object with ID '{phone_number_id}' does not exist, cannot be "
                    "loaded due to missing permissions, or does not support this operation.",
                    type_="GraphMethodException",
                    subcode=33,
                )
            # An outage or throttle answers before the body is even looked at.
            if (fault := await state.faults.take(CHANNEL)) is not None:
                raise fault_error(fault)
            if isinstance(body, str):
                raise invalid_parameter("The request body must be JSON")
            parsed = parse_graph_body(body)
        except GraphError as error:
            err_body = error.body()
            await state.store.add_request(
                channel=CHANNEL,
                account_id=phone_number_id,
                to=_recipient(body),
                type=_type(body),
                body=body,
                status_code=error.status_code,
                message_id=None,
                error=err_body["error"],
            )
            log.info(
                "whatsapp.send.rejected",
                phone_number_id=phone_number_id,
                status=error.status_code,
                code=error.code,
                message=error.message,
            )
            return JSONResponse(status_code=error.status_code, content=err_body)

        if isinstance(parsed, MarkRead):
            return await _mark_read(parsed, phone_number_id, body)
        return await _send(parsed, phone_number_id, body)

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

    async def _send(parsed: SendMessage, phone_number_id: str, body: dict[str, Any]) -> JSONResponse:
        wa_id = normalize_phone(parsed.to)
        wamid = new_wamid()
        await state.store.add_request(
            channel=CHANNEL,
            account_id=phone_number_id,
            to=wa_id,
            type=parsed.type,
            body=body,
            status_code=200,
            message_id=wamid,
        )
        log.info("whatsapp.send.accepted", to=wa_id, type=parsed.type, message_id=wamid)
        if settings.sandbox_status_webhooks:
            state.spawn(_post_statuses(wamid, wa_id))
        return JSONResponse(
            {
                "messaging_product": "whatsapp",
                "contacts": [{"input": parsed.to, "wa_id": wa_id}],
                "messages": [{"id": wamid}],
            }
        )

    async def _post_statuses(wamid: str, wa_id: str) -> None:
        """What the phone network does after an accepted send: `sent`, then `delivered`, each signed."""
        for status in ("sent", "delivered"):
            await asyncio.sleep(settings.sandbox_status_delay_seconds)
            await post_status(state, wamid=wamid, status=status, recipient_id=wa_id)

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
    delivery = await state.deliver(
        channel=CHANNEL,
        kind="status",
        body=body,
        headers=signed_headers(body, state.settings.whatsapp_app_secret),
        contact_id=recipient_id,
        message_id=wamid,
        meta={"status": status},
    )
    return payload, delivery


def _recipient(body: Any) -> str | None:
    to = body.get("to") if isinstance(body, dict) else None
    return normalize_phone(to) if isinstance(to, str) else None


def _type(body: Any) -> str | None:
    if not isinstance(body, dict):
        return None
    if "status" in body:
        return "read"
    kind = body.get("type")
    return kind if isinstance(kind, str) else None
