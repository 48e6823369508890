"""Question flows through dashboard-api as a process (real FerretDB and Kafka, logged-in demo users): an admin
defines and changes a flow (its endpoint secret kept sealed and never returned), operators and other units' admins
are kept out, the dry run walks a flow, sessions are listed, shown and exported as CSV, and an operator's reset or
retry of a session goes to the router as a `thread.command` naming the session (no router runs here: the API
answers 202, and the command is read back from Kafka)."""

import csv
import io
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from parley_business.flows import FlowVersion
from parley_contracts import THREAD_COMMAND, Channel, Contact, ThreadStatus
from parley_conversations import flows as engine
from parley_conversations.documents import ThreadRecord
from parley_conversations.flow_sessions import FlowSessions
from parley_conversations.flows import Answer, FlowSession, Outcome, SessionState
from tests.auth import KEY, login
from tests.kafka_helpers import wait_for_records

pytestmark = pytest.mark.integration
SECRET = "it-flow-signing-secret"
QUESTIONS = [
    {"id": "name", "text": {"en": "What is your name?"}},
    {"id": "email", "kind": "email", "text": {"en": "Your email?"}},
    {
        "id": "plan",
        "kind": "choice",
        "text": {"en": "Which plan?"},
        "choices": [{"id": "basic", "title": {"en": "Basic"}}, {"id": "pro", "title": {"en": "Pro"}}],
    },
]


def definition(**changes) -> dict:
    return {
        "name": "Sign-up",
        "trigger": {"keywords": {"en": ["sign up"]}, "button": "signup"},
        "questions": QUESTIONS,
        "endpoint": {"url": "https://crm.example/signups", "timeout_seconds": 5, "retries": 2, "secret": SECRET},
        "final_message": {"en": "Welcome aboard!"},
        **changes,
    }


@pytest.fixture(scope="module")
def stack(services):
    running = services("dashboard-api", COMMAND_WAIT_SECONDS="0.5", LOGIN_MAX_FAILURES_PER_ADDRESS="1000")
    running.seed_demo()  # admin@ (admin of demo), ana@ (operator of demo)
    return running


@pytest.fixture(scope="module")
def api(stack) -> str:
    return stack.url("dashboard-api")


async def account(http, api: str, role: str, tenant: str) -> dict[str, str]:
    """A new person of `role` in `tenant` (made with the integration key), logged in."""
    email = f"{role}-{uuid.uuid4().hex[:6]}@{tenant}.example"
    body = {"email": email, "name": role.title(), "role": role, "tenants": [tenant], "password": "flows-password-1"}
    created = await http.post(f"{api}/api/operators", json=body, headers=KEY)
    assert created.status_code == 201, created.text
    return await login(http, api, email, "flows-password-1")


def flow_id() -> str:
    return f"signup-{uuid.uuid4().hex[:6]}"


async def test_an_admin_defines_changes_and_deletes_a_flow_and_its_secret_stays_sealed(api, http, db):
    admin = await login(http, api, "admin@demo.local")
    fid = flow_id()
    url = f"{api}/api/tenants/demo/flows/{fid}"

    created = await http.put(url, json=definition(), headers=admin)
    assert created.status_code == 201, created.text
    assert created.json()["version"] == 1 and created.json()["secret_set"] is True
    changed = await http.put(
        url, json=definition(name="Sign-up v2", endpoint={"url": "https://crm.example/v2"}), headers=admin
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["version"] == 2 and changed.json()["secret_set"] is True  # kept without resending it
    current = await http.get(url, headers=admin)
    first = await http.get(f"{url}/versions/1", headers=admin)
    listed = await http.get(f"{api}/api/tenants/demo/flows", headers=admin)
    assert current.json()["name"] == "Sign-up v2" and first.json()["name"] == "Sign-up"
    assert fid in [f["flow_id"] for f in listed.json()]
    for response in (created, changed, current, first, listed):
        assert SECRET not in response.text
    stored = await db["flow_versions"].find({"_id": {"$in": [f"demo:{fid}:1", f"demo:{fid}:2"]}}).to_list()
    assert len(stored) == 2 and all(d["secret"] for d in stored) and SECRET not in str(stored)  # sealed at rest

    one_choice = [*QUESTIONS[:2], {**QUESTIONS[2], "choices": QUESTIONS[2]["choices"][:1]}]
    refused = await http.put(url, json=definition(questions=one_choice), headers=admin)
    assert refused.status_code == 422 and "2 to 10 choices" in refused.text and SECRET not in refused.text
    assert (
        await http.put(f"{api}/api/tenants/demo/flows/Not_Valid", json=definition(), headers=admin)
    ).status_code == 422
    assert (await http.get(url, headers=admin)).json()["version"] == 2  # nothing saved by the refusals

    ana = await login(http, api, "ana@demo.local")  # an operator
    assert (await http.get(f"{api}/api/tenants/demo/flows", headers=ana)).status_code == 403
    assert (await http.put(url, json=definition(), headers=ana)).status_code == 403
    manager = await account(http, api, "manager", "demo")
    assert (await http.get(url, headers=manager)).status_code == 200
    assert (await http.put(url, json=definition(), headers=manager)).status_code == 403
    elsewhere = await account(http, api, "admin", "aurora")  # another unit's admin: demo does not exist for them
    assert (await http.get(f"{api}/api/tenants/demo/flows", headers=elsewhere)).status_code == 404
    assert (await http.get(url, headers=elsewhere)).status_code == 404
    assert (await http.delete(url, headers=elsewhere)).status_code == 404
    assert (await http.get(f"{api}/api/tenants/aurora/flows", headers=elsewhere)).json() == []

    assert (await http.delete(url, headers=admin)).status_code == 204
    assert (await http.delete(url, headers=admin)).status_code == 404
    assert (await http.get(url, headers=admin)).status_code == 404


async def test_the_dry_run_walks_the_questions_and_asks_again_on_a_bad_email(api, http, db):
    admin = await login(http, api, "admin@demo.local")
    fid = flow_id()
    assert (await http.put(f"{api}/api/tenants/demo/flows/{fid}", json=definition(), headers=admin)).status_code == 201
    messages = [
        {"text": "Ana Lima", "payload": None},
        {"text": "ana at example", "payload": None},
        {"text": "ana@example.com", "payload": None},
        {"text": "Pro", "payload": "pro"},
    ]
    manager = await account(http, api, "manager", "demo")
    tried = await http.post(
        f"{api}/api/tenants/demo/flows/{fid}/test", json={"messages": messages, "language": "en"}, headers=manager
    )
    assert tried.status_code == 200, tried.text
    out = tried.json()
    said = [" | ".join(line["text"] for line in step["lines"]) for step in out["steps"]]
    assert "What is your name?" in said[0] and "Your email?" in said[1]
    assert "Your email?" in said[2] and said[2] != said[1]  # asked again, with a hint
    assert "Which plan?" in said[3]
    assert [b["id"] for b in out["steps"][3]["lines"][0]["quick_replies"]] == ["basic", "pro"]
    assert out["state"] == "processing" and out["answers"] == {
        "name": "Ana Lima",
        "email": "ana@example.com",
        "plan": "pro",
    }
    assert out["would_submit"]["answers"] == out["answers"] and out["would_submit"]["flow_id"] == fid
    assert SECRET not in tried.text
    assert await db["flow_sessions"].count_documents({"flow_id": fid}) == 0  # a dry run stores nothing


def a_session(flow: FlowVersion, n: int, state: SessionState, **answers: str | None) -> FlowSession:
    at = datetime(2026, 3, 1, 12, 0, tzinfo=UTC) + timedelta(minutes=n)
    started = engine.start(
        flow,
        session_id=f"fls_it_{uuid.uuid4().hex[:8]}",
        thread_key=f"th_flow_{uuid.uuid4().hex[:8]}",
        channel="whatsapp",
        contact=Contact(id=f"52155577{n:03d}", name=f"Customer {n}"),
        language="en",
        at=at,
    ).session
    given = {q: Answer(question_id=q, value=v, text=v or "skip", at=at) for q, v in answers.items()}
    return started.model_copy(
        update={
            "answers": given,
            "position": len(given),
            "state": state,
            "outcome": Outcome.COMPLETED if state == SessionState.ENDED else None,
            "ended_at": at + timedelta(minutes=3) if state == SessionState.ENDED else None,
            "last_error": "HTTP 503" if state == SessionState.FAILED else None,
        }
    )


async def test_sessions_are_listed_shown_and_exported(api, http, db):
    admin = await login(http, api, "admin@demo.local")
    fid = flow_id()
    saved = await http.put(f"{api}/api/tenants/demo/flows/{fid}", json=definition(), headers=admin)
    flow = FlowVersion.model_validate(saved.json())
    done = a_session(flow, 1, SessionState.ENDED, name="=cmd|' /C calc'!A0", email="a@example.com", plan="basic")
    failed = a_session(flow, 2, SessionState.FAILED, name="Ben", email="b@example.com", plan="pro")
    asking = a_session(flow, 3, SessionState.WAITING, name="Cleo")
    store = FlowSessions(db)
    for s in (done, failed, asking):
        await store.save(s)

    base = f"{api}/api/tenants/demo/flow-sessions"
    listed = (await http.get(base, params={"flow_id": fid}, headers=admin)).json()
    assert [s["session_id"] for s in listed["items"]] == [asking.session_id, failed.session_id, done.session_id]
    assert [(s["answered"], s["questions"]) for s in listed["items"]] == [(1, 3), (3, 3), (3, 3)]
    only_failed = (await http.get(base, params={"flow_id": fid, "state": "failed"}, headers=admin)).json()
    assert [(s["session_id"], s["last_error"]) for s in only_failed["items"]] == [(failed.session_id, "HTTP 503")]
    detail = await http.get(f"{base}/{failed.session_id}", headers=admin)
    assert detail.status_code == 200 and detail.json()["answers"]["plan"]["value"] == "pro"
    elsewhere = await account(http, api, "admin", "aurora")
    assert (
        await http.get(f"{api}/api/tenants/aurora/flow-sessions/{failed.session_id}", headers=elsewhere)
    ).status_code == 404

    exported = await http.get(f"{api}/api/tenants/demo/flows/{fid}/sessions.csv", headers=admin)
    assert exported.status_code == 200 and exported.headers["content-type"].startswith("text/csv")
    assert exported.headers["content-disposition"] == f'attachment; filename="{fid}-sessions.csv"'
    header, *rows = list(csv.reader(io.StringIO(exported.text)))
    assert header[-3:] == ["name", "email", "plan"] and header[:2] == ["session_id", "thread_key"]
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    assert list(by_id) == [done.session_id, failed.session_id, asking.session_id]  # oldest first
    assert by_id[done.session_id]["name"] == "'=cmd|' /C calc'!A0"  # never a formula in a spreadsheet
    assert by_id[asking.session_id]["email"] == "" and by_id[failed.session_id]["state"] == "failed"


async def test_reset_and_retry_go_to_the_router_as_commands_naming_the_session(api, http, db, infra):
    admin = await login(http, api, "admin@demo.local")
    fid = flow_id()
    saved = await http.put(f"{api}/api/tenants/demo/flows/{fid}", json=definition(), headers=admin)
    flow = FlowVersion.model_validate(saved.json())
    failed = a_session(flow, 4, SessionState.FAILED, name="Dee", email="d@example.com", plan="basic")
    asking = a_session(flow, 5, SessionState.WAITING, name="Eli")
    store = FlowSessions(db)
    for s in (failed, asking):
        await store.save(s)
        at = s.started_at
        thread = ThreadRecord(
            thread_key=s.thread_key,
            tenant="demo",
            channel=Channel.WHATSAPP,
            account_id="1",
            contact=s.contact,
            status=ThreadStatus.BOT,
            created_at=at,
            updated_at=at,
            flow=s,
        )
        await db["threads"].insert_one(thread.to_document())
    manager = await account(http, api, "manager", "demo")
    base = f"{api}/api/tenants/demo/flow-sessions"

    retried = await http.post(f"{base}/{failed.session_id}/retry", headers=manager)
    reset = await http.post(f"{base}/{asking.session_id}/reset", headers=manager)
    for response in (retried, reset):  # no router in this stack: sent, not answered
        assert response.status_code == 202, response.text
        assert response.json()["outcome"] == "pending"
    commands = await wait_for_records(
        infra.kafka_bootstrap,
        THREAD_COMMAND,
        lambda v: v.get("session_id") in (failed.session_id, asking.session_id),
        count=2,
        timeout=20,
    )
    by_action = {c["action"]: c for c in commands}
    assert set(by_action) == {"flow_retry", "flow_reset"}
    assert by_action["flow_retry"]["session_id"] == failed.session_id
    assert by_action["flow_retry"]["thread_key"] == failed.thread_key
    assert by_action["flow_retry"]["command_id"] == retried.json()["command_id"]
    assert by_action["flow_reset"]["session_id"] == asking.session_id
    assert by_action["flow_reset"]["tenant"] == "demo" and by_action["flow_reset"]["channel"] == "whatsapp"
    assert (
        by_action["flow_reset"]["actor"]["kind"] == "operator" and by_action["flow_reset"]["actor"]["name"] == "Manager"
    )

    # What the router would refuse is refused at once: a session that is not waiting for a retry.
    early = await http.post(f"{base}/{asking.session_id}/retry", headers=manager)
    assert early.status_code == 409 and "cannot be retried" in early.json()["detail"]
    ana = await login(http, api, "ana@demo.local")
    assert (await http.post(f"{base}/{asking.session_id}/reset", headers=ana)).status_code == 403
