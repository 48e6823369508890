"""Credentials for tests: the demo accounts (seeded like `make run` does) and an integration key from the
environment (admin of every business unit), set on every stack the tests start."""

import httpx

INTEGRATION_KEY = "test-integration-key"
KEY = {"X-API-Key": INTEGRATION_KEY}
DEMO_PASSWORD = "parley-demo"


async def login(http: httpx.AsyncClient, api: str, email: str, password: str = DEMO_PASSWORD) -> dict[str, str]:
    """Authorization headers of a fresh session for `email`."""
    response = await http.post(f"{api}/api/auth/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}
