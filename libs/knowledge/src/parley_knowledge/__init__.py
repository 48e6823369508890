"""Parley's knowledge base: PDF extraction, section-aware chunking, multilingual retrieval."""

from parley_knowledge.chunking import Chunk, chunk_pages
from parley_knowledge.extract import ExtractedPage, ExtractionError, NoExtractableText, extract_pages
from parley_knowledge.index import KnowledgeIndex, SearchResult
from parley_knowledge.ingest import ingest_pdf
from parley_knowledge.retrieval import Answer, Asked, answer_confidence, compose_answer
from parley_knowledge.retriever import Retriever
from parley_knowledge.store import ConcurrentUpload, DocumentSummary, KnowledgeStore

__all__ = [
    "Answer",
    "Asked",
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
