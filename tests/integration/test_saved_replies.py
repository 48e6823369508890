"""A business unit's saved replies through dashboard-api on FerretDB: managers and admins write them, everyone
who works for the unit reads them, sorted by short code; precise refusals for what is wrong."""

import pytest

from tests.auth import KEY, login

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def api(services):
    stack = services("dashboard-api", LOGIN_MAX_FAILURES_PER_ADDRESS="1000")
    stack.seed_demo()
    return stack.url("dashboard-api")


async def test_saved_replies_are_written_by_managers_and_read_by_the_units_operators(api, http):
    base = f"{api}/api/tenants/demo/saved-replies"
    admin = await login(http, api, "admin@demo.local")
    ana = await login(http, api, "ana@demo.local")  # an operator of demo
    assert (await http.get(base, headers=ana)).json() == []

    hours = await http.put(base + "/hours", json={"text": "  We open 9:00–18:00, Monday to Saturday.  "}, headers=admin)
    assert hours.status_code == 200, hours.text
    assert hours.json()["text"] == "We open 9:00–18:00, Monday to Saturday." and hours.json()["updated_by"]
    await http.put(base + "/address", json={"text": "Calle Mayor 1, Madrid"}, headers=admin)
    replaced = await http.put(base + "/hours", json={"text": "We open 10:00–18:00."}, headers=admin)
    assert replaced.status_code == 200

    listed = (await http.get(base, headers=ana)).json()
    assert [(r["short_code"], r["text"]) for r in listed] == [
        ("address", "Calle Mayor 1, Madrid"),
        ("hours", "We open 10:00–18:00."),
    ]

    refused = await http.put(base + "/greeting", json={"text": "Hi!"}, headers=ana)
    assert refused.status_code == 403 and "manager" in refused.text
    assert (await http.delete(base + "/hours", headers=ana)).status_code == 403

    assert (await http.delete(base + "/address", headers=admin)).status_code == 204
    assert (await http.delete(base + "/address", headers=admin)).status_code == 404
    assert [r["short_code"] for r in (await http.get(base, headers=ana)).json()] == ["hours"]


async def test_what_is_wrong_is_refused_precisely(api, http):
    base = f"{api}/api/tenants/demo/saved-replies"
    for code in ("Hours", "-x", "a b", "x" * 41):
        response = await http.put(f"{base}/{code}", json={"text": "hi"}, headers=KEY)
        assert response.status_code == 422, (code, response.text)
    assert (await http.put(base + "/blank", json={"text": "   "}, headers=KEY)).status_code == 422
    assert (await http.put(base + "/long", json={"text": "x" * 4097}, headers=KEY)).status_code == 422
    assert (await http.put(base + "/extra", json={"text": "hi", "shortcut": "x"}, headers=KEY)).status_code == 422
    ana = await login(http, api, "ana@demo.local")
    assert (await http.get(f"{api}/api/tenants/aurora/saved-replies", headers=ana)).status_code == 404
    assert (await http.get(base)).status_code == 401
