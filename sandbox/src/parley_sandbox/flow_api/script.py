"""What the stand-in API answers: the scripted responses a test or a person queues, and how each is rendered.

Six kinds cover what Parley must cope with from a business's API: `continue`, `add_questions` and `finish` are the
three well-formed replies; `fail` (an HTTP error), `timeout` (an answer that comes too late: Parley's client gives up
first) and `garbage` (a 200 that is not JSON) are the ways a real API goes wrong. Each kind takes only the fields
that mean something for it, so a typo in a test's script is a 422, not a silently different answer. The texts used
when a script gives none are data: `responses.json`."""

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Annotated, Literal, assert_never

from pydantic import BaseModel, ConfigDict, Field, model_validator

Kind = Literal["continue", "add_questions", "finish", "fail", "timeout", "garbage"]
KINDS: tuple[Kind, ...] = ("continue", "add_questions", "finish", "fail", "timeout", "garbage")
# The optional fields each kind takes (any other one given is refused).
_FIELDS: dict[str, frozenset[str]] = {
    "continue": frozenset({"message"}),
    "add_questions": frozenset({"message", "questions"}),
    "finish": frozenset({"final_message"}),
    "fail": frozenset({"status", "message"}),
    "timeout": frozenset({"delay_seconds", "final_message"}),
    "garbage": frozenset(),
}
_OPTIONAL = ("message", "final_message", "questions", "status", "delay_seconds")


# The question kinds Parley's flows know (parley_business.flows.QuestionKind; the sandbox imports none of Parley).
QuestionKind = Literal["text", "yes_no", "choice", "number", "email", "phone", "date"]


class Question(BaseModel):
    """One more question the API asks (`additional_questions[]`), within the limits Parley accepts, so a script
    cannot make the sandbox answer something Parley would refuse by accident (`garbage` is for that)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[A-Za-z0-9_-]{1,64}$")
    text: str = Field(min_length=1, max_length=1000)
    required: bool = True
    kind: QuestionKind | None = Field(default=None, description="default (for Parley): text")
    choices: list[Annotated[str, Field(min_length=1)]] | None = Field(default=None, min_length=1, max_length=10)


class ScriptedResponse(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Kind
    message: str | None = Field(
        default=None, min_length=1, max_length=4096, description="continue/add_questions: the text; fail: the error"
    )
    final_message: str | None = Field(default=None, min_length=1, max_length=4096)
    questions: list[Question] | None = Field(default=None, min_length=1, max_length=50)
    status: int | None = Field(default=None, ge=400, le=599, description="fail: the HTTP status (default 500)")
    delay_seconds: float | None = Field(default=None, ge=0, le=600, description="timeout: answer this late")

    @model_validator(mode="after")
    def _fields_of_its_kind(self) -> "ScriptedResponse":
        given = {name for name in _OPTIONAL if getattr(self, name) is not None}
        if stray := sorted(given - _FIELDS[self.kind]):
            raise ValueError(f"{', '.join(stray)} does not apply to kind {self.kind!r}")
        return self


class ScriptIn(BaseModel):
    """`PUT /sandbox/flow-api/{endpoint}/script`: replaces the queue; `default` and `secret` only when given."""

    model_config = ConfigDict(extra="forbid")

    responses: list[ScriptedResponse] = Field(default_factory=list, max_length=1000)
    default: ScriptedResponse | None = Field(default=None, description="answers once the queue is empty")
    secret: str | None = Field(default=None, min_length=1, max_length=256, description="checks this endpoint's calls")


class Defaults(BaseModel):
    """`responses.json`: what a scripted response answers for the fields it leaves out."""

    model_config = ConfigDict(extra="forbid")

    continue_message: str = Field(min_length=1)
    final_message: str = Field(min_length=1)
    additional_questions: list[Question] = Field(min_length=1)
    fail_status: int = Field(ge=400, le=599)
    fail_error: str = Field(min_length=1)
    timeout_delay_seconds: float = Field(gt=0)
    garbage_content_type: str = Field(min_length=1)
    garbage_body: str = Field(min_length=1)

    @model_validator(mode="after")
    def _garbage_is_not_json(self) -> "Defaults":
        try:
            json.loads(self.garbage_body)
        except ValueError:
            return self
        raise ValueError("garbage_body must not be JSON: it plays an API answering something else")


@cache
def defaults() -> Defaults:
    raw = resources.files("parley_sandbox.flow_api").joinpath("responses.json").read_text(encoding="utf-8")
    return Defaults.model_validate(json.loads(raw))


@dataclass(frozen=True, slots=True)
class Answer:
    """The HTTP answer a scripted response renders to; `delay_seconds` is waited before sending it."""

    kind: Kind
    status: int
    content: bytes
    media_type: str
    delay_seconds: float = 0.0


def _json(kind: Kind, status: int, body: object, delay_seconds: float = 0.0) -> Answer:
    content = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    return Answer(kind, status, content, "application/json", delay_seconds)


def render(response: ScriptedResponse) -> Answer:
    d = defaults()
    match response.kind:
        case "continue":
            return _json(
                "continue", 200, {"continue_conversation": True, "message": response.message or d.continue_message}
            )
        case "add_questions":
            body: dict[str, object] = {"continue_conversation": True}
            if response.message is not None:
                body["message"] = response.message
            questions = response.questions or d.additional_questions
            body["additional_questions"] = [q.model_dump(exclude_none=True) for q in questions]
            return _json("add_questions", 200, body)
        case "finish":
            return _json(
                "finish",
                200,
                {"continue_conversation": False, "final_message": response.final_message or d.final_message},
            )
        case "fail":
            status = response.status or d.fail_status
            return _json("fail", status, {"error": response.message or d.fail_error, "status": status})
        case "timeout":
            final = {"continue_conversation": False, "final_message": response.final_message or d.final_message}
            delay = d.timeout_delay_seconds if response.delay_seconds is None else response.delay_seconds
            return _json("timeout", 200, final, delay)
        case "garbage":
            return Answer("garbage", 200, d.garbage_body.encode(), d.garbage_content_type)
        case _:
            assert_never(response.kind)
