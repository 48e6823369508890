"""Retrieval for a tenant: a cached `KnowledgeIndex` over the tenant's active documents.

Every nlp replica reads the same MongoDB collections; each keeps the tenant's index in memory and
checks the active document versions at most every `refresh_seconds` (default 2 s), so a re-upload
takes effect everywhere within a couple of seconds."""

from __future__ import annotations

import asyncio
import time

from parley_knowledge.index import KnowledgeIndex, SearchResult
from parley_knowledge.retrieval import Answer, Asked, answer_confidence, answer_search, compose_answer
from parley_knowledge.store import ActiveDocument, KnowledgeStore


class Retriever:
    def __init__(self, store: KnowledgeStore, refresh_seconds: float = 2.0) -> None:
        self.store = store
        self.refresh_seconds = refresh_seconds
        self._cache: dict[str, tuple[float, tuple[ActiveDocument, ...], KnowledgeIndex]] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    def invalidate(self, tenant: str | None = None) -> None:
        if tenant is None:
            self._cache.clear()
        else:
            self._cache.pop(tenant, None)

    async def index(self, tenant: str) -> KnowledgeIndex:
        now = time.monotonic()
        cached = self._cache.get(tenant)
        if cached and now - cached[0] < self.refresh_seconds:
            return cached[2]
        lock = self._locks.setdefault(tenant, asyncio.Lock())
        async with lock:
            cached = self._cache.get(tenant)
            if cached and time.monotonic() - cached[0] < self.refresh_seconds:
                return cached[2]
            active = tuple(await self.store.active_versions(tenant))
            if cached and cached[1] == active:
                index = cached[2]
            else:
                rows = await self.store.load_chunks(tenant, list(active))
                index = (
                    await asyncio.to_thread(KnowledgeIndex.build, rows)
                    if len(rows) > 200
                    else KnowledgeIndex.build(rows)
                )
            self._cache[tenant] = (time.monotonic(), active, index)
            return index

    async def answer(self, tenant: str, query: str, asked: Asked | None = None) -> tuple[SearchResult, Answer | None]:
        """The best section's answer and its confidence (`answer_search`: the words of a request for a person, or
        of a refusal of one, leave the query)."""
        asked = asked or Asked()
        index = await self.index(tenant)
        result = answer_search(index, query, asked)
        if result.best is None:
            return result, None
        return result, Answer(result.best, compose_answer(result, index), answer_confidence(result, asked))
