"""Fuzzing the Telegram parser: thousands of updates made by mutating the fixture updates (every kind and
content the parser knows). Whatever arrives, it either refuses the body (`MalformedWebhook`, with a reason) or
returns events the pipeline can take, within the size limits; never another exception. Deterministic seeds."""

import copy
import json
import random

import pytest

from parley_contracts import MessageReceived
from parley_ingest.delivery import MalformedWebhook
from parley_ingest.sizing import SizeLimits
from parley_ingest.telegram import parse_update
from tests.unit.ingest import telegram_updates as tg
from tests.unit.ingest.test_webhook_fuzz import EVENT_LIMIT, TEXT_LIMIT, mutate, serialise

SEEDS = (20260102, 11)
BODIES_PER_SEED = 800
LIMITS = SizeLimits(text_chars=TEXT_LIMIT, event_bytes=EVENT_LIMIT)
UPDATES = [
    tg.TEXT,
    tg.PHOTO,
    tg.DOCUMENT,
    tg.VOICE,
    tg.STICKER,
    tg.LOCATION,
    tg.CONTACT,
    tg.REPLY,
    tg.EDITED,
    tg.CALLBACK,
    tg.CHANNEL_POST,
    tg.INLINE_QUERY,
]


@pytest.mark.parametrize("seed", SEEDS)
def test_mutated_updates_are_refused_with_a_reason_or_parsed_into_valid_events(seed: int):
    rng = random.Random(seed)
    outcomes = {"refused": 0, "parsed": 0}
    for _ in range(BODIES_PER_SEED):
        doc = copy.deepcopy(rng.choice(UPDATES))
        for _ in range(rng.choice([1, 1, 2, 3])):
            doc = mutate(rng, doc)
        body = serialise(rng, doc)
        try:
            parsed = parse_update(body, tg.BOT_ID, "t", LIMITS)
        except MalformedWebhook as exc:
            assert str(exc), body[:200]
            outcomes["refused"] += 1
            continue
        outcomes["parsed"] += 1
        for event in parsed.delivery.events:
            assert isinstance(event, MessageReceived)
            wire = event.model_dump_json()
            MessageReceived.model_validate_json(wire)
            assert len(event.content.text) <= TEXT_LIMIT and len(wire.encode()) <= EVENT_LIMIT
            assert event.account_id == tg.BOT_ID and event.contact.id
        json.dumps([n.what for n in parsed.delivery.notes])
    assert outcomes["refused"] > 50 and outcomes["parsed"] > 250, outcomes
