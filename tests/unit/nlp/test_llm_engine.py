"""The LLM engine against a local server speaking the chat-completions protocol (FastAPI + uvicorn)."""

import asyncio
import json
import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, ClassVar

import pytest
import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import SecretStr

from parley_contracts import AuthorKind, ReplySource
from parley_knowledge import Retriever
from parley_nlp.engine import AnalysisRequest, HistoryTurn
from parley_nlp.engines.config import EngineSettings
from parley_nlp.engines.llm import LlmEngine, cost_usd
from parley_nlp.engines.offline import OfflineEngine
from tests.unit.nlp.nlp_fakes import FakeBotConfigStore, FakeKnowledgeStore, inbound

SECRET = "fake-openai-key-never-to-be-logged"


class Fake:
    mode = "ok"
    requests: ClassVar[list[dict[str, Any]]] = []
    headers: ClassVar[list[dict[str, str]]] = []
    content: ClassVar[dict[str, Any]] = {}


def completion(content: str, model: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": 1000, "completion_tokens": 200, "total_tokens": 1200},
    }


def make_app() -> FastAPI:
    app = FastAPI()

    @app.post("/v1/chat/completions")
    async def chat(request: Request) -> JSONResponse:
        body = await request.json()
        Fake.requests.append(body)
        Fake.headers.append(dict(request.headers))
        if Fake.mode == "slow":
            await asyncio.sleep(3)
        if Fake.mode == "error":
            return JSONResponse({"error": {"message": "boom", "type": "server_error"}}, status_code=500)
        if Fake.mode == "garbage":
            return JSONResponse(completion("this is not json", body["model"]))
        return JSONResponse(completion(json.dumps(Fake.content), body["model"]))

    return app


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(make_app(), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}/v1"
    server.should_exit = True
    thread.join(5)


@pytest.fixture(autouse=True)
def reset() -> None:
    Fake.mode = "ok"
    Fake.requests.clear()
    Fake.headers.clear()
    Fake.content = {
        "language": "pt",
        "intent": "question",
        "sentiment": {"label": "neutral", "score": 0.0},
        "topics": ["pets"],
        "keywords": ["cachorro", "cabine"],
        "entities": [{"type": "animal", "value": "cachorro"}],
        "category": "inquiry",
        "priority": "medium",
        "wants_human": False,
        "answerable": True,
        "section": "3. Pets on board",
        "reply": "Sim: cães e gatos até 8 kg viajam na cabine, numa caixa fechada, por 50 EUR.",
        "confidence": 0.92,
    }


def make_engine(url: str, timeout: float = 5.0, **config: object) -> LlmEngine:
    settings = EngineSettings(
        OPENAI_API_KEY=SecretStr(SECRET), OPENAI_BASE_URL=url, LLM_TIMEOUT_SECONDS=timeout, LLM_MAX_RETRIES=0
    )  # type: ignore[call-arg]
    offline = OfflineEngine(Retriever(FakeKnowledgeStore(), refresh_seconds=0), FakeBotConfigStore(**config))
    return LlmEngine(settings, offline)


def request(text: str) -> AnalysisRequest:
    history = [
        HistoryTurn(AuthorKind.CUSTOMER, "Olá", datetime.now(UTC)),
        HistoryTurn(AuthorKind.BOT, "Olá! Como posso ajudar?", datetime.now(UTC)),
    ]
    return AnalysisRequest(inbound=inbound(text), history=history)


async def test_request_shape_and_structured_output(server_url: str) -> None:
    eng = make_engine(server_url, personality="warm and brief", model="gpt-4o-mini", system_prompt="Be Acme's helper.")
    a = await eng.analyze(request("Posso levar meu cachorro na cabine?"))

    body = Fake.requests[-1]
    assert body["model"] == "gpt-4o-mini"
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["strict"] is True
    assert "reply" in body["response_format"]["json_schema"]["schema"]["properties"]
    system = body["messages"][0]
    assert system["role"] == "system"
    assert "Be Acme's helper." in system["content"] and "warm and brief" in system["content"]
    assert "### 3. Pets on board" in system["content"]  # retrieved passages are in the prompt
    assert [m["role"] for m in body["messages"][1:]] == ["user", "assistant", "user"]
    assert body["messages"][-1]["content"] == "Posso levar meu cachorro na cabine?"
    assert Fake.headers[-1]["authorization"] == f"Bearer {SECRET}"

    assert a.engine == "llm"
    assert a.reply is not None and a.reply.source == ReplySource.LLM
    assert a.reply.section == "3. Pets on board" and a.reply.confidence == pytest.approx(0.92)
    assert a.language == "pt" and a.keywords == ["cachorro", "cabine"]
    assert a.tokens is not None and (a.tokens.prompt, a.tokens.completion) == (1000, 200)
    assert a.cost_usd == pytest.approx(cost_usd("gpt-4o-mini", 1000, 200))
    assert a.cost_usd == pytest.approx((1000 * 0.15 + 200 * 0.60) / 1e6)
    assert a.model == "gpt-4o-mini"
    assert a.kb_matches and a.kb_matches[0].section == "3. Pets on board"


async def test_ungrounded_answer_is_kept_below_the_threshold(server_url: str) -> None:
    Fake.content.update({"answerable": False, "section": None, "reply": "Probably yes!", "confidence": 0.9})
    a = await make_engine(server_url).analyze(request("Can I bring my parrot?"))
    assert a.engine == "llm"
    assert a.reply is not None and a.reply.confidence <= 0.15 and a.reply.section is None


async def test_section_not_among_retrieved_passages_is_dropped(server_url: str) -> None:
    Fake.content.update({"section": "99. Invented section"})
    a = await make_engine(server_url).analyze(request("Posso levar meu cachorro na cabine?"))
    assert a.reply is not None and a.reply.section is None and a.reply.confidence <= 0.15


@pytest.mark.parametrize(("mode", "reason"), [("error", "http_500"), ("garbage", "invalid_output")])
async def test_errors_fall_back_to_the_offline_engine(server_url: str, mode: str, reason: str, caplog) -> None:
    Fake.mode = mode
    a = await make_engine(server_url).analyze(request("How heavy can my checked suitcase be?"))
    assert a.engine == f"offline-fallback:{reason}"
    assert a.reply is not None and a.reply.source == ReplySource.KNOWLEDGE_BASE
    assert a.reply.section == "1. Baggage allowance"
    assert a.tokens is None and a.cost_usd is None
    assert SECRET not in caplog.text


async def test_timeout_falls_back_quickly(server_url: str, caplog) -> None:
    Fake.mode = "slow"
    started = time.perf_counter()
    a = await make_engine(server_url, timeout=0.5).analyze(request("How heavy can my checked suitcase be?"))
    assert time.perf_counter() - started < 2.5
    assert a.engine == "offline-fallback:timeout"
    assert a.reply is not None and a.reply.section == "1. Baggage allowance"
    assert SECRET not in caplog.text


def test_api_key_is_not_in_settings_repr() -> None:
    settings = EngineSettings(OPENAI_API_KEY=SecretStr(SECRET))  # type: ignore[call-arg]
    assert SECRET not in repr(settings) and SECRET not in str(settings.model_dump())
    assert settings.wants_llm() is True
    assert EngineSettings(OPENAI_API_KEY=SecretStr(SECRET), NLP_ENGINE="offline").wants_llm() is False  # type: ignore[call-arg]


def test_cost_table_handles_dated_snapshots_and_unknown_models() -> None:
    assert cost_usd("gpt-4o-mini-2024-07-18", 1_000_000, 0) == pytest.approx(0.15)
    assert cost_usd("my-local-llama", 10, 10) is None
