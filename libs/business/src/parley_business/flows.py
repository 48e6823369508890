"""Question flows as an admin defines them: what starts a flow, its questions in order, the business's API its
answers go to, and what the bot says at the end or when that API fails (seeds 000 and 003).

Pure models: `FlowIn` is what the admin API accepts (unknown fields refused); `FlowVersion` is one immutable,
numbered version as stored. A session keeps the version it started with (parley_conversations.flows)."""

from __future__ import annotations

import re
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"
LANGUAGE = re.compile(r"^[a-z]{2,3}$")

# Text per language ("en" → "What is your name?"). The customer's language is used when there, else the flow's
# first language.
LocalText = dict[str, str]


def _local_text(value: LocalText, *, required: bool = True) -> LocalText:
    if required and not value:
        raise ValueError("give the text in at least one language")
    for language, text in value.items():
        if not LANGUAGE.match(language):
            raise ValueError(f"not an ISO 639 language code: {language!r}")
        if not text.strip() or len(text) > 1000:
            raise ValueError(f"the {language} text must have 1 to 1000 characters")
    return value


class QuestionKind(StrEnum):
    TEXT = "text"
    YES_NO = "yes_no"
    CHOICE = "choice"
    NUMBER = "number"
    EMAIL = "email"
    PHONE = "phone"
    DATE = "date"


class Choice(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=ID_PATTERN, description="What is stored as the answer, and the button's id.")
    title: LocalText = Field(description="The button's title per language (at most 20 characters).")

    @field_validator("title")
    @classmethod
    def _title(cls, value: LocalText) -> LocalText:
        _local_text(value)
        if any(len(t) > 20 for t in value.values()):
            raise ValueError("a choice's title has at most 20 characters (the channels' button limit)")
        return value


class Question(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=ID_PATTERN, description="The answer's key in the payload sent to the API.")
    text: LocalText
    required: bool = True
    kind: QuestionKind = QuestionKind.TEXT
    choices: list[Choice] = Field(default_factory=list, max_length=10)
    minimum: float | None = Field(default=None, description="number: the smallest accepted value.")
    maximum: float | None = Field(default=None, description="number: the largest accepted value.")
    reask: LocalText = Field(
        default_factory=dict, description="What the bot says when an answer is not valid (default: per kind)."
    )

    _text = field_validator("text")(classmethod(lambda cls, v: _local_text(v)))
    _reask = field_validator("reask")(classmethod(lambda cls, v: _local_text(v, required=False)))

    @model_validator(mode="after")
    def _kind_fits(self) -> Question:
        if self.kind == QuestionKind.CHOICE and len(self.choices) < 2:
            raise ValueError(f"question {self.id}: a choice question needs 2 to 10 choices")
        if self.kind != QuestionKind.CHOICE and self.choices:
            raise ValueError(f"question {self.id}: only choice questions have choices")
        if self.kind != QuestionKind.NUMBER and (self.minimum is not None or self.maximum is not None):
            raise ValueError(f"question {self.id}: only number questions have a minimum or maximum")
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValueError(f"question {self.id}: minimum is above maximum")
        if len({c.id for c in self.choices}) != len(self.choices):
            raise ValueError(f"question {self.id}: choice ids repeat")
        return self


class FlowTrigger(BaseModel):
    """What starts the flow in a thread where the bot is answering and no flow runs."""

    model_config = ConfigDict(extra="forbid")

    keywords: dict[str, list[str]] = Field(
        default_factory=dict, description="Per language: words or phrases that start it when a message contains them."
    )
    intent: str | None = Field(default=None, max_length=64, description="An intent of nlp's analysis.")
    button: str | None = Field(default=None, max_length=256, description="A button / quick-reply id.")
    every_new_conversation: bool = False

    @field_validator("keywords")
    @classmethod
    def _keywords(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for language, words in value.items():
            if not LANGUAGE.match(language):
                raise ValueError(f"not an ISO 639 language code: {language!r}")
            if any(not w.strip() or len(w) > 100 for w in words):
                raise ValueError("keywords have 1 to 100 characters")
        return value

    @property
    def empty(self) -> bool:
        return not (any(self.keywords.values()) or self.intent or self.button or self.every_new_conversation)


class FlowEndpoint(BaseModel):
    """The business's API the answers are POSTed to, signed with HMAC-SHA256 of the body under `secret`
    (header `X-Parley-Signature-256: sha256=<hex>`)."""

    model_config = ConfigDict(extra="forbid")

    url: str = Field(pattern=r"^https?://[^\s]+$", max_length=2000)
    timeout_seconds: float = Field(default=10.0, gt=0, le=30)
    retries: int = Field(default=3, ge=0, le=10, description="Tries after the first, with backoff.")
    backoff_seconds: float = Field(
        default=5.0, ge=0.5, le=300, description="Wait before the first retry; doubled for each next one (≤ 5 min)."
    )
    secret: SecretStr | None = Field(default=None, description="Write-only: kept sealed, never returned.")


class FlowIn(BaseModel):
    """A flow's definition, as an admin writes it (`PUT /api/flows/{flow_id}`)."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=120)
    enabled: bool = True
    trigger: FlowTrigger
    questions: list[Question] = Field(min_length=1, max_length=50)
    endpoint: FlowEndpoint | None = Field(default=None, description="None: the answers are only stored.")
    final_message: LocalText = Field(default_factory=dict, description="Said when the flow ends (default: thanks).")
    failure_message: LocalText = Field(
        default_factory=dict, description="Said when the API cannot be reached (default: a graceful apology)."
    )

    _final = field_validator("final_message", "failure_message")(
        classmethod(lambda cls, v: _local_text(v, required=False))
    )

    @model_validator(mode="after")
    def _consistent(self) -> FlowIn:
        if self.trigger.empty:
            raise ValueError(
                "a flow needs something that starts it: keywords, an intent, a button or every new conversation"
            )
        ids = [q.id for q in self.questions]
        if len(set(ids)) != len(ids):
            raise ValueError("question ids repeat")
        return self


class FlowVersion(FlowIn):
    """One stored version of a flow. The endpoint's secret is not part of it (sealed apart, parley_business
    .flow_store): `secret_set` says whether there is one."""

    model_config = ConfigDict(extra="ignore")

    tenant: str
    flow_id: str = Field(pattern=ID_PATTERN)
    version: int = Field(ge=1)
    secret_set: bool = False
    updated_at: datetime | None = None
    updated_by: str | None = None

    def text(self, table: LocalText, language: str) -> str | None:
        """`table` in `language`, else in the flow's first language, else any."""
        return local(table, language, self.languages())

    def languages(self) -> list[str]:
        return list(self.questions[0].text)


def local(table: LocalText, language: str, preferred: list[str] | None = None) -> str | None:
    if not table:
        return None
    if language in table:
        return table[language]
    for fallback in [*(preferred or []), "en"]:
        if fallback in table:
            return table[fallback]
    return next(iter(table.values()))
