"""The thread's recent turns (kept on the thread document by the router) for the engine's context: one
lone-`_id` read, however long the conversation (docs/adr/0003-storage.md). Turns before a reset or an idle
timeout are gone: the bot's session starts again there."""

from datetime import datetime

from parley_conversations.store import Conversations
from parley_nlp.engine import HistoryTurn


class HistoryReader:
    def __init__(self, conversations: Conversations, limit: int) -> None:
        self._conversations = conversations
        self._limit = limit

    async def before(self, thread_key: str, at: datetime, exclude_id: str) -> list[HistoryTurn]:
        if self._limit == 0:
            return []
        thread = await self._conversations.thread(thread_key)
        if thread is None:
            return []
        turns = [t for t in thread.recent if t.at <= at and t.id != exclude_id]
        return [HistoryTurn(t.author, t.text, t.at) for t in turns[-self._limit :]]
