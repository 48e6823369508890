"""A WhatsApp customer for end-to-end and browser tests: writes through the channel sandbox (which signs and posts
the webhook to ingest) and reads what the business sent back. `Phone` for async tests, `SyncPhone` for the
browser tests (Playwright's sync API)."""

import struct
import time
import uuid
import zlib

import httpx

from parley_contracts import Channel, thread_key
from parley_devstack.services import RunningStack
from tests.kafka_helpers import eventually

ACCOUNT = "100000000000001"  # the sandbox's phone_number_id (WHATSAPP_PHONE_NUMBER_ID)


def customer() -> str:
    return "5215" + str(uuid.uuid4().int)[:9]


def png(width: int = 4, height: int = 4) -> bytes:
    raw = b"".join(b"\x00" + b"\x00\x80\xff" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


SAYS = "/sandbox/whatsapp/messages"


def message_body(wa_id: str, name: str, text: str, hours_ago: float = 0) -> dict:
    """What the sandbox's customer API takes; `hours_ago`: a message WhatsApp delivers late."""
    body: dict = {"from": wa_id, "name": name, "text": text}
    if hours_ago:
        body["timestamp"] = int(time.time() - hours_ago * 3600)
    return body


def accepted(sent: httpx.Response) -> None:
    assert sent.status_code == 200 and sent.json()["ingest_status"] == 200, sent.text


def from_business(transcript: httpx.Response) -> list[dict]:
    return [m for m in transcript.json()["messages"] if m["author"] == "business"]


async def thread_messages(http: httpx.AsyncClient, api: str, key: str, headers: dict[str, str]) -> list[dict]:
    """A thread's messages as operators see them, without the activity notes; none while the router has not
    written the thread yet (404)."""
    response = await http.get(f"{api}/api/threads/{key}/messages", headers=headers)
    if response.status_code == 404:
        return []
    assert response.status_code == 200, response.text
    return [m for m in response.json()["items"] if m["type"] != "activity"]


class SandboxCustomer:
    """A customer played through a channel's sandbox: `received()` is what the business sent them so far."""

    async def received(self) -> list[dict]:
        raise NotImplementedError

    async def wait_for(self, count: int, timeout: float = 45) -> list[dict]:
        """At least `count` messages from the business, within `timeout` seconds."""

        async def enough() -> list[dict] | None:
            got = await self.received()
            return got if len(got) >= count else None

        got = await eventually(enough, timeout=timeout)
        assert got, f"the customer did not receive {count} messages: {await self.received()}"
        return got


class Phone(SandboxCustomer):
    """The customer's side, through the sandbox."""

    def __init__(self, http: httpx.AsyncClient, stack: RunningStack, wa_id: str, name: str = "Carla Souza") -> None:
        self.http, self.sandbox, self.wa_id, self.name = http, stack.url("sandbox"), wa_id, name
        self.thread_key = thread_key("demo", Channel.WHATSAPP, ACCOUNT, wa_id)

    async def say(self, text: str, *, hours_ago: float = 0) -> None:
        accepted(await self.http.post(self.sandbox + SAYS, json=message_body(self.wa_id, self.name, text, hours_ago)))

    async def tap(self, button_id: str, title: str) -> None:
        """Tap one of the business's reply buttons."""
        body = {"from": self.wa_id, "name": self.name, "button_reply": {"id": button_id, "title": title}}
        accepted(await self.http.post(self.sandbox + SAYS, json=body))

    async def received(self) -> list[dict]:
        return from_business(await self.http.get(f"{self.sandbox}/sandbox/whatsapp/conversations/{self.wa_id}"))


class SyncPhone:
    """The same customer for synchronous tests, with a new number."""

    def __init__(self, http: httpx.Client, stack: RunningStack, name: str) -> None:
        self.http, self.sandbox, self.name = http, stack.url("sandbox"), name
        self.wa_id = customer()
        self.thread_key = thread_key("demo", Channel.WHATSAPP, ACCOUNT, self.wa_id)

    def say(self, text: str, *, hours_ago: float = 0) -> None:
        accepted(self.http.post(self.sandbox + SAYS, json=message_body(self.wa_id, self.name, text, hours_ago)))

    def received(self) -> list[dict]:
        return from_business(self.http.get(f"{self.sandbox}/sandbox/whatsapp/conversations/{self.wa_id}"))


TELEGRAM_BOT_ID = "7000000001"  # the sandbox's bot (demo_channel_accounts.json)


class TelegramCustomer(SandboxCustomer):
    """The customer's Telegram app, through the sandbox."""

    def __init__(self, http: httpx.AsyncClient, stack: RunningStack, name: str = "Lucía") -> None:
        self.http, self.sandbox, self.name = http, stack.url("sandbox"), name
        self.chat_id = str(100_000_000 + uuid.uuid4().int % 900_000_000)
        self.thread_key = thread_key("demo", Channel.TELEGRAM, TELEGRAM_BOT_ID, self.chat_id)

    async def send(self, **body: object) -> dict:
        response = await self.http.post(
            self.sandbox + "/sandbox/telegram/messages", json={"from": self.chat_id, "name": self.name, **body}
        )
        assert response.status_code == 200, response.text
        sent = response.json()
        assert sent["ingest_status"] == 200, sent
        return sent

    async def say(self, text: str) -> dict:
        return await self.send(text=text)

    async def received(self) -> list[dict]:
        transcript = await self.http.get(f"{self.sandbox}/sandbox/telegram/conversations/{self.chat_id}")
        return [m for m in transcript.json()["messages"] if m["author"] == "business"]
