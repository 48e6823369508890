"""Question flows in the router: when a customer message starts a flow or answers one, what the business's API
result, a flow timer or an operator's retry/reset does, and what happens to a session when its thread changes
hands. The decisions are the pure engine's (parley_conversations.flows); this module reads the flow definitions,
turns the engine's steps into the `Step`'s sends, notes and submissions, and keeps `flow_sessions` current.

Ids are derived from the step that caused them (sessions, submissions, sends), so a replayed step makes the same
ones: a SIGKILL mid-flow loses no answer and asks no question twice."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import structlog

from parley_business.flow_store import FlowStore
from parley_business.flows import FlowVersion
from parley_contracts import (
    Analysis,
    CommandAction,
    FlowSubmission,
    MessageReceived,
    OutboundContent,
    ThreadCommand,
    ThreadStatus,
)
from parley_conversations import flows as engine
from parley_conversations.documents import ThreadRecord
from parley_conversations.flow_sessions import FlowSessions
from parley_conversations.flows import BotLine, FlowSession, FlowStep, Outcome, SessionState
from parley_conversations.windows import takes_one_reply
from parley_router.step import Step, derived_id

log = structlog.get_logger()


@dataclass(frozen=True)
class FlowVerdict:
    outcome: str  # applied, unchanged, rejected
    reason: str | None = None
    handoff: bool = False  # the business's API failed for good: a person follows up
    summary: str = ""


# Says one bot line in the step: (step, content, line index) → whether it was sent.
Say = Callable[[Step, OutboundContent, int], None]


class FlowRunner:
    def __init__(self, flows: FlowStore, sessions: FlowSessions) -> None:
        self._flows = flows
        self.sessions = sessions

    # --- a customer's message -------------------------------------------------------------------------------

    async def on_message(self, step: Step, inbound: MessageReceived, analysis: Analysis, say: Say) -> bool:
        """Handle the customer's message when it belongs to a flow (an answer) or starts one; True when it did, so
        the bot's usual answer is not given (an answer to "what is your name?" is not a question for the FAQ).
        A request for a person mid-flow ends the session and is left to the usual handoff."""
        record = step.record
        if record.status != ThreadStatus.BOT:
            return False
        session = record.flow
        if session is not None and session.state == SessionState.WAITING:
            if analysis.wants_human:
                self._end(step, Outcome.HANDED_OFF)
                return False
            text, payload = inbound.content.text, inbound.content.payload
            self._apply(step, engine.answer(session, text, payload, step.at), say)
            return True
        if session is not None and session.state == SessionState.PROCESSING:
            return False  # its answers are with the API; meanwhile the bot answers as usual
        if takes_one_reply(record.channel, record.conversation):
            return False  # a MercadoLibre question takes one public answer: no room for questions
        flow = await self._starting(step, inbound, analysis)
        if flow is None:
            return False
        detected = analysis.language if analysis.language not in ("und", "") else record.language
        started = engine.start(
            flow,
            session_id=derived_id("fls_", step.key),
            thread_key=record.thread_key,
            channel=str(record.channel),
            contact=record.contact,
            language=engine.session_language(flow, detected),
            at=step.at,
        )
        if session is not None:  # a failed one, waiting for an operator's retry: the new flow replaces it
            self._end(step, Outcome.RESET)
            step.flow_replaced.append(step.record.flow)
        log.info("flow.started", flow_id=flow.flow_id, version=flow.version, session_id=started.session.session_id)
        self._apply(step, started, say)
        return True

    async def restart(self, step: Step, say: Say) -> bool:
        """The customer asked to start over mid-flow: the flow starts again (a new session, same version)."""
        session = step.record.flow
        if session is None or session.state not in (SessionState.WAITING, SessionState.FAILED):
            return False
        self._end(step, Outcome.RESET)
        step.flow_replaced.append(step.record.flow)
        self._apply(step, engine.restart(session, session_id=derived_id("fls_", step.key), at=step.at), say)
        return True

    async def _starting(self, step: Step, inbound: MessageReceived, analysis: Analysis) -> FlowVersion | None:
        flows = await self._flows.of_tenant(step.record.tenant)
        if not flows:
            return None
        new_conversation = not any(t.author != "customer" for t in step.record.recent)
        content = inbound.content
        return next(
            (f for f in flows if engine.starts(f, content.text, content.payload, analysis.intent, new_conversation)),
            None,
        )

    # --- commands: the API's result, the timer, an operator's retry or reset ---------------------------------

    def on_command(self, step: Step, command: ThreadCommand, say: Say) -> FlowVerdict:
        """What the command did, for whoever sent it, and whether a person must now take the thread."""
        session = step.record.flow
        wanted = command.flow_result.session_id if command.flow_result else command.session_id
        retrying = command.action == CommandAction.FLOW_RETRY
        refused = engine.refusal(session, wanted or "", retrying=retrying, at=step.at)
        if refused or session is None:
            return FlowVerdict("rejected", refused)
        if command.action == CommandAction.FLOW_RESET:
            self._end(step, Outcome.RESET)  # a reset stops even a session whose answers are at the API
            return FlowVerdict("applied")
        if retrying:
            moved = engine.retry(session, step.at)
        elif command.action == CommandAction.FLOW_RESULT and command.flow_result is not None:
            moved = engine.result(session, command.flow_result, step.at)
        else:
            moved = engine.due(session, step.at)
        if moved.session == session:
            return FlowVerdict("unchanged")
        self._apply(step, moved, say)
        return FlowVerdict("applied", handoff=moved.handoff, summary=session.flow_name)

    # --- the end of a step ------------------------------------------------------------------------------------

    def settle(self, step: Step) -> list[FlowSession]:
        """Before the thread is written: a session still asking questions when the thread left the bot (a person
        took it, it was resolved or went idle) stops asking. Returns the sessions to store in `flow_sessions`: the
        ones this step ended and replaced, and the thread's own when it changed (an ended one leaves the thread)."""
        record = step.record
        session = record.flow
        if session is not None and session.state == SessionState.WAITING and record.status != ThreadStatus.BOT:
            idle = any(t.trigger == "idle_timeout" for t in step.transitions)
            self._end(step, Outcome.IDLE if idle else Outcome.HANDED_OFF)
            session = record.flow
        changed = list(step.flow_replaced)
        if session is not None and session != step.flow_before:
            changed.append(session)
            if not session.state.live:
                record.flow = None
        return changed

    async def save(self, sessions: list[FlowSession]) -> None:
        for session in sessions:
            await self.sessions.save(session)

    # --- helpers ------------------------------------------------------------------------------------------------

    def _apply(self, step: Step, moved: FlowStep, say: Say) -> None:
        record = step.record
        session = moved.session
        record.flow = session
        if record.status == ThreadStatus.BOT:
            for n, line in enumerate(moved.lines):
                say(step, _content(line), n)
        if moved.submit and session.endpoint is not None:
            step.notices.append(_submission(step, record, session))
            log.info("flow.submitted", session_id=session.session_id, round=session.round, attempt=session.attempt)
        if not session.state.live or moved.handoff or session.state == SessionState.FAILED:
            self._note(step, session)
        if session.state != SessionState.WAITING:
            log.info("flow.state", session_id=session.session_id, state=session.state, outcome=session.outcome)

    def _end(self, step: Step, outcome: Outcome) -> None:
        session = step.record.flow
        if session is None:
            return
        ended = engine.end(session, step.at, outcome)
        step.record.flow = ended
        if ended != session:
            self._note(step, ended)

    def _note(self, step: Step, session: FlowSession) -> None:
        """The answers so far, for the people who take the thread (the operator sees them in the timeline)."""
        step.note(
            engine.summary(session),
            kind="flow",
            data={
                "flow_session": {
                    "session_id": session.session_id,
                    "flow_id": session.flow_id,
                    "flow_version": session.flow_version,
                    "state": str(session.state),
                    "outcome": str(session.outcome) if session.outcome else None,
                    "answers": {k: a.value for k, a in session.answers.items()},
                    "error": session.last_error,
                }
            },
            author_name=session.flow_name,
            id_part=f"{session.session_id}:{session.state}",
        )


def _content(line: BotLine) -> OutboundContent:
    return OutboundContent(text=line.text[:4096], quick_replies=line.quick_replies)


def _submission(step: Step, record: ThreadRecord, session: FlowSession) -> FlowSubmission:
    endpoint = session.endpoint
    assert endpoint is not None
    return FlowSubmission(
        **step.cause.lineage(),
        event_id=derived_id("evt_", "flow", session.session_id, str(session.attempt)),
        occurred_at=step.at,
        submission_id=derived_id("fsub_", session.session_id, str(session.round), str(session.attempt)),
        session_id=session.session_id,
        flow_id=session.flow_id,
        flow_version=session.flow_version,
        round=session.round,
        attempt=session.attempt,
        url=endpoint.url,
        timeout_seconds=endpoint.timeout_seconds,
        payload=session.payload(step.at),
    )


def due_command_id(thread_key: str, due: datetime) -> str:
    return derived_id("tmr_", "flow", thread_key, due.isoformat())
