"""Outbound's delivery step with fakes for the ledger, the channel and the broker."""

from parley_contracts import Channel
from parley_outbound.channels.base import PermanentSendError, RetryableSendError, SendResult
from parley_outbound.handlers import OutboundHandlers
from parley_outbound.ledger import LedgerEntry, SendState
from tests.events import send
from tests.fakes import RecordingBroker


class FakeLedger:
    def __init__(self, previous: LedgerEntry | None = None) -> None:
        self.previous = previous
        self.sent: list[tuple[str, str, int]] = []
        self.failed: list[tuple[str, str, int]] = []

    async def claim(self, send_id, thread_key):
        return self.previous

    async def record_attempt(self, send_id, attempts, error):
        pass

    async def mark_sent(self, send_id, provider_message_id, attempts):
        self.sent.append((send_id, provider_message_id, attempts))

    async def mark_failed(self, send_id, error, attempts):
        self.failed.append((send_id, error, attempts))


class ScriptedSender:
    def __init__(self, *outcomes) -> None:
        self.outcomes = list(outcomes)
        self.calls = 0

    async def send(self, message):
        self.calls += 1
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome


def handlers(ledger, sender, broker, max_attempts=3, sleeps=None):
    async def sleep(seconds):
        if sleeps is not None:
            sleeps.append(seconds)

    return OutboundHandlers(
        broker,
        ledger,
        {Channel.WHATSAPP: sender},
        max_attempts=max_attempts,
        backoff_base=0.5,
        backoff_cap=30,
        sleep=sleep,
    )


async def test_retryable_failures_back_off_then_succeed():
    sleeps: list[float] = []
    ledger, broker = FakeLedger(), RecordingBroker()
    sender = ScriptedSender(
        RetryableSendError("500", 500), RetryableSendError("429", 429, retry_after=4), SendResult("wamid.X")
    )
    message = send()
    await handlers(ledger, sender, broker, sleeps=sleeps).deliver(message)
    assert sleeps == [0.5, 4] and ledger.sent == [(message.send_id, "wamid.X", 3)]
    [(topic, status)] = broker.published
    assert topic == "message.status" and status["status"] == "sent" and status["attempts"] == 3


async def test_permanent_failure_is_not_retried_and_goes_to_the_dead_letters():
    ledger, broker = FakeLedger(), RecordingBroker()
    sender = ScriptedSender(PermanentSendError("400 bad recipient", 400))
    message = send()
    await handlers(ledger, sender, broker).deliver(message)
    assert sender.calls == 1 and ledger.failed[0][2] == 1
    topics = [t for t, _ in broker.published]
    assert topics == ["message.status", "message.send.dlq"]
    assert broker.published[1][1]["original"]["send_id"] == message.send_id


async def test_an_already_sent_send_id_is_never_sent_again():
    ledger = FakeLedger(LedgerEntry(SendState.SENT, "wamid.OLD", 1, None))
    sender, broker = ScriptedSender(), RecordingBroker()
    await handlers(ledger, sender, broker).deliver(send())
    assert sender.calls == 0
    [(topic, status)] = broker.published
    assert topic == "message.status"
    assert status["status"] == "sent" and status["provider_message_id"] == "wamid.OLD"
