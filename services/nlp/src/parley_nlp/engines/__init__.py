"""The brain: the offline engine (default, no credentials) and the LLM engine (OpenAI-compatible)."""

from __future__ import annotations

from pymongo.asynchronous.database import AsyncDatabase

from parley_business import BotConfigStore
from parley_knowledge import KnowledgeStore, Retriever
from parley_nlp.engine import Engine
from parley_nlp.engines.config import EngineSettings
from parley_nlp.engines.offline import OfflineEngine


def build_engine(db: AsyncDatabase, settings: EngineSettings | None = None) -> Engine:
    """The LLM engine when a key or base URL is set and NLP_ENGINE allows it, else the offline one."""
    settings = settings or EngineSettings()
    retriever = Retriever(KnowledgeStore(db), refresh_seconds=settings.kb_refresh_seconds)
    configs = BotConfigStore(db, ttl_seconds=settings.config_refresh_seconds)
    offline = OfflineEngine(retriever, configs)
    if settings.wants_llm():
        from parley_nlp.engines.llm import LlmEngine

        return LlmEngine(settings, offline)
    return offline


__all__ = ["EngineSettings", "OfflineEngine", "build_engine"]
