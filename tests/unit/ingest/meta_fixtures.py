"""Messenger and Instagram webhook payloads, written from Meta's documented examples (placeholders such as
`<PSID>` replaced by sample ids; structure and field names as documented):

- Messenger messages (text, quick_reply, reply_to, attachments):
  https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/messages
- Messenger postbacks: https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/messaging_postbacks
- Messenger reactions: https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/message-reactions
- Messenger deliveries / reads: …/webhook-events/message-deliveries, …/webhook-events/message-reads
- Messenger echoes: …/webhook-events/message-echoes; edits: …/webhook-events/message-edits
- Instagram messaging (text, attachments, story reply `reply_to.story`, story mention, `is_deleted`, reactions,
  `read.mid` from messaging_seen, postbacks):
  https://developers.facebook.com/documentation/business-messaging/instagram-messaging/webhooks and
  https://developers.facebook.com/docs/instagram-platform/webhooks/examples/
"""

import json
from typing import Any

PAGE_ID = "300000000000001"
PSID = "7000000000000001"
IG_ID = "400000000000001"
IGSID = "8000000000000001"
TS = 1767225600123  # unix ms, as Meta sends them


def webhook(obj: str, account: str, *events: dict[str, Any]) -> bytes:
    return json.dumps({"object": obj, "entry": [{"id": account, "time": TS + 500, "messaging": list(events)}]}).encode()


def messenger(*events: dict[str, Any], page: str = PAGE_ID) -> bytes:
    return webhook("page", page, *events)


def instagram(*events: dict[str, Any], account: str = IG_ID) -> bytes:
    return webhook("instagram", account, *events)


def from_user(psid: str = PSID, page: str = PAGE_ID, **event: Any) -> dict[str, Any]:
    return {"sender": {"id": psid}, "recipient": {"id": page}, "timestamp": TS, **event}


# --- Messenger -------------------------------------------------------------------------------------------------

M_TEXT = from_user(message={"mid": "m_text1", "text": "hello, world!"})
M_QUICK_REPLY = from_user(
    message={"mid": "m_qr1", "text": "Red", "quick_reply": {"payload": "<DEVELOPER_DEFINED_PAYLOAD>"}}
)
M_REPLY_TO = from_user(message={"mid": "m_reply1", "text": "this one", "reply_to": {"mid": "m_earlier"}})
M_ATTACHMENTS = from_user(
    message={
        "mid": "m_att1",
        "attachments": [
            {"type": "image", "payload": {"url": "https://scontent.xx.fbcdn.net/v/t1.15752-9/photo.jpg?_nc_cat=1"}},
            {"type": "file", "payload": {"url": "https://cdn.fbsbx.com/v/t59.2708-21/invoice.pdf?_nc_cat=2"}},
        ],
    }
)
M_STICKER = from_user(
    message={
        "mid": "m_sticker1",
        "attachments": [
            {
                "type": "image",
                "payload": {
                    "url": "https://scontent.xx.fbcdn.net/v/t39.1997-6/like.png",
                    "sticker_id": 369239263222822,
                },
            }
        ],
    }
)
M_FALLBACK = from_user(
    message={
        "mid": "m_fallback1",
        "attachments": [{"type": "fallback", "payload": {"url": "https://example.com/", "title": "Example"}}],
    }
)
M_POSTBACK = from_user(
    postback={"mid": "m_pb1", "title": "Talk to a person", "payload": "HUMAN", "referral": {"ref": "campaign-7"}}
)
M_REACTION = from_user(reaction={"reaction": "love", "emoji": "\u2764\ufe0f", "action": "react", "mid": "m_bot1"})
M_UNREACTION = from_user(reaction={"reaction": "love", "action": "unreact", "mid": "m_bot1"})
M_DELIVERY = from_user(delivery={"mids": ["m_out1", "m_out2"], "watermark": TS})
M_READ = from_user(read={"watermark": TS})
M_ECHO = {
    "sender": {"id": PAGE_ID},
    "recipient": {"id": PSID},
    "timestamp": TS,
    "message": {
        "is_echo": True,
        "app_id": 1517776481860111,
        "metadata": "<DEVELOPER_DEFINED_METADATA>",
        "mid": "m_echo1",
        "text": "hi",
    },
}
M_EDIT = from_user(message_edit={"mid": "m_text1", "text": "hello, world! (edited)", "num_edit": 1})
M_OPTIN = from_user(optin={"type": "notification_messages", "payload": "x"})


# --- Instagram -------------------------------------------------------------------------------------------------


def from_ig_user(igsid: str = IGSID, account: str = IG_ID, **event: Any) -> dict[str, Any]:
    return {"sender": {"id": igsid}, "recipient": {"id": account}, "timestamp": TS, **event}


I_TEXT = from_ig_user(message={"mid": "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE", "text": "hola"})
I_STORY_REPLY = from_ig_user(
    message={
        "mid": "ig_story_reply1",
        "text": "love this!",
        "reply_to": {
            "story": {
                "url": "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1&signature=x",
                "id": "17900000000000001",
            }
        },
    }
)
I_STORY_MENTION = from_ig_user(
    message={
        "mid": "ig_mention1",
        "attachments": [
            {
                "type": "story_mention",
                "payload": {"url": "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=2&signature=y"},
            }
        ],
    }
)
I_IMAGE = from_ig_user(
    message={
        "mid": "ig_image1",
        "attachments": [
            {
                "type": "image",
                "payload": {"url": "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=3&signature=z"},
            }
        ],
    }
)
I_SHARE = from_ig_user(
    message={
        "mid": "ig_share1",
        "attachments": [{"type": "share", "payload": {"url": "https://www.instagram.com/p/abc/"}}],
    }
)
I_DELETED = from_ig_user(message={"mid": "ig_text_gone", "is_deleted": True})
I_UNSUPPORTED = from_ig_user(message={"mid": "ig_unsupported1", "is_unsupported": True})
I_REACTION = from_ig_user(reaction={"mid": "ig_bot1", "action": "react", "reaction": "love", "emoji": "\u2764\ufe0f"})
I_READ = from_ig_user(read={"mid": "ig_out1"})
I_POSTBACK = from_ig_user(postback={"mid": "ig_pb1", "title": "Yes", "payload": "YES"})
I_QUICK_REPLY = from_ig_user(message={"mid": "ig_qr1", "text": "Yes", "quick_reply": {"payload": "YES"}})
I_ECHO = {
    "sender": {"id": IG_ID},
    "recipient": {"id": IGSID},
    "timestamp": TS,
    "message": {"mid": "ig_echo1", "text": "our reply", "is_echo": True},
}
