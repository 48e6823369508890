"""Mutated Messenger / Instagram webhooks (every documented example, with values swapped for odd ones, keys
dropped, lists and objects swapped): the parser answers a Delivery or MalformedWebhook, never anything else, and
every event it gives is valid. Deterministic: fixed seeds."""

import copy
import json
import random
from typing import Any

import pytest

from parley_contracts import MessageReceived, MessageStatus
from parley_ingest.delivery import MalformedWebhook
from parley_ingest.meta_messaging import INSTAGRAM, MESSENGER, parse_delivery
from parley_ingest.sizing import SizeLimits
from tests.unit.ingest import meta_fixtures as f

LIMITS = SizeLimits(text_chars=2000, event_bytes=32 * 1024)
MESSENGER_EVENTS = [getattr(f, name) for name in dir(f) if name.startswith("M_")]
INSTAGRAM_EVENTS = [getattr(f, name) for name in dir(f) if name.startswith("I_")]
ODD: list[Any] = [None, 0, -1, 1.5, True, "", " ", "x" * 5000, [], {}, [None], {"id": None}, "\u202e", 10**30]


def mutate(node: Any, rng: random.Random) -> Any:
    if isinstance(node, dict) and node:
        node = dict(node)
        key = rng.choice(list(node))
        roll = rng.random()
        if roll < 0.25:
            del node[key]
        elif roll < 0.6:
            node[key] = rng.choice(ODD)
        else:
            node[key] = mutate(node[key], rng)
        return node
    if isinstance(node, list) and node:
        node = list(node)
        index = rng.randrange(len(node))
        node[index] = mutate(node[index], rng) if rng.random() < 0.7 else rng.choice(ODD)
        return node
    return rng.choice(ODD)


@pytest.mark.parametrize("seed", [1, 20261202, 99])
@pytest.mark.parametrize(
    ("platform", "events", "obj", "account"),
    [
        (MESSENGER, MESSENGER_EVENTS, "page", f.PAGE_ID),
        (INSTAGRAM, INSTAGRAM_EVENTS, "instagram", f.IG_ID),
    ],
)
def test_mutated_webhooks_parse_or_are_malformed(seed, platform, events, obj, account):
    rng = random.Random(seed)
    outcomes = {"parsed": 0, "malformed": 0}
    for _ in range(400):
        doc = json.loads(f.webhook(obj, account, *rng.sample(events, k=rng.randint(1, 3))))
        for _ in range(rng.randint(1, 4)):
            doc = mutate(copy.deepcopy(doc), rng)
        try:
            delivery = parse_delivery(json.dumps(doc).encode(), platform, lambda a: "t", LIMITS)
        except MalformedWebhook:
            outcomes["malformed"] += 1
            continue
        outcomes["parsed"] += 1
        for event in delivery.events:
            assert isinstance(event, MessageReceived | MessageStatus)
            type(event).model_validate_json(event.model_dump_json())
            assert len(event.model_dump_json()) <= LIMITS.event_bytes
    assert outcomes["parsed"] and outcomes["malformed"]
