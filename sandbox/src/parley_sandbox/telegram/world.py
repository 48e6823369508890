"""What the sandbox's Telegram remembers, shared by the Bot API side (botapi.py) and the customer side
(customer.py): the bot, its webhook, every chat's messages in both directions (message ids are per chat and
shared by both sides, as in a private chat), the callback queries waiting for an answer, and the files either
side sent (what `getFile` serves). In memory, bounded like the rest of the sandbox's recordings."""

import hashlib
import itertools
import json
import secrets
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Literal

from pydantic import BaseModel

from parley_sandbox.state import SandboxState

CHANNEL = "telegram"
# Telegram starts a bot's update ids at "a certain positive number" and counts up.
FIRST_UPDATE_ID = 700_000_001


class BotApiLimits(BaseModel):
    text_chars: int
    caption_chars: int
    callback_data_bytes: int
    callback_answer_chars: int
    photo_max_bytes: int
    upload_max_bytes: int
    download_max_bytes: int
    parse_modes: list[str]


@cache
def limits() -> BotApiLimits:
    raw = resources.files("parley_sandbox.telegram").joinpath("limits.json").read_text()
    return BotApiLimits.model_validate(json.loads(raw))


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass
class ChatEntry:
    """One message of a chat as the customer's app shows it."""

    seq: int
    time: float
    author: Literal["customer", "business"]
    message_id: int | None  # None for a button tap (a callback query is no message)
    message: dict[str, Any]  # the Bot API Message object (or the CallbackQuery for a tap)
    kind: str  # text, photo, document, …, button_reply, edit
    ingest_status: int | None = None  # customer side: what ingest answered
    callback_query_id: str | None = None
    answered: bool = False  # a tap: the bot called answerCallbackQuery
    edited_text: str | None = None


@dataclass
class TgFile:
    file_id: str
    file_unique_id: str
    file_path: str
    media_id: str  # in the sandbox's media store (GET /sandbox/media/{id})
    size: int


@dataclass
class Chat:
    chat_id: int
    first_name: str
    first_message_id: int = 1
    next_message_id: itertools.count = field(init=False)
    entries: list[ChatEntry] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.next_message_id = itertools.count(self.first_message_id)


class TelegramWorld:
    def __init__(self, state: SandboxState) -> None:
        self.state = state
        settings = state.settings
        self.token = settings.telegram_bot_token
        self.bot_id = int(self.token.split(":", 1)[0])
        self.webhook_url = f"{settings.ingest_webhook_url(CHANNEL)}/{self.bot_id}"
        self.webhook_secret: str | None = settings.telegram_webhook_secret
        self.chats: OrderedDict[int, Chat] = OrderedDict()
        self.files: OrderedDict[str, TgFile] = OrderedDict()
        self.open_queries: dict[str, ChatEntry] = {}
        # Set by botapi: runs answerCallbackQuery when ingest asks for it in its webhook answer.
        self.answer_query: Callable[[dict[str, Any]], Awaitable[Any]] | None = None
        self._id_base = settings.sandbox_id_base
        self._update_ids = itertools.count(FIRST_UPDATE_ID + self._id_base)
        self._seq = itertools.count(1)
        self._max = settings.sandbox_max_records

    @property
    def bot_user(self) -> dict[str, Any]:
        return {"id": self.bot_id, "is_bot": True, "first_name": "Parley Sandbox", "username": "parley_sandbox_bot"}

    def chat(self, chat_id: int, first_name: str | None = None) -> Chat:
        chat = self.chats.get(chat_id)
        if chat is None:
            chat = self.chats[chat_id] = Chat(chat_id, first_name or "Sandbox Customer", 1 + self._id_base)
            while len(self.chats) > self._max:
                self.chats.popitem(last=False)
        elif first_name:
            chat.first_name = first_name
        return chat

    def next_update_id(self) -> int:
        return next(self._update_ids)

    def record(self, chat: Chat, **fields: Any) -> ChatEntry:
        entry = ChatEntry(seq=next(self._seq), time=self.state.clock(), **fields)
        chat.entries.append(entry)
        if len(chat.entries) > self._max:
            del chat.entries[0]
        if entry.callback_query_id:
            self.open_queries[entry.callback_query_id] = entry
        return entry

    def message(self, chat: Chat, message_id: int) -> ChatEntry | None:
        return next((e for e in chat.entries if e.message_id == message_id and e.kind != "edit"), None)

    def chat_object(self, chat: Chat) -> dict[str, Any]:
        return {"id": chat.chat_id, "first_name": chat.first_name, "type": "private"}

    def user_object(self, chat: Chat) -> dict[str, Any]:
        return {"id": chat.chat_id, "is_bot": False, "first_name": chat.first_name, "language_code": "en"}

    async def add_file(
        self, kind: str, data: bytes, mime_type: str, filename: str | None, folder: str, extension: str
    ) -> TgFile:
        """A file either side sent: kept in the media store (for the page) and known to `getFile`."""
        file_id = f"SBX{kind[:3].upper()}{secrets.token_urlsafe(24)}"
        media = await self.state.media.add(
            id=file_id,
            channel=CHANNEL,
            account_id=str(self.bot_id),
            kind=kind,
            mime_type=mime_type,
            filename=filename,
            data=data,
            sha256=hashlib.sha256(data).hexdigest(),
        )
        number = len(self.files) + 1
        file = TgFile(file_id, secrets.token_urlsafe(8), f"{folder}/file_{number}.{extension}", media.id, len(data))
        self.files[file_id] = file
        while len(self.files) > self._max:
            self.files.popitem(last=False)
        return file

    def file_by_path(self, path: str) -> TgFile | None:
        return next((f for f in self.files.values() if f.file_path == path), None)
