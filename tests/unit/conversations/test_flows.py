"""The question flow engine as pure code: definitions, validation per kind, next-step decisions, versioning."""

from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from parley_business.flows import FlowIn, FlowVersion
from parley_contracts import Contact, FlowResult
from parley_conversations import flows as engine
from parley_conversations.flows import Outcome, SessionState
from parley_conversations.text import normalize

T0 = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


def definition(**overrides) -> dict:
    base = {
        "name": "Support request",
        "trigger": {"keywords": {"en": ["support request"], "es": ["solicitud"]}},
        "questions": [
            {"id": "name", "text": {"en": "What is your name?", "es": "¿Cuál es tu nombre?"}},
            {"id": "email", "text": {"en": "What is your email?"}, "kind": "email"},
            {"id": "urgent", "text": {"en": "Is it urgent?"}, "kind": "yes_no"},
            {"id": "notes", "text": {"en": "Anything else?"}, "required": False},
        ],
        "endpoint": {"url": "http://api.example/flow", "timeout_seconds": 5, "retries": 2},
    }
    return {**base, **overrides}


def version(n: int = 1, **overrides) -> FlowVersion:
    return FlowVersion.model_validate({**definition(**overrides), "tenant": "demo", "flow_id": "support", "version": n})


def started(flow: FlowVersion | None = None, language: str = "en") -> engine.FlowStep:
    return engine.start(
        flow or version(),
        session_id="s1",
        thread_key="whatsapp:1:555",
        channel="whatsapp",
        contact=Contact(id="555", name="Ana"),
        language=language,
        at=T0,
    )


def answered(*answers: str | tuple[str, str]) -> engine.FlowStep:
    step = started()
    for n, given in enumerate(answers, start=1):
        text, payload = given if isinstance(given, tuple) else (given, None)
        step = engine.answer(step.session, text, payload, T0 + timedelta(seconds=n))
    return step


# --- definitions --------------------------------------------------------------------------------------------


def test_a_definition_is_validated_for_what_each_kind_needs():
    FlowIn.model_validate(definition())
    bad = [
        {
            "questions": [
                {"id": "c", "text": {"en": "Pick"}, "kind": "choice", "choices": [{"id": "a", "title": {"en": "A"}}]}
            ]
        },
        {"questions": [{"id": "n", "text": {"en": "Age"}, "kind": "text", "minimum": 1}]},
        {"questions": [{"id": "a", "text": {"en": "A"}}, {"id": "a", "text": {"en": "B"}}]},
        {"questions": [{"id": "Bad Id", "text": {"en": "A"}}]},
        {"questions": [{"id": "a", "text": {"english": "A"}}]},
        {"trigger": {}},
        {"endpoint": {"url": "ftp://x"}},
        {
            "questions": [
                {
                    "id": "c",
                    "text": {"en": "Pick"},
                    "kind": "choice",
                    "choices": [
                        {"id": "a", "title": {"en": "A title far longer than twenty"}},
                        {"id": "b", "title": {"en": "B"}},
                    ],
                }
            ]
        },
    ]
    for overrides in bad:
        with pytest.raises(ValidationError):
            FlowIn.model_validate(definition(**overrides))


def test_the_phrases_file_is_complete_and_every_entry_can_match():
    phrases = engine.phrases()
    for kind in ("text", "yes_no", "choice", "number", "number_range", "email", "phone", "date"):
        assert "en" in phrases.reask[kind]
    for table in (phrases.yes, phrases.no, phrases.skip):
        for words in table.values():
            assert all(normalize(w) for w in words), "an entry that normalizes to nothing could never match"
    assert not (engine._words("yes") & engine._words("no")), "a word cannot mean both yes and no"
    assert all(len(t) <= 20 for table in phrases.buttons.values() for t in table.values())


# --- starting -------------------------------------------------------------------------------------------------


def test_keywords_intents_buttons_and_new_conversations_start_a_flow():
    flow = version()
    assert engine.starts(flow, "I want to file a Support Request please", None, "unknown", False)
    assert engine.starts(flow, "Hola, una solicitud", None, "unknown", False)
    assert not engine.starts(flow, "what are your hours?", None, "unknown", False)
    assert engine.starts(version(trigger={"button": "start_support"}), "", "start_support", "unknown", False)
    assert engine.starts(version(trigger={"intent": "complaint"}), "bad", None, "complaint", False)
    greet = version(trigger={"every_new_conversation": True})
    assert engine.starts(greet, "hi", None, "greeting", True) and not engine.starts(
        greet, "hi", None, "greeting", False
    )
    assert not engine.starts(version(enabled=False), "support request", None, "unknown", False)


def test_the_first_question_shows_where_the_customer_is_in_their_language():
    step = started(language="es")
    assert step.session.state == SessionState.WAITING
    assert step.lines[0].text == "Pregunta 1 de 4\n¿Cuál es tu nombre?"
    # A question without Spanish falls back to the flow's first language.
    step = engine.answer(step.session, "Ana", None, T0)
    assert step.lines[0].text.endswith("What is your email?")


def test_a_session_speaks_the_customers_language_only_when_the_flow_does():
    flow = version()  # the first question in en and es
    assert engine.session_language(flow, "es") == "es"
    assert engine.session_language(flow, "hi") == "en" and engine.session_language(flow, None) == "en"


# --- answering ------------------------------------------------------------------------------------------------


def test_a_wrong_email_is_asked_again_with_a_hint_and_nothing_is_stored():
    step = answered("Ana", "ana at example")
    assert step.session.position == 1 and "email" not in step.session.answers
    hint, question = step.lines[0].text.split("\n")
    assert "name@example.com" in hint and question == "What is your email?", "no second 'Question 2 of 4'"
    assert step.session.reasks == 1
    step = engine.answer(step.session, "Ana@Example.com", None, T0)
    assert step.session.answers["email"].value == "ana@example.com"


def test_yes_no_shows_buttons_and_takes_words_numbers_and_buttons_in_any_language():
    step = answered("Ana", "ana@example.com")
    assert [q.id for q in step.lines[0].quick_replies] == ["yes", "no"]
    for said, payload, value in [("Sí", None, "yes"), ("nahi", None, "no"), ("1", None, "yes"), ("", "no", "no")]:
        assert engine.validate(step.session.question, said, payload, step.session) == value
    assert engine.validate(step.session.question, "maybe", None, step.session) is None


def test_an_optional_question_can_be_skipped_and_the_answers_go_to_the_api():
    step = answered("Ana", "ana@example.com", ("Yes", "yes"))
    assert [q.id for q in step.lines[0].quick_replies] == ["skip"]
    step = engine.answer(step.session, "skip", None, T0 + timedelta(minutes=1))
    assert step.submit and step.lines == []
    session = step.session
    assert session.state == SessionState.PROCESSING and session.attempt == 1
    payload = session.payload(T0)
    assert payload["answers"] == {"name": "Ana", "email": "ana@example.com", "urgent": "yes"}
    assert payload["user_phone"] == "555" and payload["session_id"] == "s1" and payload["flow_version"] == 1
    assert set(payload["answered_at"]) == {"name", "email", "urgent"}
    assert session.answers["notes"].value is None


@pytest.mark.parametrize(
    ("kind", "extra", "given", "value"),
    [
        ("number", {"minimum": 1, "maximum": 5}, "3", "3"),
        ("number", {"minimum": 1, "maximum": 5}, "2,5", "2.5"),
        ("number", {"minimum": 1, "maximum": 5}, "9", None),
        ("number", {}, "nan", None),
        ("phone", {}, "+34 612-345 678", "+34612345678"),
        ("phone", {}, "12", None),
        ("date", {}, "24/12/2026", "2026-12-24"),
        ("date", {}, "2026-02-30", None),
        ("email", {}, "a@b", None),
        ("text", {}, "   ", None),
    ],
)
def test_validation_per_kind(kind, extra, given, value):
    flow = version(questions=[{"id": "q", "text": {"en": "?"}, "kind": kind, **extra}])
    session = started(flow).session
    assert engine.validate(session.question, given, None, session) == value


def test_choices_by_button_number_or_title_and_a_numbered_list_beyond_three():
    choices = [{"id": f"c{n}", "title": {"en": f"Option {n}", "es": f"Opción {n}"}} for n in range(1, 5)]
    flow = version(questions=[{"id": "pick", "text": {"en": "Pick one"}, "kind": "choice", "choices": choices}])
    step = started(flow)
    assert step.lines[0].quick_replies == [] and "4. Option 4" in step.lines[0].text
    session = step.session
    assert engine.validate(session.question, "2", None, session) == "c2"
    assert engine.validate(session.question, "opción 3", None, session) == "c3"
    assert engine.validate(session.question, "", "c4", session) == "c4"
    assert engine.validate(session.question, "7", None, session) is None


# --- the business's API -----------------------------------------------------------------------------------------


def submitted() -> engine.FlowSession:
    return answered("Ana", "ana@example.com", "no", "nothing more").session


def result(session, response=None, ok=True, attempt=None, round_=None, error=None) -> FlowResult:
    return FlowResult(
        session_id=session.session_id,
        round=round_ or session.round,
        attempt=attempt or session.attempt,
        ok=ok,
        status_code=200 if ok else 500,
        error=error,
        response=response,
    )


def test_finishing_sends_the_final_message_and_ends():
    session = submitted()
    step = engine.result(session, result(session, {"continue_conversation": False, "final_message": "Done!"}), T0)
    assert step.session.state == SessionState.ENDED and step.session.outcome == Outcome.COMPLETED
    assert [line.text for line in step.lines] == ["Done!"]


def test_additional_questions_are_asked_next_then_submitted_as_round_two():
    session = submitted()
    reply = {
        "continue_conversation": True,
        "message": "Thanks.",
        "additional_questions": [{"id": "follow_up", "text": "Anything to add?", "required": False}],
    }
    step = engine.result(session, result(session, reply), T0)
    assert step.session.state == SessionState.WAITING and step.session.round == 2
    assert step.lines[0].text == "Thanks.\nAnything to add?"
    step = engine.answer(step.session, "No, that's it", None, T0)
    assert step.submit and step.session.round == 2 and step.session.attempt == 2
    assert step.session.payload(T0)["answers"]["follow_up"] == "No, that's it"


def test_a_failing_api_is_retried_with_backoff_telling_the_customer_once_then_fails_to_a_person():
    session = submitted()
    step = engine.result(session, result(session, ok=False, error="HTTP 500"), T0)
    assert step.session.retry_at == T0 + timedelta(seconds=engine.BACKOFF_BASE_SECONDS)
    assert len(step.lines) == 1 and "saved" in step.lines[0].text and not step.submit
    assert engine.due(step.session, T0).session == step.session, "not due yet"
    step = engine.due(step.session, step.session.retry_at)
    assert step.submit and step.session.attempt == 2
    step = engine.result(step.session, result(step.session, {"not": "understood", "continue_conversation": "x"}), T0)
    assert step.lines == [] and step.session.retry_at is not None, "told once"
    assert "not what Parley understands" in step.session.last_error
    step = engine.due(step.session, step.session.retry_at)
    # An attempt nobody answers is a failure once its deadline passes.
    overdue = step.session.submitted_at + timedelta(seconds=5 + engine.RESULT_GRACE_SECONDS)
    step = engine.due(step.session, overdue)
    assert step.session.state == SessionState.FAILED and step.handoff
    assert step.session.answers["email"].value == "ana@example.com", "nothing answered is lost"
    retried = engine.retry(step.session, T0 + timedelta(hours=1))
    assert retried.submit and retried.session.state == SessionState.PROCESSING and retried.session.attempt == 4


def test_a_late_result_of_an_earlier_attempt_changes_nothing():
    session = submitted()
    failed = engine.result(session, result(session, ok=False, error="timeout"), T0).session
    again = engine.due(failed, failed.retry_at).session
    late = engine.result(again, result(again, {"final_message": "x"}, attempt=1), T0)
    assert late.session == again and late.lines == []


def test_a_session_keeps_its_version_and_a_restart_keeps_it_too():
    session = started(version(1)).session
    newer = version(2, questions=[{"id": "other", "text": {"en": "Other?"}}])
    assert session.flow_version == 1 and session.questions[0].id == "name"
    step = engine.answer(session, "Ana", None, T0)
    assert step.session.questions[0].id == "name", "a new version does not change a session under way"
    restarted = engine.restart(step.session, session_id="s2", at=T0)
    assert restarted.session.flow_version == 1 and restarted.session.answers == {}
    assert restarted.session.session_id == "s2" and restarted.lines[0].text.endswith("What is your name?")
    assert (
        engine.start(
            newer, session_id="s3", thread_key="t", channel="whatsapp", contact=Contact(id="1"), language="en", at=T0
        ).session.flow_version
        == 2
    )


def test_ending_idle_abandons_a_waiting_session_but_not_one_whose_answers_are_at_the_api():
    waiting = answered("Ana").session
    assert engine.end(waiting, T0, Outcome.IDLE).state == SessionState.ABANDONED
    processing = submitted()
    assert engine.end(processing, T0, Outcome.IDLE) == processing
    assert engine.end(processing, T0, Outcome.RESET).state == SessionState.ENDED


def test_a_flow_without_an_endpoint_ends_with_its_final_message():
    flow = version(
        endpoint=None, final_message={"en": "We'll call you."}, questions=[{"id": "name", "text": {"en": "Name?"}}]
    )
    step = engine.answer(started(flow).session, "Ana", None, T0)
    assert step.session.state == SessionState.ENDED and [line.text for line in step.lines] == ["We'll call you."]
    assert "name: Ana" in engine.summary(step.session)


def test_questions_the_api_adds_are_all_asked_even_when_an_id_was_asked_before_and_a_restart_drops_them():
    session = submitted()
    reply = {
        "continue_conversation": True,
        "additional_questions": [{"id": "email", "text": "Another email?"}, {"id": "Order", "text": "Order?"}],
    }
    step = engine.result(session, result(session, reply), T0)
    assert [q.id for q in step.session.questions[4:]] == ["email_2", "order"], "no answer is replaced"
    restarted = engine.restart(step.session, session_id="s2", at=T0)
    assert [q.id for q in restarted.session.questions] == ["name", "email", "urgent", "notes"]
    assert restarted.lines[0].text == "Question 1 of 4\nWhat is your name?"
