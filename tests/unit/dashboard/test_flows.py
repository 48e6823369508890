"""dashboard-api's question flow routes, in process: the real FlowStore, FlowSessions and Conversations on an
in-memory database (mongomock), the caller set by a dependency override, and a command gateway that records
what it was given and answers as told. Who may do what, versions and the write-only secret, validation, the dry
run, sessions (list, detail, CSV) and the reset/retry commands."""

import csv
import io
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from cryptography.fernet import Fernet
from mongomock_motor import AsyncMongoMockClient

from parley_business.flows import FlowVersion, Question
from parley_contracts import Channel, CommandAction, Contact, ThreadCommand, ThreadStatus, ThreadUpdated
from parley_conversations import flows as engine
from parley_conversations.documents import ThreadRecord
from parley_conversations.flow_sessions import FlowSessions
from parley_conversations.flows import Answer, FlowSession, Outcome, SessionState
from parley_conversations.operators import Role
from parley_dashboard.app import build_services, create_app
from parley_dashboard.auth.principal import Principal
from parley_dashboard.deps import Services, caller
from parley_dashboard.routes.flows import safe_cell
from parley_dashboard.settings import DashboardSettings

UNIT = "acme"
ADMIN = Principal("operator", "op_admin", "Ada Admin", Role.ADMIN, frozenset({UNIT}))
MANAGER = Principal("operator", "op_manager", "Max Manager", Role.MANAGER, frozenset({UNIT}))
OPERATOR = Principal("operator", "op_operator", "Otto Operator", Role.OPERATOR, frozenset({UNIT}))
STRANGER = Principal("operator", "op_other", "Olga Other", Role.ADMIN, frozenset({"other"}))
SECRET = "flow-hmac-secret-value"
BASE = f"/api/tenants/{UNIT}"

QUOTE = {
    "name": "Quote request",
    "trigger": {"keywords": {"en": ["quote"]}},
    "questions": [
        {"id": "name", "text": {"en": "What is your name?"}},
        {"id": "email", "kind": "email", "text": {"en": "Your email?"}, "reask": {"en": "That is not an email."}},
        {
            "id": "size",
            "kind": "choice",
            "text": {"en": "Which size?"},
            "choices": [{"id": "small", "title": {"en": "Small"}}, {"id": "large", "title": {"en": "Large"}}],
        },
    ],
    "endpoint": {"url": "https://crm.example/flows", "secret": SECRET},
    "final_message": {"en": "Thanks!"},
}


class Gateway:
    """CommandGateway's stand-in: keeps the commands and answers with `answer` (None: the router was slow)."""

    def __init__(self) -> None:
        self.sent: list[ThreadCommand] = []
        self.outcome: str | None = None
        self.reason: str | None = None

    async def submit(self, command: ThreadCommand) -> ThreadUpdated | None:
        self.sent.append(command)
        if self.outcome is None:
            return None
        return ThreadUpdated(
            **command.lineage(),
            cause=command.topic,
            command_id=command.command_id,
            outcome=self.outcome,  # type: ignore[arg-type]
            reason=self.reason,
        )


class Api:
    def __init__(self, services: Services, http: httpx.AsyncClient, who: list[Principal]) -> None:
        self.services = services
        self.http = http
        self._who = who
        self.gateway = Gateway()
        services.commands = self.gateway  # type: ignore[assignment]

    def as_(self, principal: Principal) -> httpx.AsyncClient:
        self._who[0] = principal
        return self.http


@pytest.fixture
async def api() -> AsyncIterator[Api]:
    settings = DashboardSettings(channel_secrets_key=Fernet.generate_key().decode())  # type: ignore[call-arg]
    app = create_app(settings)
    db = AsyncMongoMockClient(tz_aware=True)["flows_unit"]
    services = build_services(settings, db, broker=None)  # type: ignore[arg-type]
    app.state.services = services
    who = [ADMIN]
    app.dependency_overrides[caller] = lambda: who[0]
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http:
        yield Api(services, http, who)


def session(
    flow: FlowVersion, n: int, *, state: SessionState = SessionState.WAITING, **answers: str | None
) -> FlowSession:
    """A session of `flow` started `n` minutes after a fixed time, with `answers` given."""
    at = datetime(2026, 1, 1, 9, 0, tzinfo=UTC) + timedelta(minutes=n)
    started = engine.start(
        flow,
        session_id=f"fls_{n}",
        thread_key=f"th_{n}",
        channel="whatsapp",
        contact=Contact(id=f"5215550{n:04d}", name=f"Customer {n}"),
        language="en",
        at=at,
    ).session
    given = {q: Answer(question_id=q, value=v, text=v or "skip", at=at) for q, v in answers.items()}
    ended = at + timedelta(minutes=5) if not state.live else None
    outcome = Outcome.COMPLETED if state == SessionState.ENDED else None
    return started.model_copy(
        update={"answers": given, "position": len(given), "state": state, "outcome": outcome, "ended_at": ended}
    )


async def put_quote(api: Api, flow_id: str = "quote", **changes: Any) -> httpx.Response:
    return await api.as_(ADMIN).put(f"{BASE}/flows/{flow_id}", json={**QUOTE, **changes})


async def test_an_admin_defines_and_changes_a_flow_and_its_secret_never_comes_back(api: Api):
    created = await put_quote(api)
    assert created.status_code == 201, created.text
    assert created.json()["version"] == 1 and created.json()["secret_set"] is True
    assert created.json()["updated_by"] == ADMIN.id and created.json()["tenant"] == UNIT

    endpoint = {"url": "https://crm.example/v2"}  # no secret: the previous one is kept
    changed = await put_quote(api, endpoint=endpoint, name="Quotes")
    assert changed.status_code == 200, changed.text
    assert changed.json()["version"] == 2 and changed.json()["secret_set"] is True
    assert await api.services.flows.secret(UNIT, "quote", 2) == SECRET  # sealed, and still there

    manager = api.as_(MANAGER)
    listed = await manager.get(f"{BASE}/flows")
    assert [(f["flow_id"], f["version"], f["name"]) for f in listed.json()] == [("quote", 2, "Quotes")]
    current = await manager.get(f"{BASE}/flows/quote")
    first = await manager.get(f"{BASE}/flows/quote/versions/1")
    assert current.json()["endpoint"]["url"] == "https://crm.example/v2" and first.json()["name"] == "Quote request"
    assert (await manager.get(f"{BASE}/flows/quote/versions/3")).status_code == 404
    assert (await manager.get(f"{BASE}/flows/nothing")).status_code == 404
    for response in (created, changed, listed, current, first):
        assert SECRET not in response.text
    stored = await api.services.db["flow_versions"].find_one({"_id": f"{UNIT}:quote:1"})
    assert SECRET not in str(stored)  # sealed at rest


async def test_definitions_are_validated_with_the_fields_named(api: Api):
    one_choice = {**QUOTE["questions"][2], "choices": [{"id": "small", "title": {"en": "Small"}}]}
    refused = await put_quote(api, questions=[QUOTE["questions"][0], one_choice])
    assert refused.status_code == 422
    assert "2 to 10 choices" in refused.text and SECRET not in refused.text  # the body is not echoed
    no_trigger = await put_quote(api, trigger={})
    assert no_trigger.status_code == 422 and "starts it" in no_trigger.text
    unknown = await put_quote(api, colour="red")
    assert unknown.status_code == 422 and "colour" in unknown.text
    bad_question = await put_quote(api, questions=[{"id": "Name!", "text": {"en": "x"}}])
    assert bad_question.status_code == 422 and "questions" in str(bad_question.json()["detail"][0]["loc"])
    for flow_id in ("Quote", "-quote", "a" * 65, "quo te"):
        assert (await put_quote(api, flow_id=flow_id)).status_code == 422, flow_id
    assert (await api.http.get(f"{BASE}/flows")).json() == []


async def test_who_may_do_what(api: Api):
    assert (await put_quote(api)).status_code == 201
    operator = api.as_(OPERATOR)
    assert (await operator.get(f"{BASE}/flows")).status_code == 403
    assert (await operator.get(f"{BASE}/flow-sessions")).status_code == 403
    assert (await operator.post(f"{BASE}/flows/quote/test", json={})).status_code == 403
    manager = api.as_(MANAGER)
    assert (await manager.get(f"{BASE}/flows")).status_code == 200
    assert (await manager.put(f"{BASE}/flows/quote", json=QUOTE)).status_code == 403
    assert (await manager.delete(f"{BASE}/flows/quote")).status_code == 403
    stranger = api.as_(STRANGER)  # an admin of another unit: the unit does not exist for them
    for path in ("/flows", "/flows/quote", "/flows/quote/versions/1", "/flow-sessions", "/flows/quote/sessions.csv"):
        assert (await stranger.get(BASE + path)).status_code == 404, path
    assert (await stranger.put(f"{BASE}/flows/quote", json=QUOTE)).status_code == 404
    assert (await stranger.delete(f"{BASE}/flows/quote")).status_code == 404


async def test_delete_then_define_again_continues_the_numbering(api: Api):
    assert (await put_quote(api)).status_code == 201
    assert (await api.http.delete(f"{BASE}/flows/quote")).status_code == 204
    assert (await api.http.delete(f"{BASE}/flows/quote")).status_code == 404
    assert (await api.http.get(f"{BASE}/flows/quote")).status_code == 404
    assert (await api.http.get(f"{BASE}/flows/quote/versions/1")).status_code == 200  # kept for its sessions
    again = await put_quote(api)
    assert again.status_code == 201 and again.json()["version"] == 2


async def test_the_dry_run_walks_the_flow_without_sending_or_storing_anything(api: Api):
    await put_quote(api)
    messages = [
        {"text": "Ana Lima"},
        {"text": "not-an-email"},
        {"text": "Ana@Example.com"},
        {"text": "", "payload": "large"},
    ]
    tried = await api.as_(MANAGER).post(f"{BASE}/flows/quote/test", json={"messages": messages, "language": "en"})
    assert tried.status_code == 200, tried.text
    out = tried.json()
    steps = out["steps"]
    assert steps[0]["message"] is None and len(steps) == 5
    assert "What is your name?" in steps[0]["lines"][0]["text"]
    assert "Your email?" in steps[1]["lines"][0]["text"]
    assert steps[2]["lines"][0]["text"].startswith("That is not an email.")  # asked again
    assert [b["id"] for b in steps[3]["lines"][0]["quick_replies"]] == ["small", "large"]
    assert steps[4]["lines"] == [] and steps[4]["state"] == "processing"  # the answers would go to the API now
    assert out["state"] == "processing" and out["flow_version"] == 1
    assert out["answers"] == {"name": "Ana Lima", "email": "ana@example.com", "size": "large"}
    submitted = out["would_submit"]
    assert submitted["answers"] == out["answers"] and submitted["session_id"] == "test"
    assert submitted["thread_key"] == "test" and submitted["user_phone"] == "test"
    assert SECRET not in tried.text
    assert await api.services.db["flow_sessions"].count_documents({}) == 0
    assert api.gateway.sent == []

    # No endpoint: the flow ends with its final message and nothing would be submitted.
    await put_quote(api, endpoint=None)
    ended = (await api.http.post(f"{BASE}/flows/quote/test", json={"messages": messages})).json()
    assert ended["state"] == "ended" and ended["outcome"] == "completed" and ended["would_submit"] is None
    assert ended["steps"][-1]["lines"][0]["text"] == "Thanks!"
    halfway = (await api.http.post(f"{BASE}/flows/quote/test", json={"messages": messages[:1]})).json()
    assert halfway["state"] == "waiting_for_answer" and halfway["would_submit"] is None
    older = await api.http.post(f"{BASE}/flows/quote/test", json={"messages": messages, "version": 1})
    assert older.json()["flow_version"] == 1 and older.json()["would_submit"] is not None
    assert (await api.http.post(f"{BASE}/flows/nope/test", json={})).status_code == 404
    assert (await api.http.post(f"{BASE}/flows/quote/test", json={"language": "English"})).status_code == 422


async def test_sessions_are_listed_newest_first_filtered_and_shown_whole(api: Api):
    flow = FlowVersion.model_validate((await put_quote(api)).json())
    store = FlowSessions(api.services.db)
    await store.save(session(flow, 1, state=SessionState.ENDED, name="Ana", email="ana@example.com", size="small"))
    await store.save(session(flow, 2, name="Ben"))
    await store.save(session(flow, 3, state=SessionState.FAILED, name="Cleo", email="c@example.com", size="large"))
    await store.save(session(flow, 4).model_copy(update={"tenant": "other", "session_id": "fls_other"}))

    manager = api.as_(MANAGER)
    listed = (await manager.get(f"{BASE}/flow-sessions")).json()
    assert [s["session_id"] for s in listed["items"]] == ["fls_3", "fls_2", "fls_1"] and listed["more"] is False
    first = listed["items"][2]
    assert first["answered"] == 3 and first["questions"] == 3 and first["state"] == "ended"
    assert first["contact"] == {"id": "52155500001", "name": "Customer 1"} and first["flow_version"] == 1
    failed = await manager.get(f"{BASE}/flow-sessions", params={"state": "failed"})
    assert [s["session_id"] for s in failed.json()["items"]] == ["fls_3"]
    by_thread = await manager.get(f"{BASE}/flow-sessions", params={"thread_key": "th_2", "flow_id": "quote"})
    assert [s["session_id"] for s in by_thread.json()["items"]] == ["fls_2"]
    page = (await manager.get(f"{BASE}/flow-sessions", params={"limit": 2, "offset": 1})).json()
    assert [s["session_id"] for s in page["items"]] == ["fls_2", "fls_1"] and page["more"] is False
    page = (await manager.get(f"{BASE}/flow-sessions", params={"limit": 1})).json()
    assert page["more"] is True
    assert (await manager.get(f"{BASE}/flow-sessions", params={"state": "asleep"})).status_code == 422
    assert (await manager.get(f"{BASE}/flow-sessions", params={"limit": 0})).status_code == 422

    detail = await manager.get(f"{BASE}/flow-sessions/fls_1")
    assert detail.status_code == 200
    assert detail.json()["answers"]["email"]["value"] == "ana@example.com" and len(detail.json()["questions"]) == 3
    assert (await manager.get(f"{BASE}/flow-sessions/fls_other")).status_code == 404  # another unit's
    assert (await manager.get(f"{BASE}/flow-sessions/fls_missing")).status_code == 404


async def test_the_csv_has_a_column_per_question_and_defuses_formulas(api: Api):
    flow = FlowVersion.model_validate((await put_quote(api)).json())
    store = FlowSessions(api.services.db)
    await store.save(session(flow, 1, state=SessionState.ENDED, name='=HYPERLINK("x")', email=None, size="small"))
    extra = session(flow, 2, name='Ben, "the" builder')
    added = Question(id="budget", text={"en": "Budget?"})
    extra = extra.model_copy(
        update={
            "questions": [*extra.questions, added],
            "answers": {**extra.answers, "budget": Answer(question_id="budget", value="-5", at=extra.started_at)},
        }
    )
    await store.save(extra)
    await store.save(session(flow, 3).model_copy(update={"flow_id": "other", "session_id": "fls_other_flow"}))

    response = await api.as_(MANAGER).get(f"{BASE}/flows/quote/sessions.csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"] == 'attachment; filename="quote-sessions.csv"'
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == [
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
        "name",
        "email",
        "size",
        "budget",
    ]
    assert len(rows) == 3  # oldest first; the other flow's session is not there
    one, two = (dict(zip(rows[0], row, strict=True)) for row in rows[1:])
    assert one["session_id"] == "fls_1" and one["name"] == '\'=HYPERLINK("x")' and one["email"] == ""
    assert one["size"] == "small" and one["budget"] == "" and one["state"] == "ended" and one["outcome"] == "completed"
    assert one["ended_at"].startswith("2026-01-01T09:06")
    assert two["name"] == 'Ben, "the" builder' and two["budget"] == "'-5" and two["outcome"] == ""
    assert two["contact_id"] == "52155500002" and two["flow_version"] == "1"
    empty = await api.http.get(f"{BASE}/flows/nothing/sessions.csv")
    assert empty.status_code == 200 and len(list(csv.reader(io.StringIO(empty.text)))) == 1


async def test_the_flow_routes_are_rate_limited_like_the_others():
    settings = DashboardSettings(DASHBOARD_RATE_LIMIT_PER_SECOND=0.5, DASHBOARD_RATE_LIMIT_BURST=2)  # type: ignore[call-arg]
    app = create_app(settings)
    app.state.services = build_services(settings, AsyncMongoMockClient()["limits"], broker=None)  # type: ignore[arg-type]
    app.dependency_overrides[caller] = lambda: ADMIN
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http:
        codes = [(await http.get(f"{BASE}/flows/NOT-AN-ID")).status_code for _ in range(3)]
    assert codes == [422, 422, 429]


def test_formula_cells_get_a_quote():
    assert [safe_cell(v) for v in ("=1+1", "+52", "-3", "@sum", "\tx", "plain", 7, "")] == [
        "'=1+1",
        "'+52",
        "'-3",
        "'@sum",
        "'\tx",
        "plain",
        "7",
        "",
    ]


async def _thread_with(api: Api, live: FlowSession | None, thread_key: str) -> None:
    at = datetime(2026, 1, 1, tzinfo=UTC)
    record = ThreadRecord(
        thread_key=thread_key,
        tenant=UNIT,
        channel=Channel.WHATSAPP,
        account_id="1",
        contact=Contact(id="5215550000"),
        status=ThreadStatus.BOT,
        created_at=at,
        updated_at=at,
        flow=live,
    )
    await api.services.db["threads"].insert_one(record.to_document())


async def test_reset_and_retry_become_commands_for_the_router(api: Api):
    flow = FlowVersion.model_validate((await put_quote(api)).json())
    store = FlowSessions(api.services.db)
    waiting = session(flow, 1, name="Ana")
    failed = session(flow, 2, state=SessionState.FAILED, name="Ben", email="b@example.com", size="small")
    gone = session(flow, 3, state=SessionState.ENDED, name="Cleo", email="c@example.com", size="small")
    for s in (waiting, failed, gone):
        await store.save(s)
    await _thread_with(api, waiting, "th_1")
    await _thread_with(api, failed.model_copy(update={"attempt": 4}), "th_2")
    await _thread_with(api, None, "th_3")
    manager = api.as_(MANAGER)

    pending = await manager.post(f"{BASE}/flow-sessions/fls_2/retry")  # the router does not answer in time
    assert pending.status_code == 202 and pending.json()["outcome"] == "pending"
    [command] = api.gateway.sent
    assert command.action == CommandAction.FLOW_RETRY and command.session_id == "fls_2"
    assert command.thread_key == "th_2" and command.tenant == UNIT and command.channel == Channel.WHATSAPP
    assert command.actor.id == MANAGER.id and command.actor.name == MANAGER.name
    assert pending.json()["command_id"] == command.command_id and pending.json()["thread"]["thread_key"] == "th_2"

    api.gateway.outcome = "applied"
    reset = await manager.post(f"{BASE}/flow-sessions/fls_1/reset")
    assert reset.status_code == 200 and reset.json()["outcome"] == "applied"
    assert api.gateway.sent[-1].action == CommandAction.FLOW_RESET and api.gateway.sent[-1].session_id == "fls_1"
    api.gateway.outcome = "unchanged"
    same = await manager.post(f"{BASE}/flow-sessions/fls_2/retry")
    assert same.status_code == 200 and same.json()["outcome"] == "unchanged"
    api.gateway.outcome, api.gateway.reason = "rejected", "this flow session is no longer under way in the thread"
    refused = await manager.post(f"{BASE}/flow-sessions/fls_1/reset")
    assert refused.status_code == 409 and refused.json()["detail"] == api.gateway.reason
    sent = len(api.gateway.sent)

    # What the router would refuse is refused at once, without a command.
    not_failed = await manager.post(f"{BASE}/flow-sessions/fls_1/retry")
    assert not_failed.status_code == 409
    assert "waiting_for_answer session cannot be retried" in not_failed.json()["detail"]
    over = await manager.post(f"{BASE}/flow-sessions/fls_3/reset")
    assert over.status_code == 409 and "no longer under way" in over.json()["reason"]
    assert len(api.gateway.sent) == sent
    assert (await manager.post(f"{BASE}/flow-sessions/fls_9/retry")).status_code == 404
    assert (await api.as_(OPERATOR).post(f"{BASE}/flow-sessions/fls_1/reset")).status_code == 403
    assert (await api.as_(STRANGER).post(f"{BASE}/flow-sessions/fls_1/reset")).status_code == 404
