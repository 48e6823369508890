"""A business unit's saved replies (Chatwoot's canned responses): short texts operators insert into a reply by
typing `/` and a short code. One document per business unit (`saved_replies`, `_id` = tenant, the replies kept
in it sorted by short code): a lone-`_id` read gives the console the whole list."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field
from pymongo.asynchronous.database import AsyncDatabase

SAVED_REPLIES = "saved_replies"
MAX_PER_UNIT = 500
SHORT_CODE = r"^[a-z0-9][a-z0-9_-]{0,39}$"


class SavedReplyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=4096, pattern=r"\S", description="What is inserted into the reply.")


class SavedReply(SavedReplyIn):
    model_config = ConfigDict(extra="ignore")

    short_code: str = Field(pattern=SHORT_CODE, description="Typed after `/` in the reply box.")
    updated_at: datetime
    updated_by: str | None = Field(default=None, description="Who saved it last (an operator's or a key's id).")


class TooManySavedReplies(ValueError):
    pass


class SavedReplies:
    def __init__(self, db: AsyncDatabase) -> None:
        self._docs = db[SAVED_REPLIES]

    async def of_unit(self, tenant: str) -> list[SavedReply]:
        doc = await self._docs.find_one({"_id": tenant})
        return [SavedReply.model_validate(item) for item in (doc or {}).get("items", [])]

    async def put(self, tenant: str, reply: SavedReply) -> SavedReply:
        """Add or replace the reply with that short code."""
        kept = [r for r in await self.of_unit(tenant) if r.short_code != reply.short_code]
        if len(kept) >= MAX_PER_UNIT:
            raise TooManySavedReplies(f"a business unit keeps at most {MAX_PER_UNIT} saved replies")
        await self._write(tenant, [*kept, reply])
        return reply

    async def delete(self, tenant: str, short_code: str) -> bool:
        replies = await self.of_unit(tenant)
        kept = [r for r in replies if r.short_code != short_code]
        if len(kept) == len(replies):
            return False
        await self._write(tenant, kept)
        return True

    async def _write(self, tenant: str, replies: list[SavedReply]) -> None:
        items = [r.model_dump() for r in sorted(replies, key=lambda r: r.short_code)]
        await self._docs.replace_one({"_id": tenant}, {"_id": tenant, "items": items}, upsert=True)
