"""dashboard-api's protections, in process (no database is reached: the caller is set by a dependency override):
the rate limit, security headers, docs behind credentials in production, body limits, bounded pages and
business-unit ids, and validation errors that do not echo what was sent."""

import json
import re
from collections.abc import AsyncIterator, Callable
from unittest.mock import MagicMock

import httpx
import pytest
from starlette.datastructures import Headers

from parley_conversations.operators import Role
from parley_dashboard.app import build_services, create_app
from parley_dashboard.auth.principal import Principal
from parley_dashboard.deps import bearer_token, caller
from parley_dashboard.security import API_POLICY, CONSOLE_POLICY, DOCS_POLICY, security_headers, upload_limit
from parley_dashboard.settings import DashboardSettings

ADMIN = Principal("integration", "key_unit", "unit", Role.ADMIN, None)
Client = Callable[..., httpx.AsyncClient]


@pytest.fixture
async def client() -> AsyncIterator[Client]:
    opened: list[httpx.AsyncClient] = []

    def make(principal: Principal | None = ADMIN, **settings: object) -> httpx.AsyncClient:
        config = DashboardSettings(**settings)  # type: ignore[arg-type]
        app = create_app(config)
        app.state.services = build_services(config, MagicMock(), broker=None)  # type: ignore[arg-type]
        app.dependency_overrides[caller] = lambda: principal
        http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")
        opened.append(http)
        return http

    yield make
    for http in opened:
        await http.aclose()


def test_security_headers_keep_what_a_route_set():
    added = security_headers("/api/threads", present=["content-type"])
    assert added["x-content-type-options"] == "nosniff" and added["x-frame-options"] == "DENY"
    assert added["referrer-policy"] == "no-referrer" and added["cache-control"] == "no-store"
    assert added["content-security-policy"] == API_POLICY
    assert "cache-control" not in security_headers("/api/media/med_1", present=["cache-control"])
    assert security_headers("/docs", present=[])["content-security-policy"] == DOCS_POLICY
    assert "https://" not in DOCS_POLICY and "'unsafe-inline'" not in API_POLICY  # docs work offline
    console = security_headers("/inbox/mine", present=[])["content-security-policy"]
    assert console == CONSOLE_POLICY and "'unsafe-inline'" not in console and "https://" not in console
    assert security_headers("/api", present=[])["content-security-policy"] == API_POLICY


def test_the_upload_limit_fits_a_full_reply_and_a_document():
    assert upload_limit(10, 20 * 2**20) >= 10 * 16 * 2**20
    assert upload_limit(1, 200 * 2**20) > 200 * 2**20


async def test_every_answer_carries_the_security_headers(client: Client):
    http = client()
    for path in ("/healthz", "/api/threads?page=0", "/docs", "/api/nowhere"):
        response = await http.get(path)
        assert response.headers["x-content-type-options"] == "nosniff", path
        assert response.headers["x-frame-options"] == "DENY", path
        assert response.headers["referrer-policy"] == "no-referrer", path
        assert response.headers["content-security-policy"], path
    assert (await http.get("/healthz")).headers["cache-control"] == "no-store"


async def test_over_the_rate_limit_answers_429_with_retry_after(client: Client):
    http = client(DASHBOARD_RATE_LIMIT_PER_SECOND=0.5, DASHBOARD_RATE_LIMIT_BURST=2)
    codes = [(await http.get("/api/threads?page=0")).status_code for _ in range(3)]
    assert codes == [422, 422, 429]
    limited = await http.get("/api/threads?page=0")
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
    assert (await http.get("/healthz")).status_code == 200  # health probes are never limited


async def test_docs_need_credentials_in_production_only(client: Client):
    anonymous = client(principal=None, PARLEY_ENVIRONMENT="production")
    for path in ("/docs", "/redoc", "/openapi.json"):
        assert (await anonymous.get(path)).status_code == 401, path
    signed_in = client(PARLEY_ENVIRONMENT="production")
    spec = await signed_in.get("/openapi.json")
    assert spec.status_code == 200 and "/api/contacts/{channel}/{contact_id}/export" in spec.json()["paths"]
    development = client(principal=None)
    docs = await development.get("/docs")
    assert docs.status_code == 200 and "swagger-ui" in docs.text
    assert docs.headers["content-security-policy"] == DOCS_POLICY
    assert (await development.get("/openapi.json")).status_code == 200


async def test_the_docs_load_their_files_from_here_and_every_reference_resolves(client: Client):
    http = client(principal=None)
    for path, asset in (("/docs", "/vendor/swagger-ui/swagger-ui-bundle.js"), ("/redoc", "/vendor/redoc/")):
        page = await http.get(path)
        assert asset in page.text and "cdn.jsdelivr.net" not in page.text and "fonts.googleapis" not in page.text
    spec = (await http.get("/openapi.json")).json()
    text = json.dumps(spec)
    refs = set(re.findall(r'"\$ref": "([^"]+)"', text))
    assert refs and "#/components/schemas/ReplyIn" in refs
    schemas = spec["components"]["schemas"]
    unresolved = [r for r in refs if not r.startswith("#/components/schemas/") or r.rsplit("/", 1)[1] not in schemas]
    assert unresolved == [] and "$defs" not in text


async def test_huge_pages_and_business_unit_ids_are_refused_not_500(client: Client):
    http = client()
    assert (await http.get("/api/threads", params={"page": 4611686018427387904})).status_code == 422
    assert (await http.get("/api/threads", params={"page_size": 10**9})).status_code == 422
    assert (await http.get("/api/threads/th_x/messages", params={"page": 2**62})).status_code == 422
    long = "a" * 10_000
    for path in (
        f"/api/tenants/{long}/bot-config",
        f"/api/business-units/{long}",
        f"/api/tenants/{long}/knowledge/documents",
    ):
        assert (await http.get(path)).status_code == 422, path[:40]
    assert (await http.get("/api/business-units/..%2Fetc")).status_code in (404, 422)
    assert (await http.get("/api/team", params={"tenant": long})).status_code == 422
    assert (await http.get("/api/threads", params={"tenant": "a b"})).status_code == 422


async def test_bodies_over_the_limit_get_413_and_refusals_do_not_echo_passwords(client: Client):
    http = client(principal=None)
    big = await http.post(
        "/api/auth/login", content=b"{" + b" " * (2 * 2**20) + b"}", headers={"content-type": "application/json"}
    )
    assert big.status_code == 413
    secret = "hunter2-" + "x" * 2000
    refused = await http.post("/api/auth/login", json={"email": "ana@demo.local", "password": secret})
    assert refused.status_code == 422 and "hunter2" not in refused.text
    assert refused.json()["detail"][0]["loc"] == ["body", "password"]


async def test_a_chunked_body_is_cut_off_at_the_limit(client: Client):
    http = client(principal=None)

    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(20):
            yield b" " * (100 * 1024)

    response = await http.post("/api/auth/login", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_the_bearer_token_is_read_as_httpbearer_reads_it():
    assert bearer_token(Headers({"authorization": "Bearer pst_abc"})) == "pst_abc"
    assert bearer_token(Headers({"authorization": "bearer pst_abc "})) == "pst_abc"
    assert bearer_token(Headers({"authorization": "Basic dXNlcjpw"})) is None
    assert bearer_token(Headers({"authorization": "Bearer"})) is None
    assert bearer_token(Headers({})) is None
