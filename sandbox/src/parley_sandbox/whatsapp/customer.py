"""Customer side: a person (the page) or a test acts as the customer's phone and Meta's webhook sender.

Every webhook is serialised to bytes once, signed over exactly those bytes with the app secret, posted to
`{SANDBOX_INGEST_URL}/webhooks/whatsapp`, and recorded.
"""

import base64
import hashlib
import json
import secrets
from typing import Any

from fastapi import APIRouter, HTTPException
from fastapi.responses import JSONResponse

from parley_sandbox.logs import get_logger
from parley_sandbox.meta import new_wamid, serialize, signature_sha256, signed_headers
from parley_sandbox.state import INGEST_UNREACHABLE, SandboxState
from parley_sandbox.store import NOT_MESSAGES, WebhookDelivery
from parley_sandbox.whatsapp import payloads
from parley_sandbox.whatsapp.media import media_limits, new_media_id
from parley_sandbox.whatsapp.provider import CHANNEL, post_status
from parley_sandbox.whatsapp.schemas import (
    CustomerMessageIn,
    CustomerMessageOut,
    CustomerUploadIn,
    CustomerUploadOut,
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
DEFAULT_NAME = "Sandbox Customer"

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
            name = str(previous.meta.get("name", DEFAULT_NAME))
            timestamp = previous.meta.get("timestamp")
        else:
            contents = [c for c in (req.text, req.button_reply, req.list_reply, req.media) if c is not None]
            if len(contents) != 1:
                raise HTTPException(422, "exactly one of text, button_reply, list_reply, media is required")
            wa_id, wamid = req.from_, req.message_id or new_wamid()
            name = req.name or await _last_name(wa_id) or DEFAULT_NAME
            timestamp = req.timestamp if req.timestamp is not None else int(state.clock())
            body = serialize(await _build_message(req, wamid, name, timestamp))
        delivery = await state.deliver(
            channel=CHANNEL,
            kind="message",
            body=body,
            headers=signed_headers(body, settings.whatsapp_app_secret),
            contact_id=wa_id,
            message_id=wamid,
            # The timestamp opens the customer's 24 h window (window.py).
            meta={"name": name, "timestamp": timestamp},
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

    async def _last_name(wa_id: str) -> str | None:
        # A WhatsApp profile name persists: a tap sent without `name` keeps the customer's name.
        for d in reversed(await state.store.deliveries(CHANNEL, kind="message", contact_id=wa_id)):
            if d.meta.get("name"):
                return str(d.meta["name"])
        return None

    async def _build_message(req: CustomerMessageIn, wamid: str, name: str, timestamp: int) -> dict[str, Any]:
        context_id = req.context_message_id
        tapped = req.button_reply or req.list_reply
        if context_id is None and tapped is not None:
            # A tap always answers a business message; Meta says which one in `context`.
            sent = await state.store.requests(CHANNEL, to=req.from_)
            context_id = find_option_message(sent, tapped.id)
        message = payloads.customer_message(
            wa_id=req.from_,
            wamid=wamid,
            timestamp=timestamp,
            text=req.text,
            button_reply=req.button_reply.model_dump(include={"id", "title"}) if req.button_reply else None,
            list_reply=req.list_reply.model_dump(exclude_none=True) if req.list_reply else None,
            media=await _media_object(req) if req.media else None,
            context=({"from": settings.whatsapp_display_phone_number, "id": context_id} if context_id else None),
        )
        return payloads.messages_webhook(settings, wa_id=req.from_, name=name, message=message)

    async def _media_object(req: CustomerMessageIn) -> dict[str, Any]:
        """What Meta's webhook says of a customer's file: its id, type and hash (base64, as Meta's examples)."""
        assert req.media is not None
        stored = await state.media.get(req.media.id)
        if stored is None:
            raise HTTPException(404, f"no uploaded media {req.media.id}: POST /sandbox/whatsapp/media first")
        return {
            "kind": req.media.kind,
            "caption": req.media.caption,
            "filename": req.media.filename or (stored.filename if req.media.kind == "document" else None),
            "mime_type": stored.mime_type,
            "sha256": base64.b64encode(hashlib.sha256(stored.data).digest()).decode(),
            "id": stored.id,
        }

    @router.post(
        "/media",
        response_model=CustomerUploadOut,
        summary="The customer's phone uploads a file; send it with `media` in POST /sandbox/whatsapp/messages",
    )
    async def upload_customer_media(req: CustomerUploadIn) -> CustomerUploadOut:
        try:
            data = base64.b64decode(req.data_base64, validate=True)
        except ValueError as exc:
            raise HTTPException(422, "data_base64 is not base64") from exc
        limits = media_limits()
        kind = limits.kind_of(req.mime_type)
        if kind is None:
            raise HTTPException(422, f"WhatsApp does not carry {req.mime_type!r}; supported: {limits.mime_types}")
        if not data or len(data) > limits.kinds[kind].max_bytes:
            raise HTTPException(422, f"{kind} files must have 1 to {limits.kinds[kind].max_bytes} bytes")
        # Kept for the business's number: GET /{media_id}?phone_number_id= finds what was sent to it.
        media = await state.media.add(
            id=new_media_id(),
            channel=CHANNEL,
            account_id=settings.whatsapp_phone_number_id,
            kind=kind,
            mime_type=req.mime_type,
            filename=req.filename,
            data=data,
            sha256=hashlib.sha256(data).hexdigest(),
        )
        log.info("whatsapp.customer_media.uploaded", media_id=media.id, kind=kind, size=media.size)
        return CustomerUploadOut(
            id=media.id, kind=kind, mime_type=media.mime_type, sha256=media.sha256, file_size=media.size
        )

    @router.post(
        "/statuses",
        response_model=WebhookOut,
        responses=_ERROR_RESPONSES,
        summary="Post a status webhook (sent/delivered/read/failed) for a business message",
    )
    async def send_status(req: StatusIn) -> WebhookOut | JSONResponse:
        recipient = req.recipient_id
        if recipient is None:
            sent = await state.store.sent_message(CHANNEL, req.message_id)
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
        return WebhookOut(payload=payload, ingest_status=delivery.ingest_status, ingest_body=delivery.ingest_body or "")

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
        except INGEST_UNREACHABLE as exc:
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
        names: dict[str, str] = {}
        seen: dict[str, set[str]] = {}
        last: dict[str, float] = {}
        events: list[tuple[str | None, str | None, float]] = []
        for d in await state.store.deliveries(CHANNEL, kind="message"):
            if d.contact_id and d.meta.get("name"):
                names[d.contact_id] = str(d.meta["name"])
            events.append((d.contact_id, d.message_id, d.time))
        for r in await state.store.requests(CHANNEL):
            if r.type not in NOT_MESSAGES:
                events.append((r.to, r.message_id, r.time))
        for wa_id, message_id, at in events:
            if wa_id is None:
                continue
            seen.setdefault(wa_id, set()).add(message_id or "")  # a redelivery is the same message
            last[wa_id] = max(last.get(wa_id, 0.0), at)
        summaries = [
            ConversationSummary(wa_id=w, name=names.get(w), messages=len(ids), last_time=last[w])
            for w, ids in seen.items()
        ]
        return sorted(summaries, key=lambda s: s.last_time, reverse=True)

    @router.get(
        "/conversations/{wa_id}",
        response_model=Transcript,
        summary="The customer's transcript: both directions in time order",
    )
    async def transcript(wa_id: str) -> Transcript:
        # Mark-as-read calls name no recipient: keep them all, the transcript matches them by wamid.
        requests = [r for r in await state.store.requests(CHANNEL) if r.to == wa_id or r.type == "read"]
        deliveries = await state.store.deliveries(CHANNEL, contact_id=wa_id)
        return build_transcript(wa_id, requests, deliveries)

    return router
