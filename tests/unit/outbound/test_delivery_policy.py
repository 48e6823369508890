"""Outbound's delivery step with in-memory stand-ins for the ledger, the media store, the channel and the broker:
retries, dead letters, and sending each part of a send once across retries and crashes."""

import copy
from datetime import UTC, datetime, timedelta

import pytest

from parley_business.channel_accounts import ChannelAccount
from parley_contracts import Channel, MessageSend
from parley_outbound.channels.base import MediaFile, Part, PermanentSendError, RetryableSendError, SendResult
from parley_outbound.channels.whatsapp_parts import plan_parts
from parley_outbound.handlers import OutboundHandlers, RetryPolicy
from parley_outbound.ledger import LedgerEntry, Progress, SendState
from parley_outbound.parking import ParkingLot
from tests.fakes import RecordingBroker, StaticAccounts, channel_account
from tests.unit.outbound.messages import document, image, outbound


class InMemoryLedger:
    """SendLedger's behaviour without MongoDB for one send: claim once, keep progress, remember the outcome."""

    def __init__(self, stored: LedgerEntry | None = None) -> None:
        self.stored = stored
        self.parked: list[tuple[datetime | None, int]] = []

    async def claim(self, message: MessageSend, partition: int | None) -> LedgerEntry | None:
        previous, self.stored = self.stored, self.stored or LedgerEntry(SendState.SENDING, 0, None)
        return copy.deepcopy(previous)  # a new delivery reads what was stored, not the last one's objects

    async def entry(self, send_id: str) -> LedgerEntry | None:
        return copy.deepcopy(self.stored)

    async def record_progress(self, send_id: str, progress: Progress) -> None:
        self._update(progress=copy.deepcopy(progress))

    async def park(self, send_id, retry_at, attempts, error, first_attempt_at) -> None:
        self.parked.append((retry_at, attempts))
        self._update(state=SendState.WAITING, attempts=attempts, retry_at=retry_at, first_attempt_at=first_attempt_at)

    async def reopen(self, send_id: str, redrive: int) -> None:
        self._update(state=SendState.SENDING, attempts=0, error=None, redrive=redrive, first_attempt_at=None)

    async def mark_sent(self, send_id: str, progress: Progress, attempts: int) -> None:
        self._update(state=SendState.SENT, progress=copy.deepcopy(progress), attempts=attempts)

    async def mark_failed(self, send_id: str, error: str, attempts: int) -> None:
        self._update(state=SendState.FAILED, error=error, attempts=attempts)

    def _update(self, **fields) -> None:
        assert self.stored is not None, "written before claimed"
        self.stored = LedgerEntry(**{**vars(self.stored), **fields})


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

    async def upload(self, account: ChannelAccount, file: MediaFile) -> str:
        self._next("upload", file.ref.media_id)
        return f"wa-{file.ref.media_id}"

    async def send(self, account: ChannelAccount, part: Part, media_id: str | None) -> SendResult:
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


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def handlers(ledger, channel, broker, media=None, *, clock=None, horizon=3600.0, parking=None):
    return OutboundHandlers(
        broker,
        ledger,
        {Channel.WHATSAPP: channel},
        StaticAccounts(channel_account(Channel.WHATSAPP, "100", access_token="tok")),
        media or StoredFiles(),
        RetryPolicy(horizon_seconds=horizon, backoff_base=0.5, backoff_cap=30),
        parking=parking,
        now=clock or Clock(),
    )


async def retry_when_due(deliverer: OutboundHandlers, clock: Clock) -> None:
    """What the retry loop does: wait for the head's time, try it again, until the thread's lot is empty."""
    for _ in range(20):
        if not len(deliverer.parking):
            return
        head = next(iter(next(iter(deliverer.parking._threads.values()))))
        clock.now = max(clock.now, head.retry_at or clock.now)
        [due] = deliverer.parking.due(clock())
        again = await deliverer.attempt(due.message)
        if again is None:
            deliverer.parking.done(due)
        else:
            deliverer.parking.retry_later(due, again.retry_at)


def statuses(broker: RecordingBroker) -> list[tuple[str, str | None, int]]:
    return [
        (s["status"], s["provider_message_id"], s["attempts"]) for t, s in broker.published if t == "message.status"
    ]


async def test_retryable_failures_park_the_send_then_it_is_retried_with_backoff_until_it_succeeds():
    clock = Clock()
    ledger, broker = InMemoryLedger(), RecordingBroker()
    channel = ScriptedChannel(RetryableSendError("500", 500), RetryableSendError("429", 429, retry_after=4))
    deliverer = handlers(ledger, channel, broker, clock=clock)
    start = clock()
    await deliverer.deliver(outbound())
    assert ledger.stored.state == SendState.WAITING and len(deliverer.parking) == 1  # the consumer moved on
    await retry_when_due(deliverer, clock)
    assert [(at - start).total_seconds() if at else None for at, _ in ledger.parked] == [0.5, 4.5]
    assert channel.calls == [("send", "text")] * 3
    assert ledger.stored.state == SendState.SENT and ledger.stored.progress.provider_message_ids == ["wamid.text"]
    assert statuses(broker) == [("sent", "wamid.text", 3)] and len(deliverer.parking) == 0


async def test_past_the_horizon_the_send_is_given_up_and_dead_lettered():
    clock = Clock()
    ledger, broker = InMemoryLedger(), RecordingBroker()
    channel = ScriptedChannel(*[RetryableSendError("500", 500)] * 50)
    deliverer = handlers(ledger, channel, broker, clock=clock, horizon=60)
    await deliverer.deliver(outbound())
    await retry_when_due(deliverer, clock)
    assert ledger.stored.state == SendState.FAILED and "gave up after" in ledger.stored.error
    assert (clock() - datetime(2026, 12, 2, 10, 0, tzinfo=UTC)).total_seconds() <= 60
    assert [t for t, _ in broker.published] == ["message.status", "message.send.dlq"]
    assert statuses(broker)[0][0] == "failed"


async def test_a_later_send_of_the_same_thread_waits_behind_a_parked_one_and_other_threads_go_on():
    clock = Clock()
    lot = ParkingLot()
    first_ledger, broker = InMemoryLedger(), RecordingBroker()
    first = handlers(first_ledger, ScriptedChannel(RetryableSendError("503", 503)), broker, clock=clock, parking=lot)
    await first.deliver(outbound(text="first"))
    behind_ledger = InMemoryLedger()
    later = handlers(behind_ledger, ScriptedChannel(), broker, clock=clock, parking=lot)
    await later.deliver(outbound(text="second").model_copy(update={"send_id": "s2"}))
    assert behind_ledger.stored.state == SendState.WAITING and behind_ledger.parked == [(None, 0)]
    other_ledger, other_channel = InMemoryLedger(), ScriptedChannel()
    other = handlers(other_ledger, other_channel, broker, clock=clock, parking=lot)
    await other.deliver(outbound(text="elsewhere").model_copy(update={"send_id": "s3", "thread_key": "th_2"}))
    assert other_ledger.stored.state == SendState.SENT  # not held up by th_1's trouble
    clock.advance(1)
    [head] = lot.due(clock())
    assert head.message.send_id == "s1"  # th_1's second send is not due before its first


async def test_a_failed_send_redriven_from_the_dead_letters_is_tried_again():
    ledger = InMemoryLedger(LedgerEntry(SendState.FAILED, 3, "429", Progress(), redrive=0))
    channel, broker = ScriptedChannel(), RecordingBroker()
    await handlers(ledger, channel, broker).deliver(outbound().model_copy(update={"redrive": 1}))
    assert channel.calls == [("send", "text")] and ledger.stored.state == SendState.SENT
    assert ledger.stored.redrive == 1


async def test_permanent_failure_is_not_retried_and_goes_to_the_dead_letters():
    ledger, broker = InMemoryLedger(), RecordingBroker()
    channel = ScriptedChannel(PermanentSendError("400 bad recipient", 400))
    message = outbound()
    await handlers(ledger, channel, broker).deliver(message)
    assert channel.calls == [("send", "text")]
    assert ledger.stored.state == SendState.FAILED and ledger.stored.attempts == 1
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
    assert ledger.stored.state == SendState.SENT
    assert ledger.stored.progress == Progress(
        ["wamid.wa-med_1", "wamid.wa-med_2"], {"med_1": "wa-med_1", "med_2": "wa-med_2"}
    )


async def test_a_retry_resumes_at_the_failed_part_and_reuses_the_upload():
    clock = Clock()
    ledger, broker = InMemoryLedger(), RecordingBroker()
    # Part 1 (text) is sent; the image uploads, then its send fails once.
    channel = ScriptedChannel(None, None, RetryableSendError("503", 503))
    media = StoredFiles(image())
    message = outbound(text="x" * 2000, attachments=[image()])
    deliverer = handlers(ledger, channel, broker, media, clock=clock)
    await deliverer.deliver(message)
    await retry_when_due(deliverer, clock)
    assert channel.calls == [("send", "text"), ("upload", "med_img"), ("send", "image"), ("send", "image")]
    assert media.loads == 1
    assert statuses(broker) == [("sent", "wamid.text", 1), ("sent", "wamid.wa-med_img", 2)]
    assert ledger.stored.state == SendState.SENT and ledger.stored.attempts == 2


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
    assert ledger.stored.state == SendState.SENT
    assert ledger.stored.progress.provider_message_ids == ["wamid.wa-med_1", "wamid.wa-med_2"]


async def test_a_media_id_missing_from_the_store_is_a_permanent_failure():
    ledger, broker = InMemoryLedger(), RecordingBroker()
    channel = ScriptedChannel()
    await handlers(ledger, channel, broker, StoredFiles()).deliver(outbound(attachments=[image("med_gone")]))
    assert channel.calls == []
    assert ledger.stored.state == SendState.FAILED and "med_gone is not in the media store" in ledger.stored.error
    [(_, failed)] = [(t, s) for t, s in broker.published if t == "message.status"]
    assert failed["status"] == "failed" and "med_gone" in failed["error"]
    assert [t for t, _ in broker.published][-1] == "message.send.dlq"


async def test_content_the_channel_cannot_carry_fails_without_calling_it():
    ledger, broker = InMemoryLedger(), RecordingBroker()
    channel = ScriptedChannel()
    await handlers(ledger, channel, broker).deliver(
        outbound(attachments=[image().model_copy(update={"kind": "location"})])
    )
    assert channel.calls == [] and ledger.stored.state == SendState.FAILED and ledger.stored.attempts == 0
    assert statuses(broker) == [("failed", None, 0)]
