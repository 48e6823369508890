"""Customer side: a person (the page) or a test plays the customer's Telegram app and Telegram's webhook sender.

`POST /sandbox/telegram/messages` makes the customer write (text, a photo or file, an edit of an earlier
message) or tap an inline button of the bot's (`callback_data` or `button_text`); the sandbox builds the Update
Telegram would, posts it to the bot's webhook (`{SANDBOX_INGEST_URL}/webhooks/telegram/<bot id>`, or what
`setWebhook` set) with `X-Telegram-Bot-Api-Secret-Token`, and records it. Passing an earlier `update_id` posts
that update's very bytes again (Telegram retrying). When ingest's answer names a method (the Bot API allows
answering a webhook with one call), it is run: `answerCallbackQuery` stops the tap's spinner.

`GET /sandbox/telegram/conversations/<chat id>` is the chat as the customer's app shows it, both directions;
`GET /sandbox/telegram` is a page to be the customer in a browser."""

import base64
import json
from datetime import UTC, datetime
from importlib import resources
from typing import Any, Literal

from fastapi import APIRouter, HTTPException
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, ConfigDict, Field, model_validator

from parley_sandbox.logs import get_logger
from parley_sandbox.meta import serialize
from parley_sandbox.state import SandboxState
from parley_sandbox.telegram.world import CHANNEL, Chat, ChatEntry, TelegramWorld

log = get_logger("parley_sandbox.telegram.customer")
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
DEFAULT_NAME = "Sandbox Customer"
CHAT_ID_PATTERN = r"^\d{1,15}$"

# A 1×1 PNG, for a photo sent without data.
_PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
# Attachment kind → (Message field, default mime type, getFile folder, extension).
_ATTACHMENTS: dict[str, tuple[str, str, str, str]] = {
    "photo": ("photo", "image/png", "photos", "png"),
    "document": ("document", "application/pdf", "documents", "pdf"),
    "video": ("video", "video/mp4", "videos", "mp4"),
    "voice": ("voice", "audio/ogg", "voice", "oga"),
    "audio": ("audio", "audio/mpeg", "music", "mp3"),
    "sticker": ("sticker", "image/webp", "stickers", "webp"),
}


class AttachmentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["photo", "document", "video", "voice", "audio", "sticker"] = "photo"
    filename: str | None = Field(default=None, max_length=255)
    mime_type: str | None = Field(default=None, max_length=255)
    data_base64: str | None = Field(default=None, description="the file; default: a 1×1 PNG (or a few bytes)")


class LocationIn(BaseModel):
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)


class CustomerMessageIn(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")

    from_: str = Field(alias="from", pattern=CHAT_ID_PATTERN, description="the customer's user id = private chat id")
    name: str | None = Field(default=None, min_length=1, max_length=64, description="first name; default: last used")
    text: str | None = Field(default=None, min_length=1, max_length=4096, description="text, or a file's caption")
    attachment: AttachmentIn | None = None
    location: LocationIn | None = None
    callback_data: str | None = Field(default=None, description="tap the bot's inline button with this data")
    button_text: str | None = Field(default=None, description="tap the bot's inline button with this label")
    tap_message_id: int | None = Field(
        default=None, description="the bot message tapped; default: the latest offering it"
    )
    edit_message_id: int | None = Field(
        default=None, description="edit this earlier message of the customer's to `text`"
    )
    reply_to_message_id: int | None = None
    update_id: int | None = Field(default=None, description="an earlier update's id: its exact bytes are posted again")

    @model_validator(mode="after")
    def _one_thing(self) -> "CustomerMessageIn":
        if self.update_id is not None:
            return self
        tap = self.callback_data is not None or self.button_text is not None
        if tap and (self.text or self.attachment or self.location or self.edit_message_id):
            raise ValueError("a tap is on its own: no text, attachment, location or edit with it")
        if self.edit_message_id is not None and not self.text:
            raise ValueError("an edit needs the new text")
        if not (tap or self.text or self.attachment or self.location):
            raise ValueError("say something: text, attachment, location, or a tap (callback_data / button_text)")
        return self


class CustomerMessageOut(BaseModel):
    update_id: int
    message_id: int | None = None
    callback_query_id: str | None = None
    payload: dict[str, Any]
    ingest_status: int
    ingest_body: str
    retry: bool = False
    callback_answered: bool | None = None


class RawIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    body: dict[str, Any] | list[Any] | str
    secret: Literal["valid", "invalid", "absent"] = "valid"
    bot_id: str | None = Field(default=None, pattern=r"^\d+$", description="post to another bot's webhook URL")


class RawOut(BaseModel):
    url: str
    ingest_status: int
    ingest_body: str


class Button(BaseModel):
    text: str
    callback_data: str | None = None


class MediaView(BaseModel):
    kind: str
    file_id: str
    mime_type: str | None = None
    filename: str | None = None
    url: str  # /sandbox/media/{id}: viewable without a token


class TranscriptEntry(BaseModel):
    author: Literal["customer", "business"]
    message_id: int | None
    time: float
    iso_time: str
    type: str
    text: str | None = None
    buttons: list[Button] = []
    media: MediaView | None = None
    reply_to: int | None = None
    button_reply: Button | None = None
    edited_text: str | None = None
    callback_answered: bool | None = None
    status: str
    ingest_status: int | None = None


class Transcript(BaseModel):
    channel: Literal["telegram"] = "telegram"
    chat_id: str
    name: str | None
    messages: list[TranscriptEntry]


class ConversationSummary(BaseModel):
    chat_id: str
    name: str | None
    messages: int
    last_time: float


def build_router(state: SandboxState, world: TelegramWorld) -> APIRouter:
    router = APIRouter(prefix="/sandbox/telegram", tags=["telegram: customer"])

    @router.post("/messages", response_model=CustomerMessageOut, summary="The customer writes, edits or taps a button")
    async def customer_message(req: CustomerMessageIn) -> CustomerMessageOut | JSONResponse:
        chat_id = int(req.from_)
        if req.update_id is not None:
            return await _retry(req.update_id)
        chat = world.chat(chat_id, req.name)
        user = world.user_object(chat)
        update_id = world.next_update_id()
        if req.callback_data is not None or req.button_text is not None:
            tapped, button = _tapped(chat, req)
            query_id = f"{chat_id}{update_id}"
            query = {
                "id": query_id,
                "from": user,
                "message": tapped.message,
                "chat_instance": f"-{chat_id}{world.bot_id}"[:19],
                "data": button.callback_data,
            }
            update = {"update_id": update_id, "callback_query": query}
            entry = world.record(
                chat, author="customer", message_id=None, message=query, kind="button_reply", callback_query_id=query_id
            )
            return await _post(chat, update, entry, message_id=None, callback_query_id=query_id)
        if req.edit_message_id is not None:
            original = world.message(chat, req.edit_message_id)
            if original is None or original.author != "customer" or "text" not in original.message:
                raise HTTPException(404, f"no text message {req.edit_message_id} of this customer to edit")
            edited = {**original.message, "text": req.text, "edit_date": int(state.clock())}
            original.edited_text = req.text
            update = {"update_id": update_id, "edited_message": edited}
            entry = world.record(chat, author="customer", message_id=req.edit_message_id, message=edited, kind="edit")
            return await _post(chat, update, entry, message_id=req.edit_message_id)
        message_id = next(chat.next_message_id)
        message: dict[str, Any] = {
            "message_id": message_id,
            "from": user,
            "chat": world.chat_object(chat),
            "date": int(state.clock()),
        }
        if req.reply_to_message_id is not None:
            replied = world.message(chat, req.reply_to_message_id)
            if replied is None:
                raise HTTPException(404, f"no message {req.reply_to_message_id} in this chat to reply to")
            message["reply_to_message"] = replied.message
        kind = "text"
        if req.attachment is not None:
            kind = req.attachment.kind
            message[_ATTACHMENTS[kind][0]] = await _upload(req.attachment)
            if req.text and kind != "sticker":
                message["caption"] = req.text
        elif req.location is not None:
            kind = "location"
            message["location"] = req.location.model_dump()
        else:
            message["text"] = req.text
        update = {"update_id": update_id, "message": message}
        entry = world.record(chat, author="customer", message_id=message_id, message=message, kind=kind)
        return await _post(chat, update, entry, message_id=message_id)

    def _tapped(chat: Chat, req: CustomerMessageIn) -> tuple[ChatEntry, Button]:
        """The bot's message and button tapped: by message id, else the latest business message offering it."""
        for entry in reversed(chat.entries):
            if entry.author != "business" or (
                req.tap_message_id is not None and entry.message_id != req.tap_message_id
            ):
                continue
            for button in _buttons(entry.message):
                if (req.callback_data is not None and button.callback_data == req.callback_data) or (
                    req.callback_data is None and button.text == req.button_text
                ):
                    return entry, button
        wanted = req.callback_data if req.callback_data is not None else req.button_text
        raise HTTPException(404, f"no bot message in this chat offers the button {wanted!r}")

    async def _upload(attachment: AttachmentIn) -> Any:
        _, default_mime, folder, extension = _ATTACHMENTS[attachment.kind]
        if attachment.data_base64 is not None:
            try:
                data = base64.b64decode(attachment.data_base64, validate=True)
            except ValueError:
                raise HTTPException(422, "data_base64 is not base64") from None
        else:
            data = _PIXEL if attachment.kind == "photo" else b"%PDF-1.4 sandbox file\n"
        mime = attachment.mime_type or default_mime
        filename = attachment.filename or (None if attachment.kind == "photo" else f"file.{extension}")
        file = await world.add_file(attachment.kind, data, mime, filename, folder, extension)
        ids = {"file_id": file.file_id, "file_unique_id": file.file_unique_id, "file_size": file.size}
        if attachment.kind == "photo":
            # Telegram sends every size it made, smallest first; the sandbox makes a thumbnail and the original.
            thumbnail = {**ids, "file_id": f"{file.file_id}-thumb", "file_size": min(file.size, 1024)}
            return [{**thumbnail, "width": 90, "height": 67}, {**ids, "width": 800, "height": 600}]
        named = {"file_name": filename} if filename else {}
        return {**ids, "mime_type": mime, **named}

    async def _retry(update_id: int) -> CustomerMessageOut | JSONResponse:
        previous = next(
            (d for d in await state.store.deliveries(CHANNEL) if d.meta.get("update_id") == update_id), None
        )
        if previous is None:
            raise HTTPException(404, f"no update {update_id} was posted (or it was cleared)")
        delivery = await _deliver(previous.body, previous.contact_id, previous.message_id, dict(previous.meta))
        if delivery[0] is None:
            return _unreachable(delivery[2])
        return CustomerMessageOut(
            update_id=update_id,
            message_id=previous.meta.get("message_id"),
            callback_query_id=previous.meta.get("callback_query_id"),
            payload=json.loads(previous.body),
            ingest_status=delivery[0],
            ingest_body=delivery[1] or "",
            retry=True,
            callback_answered=await _run_answer(delivery[1]) if delivery[0] == 200 else None,
        )

    async def _post(
        chat: Chat,
        update: dict[str, Any],
        entry: ChatEntry,
        *,
        message_id: int | None,
        callback_query_id: str | None = None,
    ) -> CustomerMessageOut | JSONResponse:
        body = serialize(update)
        meta = {"update_id": update["update_id"], "name": chat.first_name, "message_id": message_id}
        if callback_query_id:
            meta["callback_query_id"] = callback_query_id
        status, text, error = await _deliver(
            body, str(chat.chat_id), str(message_id) if message_id is not None else callback_query_id, meta
        )
        entry.ingest_status = status
        if status is None:
            return _unreachable(error)
        answered = await _run_answer(text) if status == 200 else None
        return CustomerMessageOut(
            update_id=update["update_id"],
            message_id=message_id,
            callback_query_id=callback_query_id,
            payload=update,
            ingest_status=status,
            ingest_body=text or "",
            callback_answered=answered if callback_query_id else None,
        )

    async def _deliver(
        body: bytes, contact_id: str | None, message_id: str | None, meta: dict[str, Any]
    ) -> tuple[int | None, str | None, str | None]:
        headers = {"Content-Type": "application/json"}
        if world.webhook_secret:
            headers[SECRET_HEADER] = world.webhook_secret
        return await _post_to(world.webhook_url, body, headers, contact_id, message_id, meta, kind="message")

    async def _post_to(
        url: str,
        body: bytes,
        headers: dict[str, str],
        contact_id: str | None,
        message_id: str | None,
        meta: dict[str, Any],
        *,
        kind: Literal["message", "raw"],
    ) -> tuple[int | None, str | None, str | None]:
        delivery = await state.deliver(
            channel=CHANNEL,
            kind=kind,
            body=body,
            headers=headers,
            contact_id=contact_id,
            message_id=message_id,
            meta=meta,
            url=url,
        )
        return delivery.ingest_status, delivery.ingest_body, delivery.error

    async def _run_answer(answer: str | None) -> bool:
        """Ingest's webhook answer may name one Bot API call to make (only answerCallbackQuery is expected)."""
        try:
            call = json.loads(answer) if answer else None
        except ValueError:
            return False
        if not isinstance(call, dict) or call.get("method") != "answerCallbackQuery" or world.answer_query is None:
            return False
        try:
            await world.answer_query(call)
        except Exception:  # a refused answer is recorded by the Bot API side; the tap just keeps spinning
            return False
        return True

    page = resources.files("parley_sandbox.telegram").joinpath("page.html").read_text()

    @router.get("", response_class=HTMLResponse, summary="A Telegram-like chat page: be the customer")
    async def chat_page() -> HTMLResponse:
        return HTMLResponse(page)

    @router.get("/config", summary="The sandbox bot and where its updates go (nothing secret)")
    async def config() -> dict[str, Any]:
        return {"bot_id": str(world.bot_id), "username": world.bot_user["username"], "webhook_url": world.webhook_url}

    @router.post("/raw", response_model=RawOut, summary="Post any body, with the right, a wrong or no secret token")
    async def raw(req: RawIn) -> RawOut | JSONResponse:
        body = req.body.encode() if isinstance(req.body, str) else serialize(req.body)
        headers = {"Content-Type": "application/json"}
        if req.secret == "valid" and world.webhook_secret:
            headers[SECRET_HEADER] = world.webhook_secret
        elif req.secret == "invalid":
            headers[SECRET_HEADER] = "not-the-webhook-secret"
        url = world.webhook_url if req.bot_id is None else world.webhook_url.rsplit("/", 1)[0] + f"/{req.bot_id}"
        status, text, error = await _post_to(url, body, headers, None, None, {"secret": req.secret}, kind="raw")
        if status is None:
            return _unreachable(error)
        return RawOut(url=url, ingest_status=status, ingest_body=text or "")

    @router.get("/conversations", response_model=list[ConversationSummary], summary="Customers seen so far")
    async def conversations() -> list[ConversationSummary]:
        summaries = [
            ConversationSummary(
                chat_id=str(chat.chat_id),
                name=chat.first_name,
                messages=len(chat.entries),
                last_time=chat.entries[-1].time if chat.entries else 0.0,
            )
            for chat in world.chats.values()
        ]
        return sorted(summaries, key=lambda s: s.last_time, reverse=True)

    @router.get("/conversations/{chat_id}", response_model=Transcript, summary="The chat: both directions in order")
    async def transcript(chat_id: str) -> Transcript:
        chat = world.chats.get(int(chat_id)) if chat_id.isdigit() else None
        if chat is None:
            return Transcript(chat_id=chat_id, name=None, messages=[])
        return Transcript(chat_id=chat_id, name=chat.first_name, messages=[_view(e) for e in chat.entries])

    return router


def _buttons(message: dict[str, Any]) -> list[Button]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return [
        Button(text=b["text"], callback_data=b.get("callback_data")) for row in rows for b in row if isinstance(b, dict)
    ]


def _view(entry: ChatEntry) -> TranscriptEntry:
    message = entry.message
    media = None
    for field in ("photo", "document", "video", "voice", "audio", "sticker"):
        if field in message:
            item = message[field][-1] if isinstance(message[field], list) else message[field]
            file_id = item["file_id"]
            media = MediaView(
                kind=field if field != "photo" else "image",
                file_id=file_id,
                mime_type=item.get("mime_type"),
                filename=item.get("file_name"),
                url=f"/sandbox/media/{file_id}" if not file_id.startswith("http") else file_id,
            )
    tap = None
    if entry.kind == "button_reply":
        data = message.get("data")
        label = next((b.text for b in _buttons(message.get("message") or {}) if b.callback_data == data), data)
        tap = Button(text=label or "", callback_data=data)
    status = "accepted" if entry.author == "business" else _status(entry.ingest_status)
    reply = message.get("reply_to_message")
    return TranscriptEntry(
        author=entry.author,
        message_id=entry.message_id,
        time=entry.time,
        iso_time=datetime.fromtimestamp(entry.time, UTC).isoformat(),
        type=entry.kind,
        text=message.get("text") or message.get("caption") or (tap.text if tap else None),
        buttons=_buttons(message) if entry.author == "business" else [],
        media=media,
        reply_to=reply.get("message_id") if isinstance(reply, dict) else None,
        button_reply=tap,
        edited_text=entry.edited_text,
        callback_answered=entry.answered if entry.kind == "button_reply" else None,
        status=status,
        ingest_status=entry.ingest_status,
    )


def _status(ingest_status: int | None) -> str:
    if ingest_status is None:
        return "unreachable"
    return "received" if 200 <= ingest_status < 300 else "rejected"


def _unreachable(error: str | None) -> JSONResponse:
    return JSONResponse(status_code=502, content={"error": "ingest unreachable", "detail": error})
