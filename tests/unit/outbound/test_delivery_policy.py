"""Outbound's delivery step with in-memory stand-ins for the ledger, the media store, the channel and the broker:
retries, dead letters, and sending each part of a send once across retries and crashes."""

import copy

import pytest

from parley_contracts import Channel, MessageSend
from parley_outbound.channels.base import MediaFile, Part, PermanentSendError, RetryableSendError, SendResult
from parley_outbound.channels.whatsapp_parts import plan_parts
from parley_outbound.handlers import OutboundHandlers
from parley_outbound.ledger import LedgerEntry, Progress, SendState
from tests.fakes import RecordingBroker
from tests.unit.outbound.messages import document, image, outbound


class InMemoryLedger:
    """SendLedger's behaviour without MongoDB: claim once, keep progress, remember the outcome."""

    def __init__(self, entry: LedgerEntry | None = None) -> None:
        self.entry = entry

    async def claim(self, send_id: str, thread_key: str) -> LedgerEntry | None:
        previous, self.entry = self.entry, self.entry or LedgerEntry(SendState.SENDING, 0, None)
        return copy.deepcopy(previous)  # a new delivery reads what was stored, not the last one's objects

    async def record_progress(self, send_id: str, progress: Progress) -> None:
        self._update(progress=copy.deepcopy(progress))

    async def record_attempt(self, send_id: str, attempts: int, error: str | None) -> None:
        self._update(attempts=attempts)

    async def mark_sent(self, send_id: str, progress: Progress, attempts: int) -> None:
        self._update(state=SendState.SENT, progress=copy.deepcopy(progress), attempts=attempts)

    async def mark_failed(self, send_id: str, error: str, attempts: int) -> None:
        self._update(state=SendState.FAILED, error=error, attempts=attempts)

    def _update(self, **fields) -> None:
        assert self.entry is not None, "written before claimed"
        self.entry = LedgerEntry(**{**vars(self.entry), **fields})


class Crash(BaseException):
    """The process dying mid-delivery: nothing in outbound catches it."""


class ScriptedChannel:
    """Plans like WhatsApp; each upload or send call takes the next scripted outcome (None or none left: success).
    A part's wamid names what it carried, so runs can be told apart."""

    def __init__(self, *outcomes: BaseException | None) -> None:
        self.outcomes = list(outcomes)
        self.calls: list[tuple[str, str | None]] = []  # every call tried: ("upload", media_id), ("send", type)

    def plan(self, message: MessageSend) -> list[Part]:
        return plan_parts(message)

    async def upload(self, account_id: str, file: MediaFile) -> str:
        self._next("upload", file.ref.media_id)
        return f"wa-{file.ref.media_id}"

    async def send(self, account_id: str, part: Part, media_id: str | None) -> SendResult:
        self._next("send", part.body["type"])
        assert media_id == (f"wa-{part.media_id}" if part.media_id else None)
        return SendResult(f"wamid.{media_id or part.body['type']}")

    def _next(self, call: str, what: str | None) -> None:
        self.calls.append((call, what))
        outcome = self.outcomes.pop(0) if self.outcomes else None
        if outcome is not None:
            raise outcome


class StoredFiles:
    """The media store with some files in it; counts reads."""

    def __init__(self, *refs) -> None:
        self.files = {ref.media_id: MediaFile(ref, b"bytes") for ref in refs}
        self.loads = 0

    async def load(self, media_id: str, tenant: str) -> MediaFile:
        self.loads += 1
        if media_id not in self.files:
            raise PermanentSendError(f"attachment {media_id} is not in the media store (tenant {tenant})")
        return self.files[media_id]


def handlers(ledger, channel, broker, media=None, max_attempts=3, sleeps=None):
    async def sleep(seconds):
        if sleeps is not None:
            sleeps.append(seconds)

    return OutboundHandlers(
        broker,
        ledger,
        {Channel.WHATSAPP: channel},
        media or StoredFiles(),
        max_attempts=max_attempts,
        backoff_base=0.5,
        backoff_cap=30,
        sleep=sleep,
    )


def statuses(broker: RecordingBroker) -> list[tuple[str, str | None, int]]:
    return [
        (s["status"], s["provider_message_id"], s["attempts"]) for t, s in broker.published if t == "message.status"
    ]


async def test_retryable_failures_back_off_then_succeed():
    sleeps: list[float] = []
    ledger, broker = InMemoryLedger(), RecordingBroker()
    channel = ScriptedChannel(RetryableSendError("500", 500), RetryableSendError("429", 429, retry_after=4))
    await handlers(ledger, channel, broker, sleeps=sleeps).deliver(outbound())
    assert sleeps == [0.5, 4]
    assert channel.calls == [("send", "text")] * 3
    assert ledger.entry.state == SendState.SENT and ledger.entry.progress.provider_message_ids == ["wamid.text"]
    assert statuses(broker) == [("sent", "wamid.text", 3)]


async def test_permanent_failure_is_not_retried_and_goes_to_the_dead_letters():
    ledger, broker = InMemoryLedger(), RecordingBroker()
    channel = ScriptedChannel(PermanentSendError("400 bad recipient", 400))
    message = outbound()
    await handlers(ledger, channel, broker).deliver(message)
    assert channel.calls == [("send", "text")]
    assert ledger.entry.state == SendState.FAILED and ledger.entry.attempts == 1
    assert [t for t, _ in broker.published] == ["message.status", "message.send.dlq"]
    assert broker.published[1][1]["original"]["send_id"] == message.send_id


async def test_an_already_sent_send_id_is_never_sent_again_and_its_statuses_are_repeated():
    ledger = InMemoryLedger(LedgerEntry(SendState.SENT, 1, None, Progress(["wamid.A", "wamid.B"])))
    channel, broker = ScriptedChannel(), RecordingBroker()
    await handlers(ledger, channel, broker).deliver(outbound(text="Hi", attachments=[image()]))
    assert channel.calls == []
    assert statuses(broker) == [("sent", "wamid.A", 1), ("sent", "wamid.B", 1)]


async def test_an_already_failed_send_id_is_left_alone():
    ledger = InMemoryLedger(LedgerEntry(SendState.FAILED, 3, "429"))
    channel, broker = ScriptedChannel(), RecordingBroker()
    await handlers(ledger, channel, broker).deliver(outbound())
    assert channel.calls == [] and broker.published == []


async def test_text_and_attachments_upload_then_send_each_part_with_a_status_each():
    ledger, broker = InMemoryLedger(), RecordingBroker()
    channel = ScriptedChannel()
    media = StoredFiles(image("med_1"), document("med_2"))
    message = outbound(text="Here they are", attachments=[image("med_1"), document("med_2")])
    await handlers(ledger, channel, broker, media).deliver(message)
    assert channel.calls == [("upload", "med_1"), ("send", "image"), ("upload", "med_2"), ("send", "document")]
    assert statuses(broker) == [("sent", "wamid.wa-med_1", 1), ("sent", "wamid.wa-med_2", 1)]
    assert ledger.entry.state == SendState.SENT
    assert ledger.entry.progress == Progress(
        ["wamid.wa-med_1", "wamid.wa-med_2"], {"med_1": "wa-med_1", "med_2": "wa-med_2"}
    )


async def test_a_retry_resumes_at_the_failed_part_and_reuses_the_upload():
    ledger, broker = InMemoryLedger(), RecordingBroker()
    # Part 1 (text) is sent; the image uploads, then its send fails once.
    channel = ScriptedChannel(None, None, RetryableSendError("503", 503))
    media = StoredFiles(image())
    message = outbound(text="x" * 2000, attachments=[image()])
    await handlers(ledger, channel, broker, media).deliver(message)
    assert channel.calls == [("send", "text"), ("upload", "med_img"), ("send", "image"), ("send", "image")]
    assert media.loads == 1
    assert statuses(broker) == [("sent", "wamid.text", 1), ("sent", "wamid.wa-med_img", 2)]
    assert ledger.entry.state == SendState.SENT and ledger.entry.attempts == 2


async def test_a_redelivery_after_a_crash_between_parts_sends_only_the_rest():
    ledger, media = InMemoryLedger(), StoredFiles(image("med_1"), image("med_2"))
    message = outbound(text="Two photos", attachments=[image("med_1"), image("med_2")])
    # Uploads and sends the first image, uploads the second, then dies before sending it.
    first_run = ScriptedChannel(None, None, None, Crash())
    with pytest.raises(Crash):
        await handlers(ledger, first_run, RecordingBroker(), media).deliver(message)
    assert first_run.calls == [("upload", "med_1"), ("send", "image"), ("upload", "med_2"), ("send", "image")]

    second_run, broker = ScriptedChannel(), RecordingBroker()
    await handlers(ledger, second_run, broker, media).deliver(message)
    assert second_run.calls == [("send", "image")]  # no upload again, no first image again
    assert media.loads == 2
    # The first part's status is announced again (the crash may have come before it was).
    assert [s[:2] for s in statuses(broker)] == [("sent", "wamid.wa-med_1"), ("sent", "wamid.wa-med_2")]
    assert ledger.entry.state == SendState.SENT
    assert ledger.entry.progress.provider_message_ids == ["wamid.wa-med_1", "wamid.wa-med_2"]


async def test_a_media_id_missing_from_the_store_is_a_permanent_failure():
    ledger, broker = InMemoryLedger(), RecordingBroker()
    channel = ScriptedChannel()
    await handlers(ledger, channel, broker, StoredFiles()).deliver(outbound(attachments=[image("med_gone")]))
    assert channel.calls == []
    assert ledger.entry.state == SendState.FAILED and "med_gone is not in the media store" in ledger.entry.error
    [(_, failed)] = [(t, s) for t, s in broker.published if t == "message.status"]
    assert failed["status"] == "failed" and "med_gone" in failed["error"]
    assert [t for t, _ in broker.published][-1] == "message.send.dlq"


async def test_content_the_channel_cannot_carry_fails_without_calling_it():
    ledger, broker = InMemoryLedger(), RecordingBroker()
    channel = ScriptedChannel()
    await handlers(ledger, channel, broker).deliver(
        outbound(attachments=[image().model_copy(update={"kind": "location"})])
    )
    assert channel.calls == [] and ledger.entry.state == SendState.FAILED and ledger.entry.attempts == 0
    assert statuses(broker) == [("failed", None, 0)]
