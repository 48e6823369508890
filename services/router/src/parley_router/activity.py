"""The one-line note a status/assignee change leaves in a thread's timeline (data/activity.json)."""

import json
from functools import cache
from importlib import resources

from pydantic import BaseModel

from parley_contracts import Transition
from parley_conversations.reasons import describe_handoff


class ActivityPhrases(BaseModel):
    notes: dict[str, str]


@cache
def activity_phrases() -> ActivityPhrases:
    raw = json.loads(resources.files("parley_router").joinpath("data/activity.json").read_text())
    return ActivityPhrases.model_validate(raw)


def describe(transition: Transition, assignee_name: str | None) -> str:
    phrases = activity_phrases()
    template = phrases.notes.get(f"{transition.trigger}:{transition.to_status}") or phrases.notes.get(
        transition.trigger, "{actor}: {trigger}"
    )
    reason = describe_handoff(transition.reason)
    return template.format(
        actor=transition.actor.name or str(transition.actor.kind),
        assignee=assignee_name or transition.to_assignee or "nobody",
        reason=reason or "a while",
        trigger=transition.trigger,
    )
