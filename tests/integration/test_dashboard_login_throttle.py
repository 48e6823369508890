"""Failed logins from one client address are throttled whatever the account (own module: its own database,
so the address's failures do not lock out other tests)."""

import pytest

pytestmark = pytest.mark.integration


async def test_too_many_failures_from_one_address_answer_429_for_every_account(services, http):
    stack = services("dashboard-api", LOGIN_MAX_FAILURES_PER_ADDRESS="4", LOGIN_MAX_FAILURES_PER_ACCOUNT="100")
    stack.seed_demo()
    api = stack.url("dashboard-api")
    for n in range(4):
        wrong = await http.post(
            api + "/api/auth/login", json={"email": f"nobody{n}@demo.local", "password": "guess-1234"}
        )
        assert wrong.status_code == 401
    blocked = await http.post(api + "/api/auth/login", json={"email": "ana@demo.local", "password": "parley-demo"})
    assert blocked.status_code == 429 and "too many failed logins" in blocked.json()["detail"]
    assert int(blocked.headers["retry-after"]) > 0
