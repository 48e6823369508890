"""Webhook payloads exactly as the Messenger Platform sends them, for Messenger (`object: "page"`) and Instagram
(`object: "instagram"`): developers.facebook.com/docs/messenger-platform/reference/webhook-events/ and
developers.facebook.com/documentation/business-messaging/instagram-messaging/webhooks. Timestamps are unix ms."""

import base64
import secrets
import uuid
from typing import Any

from parley_sandbox.messenger import Platform


def new_mid(platform: Platform) -> str:
    """A unique, realistic-looking message id: Messenger's are `m_…`, Instagram's opaque base64."""
    raw = base64.urlsafe_b64encode(uuid.uuid4().bytes + secrets.token_bytes(9)).decode().rstrip("=")
    return f"m_{raw}" if platform.object == "page" else base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def webhook(platform: Platform, account_id: str, event: dict[str, Any], time_ms: int) -> dict[str, Any]:
    return {"object": platform.object, "entry": [{"id": account_id, "time": time_ms, "messaging": [event]}]}


def from_customer(customer: str, account_id: str, timestamp_ms: int, **event: Any) -> dict[str, Any]:
    return {"sender": {"id": customer}, "recipient": {"id": account_id}, "timestamp": timestamp_ms, **event}


def message(
    mid: str,
    *,
    text: str | None = None,
    quick_reply: str | None = None,
    attachments: list[dict[str, Any]] | None = None,
    reply_to: dict[str, Any] | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {"mid": mid}
    if text is not None:
        body["text"] = text
    if quick_reply is not None:
        body["quick_reply"] = {"payload": quick_reply}
    if attachments:
        body["attachments"] = attachments
    if reply_to:
        body["reply_to"] = reply_to
    return body


def postback(mid: str, title: str, payload: str) -> dict[str, Any]:
    return {"mid": mid, "title": title, "payload": payload}


def reaction(message_id: str, emoji: str | None, action: str) -> dict[str, Any]:
    body: dict[str, Any] = {"mid": message_id, "action": action}
    if action == "react":
        body.update(reaction="other", emoji=emoji or "\u2764\ufe0f")
    return body


def delivery(mids: list[str], watermark_ms: int) -> dict[str, Any]:
    return {"mids": mids, "watermark": watermark_ms}
