"""MercadoLibre's API side, under `/mercadolibre` (base URL `http://127.0.0.1:8090/mercadolibre`, in place of
`https://api.mercadolibre.com`): OAuth refresh, questions, answers, post-sale messages. Every call but
`/oauth/token` needs a live access token (401 otherwise); faults injected for channel `mercadolibre` answer
before the call takes effect. Errors have MercadoLibre's body `{"message", "error", "status", "cause": []}`."""

import asyncio
import hashlib
import json
import uuid
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from starlette.datastructures import UploadFile

from parley_sandbox.logs import get_logger
from parley_sandbox.mercadolibre.market import Market, MarketError
from parley_sandbox.state import SandboxState

CHANNEL = "mercadolibre"
log = get_logger("parley_sandbox.mercadolibre.provider")
# What a post-sale message may carry ("Post-sale messaging", attachments): type → extension, and the size limit.
ATTACHMENT_TYPES = {"image/jpeg": "jpg", "image/png": "png", "application/pdf": "pdf", "text/plain": "txt"}
ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024
_FAULT_ERRORS = {429: "too_many_requests", 500: "internal_server_error", 503: "service_unavailable"}


async def store_attachment(state: SandboxState, owner: str, filename: str | None, mime_type: str, data: bytes) -> str:
    """Keep a message's file (served at /sandbox/media/{id}); its id is MercadoLibre-like `<user>_<uuid>.<ext>`."""
    attachment_id = f"{owner}_{uuid.uuid4()}.{ATTACHMENT_TYPES[mime_type]}"
    await state.media.add(
        id=attachment_id,
        channel=CHANNEL,
        account_id=owner,
        kind="image" if mime_type.startswith("image/") else "document",
        mime_type=mime_type,
        filename=filename,
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
    )
    return attachment_id


def described(attachment_id: str, filename: str | None, mime_type: str, size: int) -> dict[str, Any]:
    """How MercadoLibre describes a message's file (`message_attachments[]`)."""
    return {"filename": attachment_id, "original_filename": filename, "type": mime_type, "size": size}


def _error(exc: MarketError) -> JSONResponse:
    return JSONResponse(exc.body(), status_code=exc.status)


def build_router(state: SandboxState, market: Market) -> APIRouter:
    router = APIRouter(prefix="/mercadolibre", tags=["mercadolibre: API"])

    async def checked(request: Request) -> None:
        """Token, then injected faults (after auth, as for WhatsApp)."""
        market.authorize(request.headers.get("authorization"))
        fault = await state.faults.take(CHANNEL)
        if fault is None:
            return
        if fault.delay_seconds:
            await asyncio.sleep(fault.delay_seconds)
        if fault.status >= 400:
            error = _FAULT_ERRORS.get(fault.status, "error")
            raise MarketError(fault.status, error, fault.message or f"injected fault ({fault.status})")

    async def record(kind: str, to: str | None, body: Any, status: int, message_id: str | None, error: Any) -> None:
        await state.store.add_request(
            channel=CHANNEL,
            account_id=market.seller,
            to=to,
            type=kind,
            body=body,
            status_code=status,
            message_id=message_id,
            error=error,
        )

    @router.post("/oauth/token", summary="Refresh the seller's access token (grant_type=refresh_token)")
    async def token(request: Request) -> JSONResponse:
        form: dict[str, Any]
        if request.headers.get("content-type", "").startswith("application/json"):
            form = await request.json()
        else:
            form = dict(await request.form())
        try:
            if form.get("grant_type") != "refresh_token":
                raise MarketError(400, "invalid_request", "grant_type must be refresh_token")
            answer = market.refresh(form.get("client_id"), form.get("client_secret"), form.get("refresh_token"))
        except MarketError as exc:
            log.info("mercadolibre.token_refused", error=exc.error)
            return _error(exc)
        log.info("mercadolibre.token_issued", expires_in=answer["expires_in"])
        return JSONResponse(answer)

    @router.get("/items/{item_id}", summary="An item (public: no token needed, as on MercadoLibre)")
    async def item(item_id: str) -> JSONResponse:
        return JSONResponse(market.item(item_id))

    @router.get("/users/{user_id}", summary="A user's public profile (no token needed)")
    async def user(user_id: str) -> JSONResponse:
        try:
            return JSONResponse(market.user(user_id))
        except MarketError as exc:
            return _error(exc)

    @router.get("/questions/{question_id}", summary="A question (api_version=4 shape)")
    async def question(question_id: int, request: Request) -> JSONResponse:
        try:
            await checked(request)
            return JSONResponse(market.question(question_id).resource(market.seller))
        except MarketError as exc:
            return _error(exc)

    @router.post("/answers", summary="Answer a question: one answer per question")
    async def answer(request: Request) -> JSONResponse:
        body = await _json(request)
        question_id = body.get("question_id") if isinstance(body, dict) else None
        to = None
        try:
            await checked(request)
            if not isinstance(body, dict):
                raise MarketError(400, "bad_request", "the body must be a JSON object")
            known = isinstance(question_id, int) and question_id in market.questions
            to = market.questions[question_id].buyer if known else None
            answered = market.answer(question_id, body.get("text"))
        except MarketError as exc:
            if exc.status != 401:
                await record("answer", to, body, exc.status, None, exc.body())
            return _error(exc)
        await record("answer", answered.buyer, body, 200, f"answer:{answered.id}", None)
        return JSONResponse(answered.resource(market.seller))

    @router.get("/messages/{message_id}", summary="A post-sale message by id")
    async def message(message_id: str, request: Request) -> JSONResponse:
        try:
            await checked(request)
            found = market.message(message_id)
        except MarketError as exc:
            return _error(exc)
        return JSONResponse({"messages": [found.resource(market.seller)]})

    @router.get("/messages/packs/{pack_id}/sellers/{seller_id}", summary="A pack's post-sale messages")
    async def pack(pack_id: str, seller_id: str, request: Request) -> JSONResponse:
        try:
            await checked(request)
            messages = market.pack(pack_id, seller_id)
        except MarketError as exc:
            return _error(exc)
        return JSONResponse(
            {
                "paging": {"limit": len(messages), "offset": 0, "total": len(messages)},
                "conversation_status": {
                    "path": f"/packs/{pack_id}/seller/{seller_id}",
                    "status": "active",
                    "substatus": None,
                    "status_date": None,
                    "status_update_allowed": False,
                    "claim_id": None,
                    "shipping_id": None,
                },
                "messages": [m.resource(market.seller) for m in reversed(messages)],  # newest first
                "seller_max_message_length": state.settings.mercadolibre_message_max_chars,
                "buyer_max_message_length": state.settings.mercadolibre_message_max_chars,
            }
        )

    @router.post("/messages/attachments", summary="Upload a file for a post-sale message (multipart `file`)")
    async def upload(request: Request) -> JSONResponse:
        try:
            await checked(request)
            if request.query_params.get("tag") != "post_sale":
                raise MarketError(400, "bad_request", "tag=post_sale is required")
            form = await request.form()
            part = form.get("file")
            if not isinstance(part, UploadFile):
                raise MarketError(400, "bad_request", "the multipart field file is required")
            data = await part.read()
            mime_type = (part.content_type or "").split(";")[0].strip()
            if mime_type not in ATTACHMENT_TYPES:
                raise MarketError(400, "invalid_extension", f"attachments must be {', '.join(ATTACHMENT_TYPES)}")
            if not data or len(data) > ATTACHMENT_MAX_BYTES:
                raise MarketError(400, "invalid_size", f"attachments must have 1 to {ATTACHMENT_MAX_BYTES} bytes")
        except MarketError as exc:
            return _error(exc)
        attachment_id = await store_attachment(state, market.seller, part.filename, mime_type, data)
        described = {"filename": part.filename, "content_type": mime_type, "size": len(data)}
        await record("upload", None, described, 200, attachment_id, None)
        return JSONResponse({"id": attachment_id})

    @router.get("/messages/attachments/{attachment_id}", summary="A message's file (a buyer's or the seller's)")
    async def attachment(attachment_id: str, request: Request) -> Response:
        try:
            await checked(request)
            media = await state.media.get(attachment_id)
            if media is None or media.channel != CHANNEL:
                raise MarketError(404, "not_found", f"Attachment {attachment_id} not found")
        except MarketError as exc:
            return _error(exc)
        return Response(media.data, media_type=media.mime_type)

    @router.post("/messages/packs/{pack_id}/sellers/{seller_id}", summary="Write to the pack's buyer")
    async def write(pack_id: str, seller_id: str, request: Request) -> JSONResponse:
        body = await _json(request)
        to = market.packs.get(pack_id)
        try:
            await checked(request)
            if request.query_params.get("tag") != "post_sale":
                raise MarketError(400, "bad_request", "tag=post_sale is required")
            sent = market.reply(pack_id, seller_id, body, await uploaded(body))
        except MarketError as exc:
            if exc.status != 401:
                await record("message", to, body, exc.status, None, exc.body())
            return _error(exc)
        await record("message", sent.to, body, 200, sent.id, None)
        return JSONResponse(sent.resource(market.seller))

    async def uploaded(body: Any) -> dict[str, dict[str, Any]]:
        ids = body.get("attachments") if isinstance(body, dict) else None
        found: dict[str, dict[str, Any]] = {}
        for attachment_id in ids if isinstance(ids, list) else []:
            media = await state.media.get(attachment_id) if isinstance(attachment_id, str) else None
            if media is not None and media.channel == CHANNEL:
                found[attachment_id] = described(media.id, media.filename, media.mime_type, media.size)
        return found

    return router


async def _json(request: Request) -> Any:
    try:
        return json.loads(await request.body() or b"null")
    except ValueError:
        return None
