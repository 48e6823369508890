"""The offline engine: deterministic, no credentials, a few milliseconds per message.

Text signals (language, intent, sentiment, wants_human …) come from `parley_nlp.analysis`; the answer
comes from the tenant's knowledge base: the most relevant sentences of the best-matching section, with
a calibrated confidence (see `parley_knowledge.retrieval`). When the match is weak the reply carries a
low confidence (below the bot's handoff threshold the router hands off) and when there is nothing to
match there is no reply at all: the engine never invents an answer. Greetings, thanks and goodbyes
get a short small-talk reply (source `fallback`) in the customer's language."""

from __future__ import annotations

import time
from dataclasses import dataclass

from parley_business import BotConfig, BotConfigStore
from parley_contracts import Analysis, KbMatch, ReplySource, SuggestedReply
from parley_conversations.windows import text_limit
from parley_knowledge import Answer, Retriever, SearchResult
from parley_nlp.analysis import TextSignals, analyze_text
from parley_nlp.engine import AnalysisRequest

MIN_REPLY_CONFIDENCE = 0.02  # below this the match is noise: no reply at all
# With a request for a person, what is left of the message must name something specific to be a question
# (the strongest matched word's specificity, 0–1): "please call me about my order" asks nothing about orders.
MIN_SPECIFICITY_WITH_HANDOFF = 0.3
SMALL_TALK_CONFIDENCE = 0.9
SMALL_TALK_INTENTS = {"greeting", "thanks", "goodbye"}

SMALL_TALK: dict[str, dict[str, str]] = {
    "greeting": {
        "en": "Hello! How can I help you today?",
        "es": "¡Hola! ¿En qué puedo ayudarte?",
        "pt": "Olá! Como posso ajudar?",
        "it": "Ciao! Come posso aiutarti?",
        "fr": "Bonjour ! Comment puis-je vous aider ?",
        "hi": "नमस्ते! मैं आपकी क्या मदद कर सकता हूँ?",
        "ta": "வணக்கம்! நான் உங்களுக்கு எப்படி உதவலாம்?",
        "te": "నమస్కారం! నేను మీకు ఎలా సహాయం చేయగలను?",
    },
    "thanks": {
        "en": "You're welcome! Anything else I can help with?",
        "es": "¡De nada! ¿Te ayudo con algo más?",
        "pt": "De nada! Posso ajudar em mais alguma coisa?",
        "it": "Prego! Posso aiutarti in altro?",
        "fr": "Avec plaisir ! Puis-je vous aider pour autre chose ?",
        "hi": "आपका स्वागत है! क्या मैं और कुछ मदद कर सकता हूँ?",
        "ta": "மகிழ்ச்சி! வேறு ஏதாவது உதவி வேண்டுமா?",
        "te": "సంతోషం! ఇంకేమైనా సహాయం కావాలా?",
    },
    "goodbye": {
        "en": "Goodbye, have a great day!",
        "es": "¡Hasta luego, que tengas un buen día!",
        "pt": "Até logo, tenha um ótimo dia!",
        "it": "Arrivederci, buona giornata!",
        "fr": "Au revoir, bonne journée !",
        "hi": "अलविदा, आपका दिन शुभ हो!",
        "ta": "நன்றி, இனிய நாள் வாழ்த்துகள்!",
        "te": "వీడ్కోలు, మీ రోజు శుభంగా ఉండాలి!",
    },
}

# Said before a passage quoted in another language than the customer's.
FROM_FAQ: dict[str, str] = {
    "en": "From our FAQ ({section}):",
    "es": "Según nuestras preguntas frecuentes ({section}):",
    "pt": "Segundo as nossas perguntas frequentes ({section}):",
    "it": "Dalle nostre FAQ ({section}):",
    "fr": "D'après notre FAQ ({section}) :",
    "hi": "हमारे FAQ के अनुसार ({section}):",
    "ta": "எங்கள் FAQ படி ({section}):",
    "te": "మా FAQ ప్రకారం ({section}):",
}


@dataclass
class OfflineOutcome:
    """Everything the offline pass produced; the LLM engine builds on it."""

    analysis: Analysis
    signals: TextSignals
    config: BotConfig
    result: SearchResult | None
    answer: Answer | None


class OfflineEngine:
    name = "offline"
    uses_history = False  # each message stands alone: skip the history read

    def __init__(self, retriever: Retriever, configs: BotConfigStore) -> None:
        self.retriever = retriever
        self.configs = configs
        self._doc_language: dict[str, str] = {}

    async def analyze(self, request: AnalysisRequest) -> Analysis:
        started = time.perf_counter()
        outcome = await self.run(request)
        outcome.analysis.processing_ms = round((time.perf_counter() - started) * 1000, 3)
        return outcome.analysis

    async def run(self, request: AnalysisRequest) -> OfflineOutcome:
        inbound = request.inbound
        # Text beyond what the channel carries is cut here too (nlp's handler already does, the evaluation and
        # other callers do not): every step after this is linear in at most a channel's worth of text.
        text = (inbound.content.text or "")[: text_limit(inbound.channel)].strip()
        signals = analyze_text(text)
        config = await self.configs.get(inbound.tenant)
        analysis = Analysis(
            language=signals.language,
            language_confidence=signals.language_confidence,
            intent=signals.intent,
            sentiment=signals.sentiment,
            topics=list(signals.topics),
            keywords=list(signals.keywords),
            entities=list(signals.entities),
            category=signals.category,
            priority=signals.priority,
            wants_human=signals.wants_human,
            engine=self.name,
        )
        result: SearchResult | None = None
        answer: Answer | None = None
        if text and config.knowledge_base_enabled:
            asked = signals.asked()
            result, answer = await self.retriever.answer(inbound.tenant, text, asked)
            analysis.kb_matches = [
                KbMatch(
                    chunk_id=hit.chunk.chunk_id,
                    document_id=hit.chunk.document_id,
                    section=hit.chunk.section,
                    score=round(hit.score, 4),
                    text=hit.chunk.text[:500],
                )
                for hit in result.hits[:3]
            ]
            if (
                answer is not None
                and answer.confidence >= MIN_REPLY_CONFIDENCE
                and answer.text
                and may_answer(signals, result)
            ):
                analysis.reply = SuggestedReply(
                    text=self._localize(answer, signals.language),
                    confidence=answer.confidence,
                    source=ReplySource.KNOWLEDGE_BASE,
                    language=signals.language,
                    section=answer.hit.chunk.section,
                )
        if analysis.reply is None and signals.intent in SMALL_TALK_INTENTS and not signals.wants_human:
            analysis.reply = small_talk(signals.intent, signals.language, config)
        return OfflineOutcome(analysis, signals, config, result, answer)

    def _localize(self, answer: Answer, language: str) -> str:
        doc_lang = self._document_language(answer)
        if language == doc_lang or language not in FROM_FAQ:
            return answer.text
        section = answer.hit.chunk.section or ""
        return f"{FROM_FAQ[language].format(section=section)} {answer.text}"

    def _document_language(self, answer: Answer) -> str:
        key = answer.hit.chunk.document_id
        if key not in self._doc_language:
            self._doc_language[key] = analyze_text(answer.hit.chunk.text).language
        return self._doc_language[key]


def may_answer(signals: TextSignals, result: SearchResult) -> bool:
    """A complaint or a request for a person that asks no question gets no knowledge-base answer (what it
    shares with a section is the topic of the complaint, not a question about it); a request for a person keeps
    its answer only when it names something specific."""
    upset = signals.wants_human or signals.sentiment.label == "negative"
    if upset and not signals.asks_question:
        return False
    return not (signals.wants_human and result.specificity() < MIN_SPECIFICITY_WITH_HANDOFF)


def small_talk(intent: str, language: str, config: BotConfig | None = None) -> SuggestedReply:
    table = SMALL_TALK[intent]
    lang = language if language in table else "en"
    text = table[lang]
    if intent == "greeting" and config is not None and config.greeting and config.languages[:1] == [lang]:
        text = config.greeting
    return SuggestedReply(text=text, confidence=SMALL_TALK_CONFIDENCE, source=ReplySource.FALLBACK, language=lang)
