"""Webhook fuzzing: real payloads (built by the sandbox, which plays Meta) mutated — type swaps, missing and extra
keys, huge numbers, long strings, odd Unicode, deep nesting, truncated or non-JSON bodies, replays — and posted
straight to ingest, signed with the app secret, unsigned, or with a wrong signature.

Ingest may refuse any of them (400, 401, 413…), never with a 5xx; an unsigned or wrongly signed body must be
refused; and a message in a body it acknowledged must be stored (the provider will not send it again)."""

import asyncio
import copy
import json
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import httpx

from chaos.accounting import PHONE_NUMBER_ID, TENANT, Expected
from chaos.webhooks import items, message_values, provider_id
from parley_contracts import Channel, dedupe_key, thread_key
from parley_sandbox.meta import serialize, signature_sha256
from parley_sandbox.settings import SandboxSettings
from parley_sandbox.whatsapp import payloads

META = SandboxSettings()  # the local defaults the stack's ingest also uses
DEEP = "__chaos_deep__"  # placeholders replaced after serialisation: what json.dumps cannot write
BAD_UTF8 = "__chaos_bad_utf8__"
ODD_TEXT = (
    "\ud800",  # a lone surrogate: valid JSON escape, not encodable as UTF-8
    "\x00nul",
    "\u202eright-to-left override",
    "e\u0301\u0301\u0301",
    "🙂" * 500,
    "\uffff\ufffe",
    "\U0010ffff",
    "‮‭" * 50,
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "{$where: 'sleep(1000)'}",
    BAD_UTF8,
)
ODD_VALUES: tuple[Any, ...] = (0, -1, 1.5, True, None, "", "x", [], {}, [1, 2], {"a": 1})
HUGE = (10**100, -(10**30), 2**63, 2**64, 1e308, -1e308, 1e-320, float("nan"), float("inf"))
HUGE_TIMESTAMPS = (str(10**20), "-1", "1e10", "99999999999", "0", " 1", "１２３", "-99999999999999")
NOT_JSON = (b"", b"null", b"[]", b"{}", b"1", b"\xff\xfe\x00", b"<xml/>", b"{" * 10, b"\x00" * 64)


@dataclass
class FuzzCase:
    kind: str
    signature: str  # signed, unsigned, bad-signature
    body: bytes
    status: int | None = None  # None: no answer (connection refused, timeout)
    answer: str = ""


@dataclass
class FuzzRun:
    cases: list[FuzzCase] = field(default_factory=list)

    def statuses(self) -> Counter[str]:
        return Counter("no answer" if c.status is None else str(c.status) for c in self.cases)

    def server_errors(self) -> list[FuzzCase]:
        return [c for c in self.cases if c.status is not None and c.status >= 500 and c.status != 503]

    def unavailable(self) -> int:
        return sum(c.status == 503 for c in self.cases)

    def accepted_unsigned(self) -> list[FuzzCase]:
        return [c for c in self.cases if c.signature != "signed" and c.status == 200]

    def expected(self) -> list[Expected]:
        """The messages inside bodies ingest acknowledged, once each (a replay names the same key)."""
        found: dict[str, Expected] = {}
        for case in self.cases:
            if case.status == 200 and case.signature == "signed":
                for e in expected_messages(case.body):
                    found.setdefault(e.key, replace(e, source=case.kind))
        per_thread = Counter(e.thread for e in found.values())
        return [replace(e, in_thread=per_thread[e.thread]) for e in found.values()]


def expected_messages(body: bytes) -> list[Expected]:
    """The messages ingest must have published for a body it acknowledged (its envelope rules, loosely)."""
    try:
        doc = json.loads(body)
    except ValueError:
        return []
    found = []
    for value, account in message_values(doc):
        for m in items(value.get("messages")):
            if (wamid := provider_id(m.get("id"))) and (sender := provider_id(m.get("from"))):
                found.append(
                    Expected(
                        key=dedupe_key(Channel.WHATSAPP, account, wamid),
                        thread=thread_key(TENANT, Channel.WHATSAPP, account, sender),
                        wa_id="".join(ch for ch in sender if ch.isdigit()),
                        acknowledged=True,
                        must_answer=False,  # a mutated sender or content may not be answerable
                        connected=account == PHONE_NUMBER_ID,
                    )
                )
    return found


# --- real payloads ------------------------------------------------------------------------------------------


def seed(rng: random.Random, wa_id: str, wamid: str) -> dict[str, Any]:
    """One real webhook: a customer's message of some type, or a delivery status."""
    now = int(time.time())
    kind = rng.choice(("text", "button", "list", "image", "location", "reaction", "unknown", "status"))
    if kind == "status":
        status = rng.choice(("sent", "delivered", "read", "failed"))
        item = payloads.status_item(wamid=wamid, status=status, recipient_id=wa_id, timestamp=now)
        return payloads.statuses_webhook(META, item)
    message = payloads.customer_message(
        wa_id=wa_id,
        wamid=wamid,
        timestamp=now,
        text="hello" if kind not in ("button", "list") else None,
        button_reply={"id": "yes", "title": "Yes"} if kind == "button" else None,
        list_reply={"id": "row-1", "title": "Opening hours"} if kind == "list" else None,
    )
    if kind in _OTHER_TYPES:
        message.pop("text")
        message.update(type=kind, **{kind: _OTHER_TYPES[kind]})
    return payloads.messages_webhook(META, wa_id=wa_id, name="Fuzz", message=message)


_OTHER_TYPES: dict[str, Any] = {
    "image": {"id": "1234567890", "mime_type": "image/jpeg", "sha256": "abc", "caption": "a photo"},
    "location": {"latitude": 19.4326, "longitude": -99.1332, "name": "Zócalo"},
    "reaction": {"message_id": "wamid.earlier", "emoji": "👍"},
    "unknown": {"errors": [{"code": 131051, "title": "Message type unknown"}]},
}


# --- mutations ----------------------------------------------------------------------------------------------


def _slots(node: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in the tree, so any value can be replaced."""
    found: list[tuple[Any, Any]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            found += [(node, key), *_slots(value)]
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += [(node, index), *_slots(value)]
    return found


def _containers(doc: Any, kind: type) -> list[Any]:
    return [c[k] for c, k in _slots(doc) if isinstance(c[k], kind)] + ([doc] if isinstance(doc, kind) else [])


def _pick(rng: random.Random, options: list[Any]) -> Any:
    """One of `options`, or None when an earlier mutation left nothing of that kind (the mutation is skipped)."""
    return rng.choice(options) if options else None


def _odd_value(rng: random.Random, unlike: Any = NotImplemented) -> Any:
    """A value of another type than `unlike`; a fresh copy (a shared [] or {} mutated again would make a cycle)."""
    return copy.deepcopy(rng.choice([v for v in ODD_VALUES if type(v) is not type(unlike)]))


def type_swap(rng: random.Random, doc: Any) -> None:
    if slot := _pick(rng, _slots(doc)):
        container, key = slot
        container[key] = _odd_value(rng, container[key])


def missing_key(rng: random.Random, doc: Any) -> None:
    if container := _pick(rng, [d for d in _containers(doc, dict) if d]):
        del container[rng.choice(list(container))]


def extra_key(rng: random.Random, doc: Any) -> None:
    if (container := _pick(rng, _containers(doc, dict))) is not None:
        container[rng.choice(("extra", "__proto__", "$set", "ключ", "id ", ""))] = _odd_value(rng)


def huge_number(rng: random.Random, doc: Any) -> None:
    slots = _slots(doc)
    timestamps = [(c, k) for c, k in slots if k == "timestamp"]
    if timestamps and rng.random() < 0.5:
        container, key = rng.choice(timestamps)
        container[key] = rng.choice(HUGE_TIMESTAMPS)
    elif slot := _pick(rng, slots):
        container, key = slot
        container[key] = rng.choice(HUGE)


def long_string(rng: random.Random, doc: Any) -> None:
    if slot := _pick(rng, _slots(doc)):
        container, key = slot
        container[key] = "A" * rng.choice((1_000, 100_000, 1_000_000, 4_000_000))


def odd_unicode(rng: random.Random, doc: Any) -> None:
    if slot := _pick(rng, [(c, k) for c, k in _slots(doc) if isinstance(c[k], str)]):
        container, key = slot
        container[key] = rng.choice(ODD_TEXT)


def duplicate_item(rng: random.Random, doc: Any) -> None:
    if lst := _pick(rng, [lst for lst in _containers(doc, list) if lst]):
        lst.append(copy.deepcopy(rng.choice(lst)))


def deep_nesting(rng: random.Random, doc: Any) -> None:
    if slot := _pick(rng, _slots(doc)):
        container, key = slot
        container[key] = DEEP


TREE_MUTATIONS: dict[str, Callable[[random.Random, Any], None]] = {
    "type-swap": type_swap,
    "missing-key": missing_key,
    "extra-key": extra_key,
    "huge-number": huge_number,
    "long-string": long_string,
    "odd-unicode": odd_unicode,
    "duplicate-item": duplicate_item,
    "deep-nesting": deep_nesting,
}


def to_bytes(rng: random.Random, doc: Any) -> bytes:
    body = json.dumps(doc, separators=(",", ":"), ensure_ascii=True).encode()  # NaN/Infinity: invalid JSON kept
    depth = rng.choice((64, 1_000, 100_000))
    body = body.replace(f'"{DEEP}"'.encode(), b"[" * depth + b"]" * depth)
    return body.replace(BAD_UTF8.encode(), b"\xc3\x28\xa0\xa1")


def make_case(rng: random.Random, index: int, prefix: str, earlier: list[FuzzCase]) -> FuzzCase:
    """One fuzz case: mostly 1–3 tree mutations of a real payload, some untouched, truncated, non-JSON or replays."""
    doc = seed(rng, f"{prefix}{index:05d}", f"wamid.fuzz.{prefix}.{index}")
    roll = rng.random()
    if roll < 0.05:
        kind, body = "valid", serialize(doc)
    elif roll < 0.10 and earlier:
        replayed = rng.choice(earlier)
        kind, body = f"replay of {replayed.kind}", replayed.body
    elif roll < 0.17:
        kind, body = "truncated", serialize(doc)[: rng.randrange(0, len(serialize(doc)))]
    elif roll < 0.22:
        kind, body = "not-json", rng.choice(NOT_JSON)
    else:
        names = rng.sample(sorted(TREE_MUTATIONS), rng.choice((1, 1, 2, 3)))
        for name in names:
            TREE_MUTATIONS[name](rng, doc)
        kind, body = "+".join(names), to_bytes(rng, doc)
    signature = rng.choices(("signed", "unsigned", "bad-signature"), (8, 1, 1))[0]
    return FuzzCase(kind, signature, body)


def headers(case: FuzzCase) -> dict[str, str]:
    sent = {"Content-Type": "application/json"}
    if case.signature == "signed":
        sent["X-Hub-Signature-256"] = signature_sha256(case.body, META.whatsapp_app_secret)
    elif case.signature == "bad-signature":
        sent["X-Hub-Signature-256"] = signature_sha256(case.body, "not-the-app-secret")
    return sent


async def post(http: httpx.AsyncClient, url: str, case: FuzzCase) -> None:
    try:
        response = await http.post(url, content=case.body, headers=headers(case))
        case.status, case.answer = response.status_code, response.text[:500]
    except httpx.HTTPError as exc:
        case.answer = f"{type(exc).__name__}: {exc}"


async def fuzz(
    http: httpx.AsyncClient, ingest_url: str, count: int, rate: float, seed_value: int, prefix: str
) -> FuzzRun:
    """Post `count` cases at `rate` per second (open loop), each answered or timed out."""
    rng = random.Random(seed_value)
    run = FuzzRun()
    url = ingest_url + "/webhooks/whatsapp"
    tasks = []
    started = time.monotonic()
    for index in range(count):
        case = make_case(rng, index, prefix, run.cases)
        run.cases.append(case)
        tasks.append(asyncio.create_task(post(http, url, case)))
        await asyncio.sleep(max(0.0, started + (index + 1) / rate - time.monotonic()))
    await asyncio.gather(*tasks)
    return run
