"""dashboard-api's protections as a real process (real Kafka, FerretDB, the local mail server): the per-caller
rate limit, security headers, the docs behind credentials in production, request size limits, the two
requests an outside probe turned into 500s, and no secret in the logs (login, API keys, SMTP)."""

import json
import uuid
from datetime import UTC, datetime

import pytest
import websockets

from parley_contracts import (
    Actor,
    ActorKind,
    Channel,
    Contact,
    ThreadStatus,
    ThreadUpdated,
    ThreadView,
    Transition,
)
from tests.auth import INTEGRATION_KEY, KEY, login
from tests.kafka_helpers import eventually, publish_event

pytestmark = pytest.mark.integration

SMTP_SECRET = f"smtp-secret-{uuid.uuid4().hex}"
PROBES = (
    "/api/threads?page=4611686018427387904",
    f"/api/tenants/{'t' * 10_000}/bot-config",
    f"/api/business-units/{'t' * 10_000}",
    f"/api/team?tenant={'t' * 10_000}",
)


@pytest.fixture(scope="module")
def production(services):
    """As docker compose runs it: production mode; SMTP with a login whose password must never be logged."""
    running = services(
        "dashboard-api",
        PARLEY_ENVIRONMENT="production",
        SMTP_USERNAME="parley-it",
        SMTP_PASSWORD=SMTP_SECRET,
        LOGIN_MAX_FAILURES_PER_ADDRESS="1000",
    )
    running.seed_demo()
    return running


@pytest.fixture(scope="module")
def limited(services):
    """A tiny rate limit: three requests at once, then one every two seconds."""
    running = services(
        "dashboard-api", DASHBOARD_RATE_LIMIT_PER_SECOND="0.5", DASHBOARD_RATE_LIMIT_BURST="3", SMTP_HOST=""
    )
    running.seed_demo()
    return running


async def test_over_the_limit_a_caller_gets_429_with_retry_after_and_others_go_on(limited, http):
    api = limited.url("dashboard-api")
    ben = await login(http, api, "ben@demo.local")
    answers = [await http.get(api + "/api/me", headers=ben) for _ in range(5)]
    assert [a.status_code for a in answers[:3]] == [200, 200, 200]
    refused = answers[3]
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
    assert refused.headers["x-content-type-options"] == "nosniff"
    assert (await http.get(api + "/api/me", headers=KEY)).status_code == 200  # another principal, its own bucket
    assert (await http.get(api + "/healthz")).status_code == 200
    again = await eventually(
        lambda: _status_is(http, api + "/api/me", ben, 200), timeout=int(refused.headers["retry-after"]) + 5
    )
    assert again, "the bucket did not refill"


async def _status_is(http, url: str, headers: dict[str, str], code: int) -> bool:
    return (await http.get(url, headers=headers)).status_code == code


async def test_every_response_carries_security_headers(production, http):
    api = production.url("dashboard-api")
    for path, headers in (("/healthz", {}), ("/api/me", KEY), ("/api/threads", {}), ("/api/media/med_none", KEY)):
        response = await http.get(api + path, headers=headers)
        assert response.headers["x-content-type-options"] == "nosniff", path
        assert response.headers["x-frame-options"] == "DENY", path
        assert response.headers["referrer-policy"] == "no-referrer", path
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"], path
        assert response.headers["cache-control"] == "no-store", path


async def test_in_production_the_docs_need_credentials(production, http):
    api = production.url("dashboard-api")
    for path in ("/docs", "/redoc", "/openapi.json"):
        refused = await http.get(api + path)
        assert refused.status_code == 401 and refused.headers["www-authenticate"] == "Bearer", path
    admin = await login(http, api, "admin@demo.local")
    for headers in (KEY, admin):
        spec = await http.get(api + "/openapi.json", headers=headers)
        assert spec.status_code == 200 and "/api/dead-letters" in spec.json()["paths"]
    page = await http.get(api + "/docs", headers=KEY)
    assert page.status_code == 200 and "/vendor/swagger-ui/" in page.text  # served from here: works offline
    assert "https://" not in page.headers["content-security-policy"]


async def test_the_probes_that_got_500_now_get_422(production, http):
    api = production.url("dashboard-api")
    for path in PROBES:
        response = await http.get(api + path, headers=KEY)
        assert response.status_code == 422, (path[:60], response.status_code)


async def test_bodies_over_the_limit_get_413(production, http):
    api = production.url("dashboard-api")
    body = b'{"text": "' + b"x" * (2 * 2**20) + b'"}'
    response = await http.post(
        api + "/api/threads/th_none/messages", content=body, headers={**KEY, "content-type": "application/json"}
    )
    assert response.status_code == 413


async def test_no_secret_reaches_the_logs(production, http, db):
    """Logins that fail and succeed, an API key made and used, a too-long password refused, and a manager's
    email sent with an SMTP login: none of the secrets involved appears in the service's log."""
    api = production.url("dashboard-api")
    wrong = f"wrong-{uuid.uuid4().hex}"
    assert (
        await http.post(api + "/api/auth/login", json={"email": "ana@demo.local", "password": wrong})
    ).status_code == 401
    long_secret = "long-" + uuid.uuid4().hex * 40
    refused = await http.post(api + "/api/auth/login", json={"email": "ana@demo.local", "password": long_secret})
    assert refused.status_code == 422 and long_secret not in refused.text
    session = await login(http, api, "admin@demo.local")
    token = session["Authorization"].removeprefix("Bearer ")
    made = await http.post(api + "/api/api-keys", json={"name": "it", "tenants": ["demo"]}, headers=session)
    key = made.json()["key"]
    assert (await http.get(api + "/api/me", headers={"X-API-Key": key})).status_code == 200
    assert (await http.get(api + "/api/me", headers={"X-API-Key": key + "x"})).status_code == 401
    async with websockets.connect(f"{api.replace('http', 'ws')}/api/live?access_token={token}") as live:
        assert json.loads(await live.recv())["type"] == "hello"  # the console's way in: its token in the URL
    thread_key = await _handoff_announced(production)
    await eventually(lambda: db["notifications"].find_one({"thread_key": thread_key, "email": True}), timeout=30)
    outbox = await eventually(lambda: db["email_outbox"].find_one({"state": {"$in": ["sent", "failed"]}}), timeout=30)
    assert outbox is not None, "no email was attempted"
    log = (production.log_dir / "dashboard-api.log").read_text()
    assert "auth.login_failed" in log and ("email.sent" in log or "email.failed" in log)
    assert "/api/live?access_token=[redacted]" in log  # the line is there, without the token
    for secret in (wrong, long_secret, "parley-demo", token, key, INTEGRATION_KEY, SMTP_SECRET):
        assert secret not in log, f"a secret is in the log: {secret[:12]}…"


async def _handoff_announced(stack) -> str:
    """A `thread.updated` as the router makes it when a conversation needs a person: managers get an email."""
    at = datetime.now(UTC)
    thread_key = f"th_sec_{uuid.uuid4().hex[:12]}"
    thread = ThreadView(
        thread_key=thread_key,
        tenant="demo",
        channel=Channel.WHATSAPP,
        account_id="1",
        contact=Contact(id="5215550000", name="Probe"),
        status=ThreadStatus.NEEDS_HUMAN,
        created_at=at,
        updated_at=at,
    )
    handoff = Transition(
        trigger="handoff",
        from_status=ThreadStatus.BOT,
        to_status=ThreadStatus.NEEDS_HUMAN,
        actor=Actor(kind=ActorKind.BOT),
        reason="customer_asked",
        at=at,
    )
    update = ThreadUpdated(
        tenant="demo", channel=Channel.WHATSAPP, thread_key=thread_key, cause="message.analyzed", thread=thread,
        transitions=[handoff],
    )  # fmt: skip
    await publish_event(stack.env["KAFKA_BOOTSTRAP_SERVERS"], update)
    return thread_key
