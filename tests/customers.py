"""A WhatsApp customer for end-to-end and browser tests: writes through the channel sandbox (which signs and posts
the webhook to ingest) and reads what the business sent back."""

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


class Phone:
    """The customer's side, through the sandbox."""

    def __init__(self, http: httpx.AsyncClient, stack: RunningStack, wa_id: str, name: str = "Carla Souza") -> None:
        self.http, self.sandbox, self.wa_id, self.name = http, stack.url("sandbox"), wa_id, name
        self.thread_key = thread_key("demo", Channel.WHATSAPP, ACCOUNT, wa_id)

    async def say(self, text: str, *, hours_ago: float = 0) -> None:
        body = {"from": self.wa_id, "name": self.name, "text": text}
        if hours_ago:
            body["timestamp"] = int(time.time() - hours_ago * 3600)
        sent = await self.http.post(self.sandbox + "/sandbox/whatsapp/messages", json=body)
        assert sent.status_code == 200 and sent.json()["ingest_status"] == 200, sent.text

    async def received(self) -> list[dict]:
        transcript = await self.http.get(f"{self.sandbox}/sandbox/whatsapp/conversations/{self.wa_id}")
        return [m for m in transcript.json()["messages"] if m["author"] == "business"]

    async def wait_for(self, count: int, timeout: float = 45) -> list[dict]:
        async def enough() -> list[dict] | None:
            got = await self.received()
            return got if len(got) >= count else None

        got = await eventually(enough, timeout=timeout)
        assert got, f"the customer did not receive {count} messages: {await self.received()}"
        return got
