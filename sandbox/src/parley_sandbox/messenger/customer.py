"""Customer side of Messenger / Instagram: a person (or a test) acts as the customer's app and as Meta's webhook
sender. Every webhook is serialised once, signed over exactly those bytes with the platform's app secret,
posted to `{SANDBOX_INGEST_URL}/webhooks/{channel}` and recorded.

`POST /sandbox/{channel}/messages` takes the shape every channel's customer API shares, `{"from", "text"}`, plus
one of: `quick_reply` (a tap: `{"payload", "title"?}`, the title defaulting to the option's as offered),
`postback` (`{"payload", "title"}`), `attachment` (`{"type": image|video|audio|file, "filename"?, "mime_type"?,
"content_base64"?}`; the file is served at an absolute URL, as Meta's CDN does), `reaction` (`{"message_id",
"emoji"?, "action"?}`), `edit` (`{"message_id", "text"}`, Messenger), `delete` (`{"message_id"}`, Instagram),
and on Instagram `story_reply` (`{"id"?, "url"?}` with text) or `story_mention: true`. `timestamp` (unix
seconds) backdates the event; a `message_id` already sent replays the very same bytes (a retry)."""

import base64
import binascii
import hashlib
import json
import secrets
import struct
import zlib
from datetime import UTC, datetime
from importlib import resources
from typing import Any, Literal

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from parley_sandbox.logs import get_logger
from parley_sandbox.messenger import INSTAGRAM, Platform, payloads
from parley_sandbox.messenger.provider import post_receipt
from parley_sandbox.meta import serialize, signature_sha256, signed_headers
from parley_sandbox.state import INGEST_UNREACHABLE, SandboxState
from parley_sandbox.store import ProviderRequest, WebhookDelivery
from parley_sandbox.whatsapp.media import new_media_id

log = get_logger("parley_sandbox.messenger.customer")
ATTACHMENT_TYPES = ("image", "video", "audio", "file")


class QuickReplyIn(BaseModel):
    payload: str = Field(min_length=1, max_length=1000)
    title: str | None = None


class PostbackIn(BaseModel):
    payload: str = Field(min_length=1, max_length=1000)
    title: str = Field(default="", max_length=20)


class AttachmentIn(BaseModel):
    type: Literal["image", "video", "audio", "file"] = "image"
    filename: str | None = None
    mime_type: str | None = None
    content_base64: str | None = Field(default=None, description="the file; default: a tiny sample of the type")


class ReactionIn(BaseModel):
    message_id: str = Field(min_length=1)
    emoji: str | None = None
    action: Literal["react", "unreact"] = "react"


class EditIn(BaseModel):
    message_id: str = Field(min_length=1)
    text: str = Field(min_length=1)


class DeleteIn(BaseModel):
    message_id: str = Field(min_length=1)


class StoryIn(BaseModel):
    id: str | None = None
    url: str | None = None


class CustomerEventIn(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    from_: str = Field(alias="from", pattern=r"^\d{1,20}$", description="the customer's PSID / IGSID (digits)")
    text: str | None = Field(default=None, min_length=1)
    quick_reply: QuickReplyIn | None = None
    postback: PostbackIn | None = None
    attachment: AttachmentIn | None = None
    reaction: ReactionIn | None = None
    edit: EditIn | None = None
    delete: DeleteIn | None = None
    story_reply: StoryIn | None = None
    story_mention: bool = False
    reply_to: str | None = Field(default=None, description="the mid of the message this one answers")
    message_id: str | None = Field(default=None, description="reuse a mid: an already-sent one replays it (a retry)")
    timestamp: int | None = Field(default=None, ge=1, description="unix seconds; default now")


class CustomerEventOut(BaseModel):
    message_id: str
    payload: dict[str, Any]
    ingest_status: int
    ingest_body: str
    retry: bool = False


class RawIn(BaseModel):
    body: str | dict[str, Any] | list[Any]
    signature: Literal["valid", "invalid", "absent"] = "valid"


class RawOut(BaseModel):
    ingest_status: int
    ingest_body: str


class VerifyIn(BaseModel):
    verify_token: str | None = None
    mode: str = "subscribe"
    challenge: str | None = None


class ReadIn(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    from_: str = Field(alias="from", pattern=r"^\d{1,20}$")
    message_id: str | None = Field(default=None, description="Instagram: the mid read (default: the latest sent)")


class TranscriptEntry(BaseModel):
    direction: Literal["inbound", "outbound"]
    author: Literal["customer", "business"]
    message_id: str | None
    time: float
    iso_time: str
    type: str
    text: str | None = None
    quick_replies: list[dict[str, Any]] = []
    quick_reply: str | None = None
    postback: dict[str, Any] | None = None
    attachment: dict[str, Any] | None = None
    reaction: dict[str, Any] | None = None
    story: dict[str, Any] | None = None
    buttons: list[dict[str, Any]] = []
    messaging_type: str | None = None
    tag: str | None = None
    status: str | None = None
    error: dict[str, Any] | None = None
    ingest_status: int | None = None


class Transcript(BaseModel):
    channel: str
    customer: str
    messages: list[TranscriptEntry]


def build_router(state: SandboxState, platform: Platform) -> APIRouter:
    channel = platform.channel
    router = APIRouter(prefix=f"/sandbox/{channel}", tags=[f"{channel}: customer"])
    settings = state.settings

    page = _page(platform)

    @router.get("/", response_class=HTMLResponse, summary=f"A {platform.name} chat page: be the customer")
    async def chat_page() -> HTMLResponse:
        return HTMLResponse(page)

    @router.post(
        "/messages",
        response_model=CustomerEventOut,
        responses={502: {"description": "ingest unreachable"}},
        summary=f"The customer writes, taps, reacts, sends a file on {platform.name}",
    )
    async def customer_event(req: CustomerEventIn, request: Request) -> CustomerEventOut | JSONResponse:
        previous = await state.store.first_delivery(channel, "message", req.message_id) if req.message_id else None
        if previous is not None:  # a provider retry: the same bytes again
            body, mid, retry = previous.body, req.message_id or "", True
            meta = previous.meta
        else:
            event, mid, meta = await _event(req, request)
            timestamp_ms = int(meta["timestamp"] * 1000)
            account = platform.account_id(settings)
            body = serialize(payloads.webhook(platform, account, event, timestamp_ms))
            retry = False
        delivery = await state.deliver(
            channel=channel,
            kind="message",
            body=body,
            headers=signed_headers(body, platform.app_secret(settings)),
            contact_id=req.from_,
            message_id=mid,
            meta=meta,  # its timestamp opens the messaging window (provider.check_window)
        )
        if delivery.ingest_status is None:
            return _unreachable(delivery)
        return CustomerEventOut(
            message_id=mid,
            payload=json.loads(body),
            ingest_status=delivery.ingest_status,
            ingest_body=delivery.ingest_body or "",
            retry=retry,
        )

    async def _event(req: CustomerEventIn, request: Request) -> tuple[dict[str, Any], str, dict[str, Any]]:
        """The `messaging[]` item, its mid, and what the transcript and the window need of it."""
        kinds = [
            name
            for name in ("postback", "attachment", "reaction", "edit", "delete", "quick_reply")
            if getattr(req, name) is not None
        ] + (["story_mention"] if req.story_mention else [])
        if len(kinds) > 1 or (not kinds and req.text is None):
            raise HTTPException(422, "give text, or one of quick_reply, postback, attachment, reaction, edit, delete")
        if platform is not INSTAGRAM and (req.story_reply or req.story_mention or req.delete):
            raise HTTPException(422, "story replies, story mentions and deletions are Instagram's")
        if platform is INSTAGRAM and req.edit:
            raise HTTPException(422, "message edits are Messenger's")
        kind = kinds[0] if kinds else "text"
        seconds = req.timestamp if req.timestamp is not None else state.clock()
        mid = req.message_id or payloads.new_mid(platform)
        account = platform.account_id(settings)
        meta: dict[str, Any] = {"timestamp": seconds, "kind": kind}
        event: dict[str, Any]
        if req.postback is not None:
            meta["postback"] = req.postback.model_dump()
            event = {"postback": payloads.postback(mid, req.postback.title, req.postback.payload)}
        elif req.reaction is not None:
            meta["reaction"] = req.reaction.model_dump()
            event = {"reaction": payloads.reaction(req.reaction.message_id, req.reaction.emoji, req.reaction.action)}
        elif req.edit is not None:
            meta.update(text=req.edit.text, edits=req.edit.message_id)
            event = {"message_edit": {"mid": req.edit.message_id, "text": req.edit.text, "num_edit": 1}}
        elif req.delete is not None:
            meta["deletes"] = req.delete.message_id
            event = {"message": {"mid": req.delete.message_id, "is_deleted": True}}
        else:
            event = {"message": await _message(req, request, mid, meta)}
        return payloads.from_customer(req.from_, account, int(seconds * 1000), **event), mid, meta

    async def _message(req: CustomerEventIn, request: Request, mid: str, meta: dict[str, Any]) -> dict[str, Any]:
        text = req.text
        quick_reply = None
        if req.quick_reply is not None:
            quick_reply = req.quick_reply.payload
            title = req.quick_reply.title or await _offered_title(req.from_, quick_reply)
            if title is None:
                raise HTTPException(422, f"no quick reply {quick_reply!r} was offered to {req.from_}: give its title")
            text = title
            meta["quick_reply"] = quick_reply
        attachments = None
        if req.attachment is not None:
            meta["attachment"] = await _store_attachment(req.attachment, request)
            attachments = [{"type": req.attachment.type, "payload": {"url": meta["attachment"]["url"]}}]
        if req.story_mention:
            story = await _store_attachment(AttachmentIn(type="image", filename="story.png"), request)
            meta["story"] = {"mention": True, "url": story["url"]}
            attachments = [{"type": "story_mention", "payload": {"url": story["url"]}}]
        reply_to = {"mid": req.reply_to} if req.reply_to else None
        if req.story_reply is not None:
            story_ref = {
                "url": req.story_reply.url or f"{request.base_url}sandbox/media/story",
                "id": req.story_reply.id or str(10**16 + secrets.randbelow(10**16)),
            }
            reply_to = {"story": story_ref}
            meta["story"] = {"reply": True, **story_ref}
        if text is not None:
            meta["text"] = text
        return payloads.message(mid, text=text, quick_reply=quick_reply, attachments=attachments, reply_to=reply_to)

    async def _offered_title(customer: str, payload: str) -> str | None:
        for sent in reversed(await state.store.requests(channel, to=customer)):
            message = sent.body.get("message") if isinstance(sent.body, dict) else None
            for option in (message or {}).get("quick_replies") or []:
                if isinstance(option, dict) and str(option.get("payload")) == payload:
                    return str(option.get("title"))
        return None

    async def _store_attachment(attachment: AttachmentIn, request: Request) -> dict[str, Any]:
        """The customer's file, kept where Meta's CDN would serve it (an absolute URL, no token)."""
        try:
            data = base64.b64decode(attachment.content_base64, validate=True) if attachment.content_base64 else None
        except binascii.Error as exc:
            raise HTTPException(422, "content_base64 is not base64") from exc
        sample_mime, sample = _SAMPLES[attachment.type]
        data = data if data is not None else sample()
        mime_type = attachment.mime_type or sample_mime
        stored = await state.media.add(
            id=new_media_id(),
            channel=channel,
            account_id="customer",
            kind=attachment.type,
            mime_type=mime_type,
            filename=attachment.filename,
            data=data,
            sha256=hashlib.sha256(data).hexdigest(),
        )
        url = f"{str(request.base_url).rstrip('/')}/sandbox/media/{stored.id}"
        return {
            "type": attachment.type,
            "url": url,
            "mime_type": mime_type,
            "filename": attachment.filename,
            "size": len(data),
        }

    @router.post("/read", summary="The customer reads the business's messages (a signed read receipt)")
    async def read(req: ReadIn) -> dict[str, Any]:
        if platform is INSTAGRAM:  # messaging_seen names the message
            mid = req.message_id or await _latest_sent(req.from_)
            if mid is None:
                raise HTTPException(404, f"nothing was sent to {req.from_}")
            event: dict[str, Any] = {"read": {"mid": mid}}
        else:  # message_reads: a watermark, everything before it is read
            event = {"read": {"watermark": int(state.clock() * 1000)}}
        status = await post_receipt(state, platform, req.from_, **event)
        return {"ingest_status": status, "event": event}

    async def _latest_sent(customer: str) -> str | None:
        sent = await state.store.requests(channel, to=customer)
        return sent[-1].message_id if sent else None

    @router.post("/raw", response_model=RawOut, summary="Post any body, signed validly, invalidly or not at all")
    async def raw(req: RawIn) -> RawOut | JSONResponse:
        body = req.body.encode() if isinstance(req.body, str) else serialize(req.body)
        headers = {"Content-Type": "application/json", "User-Agent": "facebookexternalua"}
        if req.signature == "valid":
            headers["X-Hub-Signature-256"] = signature_sha256(body, platform.app_secret(settings))
        elif req.signature == "invalid":
            headers["X-Hub-Signature-256"] = signature_sha256(body, "not-the-app-secret")
        delivery = await state.deliver(
            channel=channel, kind="raw", body=body, headers=headers, contact_id=None, message_id=None
        )
        if delivery.ingest_status is None:
            return _unreachable(delivery)
        return RawOut(ingest_status=delivery.ingest_status, ingest_body=delivery.ingest_body or "")

    @router.post("/verify", summary="Run Meta's GET verification handshake against ingest")
    async def verify(req: VerifyIn | None = None) -> dict[str, Any]:
        req = req or VerifyIn()
        url = settings.ingest_webhook_url(channel)
        challenge = req.challenge or str(secrets.randbelow(9 * 10**9) + 10**9)
        token = req.verify_token if req.verify_token is not None else platform.verify_token(settings)
        try:
            response = await state.http.get(
                url, params={"hub.mode": req.mode, "hub.verify_token": token, "hub.challenge": challenge}
            )
        except INGEST_UNREACHABLE as exc:
            return {"ok": False, "url": url, "error": f"{type(exc).__name__}: {exc}"}
        echoed = response.text == challenge
        return {
            "ok": response.status_code == 200 and echoed,
            "url": url,
            "status": response.status_code,
            "echoed": echoed,
        }

    @router.get(
        "/conversations/{customer}",
        response_model=Transcript,
        summary="The customer's conversation: both directions in time order",
    )
    async def transcript(customer: str) -> Transcript:
        deliveries = await state.store.deliveries(channel, kind="message", contact_id=customer)
        sent = await state.store.requests(channel, to=customer, include_rejected=True)
        entries = _dedupe([_inbound(d) for d in deliveries]) + [_outbound(r) for r in sent if r.type != "upload"]
        return Transcript(channel=channel, customer=customer, messages=sorted(entries, key=lambda e: e.time))

    return router


_STORY_BUTTONS = '<button id="story">Reply to our story</button><button id="mention">Mention us in a story</button>'


def _page(platform: Platform) -> str:
    """The chat page (page.html), filled in for the platform."""
    html = resources.files("parley_sandbox.messenger").joinpath("page.html").read_text(encoding="utf-8")
    instagram = platform is INSTAGRAM
    for key, value in {
        "__CHANNEL__": platform.channel,
        "__NAME__": platform.name,
        "__COLOR__": "#c13584" if instagram else "#0084ff",
        "__IDNAME__": "IGSID" if instagram else "PSID",
        "__EXTRA__": _STORY_BUTTONS if instagram else "",
    }.items():
        html = html.replace(key, value)
    return html


def _iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).isoformat()


def _inbound(d: WebhookDelivery) -> TranscriptEntry:
    meta = d.meta
    return TranscriptEntry(
        direction="inbound",
        author="customer",
        message_id=d.message_id,
        time=d.time,
        iso_time=_iso(d.time),
        type=str(meta.get("kind", "text")),
        text=meta.get("text"),
        quick_reply=meta.get("quick_reply"),
        postback=meta.get("postback"),
        attachment=meta.get("attachment"),
        reaction=meta.get("reaction"),
        story=meta.get("story"),
        ingest_status=d.ingest_status,
    )


def _dedupe(entries: list[TranscriptEntry]) -> list[TranscriptEntry]:
    """A retried webhook is one message on the customer's screen (the first attempt's)."""
    seen: set[str | None] = set()
    kept = []
    for entry in entries:
        if entry.message_id in seen:
            continue
        seen.add(entry.message_id)
        kept.append(entry)
    return kept


def _outbound(r: ProviderRequest) -> TranscriptEntry:
    body = r.body if isinstance(r.body, dict) else {}
    message = body.get("message") if isinstance(body.get("message"), dict) else {}
    attachment = message.get("attachment") if isinstance(message.get("attachment"), dict) else None
    shown_attachment = None
    buttons: list[dict[str, Any]] = []
    text = message.get("text")
    if attachment is not None and attachment.get("type") == "template":
        payload = attachment.get("payload") or {}
        text, buttons = payload.get("text"), list(payload.get("buttons") or [])
    elif attachment is not None:
        media = r.meta.get("media") or {}
        url = f"/sandbox/media/{media['id']}" if media.get("id") else (attachment.get("payload") or {}).get("url")
        shown_attachment = {
            "type": attachment.get("type"),
            "url": url,
            **{k: media.get(k) for k in ("mime_type", "filename")},
        }
    return TranscriptEntry(
        direction="outbound",
        author="business",
        message_id=r.message_id,
        time=r.time,
        iso_time=_iso(r.time),
        type=r.type or "unknown",
        text=text,
        quick_replies=list(message.get("quick_replies") or []),
        attachment=shown_attachment,
        buttons=buttons,
        messaging_type=body.get("messaging_type"),
        tag=body.get("tag"),
        status="sent" if r.accepted else "refused",
        error=r.error,
    )


def _unreachable(delivery: WebhookDelivery) -> JSONResponse:
    return JSONResponse(
        status_code=502, content={"error": "ingest unreachable", "detail": delivery.error, "ingest_url": delivery.url}
    )


def _png() -> bytes:
    raw = b"\x00\x00\x80\xff" * 1

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


# A customer's file when the request gives none: something small of the right type.
_SAMPLES: dict[str, tuple[str, Any]] = {
    "image": ("image/png", _png),
    "video": ("video/mp4", lambda: b"\x00\x00\x00\x18ftypmp42sandbox-video"),
    "audio": ("audio/mp4", lambda: b"\x00\x00\x00\x18ftypM4A sandbox-audio"),
    "file": ("application/pdf", lambda: b"%PDF-1.4\n% sandbox document\n"),
}
