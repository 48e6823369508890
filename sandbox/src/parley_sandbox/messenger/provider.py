"""Provider side: the slice of the Graph API that Parley's Messenger and Instagram adapters call.

- `POST /graph/{version}/{account-id}/messages` (the Send API): token (bearer or `access_token`), account id,
  injected faults, then the body like Meta (recipient, `messaging_type` and `tag`, exactly one of text and
  attachment, limits of rules.json) and the messaging window: `RESPONSE`/`UPDATE` within 24 hours of the
  customer's last message, `MESSAGE_TAG` + `HUMAN_AGENT` within 7 days; outside, Meta's 400 code 10 subcode
  2018278. Accepted: `{"recipient_id", "message_id"}`; Messenger then posts a signed delivery receipt when
  SANDBOX_STATUS_WEBHOOKS is on (Instagram has no delivery receipts).
- `POST /graph/{version}/{account-id}/message_attachments` (the Attachment Upload API): multipart `message`
  (`{"attachment":{"type","payload":{"is_reusable"}}}`) and `filedata` → `{"attachment_id"}`.

These routes match only the platform's own account id (`_OwnAccountRoute`), so they sit beside WhatsApp's
`/graph/{version}/{phone_number_id}/messages` (app.py registers them first); any other id reaches WhatsApp's,
which answers Graph's unknown-object error."""

import asyncio
import hashlib
import hmac
import json
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field
from starlette.datastructures import UploadFile
from starlette.routing import Match
from starlette.types import Scope

from parley_sandbox.faults import Fault
from parley_sandbox.logs import get_logger
from parley_sandbox.messenger import Platform, payloads
from parley_sandbox.meta import GraphError, invalid_parameter, serialize, signed_headers
from parley_sandbox.state import SandboxState
from parley_sandbox.whatsapp.graph import check_version
from parley_sandbox.whatsapp.media import new_media_id

log = get_logger("parley_sandbox.messenger.provider")

MESSAGING_TYPES = ("RESPONSE", "UPDATE", "MESSAGE_TAG")
WINDOW_ERROR_SUBCODE = 2018278
NO_USER_SUBCODE = 2018001
_FAULT_ERRORS: dict[int, tuple[int, str]] = {
    429: (613, "(#613) Calls to this api have exceeded the rate limit."),
    500: (1, "An unknown error has occurred."),
    503: (2, "An unexpected error has occurred. Please retry your request later."),
}


class PlatformRules(BaseModel):
    text_chars: int = Field(gt=0)
    quick_replies: int = Field(ge=0)
    quick_reply_title_chars: int = Field(gt=0)
    quick_reply_payload_chars: int = Field(gt=0)
    quick_reply_content_types: list[str]
    buttons: int = Field(ge=0)
    button_title_chars: int = Field(gt=0)
    button_text_chars: int = Field(gt=0)
    attachment_types: list[str]
    attachment_max_bytes: int = Field(gt=0)
    tags: list[str]
    delivery_receipts: bool


class Rules(BaseModel):
    window_hours: float = Field(gt=0)
    human_agent_hours: float = Field(gt=0)
    platforms: dict[str, PlatformRules]


@cache
def rules() -> Rules:
    raw = resources.files("parley_sandbox.messenger").joinpath("rules.json").read_text(encoding="utf-8")
    return Rules.model_validate_json(raw)


def _own_account_route(account_id: Callable[[], str]) -> type[APIRoute]:
    class _OwnAccountRoute(APIRoute):
        """Matches only when the path's `account_id` is the platform's account."""

        def matches(self, scope: Scope) -> tuple[Match, Scope]:
            match, child = super().matches(scope)
            if match != Match.NONE and child.get("path_params", {}).get("account_id") != account_id():
                return Match.NONE, {}
            return match, child

    return _OwnAccountRoute


def check_auth(request: Request, platform: Platform, state: SandboxState) -> None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer":
        token = request.query_params.get("access_token", "")
    if not token or not hmac.compare_digest(token.strip().encode(), platform.token(state.settings).encode()):
        raise GraphError(400, 190, "Invalid OAuth access token - Cannot parse access token", type_="OAuthException")


async def check_call(state: SandboxState, platform: Platform, request: Request, version: str, path: str) -> None:
    check_version(version, path)
    check_auth(request, platform, state)
    if (fault := await state.faults.take(platform.channel)) is not None:
        if fault.delay_seconds:
            await asyncio.sleep(fault.delay_seconds)
        if fault.status >= 400:
            raise _fault_error(fault)


def _fault_error(fault: Fault) -> GraphError:
    code, message = _FAULT_ERRORS.get(fault.status, (2, "Service temporarily unavailable"))
    return GraphError(fault.status, fault.code if fault.code is not None else code, fault.message or message)


def _window_error() -> GraphError:
    return GraphError(
        400,
        10,
        "(#10) This message is sent outside of allowed window. Learn more about the new policy here: "
        "https://developers.facebook.com/docs/messenger-platform/policy-overview",
        subcode=WINDOW_ERROR_SUBCODE,
    )


async def last_customer_message_at(state: SandboxState, platform: Platform, customer: str) -> float | None:
    """Unix seconds of the customer's latest message, postback or reaction the sandbox posted (the greatest)."""
    deliveries = await state.store.deliveries(platform.channel, kind="message", contact_id=customer)
    stamps = [float(d.meta["timestamp"]) for d in deliveries if d.meta.get("timestamp") is not None]
    return max(stamps, default=None)


async def check_window(state: SandboxState, platform: Platform, customer: str, body: dict[str, Any]) -> None:
    """Meta's messaging window: 24 h for RESPONSE/UPDATE (and other tags), 7 days for HUMAN_AGENT."""
    if not state.enforce_window:
        return
    last = await last_customer_message_at(state, platform, customer)
    if last is None:
        raise GraphError(400, 100, "(#100) No matching user found", subcode=NO_USER_SUBCODE)
    hours = rules().human_agent_hours if body.get("tag") == "HUMAN_AGENT" else rules().window_hours
    if state.clock() - last > hours * 3600:
        raise _window_error()


def validate_send(body: Any, platform: Platform) -> tuple[str, str]:
    """(recipient id, message type) of a valid Send API body; `invalid_parameter` naming the field otherwise."""
    limits = rules().platforms[platform.channel]
    if not isinstance(body, dict):
        raise invalid_parameter("The request body must be a JSON object")
    unknown = set(body) - {"recipient", "messaging_type", "tag", "message", "notification_type", "sender_action"}
    if unknown:
        raise invalid_parameter(f"Unknown parameter(s): {', '.join(sorted(unknown))}")
    recipient = body.get("recipient")
    if not isinstance(recipient, dict) or not isinstance(recipient.get("id"), str) or not recipient["id"]:
        raise invalid_parameter("param recipient[id] must be a non-empty string")
    messaging_type = body.get("messaging_type")
    if messaging_type not in MESSAGING_TYPES:
        raise invalid_parameter(f"param messaging_type must be one of {', '.join(MESSAGING_TYPES)}")
    tag = body.get("tag")
    if messaging_type == "MESSAGE_TAG" and tag not in limits.tags:
        raise invalid_parameter(f"param tag must be one of {', '.join(limits.tags)} with MESSAGE_TAG")
    if messaging_type != "MESSAGE_TAG" and tag is not None:
        raise invalid_parameter("param tag is only allowed with messaging_type MESSAGE_TAG")
    message = body.get("message")
    if not isinstance(message, dict):
        raise invalid_parameter("param message must be an object")
    unknown = set(message) - {"text", "attachment", "quick_replies", "metadata"}
    if unknown:
        raise invalid_parameter(f"Unknown parameter(s) in message: {', '.join(sorted(unknown))}")
    has_text, has_attachment = "text" in message, "attachment" in message
    if has_text == has_attachment:
        raise invalid_parameter("message must have exactly one of text and attachment")
    if has_text:
        text = message["text"]
        if not isinstance(text, str) or not text.strip():
            raise invalid_parameter("param message[text] must be a non-empty UTF-8 encoded string")
        if len(text) > limits.text_chars:
            raise invalid_parameter(f"Length of param message[text] must be less than or equal to {limits.text_chars}")
        kind = "text"
    else:
        kind = _validate_attachment(message["attachment"], limits)
    if "quick_replies" in message:
        _validate_quick_replies(message["quick_replies"], limits)
    return recipient["id"], kind


def _validate_attachment(attachment: Any, limits: PlatformRules) -> str:
    if not isinstance(attachment, dict) or not isinstance(attachment.get("payload"), dict):
        raise invalid_parameter("param message[attachment] must have a type and a payload")
    kind = attachment.get("type")
    payload = attachment["payload"]
    if kind == "template":
        if not limits.buttons:
            raise invalid_parameter("param message[attachment][type] template is not supported on this platform")
        _validate_button_template(payload, limits)
        return "template"
    if kind not in limits.attachment_types:
        raise invalid_parameter(f"param message[attachment][type] must be one of {', '.join(limits.attachment_types)}")
    if not isinstance(payload.get("attachment_id"), str) and not isinstance(payload.get("url"), str):
        raise invalid_parameter("param message[attachment][payload] needs attachment_id or url")
    return str(kind)


def _validate_button_template(payload: dict[str, Any], limits: PlatformRules) -> None:
    if payload.get("template_type") != "button":
        raise invalid_parameter("param message[attachment][payload][template_type] must be button")
    text = payload.get("text")
    if not isinstance(text, str) or not text or len(text) > limits.button_text_chars:
        raise invalid_parameter(
            f"param message[attachment][payload][text] must be 1-{limits.button_text_chars} characters"
        )
    buttons = payload.get("buttons")
    if not isinstance(buttons, list) or not 1 <= len(buttons) <= limits.buttons:
        raise invalid_parameter(f"param message[attachment][payload][buttons] must have 1-{limits.buttons} buttons")
    for index, button in enumerate(buttons):
        title = button.get("title") if isinstance(button, dict) else None
        if not isinstance(title, str) or not title or len(title) > limits.button_title_chars:
            raise invalid_parameter(f"param buttons[{index}][title] must be 1-{limits.button_title_chars} characters")
        if button.get("type") == "postback":
            if not isinstance(button.get("payload"), str) or len(button["payload"]) > limits.quick_reply_payload_chars:
                raise invalid_parameter(f"param buttons[{index}][payload] must be a string of at most 1000 characters")
        elif button.get("type") != "web_url" or not isinstance(button.get("url"), str):
            raise invalid_parameter(f"param buttons[{index}] must be a postback or web_url button")


def _validate_quick_replies(quick_replies: Any, limits: PlatformRules) -> None:
    if not isinstance(quick_replies, list) or not 1 <= len(quick_replies) <= limits.quick_replies:
        raise invalid_parameter(f"param message[quick_replies] must have 1-{limits.quick_replies} items")
    for index, item in enumerate(quick_replies):
        where = f"message[quick_replies][{index}]"
        if not isinstance(item, dict) or item.get("content_type") not in limits.quick_reply_content_types:
            allowed = ", ".join(limits.quick_reply_content_types)
            raise invalid_parameter(f"param {where}[content_type] must be one of {allowed}")
        if item["content_type"] != "text":
            continue
        title, payload = item.get("title"), item.get("payload")
        if not isinstance(title, str) or not title or len(title) > limits.quick_reply_title_chars:
            raise invalid_parameter(f"param {where}[title] must be 1-{limits.quick_reply_title_chars} characters")
        if not isinstance(payload, str | int) or len(str(payload)) > limits.quick_reply_payload_chars:
            raise invalid_parameter(
                f"param {where}[payload] must be at most {limits.quick_reply_payload_chars} characters"
            )


def build_router(state: SandboxState, platform: Platform) -> APIRouter:
    settings = state.settings
    router = APIRouter(
        prefix="/graph",
        tags=[f"{platform.channel}: provider (Send API)"],
        route_class=_own_account_route(lambda: platform.account_id(settings)),
    )
    limits = rules().platforms[platform.channel]

    @router.post("/{version}/{account_id}/messages", summary=f"{platform.name}: send a message")
    async def send_message(version: str, account_id: str, request: Request) -> JSONResponse:
        raw = await request.body()
        try:
            body: Any = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", errors="replace")
        to = _recipient(body)
        try:
            await check_call(state, platform, request, version, f"{account_id}/messages")
            recipient, kind = validate_send(body, platform)
            media = await _sent_media(body, account_id)
            await check_window(state, platform, recipient, body)
        except GraphError as error:
            return await _reject(error, account_id, to, _kind(body), body)
        mid = payloads.new_mid(platform)
        await state.store.add_request(
            channel=platform.channel,
            account_id=account_id,
            to=recipient,
            type=kind,
            body=body,
            status_code=200,
            message_id=mid,
            meta={"media": media} if media else {},
        )
        log.info(f"{platform.channel}.send.accepted", type=kind, message_id=mid, tag=body.get("tag"))
        if settings.sandbox_status_webhooks and limits.delivery_receipts:
            state.spawn(_post_delivery(recipient, mid))
        return JSONResponse({"recipient_id": recipient, "message_id": mid})

    async def _sent_media(body: dict[str, Any], account_id: str) -> dict[str, Any] | None:
        """The uploaded file an attachment names (unknown id: Meta's 400 code 100)."""
        payload = ((body.get("message") or {}).get("attachment") or {}).get("payload") or {}
        attachment_id = payload.get("attachment_id")
        if attachment_id is None:
            return None
        stored = await state.media.get(str(attachment_id))
        if stored is None or stored.channel != platform.channel or stored.account_id != account_id:
            raise invalid_parameter(f"param message[attachment][payload][attachment_id] {attachment_id} is not valid")
        return {"id": stored.id, "mime_type": stored.mime_type, "filename": stored.filename, "size": stored.size}

    async def _post_delivery(customer: str, mid: str) -> None:
        """What Messenger does after an accepted send: a signed `message_deliveries` webhook."""
        await asyncio.sleep(settings.sandbox_status_delay_seconds)
        await post_receipt(state, platform, customer, delivery=payloads.delivery([mid], int(state.clock() * 1000)))

    @router.post("/{version}/{account_id}/message_attachments", summary=f"{platform.name}: upload an attachment")
    async def upload(version: str, account_id: str, request: Request) -> JSONResponse:
        try:
            form = await request.form()
        except Exception:  # not multipart: Meta answers the missing parameter below
            form = None
        fields = {k: v if isinstance(v, str) else {"filename": v.filename} for k, v in (form or {}).items()}
        try:
            await check_call(state, platform, request, version, f"{account_id}/message_attachments")
            kind, part = _upload_parts(form)
            data = await part.read()
            if not data:
                raise invalid_parameter("param filedata must not be empty")
            if len(data) > limits.attachment_max_bytes:
                raise invalid_parameter(f"File Too Large: at most {limits.attachment_max_bytes} bytes")
        except GraphError as error:
            return await _reject(error, account_id, None, "upload", fields)
        stored = await state.media.add(
            id=new_media_id(),
            channel=platform.channel,
            account_id=account_id,
            kind=kind,
            mime_type=(part.content_type or "application/octet-stream").split(";")[0],
            filename=part.filename,
            data=data,
            sha256=hashlib.sha256(data).hexdigest(),
        )
        await state.store.add_request(
            channel=platform.channel,
            account_id=account_id,
            to=None,
            type="upload",
            body=fields,
            status_code=200,
            message_id=stored.id,
        )
        log.info(f"{platform.channel}.attachment.uploaded", attachment_id=stored.id, kind=kind, size=stored.size)
        return JSONResponse({"attachment_id": stored.id})

    def _upload_parts(form: Any) -> tuple[str, UploadFile]:
        if form is None or "message" not in form or not isinstance(form["message"], str):
            raise invalid_parameter("The parameter message is required (multipart/form-data)")
        try:
            message = json.loads(form["message"])
            kind = message["attachment"]["type"]
        except (ValueError, KeyError, TypeError) as exc:
            raise invalid_parameter("param message must be JSON: {attachment: {type, payload}}") from exc
        if kind not in limits.attachment_types:
            raise invalid_parameter(
                f"param message[attachment][type] must be one of {', '.join(limits.attachment_types)}"
            )
        part = form.get("filedata")
        if not isinstance(part, UploadFile):
            raise invalid_parameter("The parameter filedata is required (a file part)")
        return str(kind), part

    async def _reject(error: GraphError, account_id: str, to: str | None, kind: str | None, body: Any) -> JSONResponse:
        content = error.body()
        await state.store.add_request(
            channel=platform.channel,
            account_id=account_id,
            to=to,
            type=kind,
            body=body,
            status_code=error.status_code,
            message_id=None,
            error=content["error"],
        )
        log.info(f"{platform.channel}.call.rejected", status=error.status_code, code=error.code, message=error.message)
        return JSONResponse(status_code=error.status_code, content=content)

    return router


async def post_receipt(state: SandboxState, platform: Platform, customer: str, **event: Any) -> int | None:
    """Sign and post one receipt webhook (`delivery` or `read`) from `customer`; ingest's status, or None."""
    settings = state.settings
    account = platform.account_id(settings)
    now_ms = int(state.clock() * 1000)
    body = serialize(
        payloads.webhook(platform, account, payloads.from_customer(customer, account, now_ms, **event), now_ms)
    )
    delivered = await state.deliver(
        channel=platform.channel,
        kind="status",
        body=body,
        headers=signed_headers(body, platform.app_secret(settings)),
        contact_id=customer,
        message_id=None,
        meta={"status": next(iter(event), "status")},
    )
    return delivered.ingest_status


def _recipient(body: Any) -> str | None:
    recipient = body.get("recipient") if isinstance(body, dict) else None
    value = recipient.get("id") if isinstance(recipient, dict) else None
    return value if isinstance(value, str) else None


def _kind(body: Any) -> str | None:
    message = body.get("message") if isinstance(body, dict) else None
    if not isinstance(message, dict):
        return None
    if "text" in message:
        return "text"
    attachment = message.get("attachment")
    kind = attachment.get("type") if isinstance(attachment, dict) else None
    return kind if isinstance(kind, str) else None
