"""Offline, deterministic text signals for one customer message: pure functions, no I/O.

`analyze_text` is what the engine calls; the modules behind it can be used on their own."""

from dataclasses import dataclass, field
from typing import Literal

from parley_contracts import Entity, Sentiment
from parley_knowledge.retrieval import Asked
from parley_nlp.analysis.intent import (
    HandoffRequest,
    asks_question,
    classify_category,
    detect_intent,
    detect_wants_human,
    handoff_request,
    priority,
)
from parley_nlp.analysis.keywords import extract_entities, extract_keywords, topic_terms, topics
from parley_nlp.analysis.language import LanguageGuess, detect_language, warm_up
from parley_nlp.analysis.sentiment import analyze_sentiment

__all__ = [
    "HandoffRequest",
    "LanguageGuess",
    "TextSignals",
    "analyze_sentiment",
    "analyze_text",
    "asks_question",
    "classify_category",
    "detect_intent",
    "detect_language",
    "detect_wants_human",
    "extract_entities",
    "extract_keywords",
    "handoff_request",
    "priority",
    "topics",
    "warm_up",
]


@dataclass(frozen=True)
class TextSignals:
    language: str
    language_confidence: float
    intent: str
    sentiment: Sentiment
    topics: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    category: str = "inquiry"
    priority: Literal["low", "medium", "high"] = "medium"
    wants_human: bool = False
    wants_human_confidence: float = 0.0
    asks_question: bool = True
    # It speaks of a person only to say it needs none ("no need to pass me to anyone, what are your hours?").
    refuses_human: bool = False

    def asked(self) -> Asked:
        """What the knowledge base's search needs to know beside the words."""
        return Asked(question=self.asks_question, wants_human=self.wants_human, refuses_human=self.refuses_human)


def analyze_text(text: str) -> TextSignals:
    """Every signal for one message; each is computed once and fed to the ones that depend on it."""
    text = text or ""
    lang = detect_language(text)
    sentiment = analyze_sentiment(text, lang.code)
    handoff = handoff_request(text, lang.code)
    intent = detect_intent(text, lang.code, wants_human=handoff.wanted, sentiment=sentiment)
    return TextSignals(
        language=lang.code,
        language_confidence=lang.confidence,
        intent=intent,
        sentiment=sentiment,
        topics=topics(topic_terms(text)),
        keywords=extract_keywords(text, lang.code),
        entities=extract_entities(text),
        category=classify_category(text, intent, sentiment),
        priority=priority(text, intent, sentiment, handoff.wanted),
        wants_human=handoff.wanted,
        wants_human_confidence=handoff.confidence,
        asks_question=asks_question(text),
        refuses_human=handoff.refused,
    )
