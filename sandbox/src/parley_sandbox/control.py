"""Channel-independent routes: health, the page, fault injection, recorded provider traffic, uploaded media."""

from importlib import resources
from typing import Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field, model_validator

from parley_sandbox.faults import Fault
from parley_sandbox.logs import get_logger
from parley_sandbox.state import SandboxState
from parley_sandbox.store import ProviderRequest, WebhookDelivery

log = get_logger("parley_sandbox.control")


class FaultIn(BaseModel):
    channel: str = "whatsapp"
    status: int = Field(ge=200, le=599, description="usually 429, 500 or 503; 200: succeed after delay_seconds")
    count: int = Field(default=1, ge=1, le=100_000)
    code: int | None = Field(default=None, description="provider error code; default depends on status")
    message: str | None = None
    delay_seconds: float = Field(default=0.0, ge=0, le=600, description="answer this late (a slow provider)")

    @model_validator(mode="after")
    def _a_fault(self) -> "FaultIn":
        if self.status < 400 and not self.delay_seconds:
            raise ValueError("a status below 400 is not a fault unless delay_seconds makes the call slow")
        return self


class FaultOut(BaseModel):
    channel: str
    status: int
    remaining: int
    code: int | None = None
    message: str | None = None
    delay_seconds: float = 0.0


class SentRequest(BaseModel):
    seq: int
    time: float
    channel: str
    account_id: str
    to: str | None
    type: str | None
    status_code: int
    message_id: str | None
    body: Any
    error: dict[str, Any] | None = None


class SentOut(BaseModel):
    count: int
    requests: list[SentRequest]


class WebhookRecord(BaseModel):
    seq: int
    time: float
    channel: str
    kind: Literal["message", "status", "raw"]
    url: str
    contact_id: str | None
    message_id: str | None
    ingest_status: int | None
    ingest_body: str | None
    error: str | None
    headers: dict[str, str]
    body: str


class WebhooksOut(BaseModel):
    count: int
    webhooks: list[WebhookRecord]


def _sent(r: ProviderRequest) -> SentRequest:
    return SentRequest(
        seq=r.seq,
        time=r.time,
        channel=r.channel,
        account_id=r.account_id,
        to=r.to,
        type=r.type,
        status_code=r.status_code,
        message_id=r.message_id,
        body=r.body,
        error=r.error,
    )


def _webhook(d: WebhookDelivery) -> WebhookRecord:
    return WebhookRecord(
        seq=d.seq,
        time=d.time,
        channel=d.channel,
        kind=d.kind,
        url=d.url,
        contact_id=d.contact_id,
        message_id=d.message_id,
        ingest_status=d.ingest_status,
        ingest_body=d.ingest_body,
        error=d.error,
        headers=d.headers,
        body=d.body.decode("utf-8", errors="replace"),
    )


def _digits(value: str | None) -> str | None:
    return None if value is None else "".join(ch for ch in value if ch.isdigit())


def build_router(state: SandboxState, channels: list[str]) -> APIRouter:
    router = APIRouter(tags=["sandbox"])
    page = resources.files("parley_sandbox").joinpath("static/index.html").read_text(encoding="utf-8")

    def check_channel(channel: str | None) -> None:
        if channel is not None and channel not in channels:
            raise HTTPException(422, f"unknown channel {channel!r}; the sandbox plays {', '.join(channels)}")

    @router.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @router.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def index() -> HTMLResponse:
        return HTMLResponse(page)

    @router.get("/sandbox/config", summary="Non-secret settings, for the page and for tests")
    async def config() -> dict[str, Any]:
        s = state.settings
        return {
            "channels": channels,
            "ingest_url": s.sandbox_ingest_url,
            "status_webhooks": s.sandbox_status_webhooks,
            "whatsapp": {
                "phone_number_id": s.whatsapp_phone_number_id,
                "display_phone_number": s.whatsapp_display_phone_number,
                "waba_id": s.whatsapp_waba_id,
                "webhook_url": s.ingest_webhook_url("whatsapp"),
                "enforce_window": state.enforce_window,
            },
            "messenger": {"page_id": s.messenger_page_id, "webhook_url": s.ingest_webhook_url("messenger")},
            "instagram": {"account_id": s.instagram_account_id, "webhook_url": s.ingest_webhook_url("instagram")},
        }

    @router.get("/sandbox/media/{media_id}", summary="An uploaded file, without a token (for the page)")
    async def media(media_id: str) -> Response:
        stored = await state.media.get(media_id)
        if stored is None:
            raise HTTPException(404, f"no uploaded media {media_id} (never uploaded, or evicted)")
        headers = {}
        if stored.filename:
            headers["Content-Disposition"] = f"inline; filename*=UTF-8''{quote(stored.filename)}"
        return Response(stored.data, media_type=stored.mime_type, headers=headers)

    @router.post("/sandbox/faults", response_model=list[FaultOut], summary="Fail the next N provider calls")
    async def add_fault(fault: FaultIn) -> list[FaultOut]:
        check_channel(fault.channel)
        await state.faults.add(
            fault.channel, Fault(fault.status, fault.count, fault.code, fault.message, fault.delay_seconds)
        )
        log.info("fault.added", channel=fault.channel, status=fault.status, count=fault.count)
        return await list_faults()

    @router.get("/sandbox/faults", response_model=list[FaultOut], summary="Pending faults")
    async def list_faults() -> list[FaultOut]:
        pending = await state.faults.pending()
        return [
            FaultOut(
                channel=ch,
                status=f.status,
                remaining=f.remaining,
                code=f.code,
                message=f.message,
                delay_seconds=f.delay_seconds,
            )
            for ch, faults in pending.items()
            for f in faults
        ]

    @router.delete("/sandbox/faults", summary="Clear pending faults (of one channel, or all)")
    async def clear_faults(channel: str | None = None) -> dict[str, bool]:
        check_channel(channel)
        await state.faults.clear(channel)
        return {"cleared": True}

    @router.get("/sandbox/sent", response_model=SentOut, summary="Recorded provider requests (raw bodies)")
    async def sent(
        channel: str | None = None,
        to: str | None = None,
        include_rejected: bool = Query(False, description="also list calls answered with an error"),
    ) -> SentOut:
        check_channel(channel)
        records = await state.store.requests(channel, to=_digits(to), include_rejected=include_rejected)
        return SentOut(count=len(records), requests=[_sent(r) for r in records])

    @router.delete(
        "/sandbox/sent",
        summary="Reset recordings: provider requests and posted webhooks (without a channel: flow API calls too)",
    )
    async def reset(channel: str | None = None) -> dict[str, int]:
        check_channel(channel)
        if channel is None:  # the flow API is no channel; its scripts stay, as faults do
            await state.flow_api.clear_calls()
        return {
            "requests": await state.store.clear_requests(channel),
            "webhooks": await state.store.clear_deliveries(channel),
        }

    @router.get("/sandbox/webhooks", response_model=WebhooksOut, summary="Webhooks the sandbox posted to ingest")
    async def webhooks(
        channel: str | None = None,
        kind: Literal["message", "status", "raw"] | None = None,
        contact: str | None = None,
    ) -> WebhooksOut:
        check_channel(channel)
        records = await state.store.deliveries(channel, kind=kind, contact_id=contact)
        return WebhooksOut(count=len(records), webhooks=[_webhook(d) for d in records])

    return router
