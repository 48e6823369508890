"""A customer's conversation as their phone would show it, rebuilt from the recorded traffic."""

import json
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel

from parley_sandbox.store import NOT_MESSAGES, ProviderRequest, WebhookDelivery
from parley_sandbox.whatsapp.schemas import MEDIA_TYPES

# A later status never gives way to an earlier one (statuses may arrive out of order).
_STATUS_RANK = {"accepted": 0, "sent": 1, "delivered": 2, "read": 3, "failed": 4}


class Option(BaseModel):
    id: str
    title: str
    description: str | None = None


class ListSectionView(BaseModel):
    title: str | None = None
    rows: list[Option]


class ListView(BaseModel):
    button: str
    sections: list[ListSectionView]


class MediaView(BaseModel):
    """A media message as the phone shows it; `url` is viewable without a token (the page's <img>/<a>)."""

    kind: str  # image, audio, video, document, sticker
    id: str | None = None  # the uploaded media id, when sent by id
    link: str | None = None  # the URL, when sent by link
    mime_type: str | None = None  # known for uploaded media
    filename: str | None = None
    caption: str | None = None
    url: str  # /sandbox/media/{id} for uploaded media, else the link


class TemplateRef(BaseModel):
    name: str
    language: str


class TranscriptEntry(BaseModel):
    direction: Literal["inbound", "outbound"]  # relative to the business: inbound = customer → business
    author: Literal["customer", "business"]
    wamid: str
    time: float  # unix seconds when the sandbox saw it
    iso_time: str
    type: str
    text: str | None = None
    header: str | None = None
    footer: str | None = None
    buttons: list[Option] = []
    list_menu: ListView | None = None  # a list message: its button label and rows
    media: MediaView | None = None
    template: TemplateRef | None = None  # a template message (its text is the filled-in body)
    reply_to: str | None = None  # wamid of the message this one answers (context)
    button_reply: Option | None = None
    list_reply: Option | None = None
    # Customer messages: received (ingest 2xx), rejected (ingest non-2xx), unreachable, read (by the business).
    # Business messages: accepted, then sent / delivered / read / failed as status webhooks were posted.
    status: str
    error: dict[str, Any] | None = None  # a failed business message: the status webhook's error (code, title, ...)
    ingest_status: int | None = None
    attempts: int = 1


class Transcript(BaseModel):
    channel: Literal["whatsapp"] = "whatsapp"
    wa_id: str
    name: str | None
    messages: list[TranscriptEntry]


class ConversationSummary(BaseModel):
    wa_id: str
    name: str | None
    messages: int
    last_time: float


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _customer_entry(delivery: WebhookDelivery) -> TranscriptEntry | None:
    try:
        message = json.loads(delivery.body)["entry"][0]["changes"][0]["value"]["messages"][0]
    except (ValueError, LookupError, TypeError):
        return None
    kind = message.get("type", "unknown")
    entry = TranscriptEntry(
        direction="inbound",
        author="customer",
        wamid=message.get("id", delivery.message_id or ""),
        time=delivery.time,
        iso_time=_iso(delivery.time),
        type=kind,
        reply_to=(message.get("context") or {}).get("id"),
        status=_ingest_outcome(delivery),
        ingest_status=delivery.ingest_status,
    )
    if kind == "text":
        entry.text = message["text"]["body"]
    elif kind == "interactive":
        interactive = message["interactive"]
        reply = Option.model_validate(interactive[interactive["type"]])
        entry.text = reply.title
        if interactive["type"] == "button_reply":
            entry.button_reply = reply
        else:
            entry.list_reply = reply
    elif kind in MEDIA_TYPES and isinstance(message.get(kind), dict):
        obj = message[kind]
        entry.text = obj.get("caption")
        media_id = obj.get("id")
        entry.media = MediaView(
            kind=kind,
            id=media_id,
            mime_type=obj.get("mime_type"),
            filename=obj.get("filename"),
            caption=obj.get("caption"),
            url=f"/sandbox/media/{media_id}",
        )
    elif kind == "reaction" and isinstance(message.get("reaction"), dict):
        entry.text = message["reaction"].get("emoji")
        entry.reply_to = message["reaction"].get("message_id")
    return entry


def _ingest_outcome(delivery: WebhookDelivery) -> str:
    if delivery.ingest_status is None:
        return "unreachable"
    return "received" if 200 <= delivery.ingest_status < 300 else "rejected"


def _business_entry(request: ProviderRequest) -> TranscriptEntry:
    body: dict[str, Any] = request.body
    kind = body["type"]
    entry = TranscriptEntry(
        direction="outbound",
        author="business",
        wamid=request.message_id or "",
        time=request.time,
        iso_time=_iso(request.time),
        type=kind,
        reply_to=(body.get("context") or {}).get("message_id"),
        status="accepted",
    )
    obj = body.get(kind)
    if kind == "text":
        entry.text = obj["body"]
    elif kind == "interactive":
        entry.text = obj["body"]["text"]
        entry.header = (obj.get("header") or {}).get("text")
        entry.footer = (obj.get("footer") or {}).get("text")
        action = obj["action"]
        if obj["type"] == "button":
            entry.buttons = [Option.model_validate(b["reply"]) for b in action["buttons"]]
        else:
            entry.list_menu = ListView.model_validate(action)
    elif kind in MEDIA_TYPES:
        entry.media = _media_view(kind, obj, request.meta.get("media"))
        entry.text = obj.get("caption")
    elif kind == "template":
        entry.template = TemplateRef(name=obj["name"], language=obj["language"]["code"])
        rendered = request.meta.get("template") or {}
        entry.header, entry.text, entry.footer = rendered.get("header"), rendered.get("body"), rendered.get("footer")
    elif kind == "location":
        entry.text = obj.get("name") or f"{obj['latitude']}, {obj['longitude']}"
    elif kind == "reaction":
        entry.text = obj.get("emoji")
    return entry


def _media_view(kind: str, obj: dict[str, Any], uploaded: dict[str, Any] | None) -> MediaView:
    """`uploaded` is what the provider recorded for a send by id (mime type, the uploaded file's name)."""
    uploaded = uploaded or {}
    media_id = obj.get("id")
    return MediaView(
        kind=kind,
        id=media_id,
        link=obj.get("link"),
        mime_type=uploaded.get("mime_type"),
        filename=obj.get("filename") or uploaded.get("filename"),
        caption=obj.get("caption"),
        url=f"/sandbox/media/{media_id}" if media_id else obj["link"],
    )


def _latest_statuses(deliveries: list[WebhookDelivery]) -> dict[str, tuple[str, dict[str, Any] | None]]:
    """Per wamid, the most advanced status posted (and its error, if it failed)."""
    statuses: dict[str, tuple[str, dict[str, Any] | None]] = {}
    for d in deliveries:
        if d.kind == "status" and d.message_id:
            new = str(d.meta.get("status", ""))
            old, _ = statuses.get(d.message_id, ("accepted", None))
            if _STATUS_RANK.get(new, -1) > _STATUS_RANK[old]:
                statuses[d.message_id] = (new, d.meta.get("error"))
    return statuses


def build_transcript(wa_id: str, requests: list[ProviderRequest], deliveries: list[WebhookDelivery]) -> Transcript:
    """Merge both directions in the order the sandbox saw them.

    `requests`: accepted Graph calls for this customer; `deliveries`: webhooks posted about them.
    A provider retry (same wamid posted again) stays one message, with its attempt count.
    """
    read_ids = {r.message_id for r in requests if r.type == "read"}
    statuses = _latest_statuses(deliveries)

    timeline: list[tuple[int, TranscriptEntry]] = []
    customers: dict[str, TranscriptEntry] = {}
    name: str | None = None
    for d in deliveries:
        if d.kind != "message":
            continue
        name = d.meta.get("name", name)
        entry = _customer_entry(d)
        if entry is None:
            continue
        if (seen := customers.get(entry.wamid)) is not None:
            seen.attempts += 1
            # The best outcome wins: once ingest took it, a later rejected retry does not undo that.
            if seen.status != "received":
                seen.status, seen.ingest_status = entry.status, entry.ingest_status
            continue
        customers[entry.wamid] = entry
        timeline.append((d.seq, entry))
    for entry in customers.values():
        if entry.wamid in read_ids:
            entry.status = "read"

    for r in requests:
        if r.type in NOT_MESSAGES or not r.message_id:
            continue
        entry = _business_entry(r)
        entry.status, entry.error = statuses.get(entry.wamid, ("accepted", None))
        timeline.append((r.seq, entry))

    timeline.sort(key=lambda item: item[0])
    return Transcript(wa_id=wa_id, name=name, messages=[entry for _, entry in timeline])


def find_option_message(requests: list[ProviderRequest], option_id: str) -> str | None:
    """The latest business message offering `option_id` (button or list row): the context of a tap."""
    for r in reversed(requests):
        body = r.body if isinstance(r.body, dict) else {}
        if r.type != "interactive" or not r.message_id:
            continue
        action = body.get("interactive", {}).get("action", {})
        ids = [b["reply"]["id"] for b in action.get("buttons", [])]
        ids += [row["id"] for s in action.get("sections", []) for row in s.get("rows", [])]
        if option_id in ids:
            return r.message_id
    return None
