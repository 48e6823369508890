"""The steady customer load: one new customer per message (one message = one thread = one expected reply),
sent through the sandbox's customer API, retried the way WhatsApp retries an unanswered webhook (same wamid,
same bytes) until ingest answers 200 or the scenario's retry deadline passes. Every attempt's outcome is kept,
so the accounting can tell a designed 503 from an unexpected 500 and from the sandbox's own 502s."""

import asyncio
import random
import time
from dataclasses import dataclass, field

import httpx

# Mostly texts the bot answers, some that hand off (a holding message is also a reply).
TEXTS = ("hello", "I want to talk to a person", "hola", "thanks", "what are your opening hours?")
UNREACHABLE = "sandbox-502"  # the sandbox could not reach ingest (connection refused, reset)
INGEST_TIMEOUT = "sandbox-502-timeout"  # the sandbox gave up waiting for ingest
NO_ANSWER = "no-answer"  # the sandbox itself did not answer chaos in time


@dataclass
class CustomerMessage:
    wa_id: str
    wamid: str
    text: str
    outcomes: list[str] = field(default_factory=list)  # one per attempt: ingest's status, or one of the above

    @property
    def acknowledged(self) -> bool:
        return "200" in self.outcomes


def retry_delay(attempt: int) -> float:
    """Like a provider's webhook retries: soon at first, then less and less often (capped, with jitter)."""
    return min(30.0, 2.0 ** (attempt - 1)) * random.uniform(0.8, 1.2)


def outcome(response: httpx.Response) -> str:
    if response.status_code == 200:
        return str(response.json()["ingest_status"])
    if response.status_code == 502:
        detail = str(response.json().get("detail") or "")
        return INGEST_TIMEOUT if "Timeout" in detail else UNREACHABLE
    return f"sandbox-{response.status_code}"


class CustomerLoad:
    """Open loop: messages start on schedule whatever ingest does, so an outage shows up as retries."""

    def __init__(self, http: httpx.AsyncClient, sandbox_url: str, id_prefix: str, rate: float) -> None:
        self._http = http
        self._url = sandbox_url + "/sandbox/whatsapp/messages"
        self._prefix = id_prefix  # digits, unique per scenario and run
        self._rate = rate
        self.messages: list[CustomerMessage] = []
        self.retry_until = float("inf")  # monotonic; set when the scenario starts settling
        self.paused = False  # new messages only; retries go on
        self._tasks: set[asyncio.Task[None]] = set()

    async def run(self, stop: asyncio.Event) -> None:
        """Start one message every 1/rate seconds until `stop` is set (none while paused)."""
        next_at = time.monotonic()
        while not stop.is_set():
            if self.paused:
                await asyncio.sleep(0.2)
                next_at = time.monotonic()
                continue
            self._start_one()
            next_at += 1 / self._rate
            try:
                await asyncio.wait_for(stop.wait(), max(0.0, next_at - time.monotonic()))
            except TimeoutError:
                pass

    def _start_one(self) -> None:
        i = len(self.messages)
        message = CustomerMessage(f"{self._prefix}{i:05d}", f"wamid.chaos.{self._prefix}.{i}", TEXTS[i % len(TEXTS)])
        self.messages.append(message)
        task = asyncio.create_task(self._deliver(message))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    @property
    def in_flight(self) -> int:
        return len(self._tasks)

    async def cancel(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def _deliver(self, message: CustomerMessage) -> None:
        attempt = 0
        while True:
            attempt += 1
            message.outcomes.append(await self._post(message))
            if message.acknowledged:
                return
            pause = retry_delay(attempt)
            if time.monotonic() + pause > self.retry_until:
                return
            await asyncio.sleep(pause)

    async def _post(self, message: CustomerMessage) -> str:
        # The same wamid every time: once the sandbox has posted it, it replays those exact bytes, as Meta would.
        body = {"from": message.wa_id, "message_id": message.wamid, "text": message.text, "name": "Chaos Customer"}
        try:
            return outcome(await self._http.post(self._url, json=body))
        except httpx.HTTPError:
            return NO_ANSWER
