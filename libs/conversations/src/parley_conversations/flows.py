"""Question flow sessions and the engine that runs them. Pure: a session and what happened in, the session after
and what the bot says out. The router runs it (the only writer of a thread, docs/adr/0001-router-single-writer.md)
and stores the live session on the thread and every session in `flow_sessions`; dashboard-api runs it dry for an
admin's test.

A session copies what it needs of the flow version it started with (its questions, endpoint and messages), so a
new version never changes a session under way. Its states: `waiting_for_answer` → (all answered) `processing`
(the answers are with the business's API) → `waiting_for_answer` again when the API adds questions, or `ended`;
`failed` when the API could not be reached within its retries (an operator may retry), `abandoned` when the
customer went quiet. Every answer is kept with the time it was given; nothing is dropped on a failure."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from pydantic import BaseModel, Field, ValidationError, field_validator

from parley_business.flows import Choice, FlowEndpoint, FlowVersion, LocalText, Question, QuestionKind, local
from parley_contracts import Contact, FlowResult, QuickReply
from parley_conversations.text import normalize

FALLBACK_LANGUAGE = "en"
# How long past the endpoint's timeout the router waits for outbound's answer before counting the attempt lost.
RESULT_GRACE_SECONDS = 15.0
BACKOFF_BASE_SECONDS = 5.0
BACKOFF_CAP_SECONDS = 300.0
MAX_BUTTONS = 3  # the fewest any channel shows as buttons (WhatsApp's reply buttons); more become a numbered list


class SessionState(StrEnum):
    WAITING = "waiting_for_answer"
    PROCESSING = "processing"
    ENDED = "ended"
    FAILED = "failed"
    ABANDONED = "abandoned"

    @property
    def live(self) -> bool:
        return self in (SessionState.WAITING, SessionState.PROCESSING, SessionState.FAILED)


class Outcome(StrEnum):
    COMPLETED = "completed"
    HANDED_OFF = "handed_off"  # the customer asked for a person, or a person took the thread
    RESET = "reset"  # the customer started over, or an operator reset it
    IDLE = "idle"  # the customer went quiet past the business unit's idle time
    API_FAILED = "api_failed"


class FlowPhrases(BaseModel):
    yes: dict[str, list[str]]
    no: dict[str, list[str]]
    skip: dict[str, list[str]]
    buttons: dict[str, LocalText]
    reask: dict[str, LocalText]
    progress: LocalText
    final: LocalText
    delayed: LocalText
    failed: LocalText

    @field_validator("buttons", "reask")
    @classmethod
    def _english_everywhere(cls, value: dict[str, LocalText]) -> dict[str, LocalText]:
        missing = [name for name, table in value.items() if FALLBACK_LANGUAGE not in table]
        if missing:
            raise ValueError(f"missing in English: {missing}")
        return value


@cache
def phrases() -> FlowPhrases:
    raw = json.loads(resources.files("parley_conversations").joinpath("data/flow_phrases.json").read_text())
    return FlowPhrases.model_validate(raw)


def say(table: LocalText, language: str, **values: object) -> str:
    text = local(table, language) or ""
    return text.format(**values) if values else text


@cache
def _words(kind: str) -> frozenset[str]:
    table: dict[str, list[str]] = getattr(phrases(), kind)
    return frozenset(normalize(w) for words in table.values() for w in words)


class Answer(BaseModel):
    question_id: str
    value: str | None = Field(description="The answer as sent to the API (None: skipped).")
    text: str = Field(default="", description="What the customer wrote or pressed.")
    at: datetime
    round: int = 1


class FlowSession(BaseModel):
    session_id: str
    tenant: str
    thread_key: str
    channel: str
    contact: Contact
    flow_id: str
    flow_version: int
    flow_name: str
    language: str
    languages: list[str] = Field(default_factory=list, description="The flow's languages, first = its default.")
    state: SessionState = SessionState.WAITING
    outcome: Outcome | None = None
    questions: list[Question] = Field(description="The version's questions, then those the API added.")
    first_round: int = Field(default=0, description="How many of `questions` are the version's (0: all of them).")
    position: int = Field(default=0, description="The question being asked (or, processing, the next to ask).")
    round: int = 1
    answers: dict[str, Answer] = Field(default_factory=dict)
    reasks: int = 0
    endpoint: FlowEndpoint | None = None
    final_message: LocalText = Field(default_factory=dict)
    failure_message: LocalText = Field(default_factory=dict)
    attempt: int = Field(default=0, description="Submissions made so far (all rounds, all retries).")
    series_start: int = Field(default=1, description="The first attempt of the current series of retries.")
    submitted_at: datetime | None = None
    retry_at: datetime | None = None
    told_of_delay: bool = False
    last_error: str | None = None
    api_replies: list[dict[str, Any]] = Field(default_factory=list, description="What the API answered, per round.")
    started_at: datetime
    updated_at: datetime
    ended_at: datetime | None = None

    @property
    def first_round_size(self) -> int:
        return self.first_round or len(self.questions)

    @property
    def question(self) -> Question | None:
        return self.questions[self.position] if self.position < len(self.questions) else None

    def due_at(self) -> datetime | None:
        """When the router must look at this session again: a retry, or an answer overdue from the API."""
        if self.state != SessionState.PROCESSING:
            return None
        if self.retry_at is not None:
            return self.retry_at
        if self.submitted_at is not None and self.endpoint is not None:
            return self.submitted_at + timedelta(seconds=self.endpoint.timeout_seconds + RESULT_GRACE_SECONDS)
        return None

    def payload(self, at: datetime) -> dict[str, Any]:
        """Seed 003's body (user_phone, timestamp, answers) plus Parley's ids and when each answer was given."""
        answered = [a for a in self.answers.values() if a.value is not None]
        return {
            "user_phone": self.contact.id,
            "contact": self.contact.model_dump(),
            "channel": self.channel,
            "timestamp": at.isoformat(),
            "answers": {a.question_id: a.value for a in answered},
            "answered_at": {a.question_id: a.at.isoformat() for a in answered},
            "language": self.language,
            "thread_key": self.thread_key,
            "flow_id": self.flow_id,
            "flow_version": self.flow_version,
            "session_id": self.session_id,
            "round": self.round,
        }


@dataclass(frozen=True)
class BotLine:
    text: str
    quick_replies: list[QuickReply] = field(default_factory=list)


@dataclass
class FlowStep:
    """What one event did to a session: the session after, what the bot says, whether to submit the answers
    now, and whether a person should take over (the API failed for good)."""

    session: FlowSession
    lines: list[BotLine] = field(default_factory=list)
    submit: bool = False
    handoff: bool = False


# --- starting -----------------------------------------------------------------------------------------------


def starts(flow: FlowVersion, text: str, payload: str | None, intent: str, new_conversation: bool) -> bool:
    """Whether this customer message starts `flow` (the caller checks that the bot may answer and none runs)."""
    trigger = flow.trigger
    if not flow.enabled:
        return False
    if trigger.button and payload == trigger.button:
        return True
    if trigger.every_new_conversation and new_conversation:
        return True
    if trigger.intent and intent == trigger.intent:
        return True
    keywords = _keywords(tuple(k for words in trigger.keywords.values() for k in words))
    if not keywords:
        return False
    said = f" {normalize(text)} "
    return any(keyword in said for keyword in keywords)


@lru_cache(maxsize=1024)
def _keywords(given: tuple[str, ...]) -> tuple[str, ...]:
    """A flow's keywords as matched (normalized, padded to whole words), once per definition, not per message."""
    return tuple(f" {k} " for k in map(normalize, given) if k)


def session_language(flow: FlowVersion, detected: str | None) -> str:
    """The customer's language when the flow speaks it, else the flow's first: questions, hints and buttons in one
    language, never English questions with Hindi buttons."""
    return detected if detected and detected in flow.questions[0].text else flow.languages()[0]


def start(
    flow: FlowVersion, *, session_id: str, thread_key: str, channel: str, contact: Contact, language: str, at: datetime
) -> FlowStep:
    session = FlowSession(
        session_id=session_id,
        tenant=flow.tenant,
        thread_key=thread_key,
        channel=channel,
        contact=contact,
        flow_id=flow.flow_id,
        flow_version=flow.version,
        flow_name=flow.name,
        language=language,
        languages=flow.languages(),
        questions=flow.questions,
        first_round=len(flow.questions),
        endpoint=flow.endpoint,
        final_message=flow.final_message,
        failure_message=flow.failure_message,
        started_at=at,
        updated_at=at,
    )
    return FlowStep(session, [ask(session)])


# What a restarted session keeps of the one it replaces: who it is with and the version's definition.
DEFINITION = (
    "tenant",
    "thread_key",
    "channel",
    "contact",
    "flow_id",
    "flow_version",
    "flow_name",
    "language",
    "languages",
    "first_round",
    "endpoint",
    "final_message",
    "failure_message",
)


def restart(session: FlowSession, *, session_id: str, at: datetime) -> FlowStep:
    """Start over with the same version: a new session (the old one is kept, ended with `reset`)."""
    fresh = FlowSession(
        **{name: getattr(session, name) for name in DEFINITION},
        session_id=session_id,
        questions=session.questions[: session.first_round_size],
        started_at=at,
        updated_at=at,
    )
    return FlowStep(fresh, [ask(fresh)])


# --- asking and answering -----------------------------------------------------------------------------------


def ask(session: FlowSession, prefix: str | None = None) -> BotLine:
    """The current question, with where the customer is ("Question 2 of 5", in the first round of three or more
    questions, when it is first asked), its buttons, and the choices as a numbered list where there are more than
    buttons allow."""
    question = session.question
    assert question is not None, "nothing to ask"
    language = session.language
    text = local(question.text, language, session.languages) or ""
    lines = [prefix] if prefix else []
    total = session.first_round_size
    if session.round == 1 and total >= 3 and not prefix:  # a re-ask's hint is enough: no "question n of m" again
        lines.append(say(phrases().progress, language, n=session.position + 1, total=total))
    lines.append(text)
    buttons = _buttons(question, session)
    if question.kind == QuestionKind.CHOICE and len(question.choices) > MAX_BUTTONS:
        lines.append("\n".join(f"{n}. {_title(c, session)}" for n, c in enumerate(question.choices, start=1)))
        buttons = []
    return BotLine("\n".join(lines), buttons)


def _buttons(question: Question, session: FlowSession) -> list[QuickReply]:
    language = session.language
    titles = phrases().buttons
    if question.kind == QuestionKind.YES_NO:
        buttons = [
            QuickReply(id="yes", title=say(titles["yes"], language)),
            QuickReply(id="no", title=say(titles["no"], language)),
        ]
    elif question.kind == QuestionKind.CHOICE:
        buttons = [QuickReply(id=c.id, title=_title(c, session)) for c in question.choices]
    else:
        buttons = []
    if not question.required and len(buttons) < MAX_BUTTONS and (buttons or question.kind != QuestionKind.CHOICE):
        buttons.append(QuickReply(id="skip", title=say(titles["skip"], language)))
    return buttons


def _title(choice: Choice, session: FlowSession) -> str:
    return local(choice.title, session.language, session.languages) or choice.id


def answer(session: FlowSession, text: str, payload: str | None, at: datetime) -> FlowStep:
    """The customer's answer to the current question: stored and the next question asked, or asked again with
    a hint; after the last one the answers go to the API (or the flow ends, when it has none)."""
    question = session.question
    if session.state != SessionState.WAITING or question is None:
        return FlowStep(session)
    said = payload.strip() if payload else text.strip()
    if not question.required and (payload == "skip" or normalize(text) in _words("skip")):
        value: str | None = None
    else:
        value = validate(question, text, payload, session)
        if value is None:
            session = session.model_copy(update={"reasks": session.reasks + 1, "updated_at": at})
            return FlowStep(session, [ask(session, prefix=_hint(question, session))])
    answers = {
        **session.answers,
        question.id: Answer(question_id=question.id, value=value, text=said[:1000], at=at, round=session.round),
    }
    session = session.model_copy(
        update={"answers": answers, "position": session.position + 1, "reasks": 0, "updated_at": at}
    )
    if session.question is not None:
        return FlowStep(session, [ask(session)])
    return _questions_done(session, at)


def _questions_done(session: FlowSession, at: datetime) -> FlowStep:
    if session.endpoint is None:
        return _finish(session, at, Outcome.COMPLETED, _final_text(session))
    return _submit(
        session.model_copy(update={"state": SessionState.PROCESSING, "series_start": session.attempt + 1}), at
    )


def _submit(session: FlowSession, at: datetime) -> FlowStep:
    session = session.model_copy(
        update={"attempt": session.attempt + 1, "submitted_at": at, "retry_at": None, "updated_at": at}
    )
    return FlowStep(session, submit=True)


def _hint(question: Question, session: FlowSession) -> str:
    own = local(question.reask, session.language, session.languages)
    if own:
        return own
    table = phrases().reask
    if question.kind == QuestionKind.NUMBER and question.minimum is not None and question.maximum is not None:
        return say(
            table["number_range"], session.language, min=_number(question.minimum), max=_number(question.maximum)
        )
    return say(table[str(question.kind)], session.language)


# --- validation per kind ------------------------------------------------------------------------------------

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$")
PHONE_CHARS = re.compile(r"^\+?[\d\s().-]+$")
DATE_FORMATS = (
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"),
    re.compile(r"^(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})$"),
)


def validate(question: Question, text: str, payload: str | None, session: FlowSession) -> str | None:
    """The answer in its stored form, or None when it does not answer `question`."""
    raw = text.strip()
    kind = question.kind
    if kind == QuestionKind.YES_NO:
        said = payload if payload in ("yes", "no") else normalize(raw)
        if said in ("yes", "1") or said in _words("yes"):
            return "yes"
        if said in ("no", "2") or said in _words("no"):
            return "no"
        return None
    if kind == QuestionKind.CHOICE:
        return _choice(question, raw, payload, session)
    if kind == QuestionKind.NUMBER:
        return _number_answer(question, raw)
    if kind == QuestionKind.EMAIL:
        return raw.lower() if EMAIL.match(raw) and len(raw) <= 254 else None
    if kind == QuestionKind.PHONE:
        digits = re.sub(r"\D", "", raw)
        if not PHONE_CHARS.match(raw) or not 7 <= len(digits) <= 15:
            return None
        return ("+" if raw.startswith("+") else "") + digits
    if kind == QuestionKind.DATE:
        return _date(raw)
    return raw[:1000] if raw else None


def _choice(question: Question, raw: str, payload: str | None, session: FlowSession) -> str | None:
    ids = {c.id for c in question.choices}
    if payload in ids:
        return payload
    said = normalize(raw)
    if said.isdigit() and 1 <= int(said) <= len(question.choices):
        return question.choices[int(said) - 1].id
    for choice in question.choices:
        if said in {normalize(choice.id), *(normalize(t) for t in choice.title.values())}:
            return choice.id
    return None


def _number_answer(question: Question, raw: str) -> str | None:
    cleaned = raw.replace(" ", "")
    if re.fullmatch(r"-?\d+,\d+", cleaned):
        cleaned = cleaned.replace(",", ".")  # a decimal comma (es, pt, fr)
    try:
        value = float(cleaned)
    except ValueError:
        return None
    if value != value or value in (float("inf"), float("-inf")):
        return None
    if question.minimum is not None and value < question.minimum:
        return None
    if question.maximum is not None and value > question.maximum:
        return None
    return _number(value)


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _date(raw: str) -> str | None:
    for pattern in DATE_FORMATS:
        found = pattern.match(raw)
        if found:
            try:
                return date(int(found["y"]), int(found["m"]), int(found["d"])).isoformat()
            except ValueError:
                return None
    return None


# --- the business's API ---------------------------------------------------------------------------------------


class AddedQuestion(BaseModel):
    """Seed 003's additional question ({id, text, required}), optionally with a kind and choices."""

    id: str = Field(pattern=r"^[A-Za-z0-9_-]{1,64}$")
    text: str = Field(min_length=1, max_length=1000)
    required: bool = True
    kind: QuestionKind = QuestionKind.TEXT
    choices: list[str] = Field(default_factory=list, max_length=10)


class ApiReply(BaseModel):
    """What the business's API answers (seed 003). Unknown fields are ignored."""

    continue_conversation: bool = False
    message: str | None = Field(default=None, max_length=4096)
    final_message: str | None = Field(default=None, max_length=4096)
    additional_questions: list[AddedQuestion] = Field(default_factory=list, max_length=50)


def result(session: FlowSession, outcome: FlowResult, at: datetime) -> FlowStep:
    """The API's answer to the current submission; a result of an earlier attempt or round changes nothing."""
    if (
        session.state != SessionState.PROCESSING
        or outcome.round != session.round
        or outcome.attempt != session.attempt
        or session.retry_at is not None
    ):
        return FlowStep(session)
    if not outcome.ok or outcome.response is None:
        return failed(session, outcome.error or f"HTTP {outcome.status_code}", at)
    try:
        reply = ApiReply.model_validate(outcome.response)
        added = [_added(q, session) for q in reply.additional_questions]
    except (ValidationError, ValueError) as exc:
        return failed(session, f"the API's answer is not what Parley understands: {str(exc)[:200]}", at)
    session = session.model_copy(
        update={"api_replies": [*session.api_replies, outcome.response], "last_error": None, "updated_at": at}
    )
    if reply.continue_conversation and added:
        taken = {q.id for q in session.questions}  # an id asked before gets the round's number: no answer replaced
        added = [q if q.id not in taken else q.model_copy(update={"id": f"{q.id}_{session.round + 1}"}) for q in added]
        session = session.model_copy(
            update={
                "state": SessionState.WAITING,
                "questions": [*session.questions, *added],
                "round": session.round + 1,
                "told_of_delay": False,
            }
        )
        lead = reply.message.strip() if reply.message and reply.message.strip() else None
        return FlowStep(session, [ask(session, prefix=lead)])
    text = reply.message if reply.continue_conversation else reply.final_message
    return _finish(session, at, Outcome.COMPLETED, (text or "").strip() or _final_text(session))


def _added(question: AddedQuestion, session: FlowSession) -> Question:
    language = session.language
    choices = [Choice(id=f"c{n}", title={language: c[:20]}) for n, c in enumerate(question.choices, start=1)]
    return Question(
        id=question.id.lower(),
        text={language: question.text},
        required=question.required,
        kind=question.kind if (question.kind != QuestionKind.CHOICE or len(choices) >= 2) else QuestionKind.TEXT,
        choices=choices if question.kind == QuestionKind.CHOICE and len(choices) >= 2 else [],
    )


def failed(session: FlowSession, error: str, at: datetime) -> FlowStep:
    """An attempt failed: tried again with backoff within the endpoint's retries (the customer is told once, in
    their language, that it is taking longer); past them the session fails and a person follows up."""
    retries = session.endpoint.retries if session.endpoint else 0
    tried = session.attempt - session.series_start + 1
    session = session.model_copy(update={"last_error": error[:500], "updated_at": at})
    if tried <= retries:
        base = session.endpoint.backoff_seconds if session.endpoint else BACKOFF_BASE_SECONDS
        delay = min(BACKOFF_CAP_SECONDS, base * 2 ** (tried - 1))
        lines = [] if session.told_of_delay else [BotLine(say(phrases().delayed, session.language))]
        session = session.model_copy(update={"retry_at": at + timedelta(seconds=delay), "told_of_delay": True})
        return FlowStep(session, lines)
    session = session.model_copy(update={"state": SessionState.FAILED, "outcome": Outcome.API_FAILED, "retry_at": None})
    text = local(session.failure_message, session.language, session.languages) or say(
        phrases().failed, session.language
    )
    return FlowStep(session, [BotLine(text)], handoff=True)


def due(session: FlowSession, at: datetime) -> FlowStep:
    """The router's timer: a retry whose time has come is made; an attempt nobody answered counts as failed."""
    when = session.due_at()
    if when is None or when > at:
        return FlowStep(session)
    if session.retry_at is not None:
        return _submit(session, at)
    return failed(session, "no answer from the API in time", at)


def retry(session: FlowSession, at: datetime) -> FlowStep:
    """An operator's retry of a failed (or stuck) session: a new series of attempts with the answers kept."""
    if session.state not in (SessionState.FAILED, SessionState.PROCESSING) or session.endpoint is None:
        return FlowStep(session)
    session = session.model_copy(
        update={
            "state": SessionState.PROCESSING,
            "outcome": None,
            "series_start": session.attempt + 1,
            "ended_at": None,
        }
    )
    return _submit(session, at)


def refusal(live: FlowSession | None, session_id: str, *, retrying: bool, at: datetime) -> str | None:
    """Why an operator's retry or reset of `session_id` cannot be applied to the thread's live session, if so
    (the router answers `rejected` with it; dashboard-api says it before asking the router)."""
    if live is None or live.session_id != session_id:
        return "this flow session is no longer under way in the thread"
    if retrying and retry(live, at).session == live:
        return f"a {live.state} session cannot be retried"
    return None


def end(session: FlowSession, at: datetime, outcome: Outcome) -> FlowSession:
    """Stop asking (handed off, reset, idle): answers kept. A session whose answers are at the API keeps going until
    the API has them, unless it is reset; a failed one is already with a person."""
    answers_at_the_api = session.state == SessionState.PROCESSING and outcome != Outcome.RESET
    already_with_a_person = session.state == SessionState.FAILED and outcome == Outcome.HANDED_OFF
    if answers_at_the_api or already_with_a_person:
        return session
    state = SessionState.ABANDONED if outcome == Outcome.IDLE else SessionState.ENDED
    return session.model_copy(update={"state": state, "outcome": outcome, "ended_at": at, "updated_at": at})


def _finish(session: FlowSession, at: datetime, outcome: Outcome, text: str) -> FlowStep:
    session = session.model_copy(
        update={"state": SessionState.ENDED, "outcome": outcome, "ended_at": at, "updated_at": at, "retry_at": None}
    )
    return FlowStep(session, [BotLine(text)])


def _final_text(session: FlowSession) -> str:
    return local(session.final_message, session.language, session.languages) or say(phrases().final, session.language)


def summary(session: FlowSession) -> str:
    """The answers so far, for the people who take the thread over (an internal note)."""
    lines = [f"{session.flow_name} (v{session.flow_version}): {len(session.answers)} answer(s), {session.state}"]
    for question in session.questions:
        found = session.answers.get(question.id)
        if found is not None:
            lines.append(f"- {question.id}: {found.value if found.value is not None else '(skipped)'}")
    return "\n".join(lines)
