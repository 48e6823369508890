"""Why a conversation was handed to people, in words operators read (data/reasons.json). Pure."""

import json
from functools import cache
from importlib import resources


@cache
def _handoff_reasons() -> dict[str, str]:
    raw = json.loads(resources.files("parley_conversations").joinpath("data/reasons.json").read_text())
    return dict(raw["handoff"])


def describe_handoff(reason: str | None) -> str:
    """ "the customer asked for a person" for `customer_asked`; an unknown reason is shown as it is."""
    return _handoff_reasons().get(reason or "", reason or "")
