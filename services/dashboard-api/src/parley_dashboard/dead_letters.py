"""Dead letters: records that failed for good, kept so admins can see them and send them again ("redrive").

Every consumer sends what it cannot process to `<topic>.dlq` (`DeadLetter`, parley_runtime.steps). dashboard-api
reads all of those topics in one consumer group across its replicas, at least once, and keeps each letter in
`dead_letters` (`_id` = the letter's `event_id`, so a replay inserts nothing). Redriving publishes the original
again to its source topic with its key, then marks the letter (who, when, how often): a crash in between
publishes it twice, which the idempotent consumers absorb. A `message.send` goes with its `redrive` count
raised, because outbound sends a `send_id` once unless that count is higher than what its ledger saw.

Letters are seen per business unit (the original's `tenant`); one whose original has none (not even JSON) is
seen only by admins of every business unit."""

import asyncio
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import structlog
from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage
from pydantic import BaseModel, ValidationError
from pymongo import ASCENDING, DESCENDING
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError

from parley_contracts import MESSAGE_SEND, Actor, DeadLetter, utcnow
from parley_contracts.topics import ALL_TOPICS, DEAD_LETTER_SUFFIX, MAIN_TOPICS
from parley_dashboard.auth.principal import Principal
from parley_runtime.kafka import on_message, publish_bytes
from parley_runtime.mongo import by_id

log = structlog.get_logger()
DEAD_LETTERS = "dead_letters"
DEAD_LETTER_TOPICS = tuple(t for t in ALL_TOPICS if t.endswith(DEAD_LETTER_SUFFIX))


class StoredLetter(BaseModel):
    id: str
    source_topic: str
    service: str
    key: str | None = None
    original: dict[str, Any] | str
    error: str
    attempts: int
    redrivable: bool = True
    occurred_at: datetime
    tenant: str | None = None
    received_at: datetime
    redrives: int = 0
    redriven_at: datetime | None = None
    redriven_by: Actor | None = None

    @classmethod
    def of(cls, letter: DeadLetter, received_at: datetime) -> "StoredLetter":
        fields = letter.model_dump(exclude={"event_id", "schema_version"})
        return cls(id=letter.event_id, **fields, tenant=tenant_of(letter.original), received_at=received_at)

    def to_document(self) -> dict[str, Any]:
        """The original is kept as JSON text: its field names are whatever a broken producer wrote ($, dots)."""
        doc = self.model_dump(exclude={"id", "original", "redriven_by"})
        actor = self.redriven_by.model_dump(mode="json") if self.redriven_by else None
        return {"_id": self.id, **doc, "original": json.dumps(self.original), "redriven_by": actor}

    @classmethod
    def from_document(cls, doc: dict[str, Any]) -> "StoredLetter":
        return cls.model_validate({**doc, "id": doc["_id"], "original": json.loads(doc["original"])})

    def visible_to(self, principal: Principal) -> bool:
        return principal.tenants is None or (self.tenant is not None and principal.sees(self.tenant))


def tenant_of(original: dict[str, Any] | str) -> str | None:
    tenant = original.get("tenant") if isinstance(original, dict) else None
    return tenant if isinstance(tenant, str) else None


def source_topic_named(name: str) -> str | None:
    """A main topic from its own name or its dead-letter topic's; None for anything else."""
    topic = name.removesuffix(DEAD_LETTER_SUFFIX)
    return topic if topic in MAIN_TOPICS else None


def redrive_body(letter: StoredLetter) -> bytes:
    """What to publish again: the original as it was, except that a `message.send` counts one more redrive
    than the original and than this letter's earlier redrives (so outbound tries it again each time)."""
    original = letter.original
    if isinstance(original, str):
        return original.encode()
    if letter.source_topic == MESSAGE_SEND:
        original = {**original, "redrive": int(original.get("redrive") or 0) + letter.redrives + 1}
    return json.dumps(original).encode()


@dataclass(frozen=True)
class LetterFilter:
    tenants: frozenset[str] | None  # what the caller sees (None: every business unit)
    source_topic: str | None = None
    service: str | None = None
    redriven: bool | None = None

    def query(self) -> dict[str, Any]:
        where: dict[str, Any] = {}
        if self.tenants is not None:
            where["tenant"] = {"$in": sorted(self.tenants)}
        if self.source_topic:
            where["source_topic"] = self.source_topic
        if self.service:
            where["service"] = self.service
        if self.redriven is not None:
            where["redrives"] = {"$gt": 0} if self.redriven else 0
        return where


class DeadLetters:
    def __init__(self, db: AsyncDatabase, broker: KafkaBroker) -> None:
        self._letters = db[DEAD_LETTERS]
        self._broker = broker

    async def ensure_indexes(self) -> None:
        await self._letters.create_index([("occurred_at", DESCENDING)])
        await self._letters.create_index([("source_topic", ASCENDING), ("service", ASCENDING)])

    async def keep(self, letter: DeadLetter) -> bool:
        """Store a letter once; False when it was already stored (a replay)."""
        try:
            await self._letters.insert_one(StoredLetter.of(letter, utcnow()).to_document())
            return True
        except DuplicateKeyError:
            return False

    async def get(self, letter_id: str) -> StoredLetter | None:
        doc = await self._letters.find_one(by_id(letter_id))
        return StoredLetter.from_document(doc) if doc else None

    async def page(self, where: LetterFilter, *, skip: int, limit: int) -> tuple[list[StoredLetter], int]:
        """Newest first."""
        query = where.query()
        total = await self._letters.count_documents(query)
        cursor = self._letters.find(query).sort([("occurred_at", DESCENDING), ("_id", ASCENDING)])
        return [StoredLetter.from_document(d) async for d in cursor.skip(skip).limit(limit)], total

    async def redrive(self, letter: StoredLetter, actor: Actor) -> StoredLetter:
        """Publish the original again to its topic, with its key; then record who did it and when."""
        await publish_bytes(
            self._broker,
            redrive_body(letter),
            topic=letter.source_topic,
            key=letter.key.encode() if letter.key else None,
            headers={"redriven_from": letter.id},
        )
        at = utcnow()
        await self._letters.update_one(
            by_id(letter.id),
            {"$set": {"redriven_at": at, "redriven_by": actor.model_dump(mode="json")}, "$inc": {"redrives": 1}},
        )
        log.info("dead_letter.redriven", letter_id=letter.id, topic=letter.source_topic, by=actor.id)
        return letter.model_copy(update={"redrives": letter.redrives + 1, "redriven_at": at, "redriven_by": actor})

    async def redrive_pending(self, where: LetterFilter, actor: Actor, limit: int) -> list[str]:
        """Redrive the letters not redriven yet that match, oldest first (the order they failed in)."""
        query = LetterFilter(where.tenants, where.source_topic, where.service, redriven=False).query()
        query["redrivable"] = {"$ne": False}
        cursor = self._letters.find(query).sort([("occurred_at", ASCENDING), ("_id", ASCENDING)]).limit(limit)
        letters = [StoredLetter.from_document(d) async for d in cursor]
        for letter in letters:
            await self.redrive(letter, actor)
        return [letter.id for letter in letters]


class DeadLetterListener:
    """Keeps every dead letter of every topic. A MongoDB failure raises after a pause, so the record is read
    again (at least once) without spinning; a record that is not a dead letter is logged and skipped."""

    def __init__(self, letters: DeadLetters, retry_pause: float = 1.0) -> None:
        self._letters = letters
        self._pause = retry_pause

    async def on_record(self, msg: KafkaMessage) -> None:
        record = msg.raw_message
        try:
            letter = DeadLetter.model_validate_json(msg.body)
        except ValidationError:
            log.warning("dead_letter.unreadable", topic=record.topic, offset=record.offset)
            return
        try:
            if await self._letters.keep(letter):
                log.info("dead_letter.kept", letter_id=letter.event_id, source_topic=letter.source_topic)
        except Exception as exc:
            log.warning("dead_letter.not_kept", error=repr(exc), retry_in=self._pause)
            await asyncio.sleep(self._pause)
            raise


def subscribe_dead_letters(broker: KafkaBroker, group: str, listener: DeadLetterListener) -> None:
    """All `*.dlq` topics, one consumer group across replicas, from the earliest letter not yet kept."""
    handler = on_message(broker, listener.on_record, "dashboard_dead_letters")
    broker.subscriber(*DEAD_LETTER_TOPICS, group_id=group, auto_offset_reset="earliest")(handler)
