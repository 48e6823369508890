"""Webhook payloads exactly as the WhatsApp Cloud API sends them (docs/whatsapp.md)."""

import hashlib
from typing import Any

from parley_sandbox.settings import SandboxSettings

OBJECT = "whatsapp_business_account"
ERROR_CODES_URL = "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"

# The `statuses[].errors[]` item of a free-form send outside the 24 h customer-service window. Shape per
# Meta's messages-webhook error syntax (code, title, message, error_data.details, href; "Errors messages
# webhooks reference"), wording per the Cloud API error-codes page, entry 131047 "Re-engagement message".
REENGAGEMENT_ERROR: dict[str, Any] = {
    "code": 131047,
    "title": "Re-engagement message",
    "message": "Re-engagement message",
    "error_data": {
        "details": "Message failed to send because more than 24 hours have passed since the customer last "
        "replied to this number."
    },
    "href": ERROR_CODES_URL,
}


def envelope(settings: SandboxSettings, value: dict[str, Any]) -> dict[str, Any]:
    """The outer shape shared by messages and statuses: one entry per WABA, one change per event."""
    return {
        "object": OBJECT,
        "entry": [{"id": settings.whatsapp_waba_id, "changes": [{"value": value, "field": "messages"}]}],
    }


def metadata(settings: SandboxSettings) -> dict[str, str]:
    # Parley routes an inbound event to its tenant/channel account by these two values.
    return {
        "display_phone_number": settings.whatsapp_display_phone_number,
        "phone_number_id": settings.whatsapp_phone_number_id,
    }


def customer_message(
    *,
    wa_id: str,
    wamid: str,
    timestamp: int,
    text: str | None = None,
    button_reply: dict[str, str] | None = None,
    list_reply: dict[str, str] | None = None,
    context: dict[str, str] | None = None,
    media: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """One `value.messages[]` item. Key order follows Meta's payloads (context first when present). `media`:
    `{"kind", "id", "mime_type", "sha256", "caption"?, "filename"?}` (messages/image etc. in Meta's reference)."""
    message: dict[str, Any] = {}
    if context is not None:
        message["context"] = context
    message.update({"from": wa_id, "id": wamid, "timestamp": str(timestamp)})
    if button_reply is not None:
        message.update({"type": "interactive", "interactive": {"type": "button_reply", "button_reply": button_reply}})
    elif list_reply is not None:
        message.update({"type": "interactive", "interactive": {"type": "list_reply", "list_reply": list_reply}})
    elif media is not None:
        kind = media["kind"]
        message.update({"type": kind, kind: {k: v for k, v in media.items() if k != "kind" and v is not None}})
    elif text is not None:
        message.update({"type": "text", "text": {"body": text}})
    else:
        raise ValueError("a customer message needs text, a button_reply, a list_reply or media")
    return message


def messages_webhook(settings: SandboxSettings, *, wa_id: str, name: str, message: dict[str, Any]) -> dict[str, Any]:
    return envelope(
        settings,
        {
            "messaging_product": "whatsapp",
            "metadata": metadata(settings),
            "contacts": [{"profile": {"name": name}, "wa_id": wa_id}],
            "messages": [message],
        },
    )


def conversation_id(recipient_id: str) -> str:
    # Stable per customer, like Meta's per-window conversation ids; opaque to Parley.
    return hashlib.sha256(f"conversation:{recipient_id}".encode()).hexdigest()[:32]


def status_item(
    *,
    wamid: str,
    status: str,
    recipient_id: str,
    timestamp: int,
    errors: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """One `value.statuses[]` item: `sent`/`delivered` carry conversation and pricing, `failed` errors."""
    item: dict[str, Any] = {
        "id": wamid,
        "status": status,
        "timestamp": str(timestamp),
        "recipient_id": recipient_id,
    }
    if status in ("sent", "delivered"):
        conversation: dict[str, Any] = {"id": conversation_id(recipient_id), "origin": {"type": "service"}}
        if status == "sent":
            conversation["expiration_timestamp"] = str(timestamp + 24 * 3600)
        item["conversation"] = conversation
        item["pricing"] = {"billable": True, "pricing_model": "CBP", "category": "service"}
    if status == "failed":
        item["errors"] = errors or [
            {
                "code": 131026,
                "title": "Message undeliverable",
                "message": "Message undeliverable",
                "error_data": {"details": "Message could not be delivered to the recipient."},
            }
        ]
    return item


def statuses_webhook(settings: SandboxSettings, status: dict[str, Any]) -> dict[str, Any]:
    return envelope(
        settings,
        {"messaging_product": "whatsapp", "metadata": metadata(settings), "statuses": [status]},
    )
