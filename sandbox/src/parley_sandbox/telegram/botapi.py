"""Bot API side: the slice of `https://api.telegram.org/bot<token>/<method>` Parley calls, under `/telegram`.

Like Telegram: the token is checked first (401 `Unauthorized`), an unknown method is a 404, parameters come as a
query string, JSON, a form or multipart (files), and every refusal is `{"ok": false, "error_code", "description":
"Bad Request: …"}` (429s with `parameters.retry_after`). Sends are checked against the documented constraints
(limits.json): a chat that wrote to the bot, text 1–4096, captions ≤ 1024, inline keyboards with 1–64-byte
callback data, the message replied to, uploaded file sizes. Each call is recorded (`/sandbox/sent?channel=telegram`)
and sent messages join the chat (the customer's transcript). `GET /telegram/file/bot<token>/<file_path>` serves
files, after `getFile`."""

import asyncio
import hmac
import json
import mimetypes
import re
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from starlette.datastructures import UploadFile

from parley_sandbox.logs import get_logger
from parley_sandbox.state import SandboxState
from parley_sandbox.telegram.world import CHANNEL, Chat, TelegramWorld, limits, utf16_length

log = get_logger("parley_sandbox.telegram.botapi")


class TelegramError(Exception):
    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"ok": False, "error_code": self.code, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def bad_request(what: str) -> TelegramError:
    return TelegramError(400, f"Bad Request: {what}")


# Send methods: the parameter the file goes in, the message's kind, and where getFile puts it.
_MEDIA_METHODS: dict[str, tuple[str, str, str]] = {
    "sendphoto": ("photo", "photo", "photos"),
    "senddocument": ("document", "document", "documents"),
    "sendvideo": ("video", "video", "videos"),
    "sendaudio": ("audio", "audio", "music"),
    "sendvoice": ("voice", "voice", "voice"),
    "sendsticker": ("sticker", "sticker", "stickers"),
}
_SECRET_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")

Params = dict[str, Any]


def build_router(state: SandboxState, world: TelegramWorld) -> APIRouter:
    router = APIRouter(prefix="/telegram", tags=["telegram: provider (Bot API)"])

    @router.api_route("/bot{token}/{method}", methods=["GET", "POST"], summary="A Bot API method")
    async def call(token: str, method: str, request: Request) -> JSONResponse:
        if not hmac.compare_digest(token.encode(), world.token.encode()):
            return _error(TelegramError(401, "Unauthorized"))
        handler = handlers.get(method.lower())
        if handler is None:
            return _error(TelegramError(404, "Not Found"))
        params: Params = {}
        try:
            params = await _params(request)
            result = await handler(params, method)
        except TelegramError as error:
            await _record(method, params, error.code, None, error=error.body())
            log.info("telegram.call.rejected", method=method, status=error.code, description=error.description)
            return _error(error)
        return JSONResponse({"ok": True, "result": result})

    @router.get("/file/bot{token}/{file_path:path}", summary="Download a file getFile named")
    async def download(token: str, file_path: str) -> Response:
        file = world.file_by_path(file_path) if hmac.compare_digest(token.encode(), world.token.encode()) else None
        stored = await state.media.get(file.media_id) if file else None
        if stored is None:
            return _error(TelegramError(404, "Not Found"))
        return Response(stored.data, media_type=stored.mime_type)

    async def get_me(params: Params, method: str) -> Any:
        return {**world.bot_user, "can_join_groups": True, "supports_inline_queries": False}

    async def set_webhook(params: Params, method: str) -> Any:
        url = params.get("url")
        if not isinstance(url, str):
            raise bad_request("bad webhook: URL is empty")
        secret = params.get("secret_token")
        if secret is not None and not (isinstance(secret, str) and _SECRET_TOKEN.match(secret)):
            raise bad_request("bad webhook: secret token contains unallowed characters")
        if url:
            world.webhook_url, world.webhook_secret = url, secret
        await _record(method, params, 200, None)
        return True

    async def get_webhook_info(params: Params, method: str) -> Any:
        return {"url": world.webhook_url, "has_custom_certificate": False, "pending_update_count": 0}

    async def send_message(params: Params, method: str) -> Any:
        chat = _chat(params)
        text = params.get("text")
        if not isinstance(text, str) or not text.strip():
            raise bad_request("message text is empty")
        if utf16_length(text) > limits().text_chars:
            raise bad_request("message is too long")
        message = _new_message(chat, params, text=text)
        return await _sent(method, chat, message, params, "text")

    async def send_media(params: Params, method: str) -> Any:
        field, kind, folder = _MEDIA_METHODS[method.lower()]
        chat = _chat(params)
        caption = params.get("caption")
        if caption is not None and not isinstance(caption, str):
            raise bad_request("can't parse caption")
        if caption and kind != "sticker" and utf16_length(caption) > limits().caption_chars:
            raise bad_request("message caption is too long")
        file_object, media = await _file(params.get(field), field, kind, folder)
        extra: dict[str, Any] = {field: file_object}
        if caption and kind != "sticker":
            extra["caption"] = caption
        message = _new_message(chat, params, **extra)
        return await _sent(method, chat, message, params, kind, media)

    async def get_file(params: Params, method: str) -> Any:
        file = world.files.get(str(params.get("file_id") or ""))
        if file is None:
            raise bad_request("invalid file_id")
        await _record(method, params, 200, None)
        if file.size > limits().download_max_bytes:
            raise bad_request("file is too big")
        return {
            "file_id": file.file_id,
            "file_unique_id": file.file_unique_id,
            "file_size": file.size,
            "file_path": file.file_path,
        }

    async def answer_callback_query(params: Params, method: str) -> Any:
        return await answer_query(params, method, via="api")

    async def answer_query(params: Params, method: str, via: str) -> Any:
        query_id = params.get("callback_query_id")
        entry = world.open_queries.get(str(query_id)) if query_id is not None else None
        if entry is None:
            raise bad_request("query is too old and response timeout expired or query ID is invalid")
        text = params.get("text")
        if isinstance(text, str) and utf16_length(text) > limits().callback_answer_chars:
            raise bad_request("MESSAGE_TOO_LONG")
        entry.answered = True
        del world.open_queries[str(query_id)]
        await _record(method, params, 200, str(query_id), meta={"via": via})
        log.info("telegram.callback_answered", callback_query_id=query_id, via=via)
        return True

    handlers: dict[str, Callable[[Params, str], Awaitable[Any]]] = {
        "getme": get_me,
        "setwebhook": set_webhook,
        "getwebhookinfo": get_webhook_info,
        "sendmessage": send_message,
        **dict.fromkeys(_MEDIA_METHODS, send_media),
        "getfile": get_file,
        "answercallbackquery": answer_callback_query,
    }
    # The customer side runs a method ingest put in its webhook answer (answerCallbackQuery) through here.
    world.answer_query = lambda params: answer_query(params, "answerCallbackQuery", via="webhook_response")

    def _chat(params: Params) -> Chat:
        raw = params.get("chat_id")
        if raw is None or raw == "":
            raise bad_request("chat_id is empty")
        try:
            chat_id = int(raw)
        except (TypeError, ValueError):
            raise bad_request("chat not found") from None
        chat = world.chats.get(chat_id)
        if chat is None:  # a bot can only write to someone who wrote to it first
            raise bad_request("chat not found")
        return chat

    def _new_message(chat: Chat, params: Params, **content: Any) -> dict[str, Any]:
        parse_mode = params.get("parse_mode")
        if parse_mode is not None and parse_mode not in limits().parse_modes:
            raise bad_request(f"unsupported parse_mode {parse_mode!r}")
        message: dict[str, Any] = {"from": world.bot_user, "chat": world.chat_object(chat), "date": int(state.clock())}
        reply = _json_param(params, "reply_parameters")
        if reply is not None:
            replied = world.message(chat, reply.get("message_id")) if isinstance(reply, dict) else None
            if replied is None and not (isinstance(reply, dict) and reply.get("allow_sending_without_reply")):
                raise bad_request("message to be replied not found")
            if replied is not None:
                message["reply_to_message"] = replied.message
        markup = _json_param(params, "reply_markup")
        if markup is not None:
            _check_markup(markup)
            if "inline_keyboard" in markup:
                message["reply_markup"] = {"inline_keyboard": markup["inline_keyboard"]}
        return {**message, **content}

    async def _file(value: Any, field: str, kind: str, folder: str) -> tuple[Any, dict[str, Any]]:
        """The file a send names: an upload (multipart), a file id Telegram knows, or an HTTP URL."""
        if isinstance(value, UploadFile):
            data = await value.read()
            limit = limits().photo_max_bytes if kind == "photo" else limits().upload_max_bytes
            if len(data) > limit:
                raise (
                    TelegramError(413, "Request Entity Too Large")
                    if kind != "photo"
                    else bad_request("PHOTO_INVALID_DIMENSIONS")
                )
            if not data:
                raise bad_request("file must be non-empty")
            mime = value.content_type or mimetypes.guess_type(value.filename or "")[0] or "application/octet-stream"
            extension = (mimetypes.guess_extension(mime) or ".bin").lstrip(".")
            file = await world.add_file(kind, data, mime, value.filename, folder, extension)
        elif isinstance(value, str) and value in world.files:
            file = world.files[value]
            stored = await state.media.get(file.media_id)
            mime = stored.mime_type if stored else "application/octet-stream"
        elif isinstance(value, str) and value.startswith(("http://", "https://")):
            return {"file_id": value, "file_unique_id": value}, {"kind": kind, "link": value}
        elif value is None or value == "":
            raise bad_request(f"there is no {field} in the request")
        else:
            raise bad_request("wrong file identifier/HTTP URL specified")
        stored = await state.media.get(file.media_id)
        ids = {"file_id": file.file_id, "file_unique_id": file.file_unique_id, "file_size": file.size}
        media = {"kind": kind, "id": file.media_id, "mime_type": mime, "filename": stored.filename if stored else None}
        if kind == "photo":
            return [{**ids, "width": 1280, "height": 960}], media
        named = {"file_name": stored.filename} if stored and stored.filename else {}
        return {**ids, "mime_type": mime, **named}, media

    async def _sent(
        method: str, chat: Chat, message: dict[str, Any], params: Params, kind: str, media: dict | None = None
    ) -> dict[str, Any]:
        fault = await state.faults.take(CHANNEL)
        if fault is not None:
            if fault.delay_seconds:
                await asyncio.sleep(fault.delay_seconds)
            if fault.status >= 400:
                raise _fault_error(fault.status, fault.message)
        message_id = next(chat.next_message_id)
        message = {"message_id": message_id, **message}
        world.record(chat, author="business", message_id=message_id, message=message, kind=kind)
        await _record(
            method,
            params,
            200,
            str(message_id),
            to=str(chat.chat_id),
            type_=kind,
            meta={"media": media} if media else {},
        )
        log.info("telegram.send.accepted", method=method, chat_id=chat.chat_id, message_id=message_id)
        return message

    async def _record(
        method: str,
        params: Params,
        status: int,
        message_id: str | None,
        *,
        to: str | None = None,
        type_: str | None = None,
        error: dict | None = None,
        meta: dict | None = None,
    ) -> None:
        if to is None and method.lower().startswith("send") and params.get("chat_id") is not None:
            to = str(params["chat_id"])
        await state.store.add_request(
            channel=CHANNEL,
            account_id=str(world.bot_id),
            to=to,
            type=type_ or method,
            body=_recordable(params),
            status_code=status,
            message_id=message_id,
            error=error,
            meta=meta or {},
        )

    return router


def _check_markup(markup: Any) -> None:
    """An inline keyboard as the Bot API takes it (other keyboards are accepted as they are)."""
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" not in markup:
        return
    rows = markup["inline_keyboard"]
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request("can't parse inline keyboard button: InlineKeyboardMarkup must be an Array of Arrays")
    for row in rows:
        for button in row:
            if not isinstance(button, dict) or not isinstance(button.get("text"), str) or not button["text"]:
                raise bad_request(
                    "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
                )
            actions = [key for key in button if key != "text"]
            if len(actions) != 1:
                raise bad_request("can't parse inline keyboard button: exactly one of the optional fields must be used")
            data = button.get("callback_data")
            if "callback_data" in button and (
                not isinstance(data, str) or not 1 <= len(data.encode()) <= limits().callback_data_bytes
            ):
                raise bad_request("BUTTON_DATA_INVALID")


def _json_param(params: Params, name: str) -> Any:
    """An object parameter: JSON in a JSON body, a JSON string in a form or query string."""
    value = params.get(name)
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            raise bad_request(f"can't parse {name} JSON object") from None
    return value


def _fault_error(status: int, message: str | None) -> TelegramError:
    if status == 429:
        return TelegramError(429, message or "Too Many Requests: retry after 1", retry_after=1)
    if status >= 500:
        return TelegramError(status, message or "Internal Server Error")
    return TelegramError(status, message or "Bad Request: injected by the sandbox")


async def _params(request: Request) -> Params:
    """Query string, then the body (JSON, urlencoded or multipart with files), as Telegram reads them."""
    params: Params = dict(request.query_params)
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("application/json"):
        try:
            body = json.loads(await request.body() or b"{}")
        except ValueError:
            raise bad_request("can't parse JSON encoded request") from None
        if isinstance(body, dict):
            params.update(body)
    elif content_type.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
        form = await request.form()
        for key, value in form.multi_items():
            params[key] = value
    return params


def _recordable(params: Params) -> dict[str, Any]:
    """The call's parameters for the recording: files by name and size, objects parsed."""
    recorded: dict[str, Any] = {}
    for key, value in params.items():
        if isinstance(value, UploadFile):
            recorded[key] = {"upload": value.filename, "content_type": value.content_type, "size": value.size}
        elif key in ("reply_markup", "reply_parameters") and isinstance(value, str):
            try:
                recorded[key] = json.loads(value)
            except ValueError:
                recorded[key] = value
        else:
            recorded[key] = value
    return recorded


def _error(error: TelegramError) -> JSONResponse:
    return JSONResponse(status_code=error.code, content=error.body())
