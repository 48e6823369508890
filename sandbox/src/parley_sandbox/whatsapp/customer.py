"""Customer side: a person (the page) or a test acts as the customer's phone and Meta's webhook sender.

Every webhook is serialised to bytes once, signed over exactly those bytes with the app secret, posted to
`{SANDBOX_INGEST_URL}/webhooks/whatsapp`, and recorded.
"""

import json
import secrets
from typing import Any

import httpx
from fastapi import APIRouter, HTTPException
from fastapi.responses import JSONResponse

from parley_sandbox.logs import get_logger
from parley_sandbox.meta import new_wamid, serialize, signature_sha256, signed_headers
from parley_sandbox.state import SandboxState
from parley_sandbox.store import WebhookDelivery
from parley_sandbox.whatsapp import payloads
from parley_sandbox.whatsapp.provider import CHANNEL, post_status
from parley_sandbox.whatsapp.schemas import (
    CustomerMessageIn,
    CustomerMessageOut,
    RawIn,
    RawOut,
    StatusIn,
    VerifyIn,
    VerifyOut,
    WebhookOut,
)
from parley_sandbox.whatsapp.transcript import (
    ConversationSummary,
    Transcript,
    build_transcript,
    find_option_message,
)

log = get_logger("parley_sandbox.whatsapp.customer")

_ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    502: {"description": "ingest unreachable (connection refused, timeout)"},
}


def _unreachable(delivery: WebhookDelivery, **extra: Any) -> JSONResponse:
    return JSONResponse(
        status_code=502,
        content={
            "error": "ingest unreachable",
            "detail": delivery.error,
            "ingest_url": delivery.url,
            **extra,
        },
    )


def build_router(state: SandboxState) -> APIRouter:
    router = APIRouter(prefix="/sandbox/whatsapp", tags=["whatsapp: customer"])
    settings = state.settings

    @router.post(
        "/messages",
        response_model=CustomerMessageOut,
        responses=_ERROR_RESPONSES,
        summary="The customer sends a message (text, or a tap on a button / list row)",
    )
    async def send_customer_message(req: CustomerMessageIn) -> CustomerMessageOut | JSONResponse:
        retry = False
        previous = None
        if req.message_id is not None:
            previous = await state.store.first_delivery(CHANNEL, "message", req.message_id)
        if previous is not None:
            # A provider retry: Meta re-sends the very same bytes (same wamid, same timestamp).
            retry, body, wa_id, wamid = True, previous.body, previous.contact_id or req.from_, req.message_id
            name = str(previous.meta.get("name", req.name))
        else:
            contents = [c for c in (req.text, req.button_reply, req.list_reply) if c is not None]
            if len(contents) != 1:
                raise HTTPException(422, "exactly one of text, button_reply, list_reply is required")
            wa_id, name, wamid = req.from_, req.name, req.message_id or new_wamid()
            body = serialize(await _build_message(req, wamid))
        delivery = await state.deliver(
            channel=CHANNEL,
            kind="message",
            body=body,
            headers=signed_headers(body, settings.whatsapp_app_secret),
            contact_id=wa_id,
            message_id=wamid,
            meta={"name": name},
        )
        payload = json.loads(body)
        if delivery.ingest_status is None:
            return _unreachable(delivery, message_id=wamid, payload=payload)
        return CustomerMessageOut(
            message_id=wamid,
            payload=payload,
            ingest_status=delivery.ingest_status,
            ingest_body=delivery.ingest_body or "",
            retry=retry,
        )

    async def _build_message(req: CustomerMessageIn, wamid: str) -> dict[str, Any]:
        context_id = req.context_message_id
        tapped = req.button_reply or req.list_reply
        if context_id is None and tapped is not None:
            # A tap always answers a business message; Meta says which one in `context`.
            sent = await state.store.requests(CHANNEL, to=req.from_)
            context_id = find_option_message(sent, tapped.id)
        message = payloads.customer_message(
            wa_id=req.from_,
            wamid=wamid,
            timestamp=req.timestamp if req.timestamp is not None else int(state.clock()),
            text=req.text,
            button_reply=req.button_reply.model_dump(include={"id", "title"}) if req.button_reply else None,
            list_reply=req.list_reply.model_dump(exclude_none=True) if req.list_reply else None,
            context=(
                {"from": settings.whatsapp_display_phone_number, "id": context_id} if context_id else None
            ),
        )
        return payloads.messages_webhook(settings, wa_id=req.from_, name=req.name, message=message)

    @router.post(
        "/statuses",
        response_model=WebhookOut,
        responses=_ERROR_RESPONSES,
        summary="Post a status webhook (sent/delivered/read/failed) for a business message",
    )
    async def send_status(req: StatusIn) -> WebhookOut | JSONResponse:
        recipient = req.recipient_id
        if recipient is None:
            sent = await state.store.accepted_request(CHANNEL, req.message_id)
            if sent is None or sent.to is None:
                raise HTTPException(404, f"no recorded send with id {req.message_id}; pass recipient_id")
            recipient = sent.to
        payload, delivery = await post_status(
            state,
            wamid=req.message_id,
            status=req.status,
            recipient_id=recipient,
            timestamp=req.timestamp,
            errors=req.errors,
        )
        if delivery.ingest_status is None:
            return _unreachable(delivery, payload=payload)
        return WebhookOut(
            payload=payload, ingest_status=delivery.ingest_status, ingest_body=delivery.ingest_body or ""
        )

    @router.post(
        "/verify",
        response_model=VerifyOut,
        responses=_ERROR_RESPONSES,
        summary="Run Meta's GET verification handshake against ingest",
    )
    async def verify(req: VerifyIn | None = None) -> VerifyOut | JSONResponse:
        req = req or VerifyIn()
        url = settings.ingest_webhook_url(CHANNEL)
        challenge = req.challenge or str(secrets.randbelow(9 * 10**9) + 10**9)  # Meta sends a number
        params = {
            "hub.mode": req.mode,
            "hub.verify_token": req.verify_token if req.verify_token is not None else settings.whatsapp_verify_token,
            "hub.challenge": challenge,
        }
        try:
            response = await state.http.get(url, params=params)
        except httpx.HTTPError as exc:
            return JSONResponse(
                status_code=502,
                content={"error": "ingest unreachable", "detail": f"{type(exc).__name__}: {exc}", "ingest_url": url},
            )
        echoed = response.text == challenge
        log.info("whatsapp.verify", url=url, status=response.status_code, echoed=echoed)
        return VerifyOut(
            ok=response.status_code == 200 and echoed,
            url=url,
            status=response.status_code,
            challenge=challenge,
            echoed=echoed,
            body=response.text,
        )

    @router.post(
        "/raw",
        response_model=RawOut,
        responses=_ERROR_RESPONSES,
        summary="Post an arbitrary webhook body, with a valid, invalid or absent signature",
    )
    async def raw(req: RawIn) -> RawOut | JSONResponse:
        body = req.body.encode() if isinstance(req.body, str) else serialize(req.body)
        headers = {"Content-Type": "application/json", "User-Agent": "facebookexternalua"}
        if req.signature_header is not None:
            headers["X-Hub-Signature-256"] = req.signature_header
        elif req.signature == "valid":
            headers["X-Hub-Signature-256"] = signature_sha256(body, settings.whatsapp_app_secret)
        elif req.signature == "invalid":
            headers["X-Hub-Signature-256"] = signature_sha256(body, "not-the-app-secret")
        headers.update(req.headers)
        delivery = await state.deliver(
            channel=CHANNEL,
            kind="raw",
            body=body,
            headers=headers,
            contact_id=None,
            message_id=None,
            meta={"signature": req.signature},
        )
        if delivery.ingest_status is None:
            return _unreachable(delivery)
        return RawOut(
            ingest_status=delivery.ingest_status,
            ingest_body=delivery.ingest_body or "",
            body=body.decode("utf-8", errors="replace"),
            headers=headers,
        )

    @router.get("/conversations", response_model=list[ConversationSummary], summary="Customers seen so far")
    async def conversations() -> list[ConversationSummary]:
        summaries: dict[str, ConversationSummary] = {}
        for d in await state.store.deliveries(CHANNEL, kind="message"):
            if d.contact_id is None:
                continue
            s = summaries.setdefault(d.contact_id, ConversationSummary(wa_id=d.contact_id, name=None, messages=0, last_time=0))
            s.name = str(d.meta.get("name") or s.name)
            s.messages += 1
            s.last_time = max(s.last_time, d.time)
        for r in await state.store.requests(CHANNEL):
            if r.to is None or r.type == "read":
                continue
            s = summaries.setdefault(r.to, ConversationSummary(wa_id=r.to, name=None, messages=0, last_time=0))
            s.messages += 1
            s.last_time = max(s.last_time, r.time)
        return sorted(summaries.values(), key=lambda s: s.last_time, reverse=True)

    @router.get(
        "/conversations/{wa_id}",
        response_model=Transcript,
        summary="The customer's transcript: both directions in time order",
    )
    async def transcript(wa_id: str) -> Transcript:
        requests = await state.store.requests(CHANNEL, to=wa_id)
        deliveries = await state.store.deliveries(CHANNEL, contact_id=wa_id)
        return build_transcript(wa_id, requests, deliveries)

    return router
