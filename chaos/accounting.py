"""Exact accounting, message by message. Pure: it only compares what chaos sent with what was observed.

- acknowledged: ingest answered 200 to one of the message's attempts;
- stored: the customer's message is in `messages` under its dedupe key (`_id`, unique: one copy at most); for a
  phone number id nobody connected (fuzzed bodies), the whole body kept as ingest's dead letter instead
  (docs/adr/0007-channel-accounts.md);
- answered: "WhatsApp" accepted at least one send to the customer, or the thread is with a person;
- duplicated: more than one send to the customer (one message per customer: one reply expected), or more than
  one stored inbound message in its thread;
- lost: acknowledged, and not stored, or neither answered nor with a person.
server_errors counts attempts ingest answered with a 5xx other than 503 (503 "try later" is the designed
answer while a dependency is down: counted apart, in `unavailable_503`)."""

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from chaos.load import INGEST_TIMEOUT, NO_ANSWER, UNREACHABLE, CustomerMessage
from chaos.observe import Observation
from parley_contracts import Channel, dedupe_key, thread_key
from parley_sandbox.settings import SandboxSettings

TENANT = "demo"  # the unit seed-demo connects the sandbox's WhatsApp number to
PHONE_NUMBER_ID = SandboxSettings().whatsapp_phone_number_id  # the sandbox's, which the stack uses


@dataclass(frozen=True)
class Expected:
    """A customer message Parley must store (and answer, when `must_answer`)."""

    key: str  # dedupe key = the stored message's _id
    thread: str
    wa_id: str  # digits, as the sandbox records a send's recipient
    acknowledged: bool
    must_answer: bool = True
    connected: bool = True  # its phone number id is connected to a unit: stored in a thread, else a dead letter
    in_thread: int = 1  # expected messages in its thread (fuzzing can put two in one); more copies, more sends: dups
    source: str = "load"  # or the fuzz case's mutations, for the diagnosis


@dataclass
class Tally:
    offered: int = 0
    acknowledged: int = 0
    stored: int = 0
    answered: int = 0
    duplicated: int = 0
    lost: int = 0
    never_acknowledged: int = 0
    stored_unacknowledged: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)  # every attempt's outcome
    problems: list[dict[str, Any]] = field(default_factory=list)  # the messages behind lost/duplicated

    @property
    def server_errors(self) -> int:
        return sum(n for o, n in self.outcomes.items() if o.isdigit() and int(o) >= 500 and o != "503")

    @property
    def unavailable_503(self) -> int:
        return self.outcomes["503"]

    def add(self, other: "Tally") -> None:
        for name in ("offered", "acknowledged", "stored", "answered", "duplicated", "lost", "never_acknowledged"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.stored_unacknowledged += other.stored_unacknowledged
        self.outcomes.update(other.outcomes)
        self.problems += other.problems


def expected(message: CustomerMessage) -> Expected:
    return Expected(
        key=dedupe_key(Channel.WHATSAPP, PHONE_NUMBER_ID, message.wamid),
        thread=thread_key(TENANT, Channel.WHATSAPP, PHONE_NUMBER_ID, message.wa_id),
        wa_id=message.wa_id,
        acknowledged=message.acknowledged,
    )


def account(messages: list[Expected], seen: Observation) -> Tally:
    tally = Tally()
    for message in messages:
        _count(tally, message, seen)
    return tally


def _count(tally: Tally, message: Expected, seen: Observation) -> None:
    sends = seen.sends.get(message.wa_id, [])
    stored = message.key in (seen.stored if message.connected else seen.dead_lettered)
    answered = bool(sends) or message.thread in seen.with_person
    duplicated = len(sends) > message.in_thread or seen.inbound_per_thread[message.thread] > message.in_thread
    lost = message.acknowledged and (not stored or (message.must_answer and not answered))
    tally.offered += 1
    tally.acknowledged += message.acknowledged
    tally.stored += stored
    tally.answered += answered
    tally.duplicated += duplicated
    tally.lost += lost
    tally.never_acknowledged += not message.acknowledged
    tally.stored_unacknowledged += stored and not message.acknowledged
    if lost or duplicated:
        tally.problems.append(
            {
                "dedupe_key": message.key,
                "source": message.source,
                "thread_key": message.thread,
                "wa_id": message.wa_id,
                "acknowledged": message.acknowledged,
                "stored": stored,
                "sends": len(sends),
                "with_person": message.thread in seen.with_person,
                "stored_copies_in_thread": seen.inbound_per_thread[message.thread],
                "lost": lost,
                "duplicated": duplicated,
            }
        )


def account_load(messages: list[CustomerMessage], seen: Observation) -> Tally:
    tally = account([expected(m) for m in messages], seen)
    for message, problem in _problems_by_key(messages, tally):
        problem["attempts"] = message.outcomes
    for message in messages:
        tally.outcomes.update(message.outcomes)
    return tally


def _problems_by_key(messages: list[CustomerMessage], tally: Tally) -> list[tuple[CustomerMessage, dict[str, Any]]]:
    by_key = {expected(m).key: m for m in messages}
    return [(by_key[p["dedupe_key"]], p) for p in tally.problems if p["dedupe_key"] in by_key]


def _done(m: Expected, seen: Observation) -> bool:
    return m.key in seen.stored and bool(not m.must_answer or seen.sends.get(m.wa_id) or m.thread in seen.with_person)


def settled(messages: list[Expected], seen: Observation) -> bool:
    """Every acknowledged message stored and answered (or with a person): nothing left to wait for."""
    return not seen.errors and all(_done(m, seen) for m in messages if m.acknowledged)


def progress(messages: list[Expected], seen: Observation) -> tuple[int, int]:
    """(stored, stored and answered or with a person) among the acknowledged: whether the pipeline still moves."""
    acknowledged = [m for m in messages if m.acknowledged]
    return sum(m.key in seen.stored for m in acknowledged), sum(_done(m, seen) for m in acknowledged)


def outcome_summary(outcomes: Counter[str]) -> str:
    """Attempts by outcome, in words, for the notes."""
    names = {
        UNREACHABLE: "sandbox 502 (ingest unreachable)",
        INGEST_TIMEOUT: "sandbox 502 (ingest timed out)",
        NO_ANSWER: "no answer from the sandbox",
    }
    return ", ".join(f"{names.get(o, 'ingest ' + o)}: {n}" for o, n in sorted(outcomes.items()))
