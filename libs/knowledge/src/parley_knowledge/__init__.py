"""Parley's knowledge base: PDF extraction, section-aware chunking, multilingual retrieval, and the
per-business-unit bot configuration."""

from parley_knowledge.bot_config import BotConfig, BotConfigStore, BotSettings
from parley_knowledge.chunking import Chunk, chunk_pages
from parley_knowledge.extract import ExtractedPage, ExtractionError, NoExtractableText, extract_pages
from parley_knowledge.index import KnowledgeIndex, SearchResult
from parley_knowledge.ingest import ingest_pdf
from parley_knowledge.retrieval import Answer, Retriever, answer_confidence, compose_answer
from parley_knowledge.store import ConcurrentUpload, DocumentSummary, KnowledgeStore

__all__ = [
    "Answer",
    "BotConfig",
    "BotConfigStore",
    "BotSettings",
    "Chunk",
    "ConcurrentUpload",
    "DocumentSummary",
    "ExtractedPage",
    "ExtractionError",
    "KnowledgeIndex",
    "KnowledgeStore",
    "NoExtractableText",
    "Retriever",
    "SearchResult",
    "answer_confidence",
    "chunk_pages",
    "compose_answer",
    "extract_pages",
    "ingest_pdf",
]
