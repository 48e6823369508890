"""What the conversation does with each kind of customer message (data/content_rules.json), shared by nlp (which
skips its engine for what the bot never answers) and the router (which decides). Pure; loaded and validated once.

- `answer`: the bot reads it: the analysis decides between a reply, a handoff and silence;
- `silent`: kept for operators, nothing said, nobody called (a 👍, an edit, a sticker, a provider's notice);
- `person`: handed straight to a person with a holding message, because the bot cannot read it (an order, a
  shared contact, a voice note, a photo without a caption) and "I'd rather not guess" would be a poor answer."""

import json
from enum import StrEnum
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field

from parley_contracts import InboundContent

SKIPPED_ENGINE = "skipped"
"""`Analysis.engine` of a message nlp did not analyse (the bot never answers its kind): neutral, and nothing
in it (language, sentiment, category) describes the customer."""


class Treatment(StrEnum):
    ANSWER = "answer"
    SILENT = "silent"
    PERSON = "person"


class TypeRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    treatment: Treatment
    without_text: Treatment | None = Field(default=None, description="Instead, when the message has no text.")


class ContentRules(BaseModel):
    model_config = ConfigDict(extra="forbid")

    comment: str = Field(alias="_comment", min_length=1)
    unknown: Treatment
    types: dict[str, TypeRule] = Field(min_length=1)

    def treatment(self, content_type: str, text: str) -> Treatment:
        rule = self.types.get(content_type)
        if rule is None:
            return self.unknown
        if rule.without_text is not None and not text.strip():
            return rule.without_text
        return rule.treatment


@cache
def content_rules() -> ContentRules:
    raw = resources.files("parley_conversations").joinpath("data/content_rules.json").read_text(encoding="utf-8")
    return ContentRules.model_validate(json.loads(raw))


def treatment_of(content: InboundContent) -> Treatment:
    """How the conversation treats this message (see the module's docstring)."""
    return content_rules().treatment(content.type, content.text)
