"""What the bot says when it steps aside or starts over, and what asks it to start over: data/phrases.json,
loaded and validated once."""

import json
from functools import cache
from importlib import resources

from pydantic import BaseModel, field_validator

from parley_conversations.text import normalize

FALLBACK_LANGUAGE = "en"


class Phrases(BaseModel):
    holding: dict[str, dict[str, str]]
    restarted: dict[str, str]
    reset_requests: dict[str, list[str]]

    @field_validator("holding")
    @classmethod
    def _every_reason_in_english(cls, value: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
        missing = [reason for reason, table in value.items() if FALLBACK_LANGUAGE not in table]
        if missing or {"customer_asked", "needs_person", "unsure"} - value.keys():
            raise ValueError(
                f"holding messages need customer_asked, needs_person and unsure, each in English (missing: {missing})"
            )
        return value


@cache
def phrases() -> Phrases:
    raw = json.loads(resources.files("parley_router").joinpath("data/phrases.json").read_text())
    return Phrases.model_validate(raw)


# Handoff reasons with their own holding message; every other reason gets "unsure".
_OWN_HOLDING = frozenset({"customer_asked", "needs_person"})


def holding_message(reason: str, language: str) -> str:
    holding = phrases().holding
    table = holding.get(reason) if reason in _OWN_HOLDING else None
    table = table or holding["unsure"]
    return table.get(language, table[FALLBACK_LANGUAGE])


def restarted_message(language: str) -> str:
    table = phrases().restarted
    return table.get(language, table[FALLBACK_LANGUAGE])


@cache
def _reset_requests() -> frozenset[str]:
    return frozenset(normalize(p) for table in phrases().reset_requests.values() for p in table)


def asks_to_start_over(text: str) -> bool:
    """The whole message is a request to start over, in any language ("menu", "empezar de nuevo", "रीसेट").
    Whole messages only: "what's on the menu?" is a question, not a reset."""
    return normalize(text) in _reset_requests()
