"""Fuzzing the webhook: thousands of bodies made by mutating real payloads (every message type the parser knows,
statuses, contacts, metadata), signed, unsigned or wrongly signed, through the real app in-process. Whatever
arrives, ingest never answers 5xx, publishes only valid events within the size limits on a 200, publishes
nothing otherwise, and says why in every 4xx. Deterministic: one fixed seed per run of bodies."""

import copy
import hashlib
import hmac
import json
import random
import time
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from parley_contracts import MessageReceived, MessageStatus
from tests.unit.ingest.test_webhook_routes import SECRET, RecordingPublisher, app
from tests.unit.ingest.test_whatsapp_content import ALL
from tests.unit.ingest.test_whatsapp_parsing import STATUS, webhook

SEEDS = (20260101, 7, 4242)
BODIES_PER_SEED = 1200
TEXT_LIMIT = 2000
EVENT_LIMIT = 32 * 1024

STATUSES = [
    STATUS,
    {**STATUS, "status": "sent", "conversation": {"id": "c1", "origin": {"type": "service"}}},
    {**STATUS, "status": "read"},
    {**STATUS, "status": "played"},
    {**STATUS, "status": "failed", "errors": [{"code": 131047, "title": "Re-engagement message"}]},
]


def real_payloads() -> list[dict]:
    """Real payloads, each a whole webhook: every message type alone, all of them together, statuses alone and
    beside a message, and an account update."""
    bodies = [webhook([m]) for m in ALL] + [webhook(ALL, STATUSES), webhook(statuses=STATUSES)]
    bodies += [webhook([ALL[0]], [s]) for s in STATUSES]
    update = {"field": "account_update", "value": {"event": "VERIFIED_ACCOUNT"}}
    docs = [json.loads(b) for b in bodies]
    docs[0]["entry"][0]["changes"].append(update)
    return docs


ODD_TEXT = [
    "",
    " ",
    "\x00",
    "\u202eevil\u202c",  # right-to-left override
    "👩\u200d👩\u200d👧\u200d👦",  # a ZWJ family
    "e\u0301" * 50,  # combining marks
    "\ufeffbom",
    "\U0010ffff\U000e0001",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "\ud800",  # a lone surrogate: JSON may escape it, the parser refuses it
    "ß" * 3000,
    '\\u0000"',
    "null",
    "1767225600",
    "whatsapp_business_account",
    "messages",
]
NUMBERS = [0, -1, 1, 10**30, -(10**30), 2**63, 2**64 + 1, 1e308, -1e308, 1.5, float("inf"), float("nan"), 10**400]


def scalar(rng: random.Random) -> Any:
    """A value of a random JSON type (nested ones shallow), odd more often than plain."""
    kind = rng.choice(["str", "int", "float", "bool", "null", "list", "object"])
    return {
        "str": lambda: rng.choice(ODD_TEXT),
        "int": lambda: rng.choice([n for n in NUMBERS if isinstance(n, int)]),
        "float": lambda: rng.choice([n for n in NUMBERS if isinstance(n, float)]),
        "bool": lambda: rng.random() < 0.5,
        "null": lambda: None,
        "list": lambda: [rng.choice(ODD_TEXT), rng.choice(NUMBERS)][: rng.randint(0, 2)],
        "object": lambda: {rng.choice(ODD_TEXT): rng.choice(NUMBERS), "id": rng.choice(ODD_TEXT)},
    }[kind]()


Path = list[str | int]


def paths(node: Any, path: Path | None = None) -> list[Path]:
    """Every place in the document, the root included."""
    path = path or []
    found = [path]
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    for key, child in children:
        found += paths(child, [*path, key])
    return found


def at(doc: Any, path: Path) -> Any:
    for key in path:
        doc = doc[key]
    return doc


ITEMS: Path = ["entry", 0, "changes", 0, "value"]  # messages, statuses, contacts, metadata


def mutate(rng: random.Random, doc: Any) -> Any:
    """One structural mutation somewhere in `doc` (in place where possible); returns the new document. Three in
    four land inside the first change's value, where the items are: the envelope has fewer ways to break."""
    everywhere = paths(doc)
    items = [p for p in everywhere if p[: len(ITEMS)] == ITEMS and len(p) > len(ITEMS)]
    path = rng.choice(items if items and rng.random() < 0.75 else everywhere)
    if not path:
        return scalar(rng) if rng.random() < 0.3 else doc
    parent, key = at(doc, path[:-1]), path[-1]
    operation = rng.choice(["swap", "swap", "delete", "extra", "number", "long", "odd"])
    if operation == "delete":
        del parent[key]
    elif operation == "extra":
        target = at(doc, path)
        if isinstance(target, dict):
            target[rng.choice([*ODD_TEXT, "type", "id", "text", "body", "errors"])] = scalar(rng)
        elif isinstance(target, list):
            target.insert(rng.randint(0, len(target)), scalar(rng))
        else:
            parent[key] = [target, scalar(rng)]
    elif operation == "number":
        parent[key] = rng.choice(NUMBERS)
    elif operation == "long":
        parent[key] = rng.choice(["x", "ñ", "🙂", "9"]) * rng.choice([TEXT_LIMIT + 1, 40_000, 300_000])
    elif operation == "odd":
        parent[key] = rng.choice(ODD_TEXT)
    else:
        parent[key] = scalar(rng)
    return doc


def serialise(rng: random.Random, doc: Any) -> bytes:
    body = json.dumps(doc, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")
    roll = rng.random()
    if roll < 0.04:  # truncated JSON
        return body[: rng.randint(0, len(body))]
    if roll < 0.06:  # not UTF-8
        cut = rng.randint(0, len(body))
        return body[:cut] + b"\xff\xfe" + body[cut:]
    return body


def signature(rng: random.Random, body: bytes) -> dict[str, Any]:
    """Mostly Meta's signature; sometimes none, a wrong one, or one that is not even ASCII."""
    good = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    roll = rng.random()
    if roll < 0.04:
        return {}
    if roll < 0.06:
        return {"X-Hub-Signature-256": "sha256=" + rng.randbytes(32).hex()}
    if roll < 0.07:
        return {"X-Hub-Signature-256": ("sha256=é" + good[8:]).encode("latin-1")}
    if roll < 0.08:
        return {"X-Hub-Signature-256": good.upper()}
    return {"X-Hub-Signature-256": good}


def bodies(seed: int, count: int) -> list[tuple[bytes, dict[str, Any]]]:
    rng = random.Random(seed)
    real = real_payloads()
    made = []
    for n in range(count):
        doc = copy.deepcopy(rng.choice(real))
        for i, message in enumerate(doc["entry"][0]["changes"][0]["value"]["messages"]):
            message["id"] = f"wamid.fuzz.{seed}.{n}.{i}"  # unique: a retry skip would hide what was published
        for _ in range(rng.choice([1, 1, 1, 2, 3, 5])):
            doc = mutate(rng, doc)
        body = serialise(rng, doc)
        made.append((body, signature(rng, body)))
    return made


def valid(event: object) -> bool:
    """An event the pipeline can take: a known kind, round-trips its own JSON, within the limits."""
    if not isinstance(event, MessageReceived | MessageStatus):
        return False
    wire = event.model_dump_json()
    type(event).model_validate_json(wire)
    within_text = not isinstance(event, MessageReceived) or len(event.content.text) <= TEXT_LIMIT
    return within_text and len(wire.encode()) <= EVENT_LIMIT


def problem(status: int, published: list[object], answer: dict | None) -> str | None:
    """What is wrong with one answer, or None."""
    if status >= 500:
        return f"a {status}"
    if status != 200 and published:
        return f"published {len(published)} events, then answered {status}"
    if status != 200 and not (isinstance(answer, dict) and isinstance(answer.get("detail"), str) and answer["detail"]):
        return f"a {status} without a detail"
    if status == 200 and not all(valid(e) for e in published):
        return "published an invalid event"
    return None


@asynccontextmanager
async def in_process(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """The app served in this event loop, lifespan included (TestClient's thread hops would triple the time);
    an exception escaping the app is a 500 here, as under uvicorn."""
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://ingest") as http:
            yield http


@pytest.mark.parametrize("seed", SEEDS)
async def test_no_mutated_body_gets_a_5xx_or_publishes_anything_invalid(seed):
    publisher = RecordingPublisher()
    statuses: Counter[int] = Counter()
    failures: list[str] = []
    started = time.perf_counter()
    made = bodies(seed, BODIES_PER_SEED)
    ingest = app(publisher, text_limit_chars=TEXT_LIMIT, event_limit_bytes=EVENT_LIMIT, rate_limit_per_second=0)
    async with in_process(ingest) as http:
        for number, (body, headers) in enumerate(made):
            before = len(publisher.events)
            response = await http.post("/webhooks/whatsapp", content=body, headers=headers)
            answer = response.json() if response.headers.get("content-type") == "application/json" else None
            statuses[response.status_code] += 1
            if issue := problem(response.status_code, publisher.events[before:], answer):
                failures.append(f"body {number} ({len(body)} bytes): {issue}")
    elapsed = time.perf_counter() - started
    print(
        f"seed {seed}: {len(made)} bodies in {elapsed:.1f} s, answers {dict(sorted(statuses.items()))}, "
        f"{len(publisher.events)} events published"
    )
    assert failures == []
    assert statuses[200] > len(made) // 3 and statuses[400] > 0 and statuses[401] > 0  # the fuzz reaches every path
