"""Question flows through the whole running system: an admin defines a flow through the API, customers on WhatsApp
and Telegram (the sandbox) run through it — buttons, re-asks, skipped questions, where they are — their answers
go to the business's API (the sandbox plays it: it checks the signature and answers as scripted), whose replies
add questions or end the flow; the API failing, timing out and recovering; a request for a person mid-flow;
starting over; an operator's retry and reset; idle abandonment; and a SIGKILL of the router mid-flow."""

import asyncio
import csv
import io
import uuid
from collections.abc import Iterator

import httpx
import pytest

from parley_devstack import Infrastructure
from parley_devstack.services import RunningStack
from tests.auth import KEY, login
from tests.customers import Phone, TelegramCustomer, customer
from tests.kafka_helpers import eventually
from tests.stack import running_stack

pytestmark = pytest.mark.e2e
SECRET = "sandbox-flow-secret"  # SANDBOX_FLOW_API_SECRET's default: the sandbox checks signatures with it


@pytest.fixture(scope="module")
def stack(infra: Infrastructure, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningStack]:
    # Timers every half second (retries, overdue answers, idle time); flow definitions read at once.
    with running_stack(
        infra,
        tmp_path_factory.mktemp("flows"),
        ROUTER_TIMER_SECONDS="0.5",
        BOT_CONFIG_REFRESH_SECONDS="0",
        ROSTER_REFRESH_SECONDS="0",
    ) as running:
        yield running


class FlowApi:
    """The business's API, played by the sandbox: one endpoint per test."""

    def __init__(self, http: httpx.AsyncClient, stack: RunningStack) -> None:
        self.http, self.base = http, stack.url("sandbox") + "/sandbox/flow-api/"
        self.endpoint = "ep-" + uuid.uuid4().hex[:10]
        self.url = self.base + self.endpoint

    async def script(self, *responses: dict) -> None:
        scripted = await self.http.put(self.url + "/script", json={"responses": list(responses)})
        assert scripted.status_code == 200, scripted.text

    async def calls(self) -> list[dict]:
        return (await self.http.get(self.url + "/calls")).json()["calls"]


def question(qid: str, text: str, kind: str = "text", **extra: object) -> dict:
    return {"id": qid, "text": {"en": text}, "kind": kind, **extra}


async def define(
    http: httpx.AsyncClient,
    stack: RunningStack,
    flow_id: str,
    keyword: str,
    api: FlowApi | None,
    questions: list[dict],
    failure_message: dict | None = None,
    **endpoint: object,
) -> dict:
    body: dict = {
        "name": flow_id.replace("-", " ").title(),
        "trigger": {"keywords": {"en": [keyword]}},
        "questions": questions,
    }
    if failure_message:
        body["failure_message"] = failure_message
    if api is not None:
        body["endpoint"] = {
            "url": api.url,
            "timeout_seconds": 5,
            "retries": 2,
            "backoff_seconds": 0.5,
            "secret": SECRET,
            **endpoint,
        }
    response = await http.put(stack.url("dashboard-api") + f"/api/tenants/demo/flows/{flow_id}", json=body, headers=KEY)
    assert response.status_code in (200, 201), response.text
    return response.json()


async def sessions(http: httpx.AsyncClient, stack: RunningStack, **filters: str) -> list[dict]:
    response = await http.get(
        stack.url("dashboard-api") + "/api/tenants/demo/flow-sessions", params=filters, headers=KEY
    )
    assert response.status_code == 200, response.text
    return response.json()["items"]


async def session_of(http, stack, thread_key: str, ready) -> dict | None:
    found = [s for s in await sessions(http, stack, thread_key=thread_key) if ready(s)]
    if not found:
        return None
    detail = await http.get(
        stack.url("dashboard-api") + f"/api/tenants/demo/flow-sessions/{found[0]['session_id']}", headers=KEY
    )
    return detail.json()


async def thread(http, stack, key: str) -> dict:
    return (await http.get(stack.url("dashboard-api") + f"/api/threads/{key}", headers=KEY)).json()


async def notes(http, stack, key: str) -> list[dict]:
    response = await http.get(stack.url("dashboard-api") + f"/api/threads/{key}/messages", headers=KEY)
    return [m for m in response.json()["items"] if m["type"] == "flow"]


async def next_message(person, count: int) -> dict:
    """The business's `count`-th message to the customer (1-based), exactly: no more have arrived."""
    got = await person.wait_for(count)
    await asyncio.sleep(0.3)
    got = await person.received()
    assert len(got) == count, [m["text"] for m in got]
    return got[-1]


async def test_a_whatsapp_customer_runs_a_flow_with_buttons_reasks_and_questions_the_api_adds(stack, http):
    api = FlowApi(http, stack)
    await api.script(
        {
            "kind": "add_questions",
            "message": "Thanks, almost done.",
            "questions": [{"id": "order", "text": "What is your order number?", "kind": "number"}],
        },
        {"kind": "finish", "final_message": "Your claim is filed: we'll write within a day."},
    )
    defined = await define(
        http,
        stack,
        "claims",
        "file a claim",
        api,
        [
            question("name", "What is your name?"),
            question("email", "What is your email?", "email"),
            question("urgent", "Is it urgent?", "yes_no"),
            question("notes", "Anything else we should know?", required=False),
        ],
    )
    assert defined["version"] == 1 and defined["secret_set"] is True and SECRET not in str(defined)
    phone = Phone(http, stack, customer(), name="Ana Lima")

    await phone.say("Hello, I need to file a claim")
    assert (await next_message(phone, 1))["text"] == "Question 1 of 4\nWhat is your name?"
    await phone.say("Ana Lima")
    assert (await next_message(phone, 2))["text"] == "Question 2 of 4\nWhat is your email?"
    await phone.say("ana at example")
    reask = await next_message(phone, 3)
    assert "name@example.com" in reask["text"] and reask["text"].endswith("What is your email?")
    await phone.say("Ana@Example.com")
    urgent = await next_message(phone, 4)
    assert urgent["text"].endswith("Is it urgent?")
    assert [b["id"] for b in urgent["buttons"]] == ["yes", "no"], "a yes/no question shows native buttons"
    await phone.tap("yes", "Yes")
    notes_question = await next_message(phone, 5)
    assert [b["id"] for b in notes_question["buttons"]] == ["skip"]
    await phone.tap("skip", "Skip")
    assert (await next_message(phone, 6))["text"] == "Thanks, almost done.\nWhat is your order number?"
    await phone.say("the big one")
    assert (await next_message(phone, 7))["text"].startswith("Please send a number.")
    await phone.say("48213")
    assert (await next_message(phone, 8))["text"] == "Your claim is filed: we'll write within a day."

    first, second = await api.calls()
    assert first["signature_ok"] and second["signature_ok"]
    assert first["body"]["answers"] == {"name": "Ana Lima", "email": "ana@example.com", "urgent": "yes"}
    assert first["body"]["user_phone"] == phone.wa_id and first["body"]["thread_key"] == phone.thread_key
    assert first["body"]["round"] == 1 and second["body"]["round"] == 2
    assert second["body"]["answers"]["order"] == "48213"
    assert set(first["body"]["answered_at"]) == {"name", "email", "urgent"}

    session = await eventually(lambda: session_of(http, stack, phone.thread_key, lambda s: s["state"] == "ended"))
    assert session["outcome"] == "completed" and session["flow_version"] == 1
    assert session["answers"]["notes"]["value"] is None and session["answers"]["urgent"]["value"] == "yes"
    assert (await thread(http, stack, phone.thread_key))["status"] == "bot", "a flow is not a handoff"
    exported = await http.get(stack.url("dashboard-api") + "/api/tenants/demo/flows/claims/sessions.csv", headers=KEY)
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert [r["email"] for r in rows if r["thread_key"] == phone.thread_key] == ["ana@example.com"]


async def test_a_telegram_flow_outlives_an_api_that_fails_and_times_out_then_recovers(stack, http):
    api = FlowApi(http, stack)
    await api.script(
        {"kind": "fail", "status": 500},
        {"kind": "timeout", "delay_seconds": 20},
        {"kind": "finish", "final_message": "Booked!"},
    )
    await define(
        http,
        stack,
        "visits",
        "book a visit",
        api,
        [
            question("day", "Which day would you like to come?", "date"),
            question("people", "How many people?", "number", minimum=1, maximum=10),
            question("parking", "Do you need parking?", "yes_no"),
        ],
        timeout_seconds=1,
        retries=3,
    )
    person = TelegramCustomer(http, stack)

    await person.say("Can I book a visit?")
    assert (await next_message(person, 1))["text"] == "Question 1 of 3\nWhich day would you like to come?"
    await person.say("tomorrow")
    assert "day/month/year" in (await next_message(person, 2))["text"]
    await person.say("24/12/2026")
    await next_message(person, 3)
    await person.say("4")
    parking = await next_message(person, 4)
    assert [b["callback_data"] for b in parking["buttons"]] == ["yes", "no"]
    await person.send(callback_data="no")
    delayed = await next_message(person, 5)
    assert "taking longer than usual" in delayed["text"], "told once, gracefully"
    final = await eventually(lambda: _last_is(person, "Booked!"), timeout=60)
    texts = [m["text"] for m in final]
    assert texts.count(delayed["text"]) == 1 and len(texts) == 6

    calls = await api.calls()
    assert [c["answered"]["kind"] for c in calls] == ["fail", "timeout", "finish"]
    assert len({c["idempotency_key"] for c in calls}) == 1 and len({c["delivery"] for c in calls}) == 3
    assert calls[0]["body"]["answers"] == {"day": "2026-12-24", "people": "4", "parking": "no"}
    session = await eventually(lambda: session_of(http, stack, person.thread_key, lambda s: s["state"] == "ended"))
    assert session["attempt"] == 3 and session["outcome"] == "completed"


async def _last_is(person, text: str) -> list[dict] | None:
    got = await person.received()
    return got if got and got[-1]["text"] == text else None


async def test_an_api_down_for_good_hands_the_customer_to_a_person_who_can_retry(stack, http):
    api = FlowApi(http, stack)
    await api.script({"kind": "fail", "status": 503}, {"kind": "fail", "status": 503})
    await define(
        http,
        stack,
        "callback",
        "call me back",
        api,
        [question("phone", "Your phone number?", "phone")],
        retries=1,
        failure_message={"en": "Sorry, our system is down. A colleague will call you."},
    )
    phone = Phone(http, stack, customer())
    await phone.say("please call me back")
    await next_message(phone, 1)
    await phone.say("+34 612 345 678")
    await phone.wait_for(3)
    texts = [m["text"] for m in await phone.received()]
    assert texts[-1] == "Sorry, our system is down. A colleague will call you."
    waiting = await eventually(lambda: _status(http, stack, phone.thread_key, "needs_human"), timeout=30)
    assert waiting["handoff_reason"] == "flow"
    failed = await eventually(lambda: session_of(http, stack, phone.thread_key, lambda s: s["state"] == "failed"))
    assert failed["answers"]["phone"]["value"] == "+34612345678" and "503" in failed["last_error"]
    assert any("phone: +34612345678" in n["text"] for n in await notes(http, stack, phone.thread_key))

    # The API is back: an operator retries; the answers go out again, nothing re-asked.
    await api.script({"kind": "finish"})
    api_url = stack.url("dashboard-api")
    manager = await login(http, api_url, "admin@demo.local")
    retried = await http.post(f"{api_url}/api/tenants/demo/flow-sessions/{failed['session_id']}/retry", headers=manager)
    assert retried.status_code in (200, 202), retried.text
    done = await eventually(lambda: session_of(http, stack, phone.thread_key, lambda s: s["state"] == "ended"))
    assert done["outcome"] == "completed" and len(await api.calls()) == 3
    assert len(await phone.received()) == 3, "a person holds the thread now: the bot says nothing more"


async def _status(http, stack, key: str, status: str) -> dict | None:
    found = await thread(http, stack, key)
    return found if found.get("status") == status else None


async def test_asking_for_a_person_mid_flow_hands_off_with_the_answers_so_far(stack, http):
    await define(
        http,
        stack,
        "survey",
        "take the survey",
        None,
        [
            question("name", "What is your name?"),
            question("city", "Which city?"),
            question("age", "Age?", "number"),
        ],
    )
    phone = Phone(http, stack, customer())
    await phone.say("I'd like to take the survey")
    await next_message(phone, 1)
    await phone.say("Bruno")
    await next_message(phone, 2)
    await phone.say("I want to talk to a real person, please")
    holding = await next_message(phone, 3)
    assert "person from our team" in holding["text"]
    handed = await eventually(lambda: _status(http, stack, phone.thread_key, "needs_human"), timeout=30)
    assert handed["handoff_reason"] == "customer_asked"
    [note] = await eventually(lambda: notes(http, stack, phone.thread_key))
    assert "name: Bruno" in note["text"]
    ended = await eventually(lambda: session_of(http, stack, phone.thread_key, lambda s: s["state"] == "ended"))
    assert ended["outcome"] == "handed_off"


async def test_start_over_restarts_the_flow_and_an_operator_can_reset_it(stack, http):
    await define(
        http,
        stack,
        "signup",
        "sign me up",
        None,
        [
            question("name", "What is your name?"),
            question("email", "Your email?", "email"),
            question(
                "plan",
                "Which plan?",
                "choice",
                choices=[{"id": "basic", "title": {"en": "Basic"}}, {"id": "pro", "title": {"en": "Pro"}}],
            ),
        ],
    )
    phone = Phone(http, stack, customer())
    await phone.say("sign me up")
    await next_message(phone, 1)
    await phone.say("Carla")
    await next_message(phone, 2)
    await phone.say("start over")
    assert (await next_message(phone, 3))["text"] == "Question 1 of 3\nWhat is your name?"
    reset = await eventually(lambda: session_of(http, stack, phone.thread_key, lambda s: s["outcome"] == "reset"))
    assert reset["answers"]["name"]["value"] == "Carla", "the first session keeps what was answered"
    live = await eventually(
        lambda: session_of(http, stack, phone.thread_key, lambda s: s["state"] == "waiting_for_answer")
    )
    response = await http.post(
        stack.url("dashboard-api") + f"/api/tenants/demo/flow-sessions/{live['session_id']}/reset", headers=KEY
    )
    assert response.status_code == 200 and response.json()["outcome"] == "applied", response.text
    assert not await session_of(http, stack, phone.thread_key, lambda s: s["state"] == "waiting_for_answer")
    await phone.say("Carla")  # no flow runs now: the bot answers as usual, and asks no flow question
    after = await next_message(phone, 4)
    assert "email" not in after["text"].lower()


async def test_a_router_killed_mid_flow_loses_no_answer_and_asks_no_question_twice(stack, http):
    await define(
        http, stack, "intake", "start intake", None, [question(f"q{n}", f"Intake question {n}?") for n in range(1, 6)]
    )
    phone = Phone(http, stack, customer())
    await phone.say("start intake")
    await next_message(phone, 1)
    for n in range(1, 6):
        await phone.say(f"answer {n}")
        if n in (2, 4):  # mid-flow, while the answer may be half-applied
            stack.children["router"].kill()
            stack.stop("router")
            stack.start("router")
        await phone.wait_for(n + 1, timeout=90)
    await asyncio.sleep(1)
    texts = [m["text"] for m in await phone.received()]
    assert len(texts) == len(set(texts)) == 6, texts
    done = await eventually(lambda: session_of(http, stack, phone.thread_key, lambda s: s["state"] == "ended"))
    assert {k: a["value"] for k, a in done["answers"].items()} == {f"q{n}": f"answer {n}" for n in range(1, 6)}


async def test_a_customer_gone_quiet_mid_flow_is_abandoned(stack, http):
    api_url = stack.url("dashboard-api")
    admin = await login(http, api_url, "admin@demo.local")
    before = (await http.get(api_url + "/api/business-units/demo", headers=admin)).json()
    short = {k: before[k] for k in ("name", "logo_url", "max_open_per_operator", "email_managers")}
    await define(http, stack, "quiet", "quiet flow", None, [question("a", "First?"), question("b", "Second?")])
    assert (
        await http.put(api_url + "/api/business-units/demo", json={**short, "idle_timeout_seconds": 3}, headers=admin)
    ).status_code == 200
    try:
        phone = Phone(http, stack, customer())
        await phone.say("quiet flow please")
        await next_message(phone, 1)
        abandoned = await eventually(
            lambda: session_of(http, stack, phone.thread_key, lambda s: s["state"] == "abandoned"), timeout=30
        )
        assert abandoned["outcome"] == "idle"
        assert (await thread(http, stack, phone.thread_key))["status"] == "resolved"
    finally:
        restore = {**short, "idle_timeout_seconds": before["idle_timeout_seconds"]}
        await http.put(api_url + "/api/business-units/demo", json=restore, headers=admin)
