"""Parley's media store: files operators attach (and, later, files customers send), kept in MongoDB.

A file is one metadata document (`media`, `_id` = media id) and its bytes in parts of at most 1 MiB
(`media_parts`, `_id` = `<media id>:<n>`): every read and write is a lone-`_id` operation
(docs/adr/0003-storage.md), and no document comes near MongoDB's 16 MB limit. Only references
(`MediaRef`) travel on Kafka."""

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from importlib import resources

from pydantic import BaseModel, Field
from pymongo.asynchronous.database import AsyncDatabase

from parley_contracts import MediaKind, MediaRef

MEDIA = "media"
MEDIA_PARTS = "media_parts"
PART_BYTES = 1024 * 1024


class KindLimits(BaseModel):
    max_bytes: int = Field(gt=0)
    mime_types: list[str] = Field(min_length=1)


class AttachmentRules(BaseModel):
    kinds: dict[MediaKind, KindLimits]

    def kind_of(self, mime_type: str) -> MediaKind | None:
        return next((kind for kind, rule in self.kinds.items() if mime_type in rule.mime_types), None)


@cache
def attachment_rules() -> AttachmentRules:
    """What operators may attach (data/attachments.json), validated once."""
    raw = json.loads(resources.files("parley_conversations").joinpath("data/attachments.json").read_text())
    return AttachmentRules.model_validate({"kinds": raw["kinds"]})


class AttachmentRefused(ValueError):
    """Not a type or size we can send; the message says which limit, for a 4xx."""


def check_attachment(mime_type: str, size: int) -> MediaKind:
    rules = attachment_rules()
    kind = rules.kind_of(mime_type)
    if kind is None:
        allowed = sorted(m for rule in rules.kinds.values() for m in rule.mime_types)
        raise AttachmentRefused(f"type {mime_type!r} is not accepted; accepted: {', '.join(allowed)}")
    limit = rules.kinds[kind].max_bytes
    if size > limit:
        raise AttachmentRefused(f"{kind} larger than {limit // 2**20} MB ({size} bytes)")
    if size == 0:
        raise AttachmentRefused("empty file")
    return kind


@dataclass(frozen=True)
class StoredMedia:
    ref: MediaRef
    tenant: str
    created_at: datetime


class MediaStore:
    def __init__(self, db: AsyncDatabase) -> None:
        self._media = db[MEDIA]
        self._parts = db[MEDIA_PARTS]

    async def put(
        self, *, tenant: str, data: bytes, mime_type: str, filename: str | None, uploaded_by: str | None
    ) -> MediaRef:
        """Store a file after checking it against the attachment rules (raises AttachmentRefused)."""
        kind = check_attachment(mime_type, len(data))
        media_id = "med_" + uuid.uuid4().hex
        parts = [data[i : i + PART_BYTES] for i in range(0, len(data), PART_BYTES)]
        # Parts first, metadata last: a crash in between leaves unreachable parts, never a broken file.
        for n, part in enumerate(parts):
            await self._parts.insert_one({"_id": f"{media_id}:{n}", "data": part})
        ref = MediaRef(
            kind=kind,
            media_id=media_id,
            mime_type=mime_type,
            filename=filename,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
        )
        await self._media.insert_one(
            {
                "_id": media_id,
                **ref.model_dump(exclude={"media_id"}),
                "tenant": tenant,
                "parts": len(parts),
                "uploaded_by": uploaded_by,
                "created_at": datetime.now(UTC),
            }
        )
        return ref

    async def put_inbound(
        self, *, media_id: str, tenant: str, data: bytes, kind: str, mime_type: str, filename: str | None
    ) -> MediaRef:
        """A customer's file under the id ingest derived for it (`inbound_media_id`), idempotently: a message
        read again stores nothing twice. Not checked against the operators' attachment rules: what a customer
        sent is kept whatever it is."""
        ref = MediaRef(
            kind=kind,
            media_id=media_id,
            mime_type=mime_type,
            filename=filename,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
        )
        if await self._media.find_one({"_id": media_id}, {"_id": 1}) is not None:
            return ref
        parts = [data[i : i + PART_BYTES] for i in range(0, len(data), PART_BYTES)] or [b""]
        for n, part in enumerate(parts):
            await self._parts.replace_one({"_id": f"{media_id}:{n}"}, {"data": part}, upsert=True)
        await self._media.replace_one(
            {"_id": media_id},
            {
                **ref.model_dump(exclude={"media_id"}),
                "tenant": tenant,
                "parts": len(parts),
                "uploaded_by": None,
                "created_at": datetime.now(UTC),
            },
            upsert=True,
        )
        return ref

    async def info(self, media_id: str) -> StoredMedia | None:
        doc = await self._media.find_one({"_id": media_id})
        if doc is None:
            return None
        return StoredMedia(MediaRef.model_validate({**doc, "media_id": media_id}), doc["tenant"], doc["created_at"])

    async def read(self, media_id: str) -> bytes | None:
        doc = await self._media.find_one({"_id": media_id}, {"parts": 1})
        if doc is None:
            return None
        chunks = []
        for n in range(int(doc["parts"])):
            part = await self._parts.find_one({"_id": f"{media_id}:{n}"})
            if part is None:
                return None
            chunks.append(bytes(part["data"]))
        return b"".join(chunks)

    async def delete(self, media_id: str) -> bool:
        """Remove a file (an erasure): parts first, metadata last, so an interrupted delete is found and finished
        by the next one (a file missing parts is never served: `read` answers None)."""
        doc = await self._media.find_one({"_id": media_id}, {"parts": 1})
        if doc is None:
            return False
        for n in range(int(doc["parts"])):
            await self._parts.delete_one({"_id": f"{media_id}:{n}"})
        await self._media.delete_one({"_id": media_id})
        return True
