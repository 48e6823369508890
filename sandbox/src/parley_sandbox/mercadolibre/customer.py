"""The buyer's side, under `/sandbox/mercadolibre`: a buyer asks a question on an item or writes in a pack's
post-sale conversation; the sandbox stores the resource and posts MercadoLibre's notification (a pointer, no
content, no signature) to `{SANDBOX_INGEST_URL}/webhooks/mercadolibre`, as MercadoLibre would."""

import base64
import json
import uuid
from importlib import resources
from typing import Any, Literal

from fastapi import APIRouter, HTTPException
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from parley_sandbox.logs import get_logger
from parley_sandbox.mercadolibre.market import Market, MarketError, iso
from parley_sandbox.mercadolibre.provider import ATTACHMENT_TYPES, described, store_attachment
from parley_sandbox.state import SandboxState
from parley_sandbox.store import WebhookDelivery

CHANNEL = "mercadolibre"
DEFAULT_ITEM = "MLA000000001"
log = get_logger("parley_sandbox.mercadolibre.customer")


class BuyerFile(BaseModel):
    filename: str = Field(min_length=1, max_length=200)
    content_type: str = Field(description="image/jpeg, image/png, application/pdf or text/plain")
    data_base64: str = Field(min_length=1)


class BuyerMessageIn(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")

    from_: str = Field(alias="from", pattern=r"^[0-9]{1,20}$", description="The buyer's user id.")
    text: str = Field(min_length=1, max_length=5000)
    pack_id: str | None = Field(default=None, pattern=r"^[0-9]{1,25}$", description="Write in this pack.")
    post_sale: bool = Field(default=False, description="A post-sale message in a new pack (without pack_id).")
    item_id: str = Field(default=DEFAULT_ITEM, max_length=40, description="The item a question is asked on.")
    attachment: BuyerFile | None = Field(default=None, description="A file in a post-sale message.")


class BuyerMessageOut(BaseModel):
    kind: Literal["question", "message"]
    question_id: int | None = None
    message_id: str | None = None
    pack_id: str | None = None
    notification: dict[str, Any]
    ingest_status: int
    ingest_body: str


class RedeliverIn(BaseModel):
    notification_id: str


class RawIn(BaseModel):
    body: str | dict[str, Any] | list[Any]


class RawOut(BaseModel):
    ingest_status: int
    ingest_body: str


class Entry(BaseModel):
    direction: Literal["inbound", "outbound"]  # relative to the seller: inbound = buyer → seller
    author: Literal["customer", "business"]
    kind: Literal["question", "answer", "message"]
    id: str
    question_id: int | None = None
    pack_id: str | None = None
    item_id: str | None = None
    text: str
    attachments: list[str] = Field(default_factory=list, description="URLs of the files (/sandbox/media/{id}).")
    time: float
    iso_time: str


class Transcript(BaseModel):
    channel: Literal["mercadolibre"] = CHANNEL
    buyer: str
    messages: list[Entry]


def _unreachable(delivery: WebhookDelivery, **stored: Any) -> JSONResponse:
    """502: the resource is stored (MercadoLibre has it) but its notification did not reach Parley."""
    return JSONResponse(
        status_code=502,
        content={"error": "ingest unreachable", "detail": delivery.error, "ingest_url": delivery.url, **stored},
    )


def build_router(state: SandboxState, market: Market) -> APIRouter:
    router = APIRouter(prefix="/sandbox/mercadolibre", tags=["mercadolibre: buyer"])
    settings = state.settings
    page = resources.files("parley_sandbox.mercadolibre").joinpath("page.html").read_text(encoding="utf-8")

    @router.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def buyer_page() -> HTMLResponse:
        """The buyer's page: ask a question or write in a purchase, and see the seller's answers."""
        return HTMLResponse(page)

    def notification(topic: str, resource: str, extra: dict[str, Any] | None = None) -> dict[str, Any]:
        now = iso(state.clock())
        return {
            "_id": str(uuid.uuid4()),
            "resource": resource,
            "user_id": int(market.seller),
            "topic": topic,
            **(extra or {}),
            "application_id": settings.mercadolibre_client_id,
            "attempts": 1,
            "sent": now,
            "received": now,
        }

    async def post(payload: dict[str, Any], buyer: str | None) -> WebhookDelivery:
        body = json.dumps(payload, separators=(",", ":")).encode()
        return await state.deliver(
            channel=CHANNEL,
            kind="message",
            body=body,
            headers={"Content-Type": "application/json"},
            contact_id=buyer,
            message_id=payload.get("_id"),
            meta={"topic": payload.get("topic")},
        )

    @router.post(
        "/messages",
        response_model=BuyerMessageOut,
        summary="The buyer asks a question (default) or writes a post-sale message (pack_id / post_sale)",
    )
    async def buyer_says(req: BuyerMessageIn) -> BuyerMessageOut | JSONResponse:
        if req.pack_id is None and not req.post_sale:
            if req.attachment is not None:
                raise HTTPException(422, "questions carry text only: attach files to a post-sale message")
            question = market.ask(req.from_, req.item_id, req.text)
            payload = notification("questions", f"/questions/{question.id}")
            ids: dict[str, Any] = {"kind": "question", "question_id": question.id}
        else:
            try:
                market.check_pack(req.from_, req.pack_id)
                files = [await _stored(req.from_, req.attachment)] if req.attachment else []
                message = market.write(req.from_, req.pack_id, req.text, files)
            except MarketError as exc:
                raise HTTPException(exc.status, exc.message) from exc
            payload = notification("messages", message.id, {"actions": ["created"]})
            ids = {"kind": "message", "message_id": message.id, "pack_id": message.pack_id}
        delivery = await post(payload, req.from_)
        if delivery.ingest_status is None:
            return _unreachable(delivery, **ids, notification=payload)
        return BuyerMessageOut(
            **ids, notification=payload, ingest_status=delivery.ingest_status, ingest_body=delivery.ingest_body or ""
        )

    async def _stored(buyer: str, file: BuyerFile) -> dict[str, Any]:
        if file.content_type not in ATTACHMENT_TYPES:
            raise MarketError(422, "invalid_extension", f"attachments must be {', '.join(ATTACHMENT_TYPES)}")
        try:
            data = base64.b64decode(file.data_base64, validate=True)
        except ValueError as exc:
            raise MarketError(422, "bad_request", "data_base64 is not base64") from exc
        attachment_id = await store_attachment(state, buyer, file.filename, file.content_type, data)
        return described(attachment_id, file.filename, file.content_type, len(data))

    @router.post("/redeliver", response_model=RawOut, summary="Post a notification again (MercadoLibre's retry)")
    async def redeliver(req: RedeliverIn) -> RawOut | JSONResponse:
        first = await state.store.first_delivery(CHANNEL, "message", req.notification_id)
        if first is None:
            raise HTTPException(404, f"no notification {req.notification_id} was posted")
        payload = json.loads(first.body)
        payload["attempts"] = int(payload.get("attempts", 1)) + 1
        delivery = await post(payload, first.contact_id)
        if delivery.ingest_status is None:
            return _unreachable(delivery)
        return RawOut(ingest_status=delivery.ingest_status, ingest_body=delivery.ingest_body or "")

    @router.post("/raw", response_model=RawOut, summary="Post an arbitrary notification body")
    async def raw(req: RawIn) -> RawOut | JSONResponse:
        body = req.body.encode() if isinstance(req.body, str) else json.dumps(req.body).encode()
        delivery = await state.deliver(
            channel=CHANNEL,
            kind="raw",
            body=body,
            headers={"Content-Type": "application/json"},
            contact_id=None,
            message_id=None,
        )
        if delivery.ingest_status is None:
            return _unreachable(delivery)
        return RawOut(ingest_status=delivery.ingest_status, ingest_body=delivery.ingest_body or "")

    @router.post("/tokens/revoke", summary="Every access token issued so far stops working (as on expiry)")
    async def revoke() -> dict[str, int]:
        revoked = market.revoke_tokens()
        log.info("mercadolibre.tokens_revoked", count=revoked)
        return {"revoked": revoked}

    @router.get(
        "/conversations/{buyer}", response_model=Transcript, summary="The buyer's questions, answers and messages"
    )
    async def transcript(buyer: str) -> Transcript:
        entries: list[Entry] = []
        for q in market.questions.values():
            if q.buyer != buyer:
                continue
            entries.append(
                Entry(
                    direction="inbound",
                    author="customer",
                    kind="question",
                    id=str(q.id),
                    question_id=q.id,
                    item_id=q.item_id,
                    text=q.text,
                    time=q.created,
                    iso_time=iso(q.created),
                )
            )
        answers = {r.message_id: r for r in await state.store.requests(CHANNEL, to=buyer) if r.type == "answer"}
        for r in answers.values():
            question_id = r.body.get("question_id") if isinstance(r.body, dict) else None
            entries.append(
                Entry(
                    direction="outbound",
                    author="business",
                    kind="answer",
                    id=r.message_id or "",
                    question_id=question_id,
                    text=str(r.body.get("text", "")),
                    time=r.time,
                    iso_time=iso(r.time),
                )
            )
        for m in market.messages:
            if market.packs.get(m.pack_id) != buyer:
                continue
            mine = m.sender == buyer
            entries.append(
                Entry(
                    direction="inbound" if mine else "outbound",
                    author="customer" if mine else "business",
                    kind="message",
                    id=m.id,
                    pack_id=m.pack_id,
                    text=m.text,
                    attachments=[f"/sandbox/media/{a['filename']}" for a in m.attachments],
                    time=m.created,
                    iso_time=iso(m.created),
                )
            )
        entries.sort(key=lambda e: e.time)
        return Transcript(buyer=buyer, messages=entries)

    return router
