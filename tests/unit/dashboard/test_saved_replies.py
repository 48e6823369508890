"""A business unit's saved replies kept in one document (parley_dashboard.saved_replies): sorted by short code,
replaced by short code, and at most MAX_PER_UNIT of them."""

from datetime import UTC, datetime

import pytest

from parley_dashboard.saved_replies import MAX_PER_UNIT, SavedReplies, SavedReply, TooManySavedReplies

AT = datetime(2026, 12, 6, tzinfo=UTC)


class Collection:
    """One MongoDB collection, in memory (the real one is exercised in tests/integration/test_saved_replies.py)."""

    def __init__(self) -> None:
        self.docs: dict[str, dict] = {}

    async def find_one(self, query: dict) -> dict | None:
        return self.docs.get(query["_id"])

    async def replace_one(self, query: dict, doc: dict, upsert: bool = False) -> None:
        self.docs[query["_id"]] = doc


def store() -> SavedReplies:
    return SavedReplies({"saved_replies": Collection()})  # type: ignore[arg-type]


def reply(code: str, text: str = "hi") -> SavedReply:
    return SavedReply(short_code=code, text=text, updated_at=AT)


async def test_kept_sorted_and_replaced_by_short_code():
    replies = store()
    for code in ("zeta", "alpha", "mid"):
        await replies.put("demo", reply(code))
    await replies.put("demo", reply("mid", "changed"))
    listed = await replies.of_unit("demo")
    assert [(r.short_code, r.text) for r in listed] == [("alpha", "hi"), ("mid", "changed"), ("zeta", "hi")]
    assert await replies.of_unit("other") == []
    assert await replies.delete("demo", "alpha") and not await replies.delete("demo", "alpha")


async def test_a_unit_keeps_at_most_so_many_but_may_still_replace_one():
    replies = store()
    for n in range(MAX_PER_UNIT):
        await replies.put("demo", reply(f"r{n:03d}"))
    with pytest.raises(TooManySavedReplies, match=str(MAX_PER_UNIT)):
        await replies.put("demo", reply("one-more"))
    await replies.put("demo", reply("r000", "replaced"))
    listed = await replies.of_unit("demo")
    assert len(listed) == MAX_PER_UNIT and listed[0].text == "replaced"
