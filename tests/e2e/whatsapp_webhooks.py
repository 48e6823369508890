"""WhatsApp webhook payloads for the end-to-end tests, written from the examples of Meta's messages webhook
reference, one page per type:
https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/<type>
(reaction, sticker, location, contacts, order, system, edit, unsupported) and .../messages/status (`played`).
Ids, numbers and timestamps are the test's own; the shapes and example values are Meta's."""

import time
import uuid
from typing import Any

from tests.customers import ACCOUNT

DISPLAY_NUMBER = "15550000001"  # the sandbox's display number (WHATSAPP_DISPLAY_PHONE_NUMBER)


def wamid() -> str:
    return "wamid.HBgL" + uuid.uuid4().hex.upper()


def delivery(wa_id: str, message: dict[str, Any], *, phone_number_id: str = ACCOUNT) -> dict[str, Any]:
    """One messages webhook carrying `message` from `wa_id` (its `from`, `id` and `timestamp` filled in)."""
    return {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "200000000000001",
                "changes": [
                    {
                        "field": "messages",
                        "value": {
                            "messaging_product": "whatsapp",
                            "metadata": {"display_phone_number": DISPLAY_NUMBER, "phone_number_id": phone_number_id},
                            "contacts": [{"profile": {"name": "Sheena Nelson"}, "wa_id": wa_id}],
                            "messages": [{"from": wa_id, "id": wamid(), "timestamp": str(int(time.time())), **message}],
                        },
                    }
                ],
            }
        ],
    }


def status_delivery(recipient: str, message_id: str, status: str) -> dict[str, Any]:
    return {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "200000000000001",
                "changes": [
                    {
                        "field": "messages",
                        "value": {
                            "messaging_product": "whatsapp",
                            "metadata": {"display_phone_number": DISPLAY_NUMBER, "phone_number_id": ACCOUNT},
                            "statuses": [
                                {
                                    "id": message_id,
                                    "status": status,
                                    "timestamp": str(int(time.time())),
                                    "recipient_id": recipient,
                                }
                            ],
                        },
                    }
                ],
            }
        ],
    }


def reaction(message_id: str, emoji: str = "\U0001f44d") -> dict[str, Any]:
    return {"type": "reaction", "reaction": {"message_id": message_id, "emoji": emoji}}


STICKER = {
    "type": "sticker",
    "sticker": {
        "mime_type": "image/webp",
        "sha256": "AVtF8b7lbFd4fWkuBPJ8KOKJXtmeHBbcQlhqXsRQvSc=",
        "id": "1003383421387256",
        "animated": False,
    },
}
LOCATION = {
    "type": "location",
    "location": {
        "address": "1 Hacker Way, Menlo Park, CA 94025",
        "latitude": 37.483307,
        "longitude": -122.148981,
        "name": "Meta Headquarters",
        "url": "https://meta.com",
    },
}
CONTACTS = {
    "type": "contacts",
    "contacts": [
        {
            "name": {"first_name": "Barbara", "last_name": "Johnson", "formatted_name": "Barbara J. Johnson"},
            "phones": [{"phone": "+1 (650) 555-1234", "type": "MOBILE", "wa_id": "16505551234"}],
            "emails": [{"email": "bjohnson@example.com", "type": "WORK"}],
        }
    ],
}
ORDER = {
    "type": "order",
    "order": {
        "catalog_id": "194836987003835",
        "text": "Hi, I'd like these",
        "product_items": [
            {"product_retailer_id": "di9ozbzfi4", "quantity": 2, "item_price": 30, "currency": "USD"},
            {"product_retailer_id": "nqryix03ez", "quantity": 1, "item_price": 25, "currency": "USD"},
        ],
    },
}


def system_notice(wa_id: str) -> dict[str, Any]:
    return {
        "type": "system",
        "system": {
            "body": f"User Sheena Nelson changed from {wa_id} to 16505553333",
            "wa_id": "16505553333",
            "type": "user_changed_number",
        },
    }


def edit(original_id: str, text: str) -> dict[str, Any]:
    return {
        "type": "edit",
        "edit": {"original_message_id": original_id, "message": {"type": "text", "text": {"body": text}}},
    }


UNSUPPORTED = {
    "type": "unsupported",
    "errors": [
        {
            "code": 131051,
            "title": "Message type unknown",
            "message": "Message type unknown",
            "error_data": {"details": "Message type is currently not supported."},
        }
    ],
    "unsupported": {"type": "poll"},
}


def revoke(original_id: str) -> dict[str, Any]:
    return {"type": "revoke", "revoke": {"original_message_id": original_id}}
