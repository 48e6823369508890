"""The LLM engine: any OpenAI-compatible chat-completions server, structured output, offline fallback.

Per message: the offline pass runs first (text signals, retrieval) — it is the fallback and it supplies
the passages. The model then gets the bot's personality, system prompt and languages, the retrieved
passages as the ONLY allowed source of facts, the thread's recent history and the message, and must
answer with one JSON object (response_format json_schema, strict). Tokens come from `usage`, the cost
from a small price table. On timeout, HTTP error, refusal or invalid JSON the offline analysis is
returned instead, with `engine="offline-fallback:<reason>"`. The API key is a SecretStr and is never
logged."""

from __future__ import annotations

import json
import logging
import time
from typing import Any

import openai
from pydantic import BaseModel, Field, ValidationError

from parley_contracts import Analysis, AuthorKind, Entity, ReplySource, Sentiment, SuggestedReply, TokenUsage
from parley_nlp.engine import AnalysisRequest
from parley_nlp.engines.config import EngineSettings
from parley_nlp.engines.offline import OfflineEngine, OfflineOutcome

log = logging.getLogger("parley.nlp.llm")

# USD per 1M tokens (input, output). Unknown models: cost None (tokens are still recorded).
PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-5": (1.25, 10.00),
    "gpt-5-mini": (0.25, 2.00),
    "gpt-5-nano": (0.05, 0.40),
}

MAX_PASSAGES = 4
MAX_HISTORY = 10


def cost_usd(model: str, prompt_tokens: int, completion_tokens: int) -> float | None:
    price = PRICES.get(model)
    if price is None:
        # Dated snapshots ("gpt-4o-mini-2024-07-18") cost what their family costs.
        family = max((m for m in PRICES if model.startswith(m + "-")), key=len, default=None)
        price = PRICES.get(family) if family else None
    if price is None:
        return None
    return round((prompt_tokens * price[0] + completion_tokens * price[1]) / 1_000_000, 8)


class LlmSentiment(BaseModel):
    label: str
    score: float


class LlmEntity(BaseModel):
    type: str
    value: str


class LlmOutput(BaseModel):
    language: str = Field(description="ISO 639-1 code of the customer's language")
    intent: str
    sentiment: LlmSentiment
    topics: list[str]
    keywords: list[str]
    entities: list[LlmEntity]
    category: str
    priority: str
    wants_human: bool
    answerable: bool = Field(description="true only when the passages state the fact that answers the question")
    section: str | None
    reply: str | None
    confidence: float


def _schema() -> dict[str, Any]:
    str_list = {"type": "array", "items": {"type": "string"}}
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [
            "language",
            "intent",
            "sentiment",
            "topics",
            "keywords",
            "entities",
            "category",
            "priority",
            "wants_human",
            "answerable",
            "section",
            "reply",
            "confidence",
        ],
        "properties": {
            "language": {"type": "string", "description": "ISO 639-1 code of the language the customer writes in"},
            "intent": {
                "type": "string",
                "enum": [
                    "question",
                    "order_status",
                    "complaint",
                    "request_human",
                    "feedback",
                    "greeting",
                    "thanks",
                    "goodbye",
                    "other",
                ],
            },
            "sentiment": {
                "type": "object",
                "additionalProperties": False,
                "required": ["label", "score"],
                "properties": {
                    "label": {"type": "string", "enum": ["positive", "neutral", "negative"]},
                    "score": {"type": "number", "description": "-1 (very negative) to 1 (very positive)"},
                },
            },
            "topics": str_list,
            "keywords": str_list,
            "entities": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["type", "value"],
                    "properties": {"type": {"type": "string"}, "value": {"type": "string"}},
                },
            },
            "category": {"type": "string", "enum": ["inquiry", "complaint", "feedback", "suggestion"]},
            "priority": {"type": "string", "enum": ["low", "medium", "high"]},
            "wants_human": {"type": "boolean", "description": "the customer asks, directly or not, for a person"},
            "answerable": {"type": "boolean"},
            "section": {"type": ["string", "null"], "description": "heading of the passage used, verbatim"},
            "reply": {"type": ["string", "null"], "description": "answer to the customer, or null"},
            "confidence": {"type": "number", "description": "0-1: how sure the reply is correct and grounded"},
        },
    }


RESPONSE_FORMAT = {
    "type": "json_schema",
    "json_schema": {"name": "parley_analysis", "strict": True, "schema": _schema()},
}

RULES = """Rules:
- Facts come ONLY from the knowledge-base passages below. If they do not state the answer, set answerable=false,
  reply=null (or a one-line apology saying you will pass the question to a colleague) and confidence below 0.2.
  Never invent prices, dates, policies or products.
- Reply in the customer's language ({languages} are supported; otherwise English), concisely (at most 3 sentences).
- section = the heading of the passage you used, exactly as given; null when not answerable.
- wants_human = true when the customer asks for a person (agent, human, manager, a call), directly or indirectly.
  Asking for a phone number or opening hours is not a request for a person.
- For greetings, thanks or goodbyes with no question, reply briefly and set section=null.
- Output one JSON object matching the schema; nothing else."""


class LlmEngine:
    name = "llm"
    uses_history = True  # the thread's recent turns go into the prompt

    def __init__(
        self, settings: EngineSettings, offline: OfflineEngine, client: openai.AsyncOpenAI | None = None
    ) -> None:
        self.settings = settings
        self.offline = offline
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else ""
        self.client = client or openai.AsyncOpenAI(
            api_key=key or "not-needed",  # local OpenAI-compatible servers often need no key
            base_url=settings.openai_base_url or None,
            timeout=settings.llm_timeout_seconds,
            max_retries=settings.llm_max_retries,
        )

    async def analyze(self, request: AnalysisRequest) -> Analysis:
        started = time.perf_counter()
        outcome = await self.offline.run(request)
        text = (request.inbound.content.text or "").strip()
        if not text:
            return self._finish(outcome.analysis, started)
        model = outcome.config.model or self.settings.openai_model
        try:
            analysis = await self._ask(request, outcome, model)
        except openai.APITimeoutError:
            return self._fallback(outcome, "timeout", started)
        except openai.APIStatusError as exc:
            return self._fallback(outcome, f"http_{exc.status_code}", started)
        except openai.APIConnectionError:
            return self._fallback(outcome, "connection", started)
        except (ValidationError, ValueError, json.JSONDecodeError, KeyError, IndexError, TypeError):
            return self._fallback(outcome, "invalid_output", started)
        except openai.OpenAIError as exc:
            return self._fallback(outcome, type(exc).__name__, started)
        return self._finish(analysis, started)

    def _finish(self, analysis: Analysis, started: float) -> Analysis:
        analysis.processing_ms = round((time.perf_counter() - started) * 1000, 3)
        return analysis

    def _fallback(self, outcome: OfflineOutcome, reason: str, started: float) -> Analysis:
        log.warning("llm failed (%s); using the offline analysis", reason)
        analysis = outcome.analysis
        analysis.engine = f"offline-fallback:{reason}"
        return self._finish(analysis, started)

    def build_messages(self, request: AnalysisRequest, outcome: OfflineOutcome) -> list[dict[str, str]]:
        config = outcome.config
        passages = []
        for hit in (outcome.result.hits if outcome.result else [])[:MAX_PASSAGES]:
            passages.append(f"### {hit.chunk.section or 'General'}\n{hit.chunk.text}")
        kb = "\n\n".join(passages) if passages else "(no passage matched this message)"
        system = (
            f"{config.system_prompt}\n\nYou are {config.name}, the assistant of business unit '{config.tenant}'. "
            f"Personality: {config.personality}.\n"
            f"{RULES.format(languages=', '.join(config.languages) or 'all')}\n\n"
            f"Knowledge-base passages:\n{kb}"
        )
        messages = [{"role": "system", "content": system}]
        for turn in request.history[-MAX_HISTORY:]:
            role = "user" if turn.author == AuthorKind.CUSTOMER else "assistant"
            if turn.text:
                messages.append({"role": role, "content": turn.text})
        messages.append({"role": "user", "content": request.inbound.content.text})
        return messages

    async def _ask(self, request: AnalysisRequest, outcome: OfflineOutcome, model: str) -> Analysis:
        response = await self.client.chat.completions.create(
            model=model,
            messages=self.build_messages(request, outcome),  # type: ignore[arg-type]
            response_format=RESPONSE_FORMAT,  # type: ignore[arg-type]
            temperature=outcome.config.temperature,
        )
        choice = response.choices[0]
        if getattr(choice.message, "refusal", None):
            raise ValueError("refusal")
        content = choice.message.content or ""
        out = LlmOutput.model_validate(json.loads(content))
        usage = response.usage
        tokens = TokenUsage(prompt=usage.prompt_tokens, completion=usage.completion_tokens) if usage else None
        base = outcome.analysis
        sections = {hit.chunk.section for hit in (outcome.result.hits if outcome.result else [])}
        section = out.section if out.section in sections else None
        reply = None
        if out.reply:
            confidence = min(1.0, max(0.0, out.confidence))
            if not out.answerable or section is None:
                # An answer without a passage behind it is not grounded: keep it below any sane threshold.
                confidence = (
                    min(confidence, 0.15) if out.intent not in {"greeting", "thanks", "goodbye"} else confidence
                )
            reply = SuggestedReply(
                text=out.reply[:4000],
                confidence=confidence,
                source=ReplySource.LLM,
                language=out.language or base.language,
                section=section if out.answerable else None,
            )
        label = out.sentiment.label if out.sentiment.label in {"positive", "neutral", "negative"} else "neutral"
        priority = out.priority if out.priority in {"low", "medium", "high"} else base.priority
        return Analysis(
            language=(out.language or base.language).lower()[:3],
            language_confidence=max(base.language_confidence, 0.9) if out.language == base.language else 0.8,
            intent=out.intent,
            sentiment=Sentiment(label=label, score=max(-1.0, min(1.0, out.sentiment.score))),
            topics=out.topics[:10],
            keywords=out.keywords[:15],
            entities=[Entity(type=e.type, value=e.value) for e in out.entities[:20]],
            category=out.category,
            priority=priority,  # type: ignore[arg-type]
            wants_human=out.wants_human or base.wants_human,
            kb_matches=base.kb_matches,
            reply=reply,
            engine=self.name,
            model=response.model or model,
            tokens=tokens,
            cost_usd=cost_usd(response.model or model, tokens.prompt, tokens.completion) if tokens else None,
        )
