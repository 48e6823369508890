"""Question flows of a business unit: admins define them (every change is a new, numbered version; the endpoint's
secret is write-only), managers read them, follow their sessions (list, detail, CSV export), reset or retry a
session, and try a flow without a customer (a dry run of the engine: nothing sent, stored or called).

Sessions are the router's (the only writer of a thread): a reset or retry becomes a `thread.command` for it
(docs/adr/0002-thread-command-topic.md), answered like the threads' actions. What the router would refuse is
refused at once, with the same reasons: 409."""

import csv
import io
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Annotated, Any

import structlog
from fastapi import APIRouter, HTTPException, Path, Query, Response, status
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from pymongo.errors import DuplicateKeyError

from parley_business import SecretsUnavailable
from parley_business.flows import ID_PATTERN, FlowIn, FlowVersion
from parley_contracts import Channel, CommandAction, Contact, QuickReply, ThreadCommand, utcnow
from parley_conversations import flows as engine
from parley_conversations.documents import ThreadRecord
from parley_conversations.flow_sessions import SessionQuery
from parley_conversations.flows import FlowSession, Outcome, SessionState
from parley_dashboard.auth.principal import Principal
from parley_dashboard.commands import conflict, respond
from parley_dashboard.deps import AdminDep, ManagerDep, Services, ServicesDep, TenantPath, visible_tenant
from parley_dashboard.schemas import CommandOut

router = APIRouter(prefix="/api/tenants/{tenant}", tags=["flows"])
log = structlog.get_logger()

FlowIdPath = Annotated[str, Path(pattern=ID_PATTERN, description="The flow's id: a-z, 0-9, _ and -, at most 64.")]
SessionIdPath = Annotated[str, Path(min_length=1, max_length=200, pattern=r"^[^/\s]+$", description="A session id.")]
NO_FLOW = {404: {"description": "No such flow in the business unit"}}
NO_SESSION = {404: {"description": "No such flow session in the business unit"}}
COMMAND_RESPONSES: dict[int | str, dict] = {
    202: {"model": CommandOut, "description": "Sent to the router, which had not answered within the wait"},
    404: {"description": "No such flow session in the business unit"},
    409: {"model": CommandOut, "description": "Not possible in the session's state (the reason says why)"},
}
MAX_OFFSET = 10_000_000
# The dry run's made-up thread and customer: nothing of it is stored or sent.
TEST_ID = "test"
# Spreadsheets run a cell that starts with one of these as a formula (CSV injection): such cells get a quote.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_COLUMNS = (
    "session_id",
    "thread_key",
    "channel",
    "contact_id",
    "contact_name",
    "flow_version",
    "state",
    "outcome",
    "started_at",
    "ended_at",
)


class FlowSessionSummary(BaseModel):
    session_id: str
    flow_id: str
    flow_version: int
    flow_name: str
    thread_key: str
    contact: Contact
    channel: str
    state: SessionState
    outcome: Outcome | None
    answered: int = Field(description="Questions answered (or skipped) so far.")
    questions: int = Field(description="Questions asked in all (the flow's, then any the API added).")
    started_at: datetime
    updated_at: datetime
    ended_at: datetime | None
    last_error: str | None

    @classmethod
    def of(cls, session: FlowSession) -> "FlowSessionSummary":
        return cls(
            **session.model_dump(include=set(cls.model_fields) - {"answered", "questions"}),
            answered=len(session.answers),
            questions=len(session.questions),
        )


class FlowSessionPage(BaseModel):
    items: list[FlowSessionSummary]
    limit: int
    offset: int
    more: bool = Field(description="Whether sessions follow this page (ask again with offset + limit).")


class TestMessage(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(default="", max_length=4096, description="What the customer writes.")
    payload: str | None = Field(default=None, max_length=256, description="The button pressed (its id), if any.")


class FlowTestIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    messages: list[TestMessage] = Field(default_factory=list, max_length=100)
    language: str | None = Field(
        default=None, pattern=r"^[a-z]{2,3}$", description="The customer's language (default: the flow's first)."
    )
    version: int | None = Field(default=None, ge=1, description="A version to try (default: the current one).")


class BotLineOut(BaseModel):
    text: str
    quick_replies: list[QuickReply] = Field(default_factory=list)


class FlowTestStep(BaseModel):
    message: TestMessage | None = Field(description="The customer's message (None: the flow starting).")
    lines: list[BotLineOut] = Field(description="What the bot says in answer.")
    state: SessionState = Field(description="The session's state after it.")


class FlowTestOut(BaseModel):
    flow_id: str
    flow_version: int
    language: str
    steps: list[FlowTestStep]
    state: SessionState
    outcome: Outcome | None
    answers: dict[str, str | None] = Field(description="Question id → the answer as stored (None: skipped).")
    would_submit: dict[str, Any] | None = Field(
        description="The JSON body that would be POSTed to the flow's API (None: questions left, or no endpoint)."
    )


# --- definitions --------------------------------------------------------------------------------------------


@router.get("/flows", response_model=list[FlowVersion])
async def list_flows(tenant: TenantPath, services: ServicesDep, principal: ManagerDep) -> list[FlowVersion]:
    """The unit's current flows, each at its latest version (endpoint secrets are never returned)."""
    visible_tenant(principal, tenant)
    return await services.flows.of_tenant(tenant)


@router.get("/flows/{flow_id}", response_model=FlowVersion, responses=NO_FLOW)
async def get_flow(
    tenant: TenantPath, flow_id: FlowIdPath, services: ServicesDep, principal: ManagerDep
) -> FlowVersion:
    visible_tenant(principal, tenant)
    return await _current(services, tenant, flow_id)


@router.get("/flows/{flow_id}/versions/{version}", response_model=FlowVersion, responses=NO_FLOW)
async def get_flow_version(
    tenant: TenantPath,
    flow_id: FlowIdPath,
    version: Annotated[int, Path(ge=1, le=1_000_000)],
    services: ServicesDep,
    principal: ManagerDep,
) -> FlowVersion:
    """Any saved version, also of a deleted flow (its sessions keep pointing at it)."""
    visible_tenant(principal, tenant)
    found = await services.flows.version(tenant, flow_id, version)
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no version {version} of flow {flow_id}")
    return found


@router.put(
    "/flows/{flow_id}",
    response_model=FlowVersion,
    responses={
        201: {"model": FlowVersion, "description": "A new flow (version 1, or the next after a deleted one)"},
        409: {"description": "Another change was saved at the same moment: send it again"},
    },
)
async def put_flow(
    tenant: TenantPath,
    flow_id: FlowIdPath,
    body: FlowIn,
    response: Response,
    services: ServicesDep,
    principal: AdminDep,
) -> FlowVersion:
    """Save a new version (admins). Sessions under way keep the version they started with. An endpoint without
    `secret` keeps the previous version's secret; the secret is never returned (`secret_set` says if there is
    one). 201 for a new flow, 200 for a change."""
    visible_tenant(principal, tenant)
    existing = await services.flows.get(tenant, flow_id)
    try:
        saved = await services.flows.put(tenant, flow_id, body, principal.id)
    except SecretsUnavailable as exc:
        log.error("flow.secrets_unavailable", tenant=tenant, flow_id=flow_id, reason=str(exc))
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, str(exc)) from exc
    except DuplicateKeyError as exc:
        raise HTTPException(
            status.HTTP_409_CONFLICT, f"flow {flow_id} was changed at the same moment: load it and save again"
        ) from exc
    response.status_code = status.HTTP_201_CREATED if existing is None else status.HTTP_200_OK
    log.info("flow.saved", tenant=tenant, flow_id=flow_id, version=saved.version, by=principal.id)
    return saved


@router.delete("/flows/{flow_id}", status_code=status.HTTP_204_NO_CONTENT, responses=NO_FLOW)
async def delete_flow(tenant: TenantPath, flow_id: FlowIdPath, services: ServicesDep, principal: AdminDep):
    """The flow starts no more sessions (admins); sessions under way finish with their version."""
    visible_tenant(principal, tenant)
    if not await services.flows.delete(tenant, flow_id):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no flow {flow_id}")
    log.info("flow.deleted", tenant=tenant, flow_id=flow_id, by=principal.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/flows/{flow_id}/test", response_model=FlowTestOut, responses=NO_FLOW)
async def try_flow(
    tenant: TenantPath, flow_id: FlowIdPath, body: FlowTestIn, services: ServicesDep, principal: ManagerDep
) -> FlowTestOut:
    """A dry run: the flow started and fed `messages` in order, as the router would, with nothing sent, stored or
    POSTed. Returns what the bot says at each step and, once the questions are done, the body the flow's API
    would receive."""
    visible_tenant(principal, tenant)
    if body.version is None:
        flow = await _current(services, tenant, flow_id)
    else:
        found = await services.flows.version(tenant, flow_id, body.version)
        if found is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"no version {body.version} of flow {flow_id}")
        flow = found
    return dry_run(flow, body)


def dry_run(flow: FlowVersion, body: FlowTestIn) -> FlowTestOut:
    language = engine.session_language(flow, body.language)  # as the router chooses it
    step = engine.start(
        flow,
        session_id=TEST_ID,
        thread_key=TEST_ID,
        channel=str(Channel.WHATSAPP),
        contact=Contact(id=TEST_ID, name="Test"),
        language=language,
        at=utcnow(),
    )
    steps = [_test_step(None, step)]
    for message in body.messages:
        step = engine.answer(step.session, message.text, message.payload, utcnow())
        steps.append(_test_step(message, step))
    session = step.session
    done = session.state == SessionState.PROCESSING and session.endpoint is not None
    return FlowTestOut(
        flow_id=flow.flow_id,
        flow_version=flow.version,
        language=language,
        steps=steps,
        state=session.state,
        outcome=session.outcome,
        answers={qid: a.value for qid, a in session.answers.items()},
        would_submit=session.payload(utcnow()) if done else None,
    )


def _test_step(message: TestMessage | None, step: engine.FlowStep) -> FlowTestStep:
    lines = [BotLineOut(text=line.text, quick_replies=list(line.quick_replies)) for line in step.lines]
    return FlowTestStep(message=message, lines=lines, state=step.session.state)


# --- sessions -----------------------------------------------------------------------------------------------


@router.get("/flow-sessions", response_model=FlowSessionPage)
async def list_sessions(
    tenant: TenantPath,
    services: ServicesDep,
    principal: ManagerDep,
    flow_id: Annotated[str | None, Query(pattern=ID_PATTERN)] = None,
    state: SessionState | None = None,
    thread_key: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> FlowSessionPage:
    """The unit's flow sessions, newest first, with a summary of each."""
    visible_tenant(principal, tenant)
    query = SessionQuery(principal.tenants, tenant=tenant, flow_id=flow_id, state=state, thread_key=thread_key)
    found = await services.flow_sessions.list(query, limit=limit + 1, skip=offset)
    items = [FlowSessionSummary.of(s) for s in found[:limit]]
    return FlowSessionPage(items=items, limit=limit, offset=offset, more=len(found) > limit)


@router.get("/flow-sessions/{session_id}", response_model=FlowSession, responses=NO_SESSION)
async def get_session(
    tenant: TenantPath, session_id: SessionIdPath, services: ServicesDep, principal: ManagerDep
) -> FlowSession:
    """The whole session: its questions, every answer with when it was given, the API's replies, its errors."""
    visible_tenant(principal, tenant)
    return await _session(services, tenant, session_id)


@router.post("/flow-sessions/{session_id}/reset", response_model=CommandOut, responses=COMMAND_RESPONSES)
async def reset_session(
    tenant: TenantPath, session_id: SessionIdPath, services: ServicesDep, principal: ManagerDep
) -> JSONResponse:
    """End the session under way in its thread (its answers are kept; the bot answers as usual again)."""
    visible_tenant(principal, tenant)
    return await _command(services, principal, await _session(services, tenant, session_id), CommandAction.FLOW_RESET)


@router.post("/flow-sessions/{session_id}/retry", response_model=CommandOut, responses=COMMAND_RESPONSES)
async def retry_session(
    tenant: TenantPath, session_id: SessionIdPath, services: ServicesDep, principal: ManagerDep
) -> JSONResponse:
    """Send a failed session's answers to the flow's API again (a new series of attempts)."""
    visible_tenant(principal, tenant)
    return await _command(services, principal, await _session(services, tenant, session_id), CommandAction.FLOW_RETRY)


@router.get(
    "/flows/{flow_id}/sessions.csv",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}}, "description": "One row per session, oldest first"}},
)
async def export_sessions(
    tenant: TenantPath, flow_id: FlowIdPath, services: ServicesDep, principal: ManagerDep
) -> StreamingResponse:
    """The flow's sessions as CSV (also those of a deleted flow): one row per session and one column per question
    id seen across them, with the answer as stored (empty: skipped or not answered)."""
    visible_tenant(principal, tenant)
    query = SessionQuery(principal.tenants, tenant=tenant, flow_id=flow_id)
    return StreamingResponse(
        _csv_rows(services, query),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{flow_id}-sessions.csv"'},
    )


async def _csv_rows(services: Services, query: SessionQuery) -> AsyncIterator[str]:
    """Two passes: the question columns first (ids only), then the rows, one at a time."""
    questions: dict[str, None] = {}
    async for session in services.flow_sessions.each(query):
        for qid in [*(q.id for q in session.questions), *session.answers]:
            questions.setdefault(qid, None)
    headers = [*CSV_COLUMNS, *(f"answer:{q}" if q in CSV_COLUMNS else q for q in questions)]
    yield _csv_line(headers)
    async for session in services.flow_sessions.each(query):
        fixed = [
            session.session_id,
            session.thread_key,
            session.channel,
            session.contact.id,
            session.contact.name or "",
            session.flow_version,
            session.state,
            session.outcome or "",
            session.started_at.isoformat(),
            session.ended_at.isoformat() if session.ended_at else "",
        ]
        yield _csv_line([*fixed, *(_answer(session, q) for q in questions)])


def _answer(session: FlowSession, question_id: str) -> str:
    found = session.answers.get(question_id)
    return found.value if found is not None and found.value is not None else ""


def _csv_line(cells: list[Any]) -> str:
    out = io.StringIO()
    csv.writer(out).writerow([safe_cell(c) for c in cells])
    return out.getvalue()


def safe_cell(value: object) -> str:
    """The cell as text, with a leading quote when a spreadsheet would read it as a formula."""
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


# --- helpers ------------------------------------------------------------------------------------------------


async def _current(services: Services, tenant: str, flow_id: str) -> FlowVersion:
    flow = await services.flows.get(tenant, flow_id)
    if flow is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no flow {flow_id}")
    return flow


async def _session(services: Services, tenant: str, session_id: str) -> FlowSession:
    session = await services.flow_sessions.get(session_id)
    if session is None or session.tenant != tenant:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no flow session {session_id}")
    return session


def refusal(record: ThreadRecord | None, session: FlowSession, action: CommandAction) -> str | None:
    """What the router would answer `rejected` with, known before asking it (one rule: flows.refusal)."""
    live = record.flow if record is not None else None
    return engine.refusal(live, session.session_id, retrying=action == CommandAction.FLOW_RETRY, at=utcnow())


async def _command(
    services: Services, principal: Principal, session: FlowSession, action: CommandAction
) -> JSONResponse:
    record = await services.conversations.thread(session.thread_key)
    thread = record.view() if record is not None else None
    if reason := refusal(record, session, action):
        return conflict(reason, thread)
    assert record is not None  # refusal() says so otherwise
    command = ThreadCommand(
        tenant=record.tenant,
        channel=record.channel,
        thread_key=record.thread_key,
        action=action,
        actor=principal.actor(),
        session_id=session.session_id,
    )
    return await respond(services.commands, command, thread)
