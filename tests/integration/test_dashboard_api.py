"""dashboard-api as a process, reading FerretDB."""

from datetime import UTC, datetime, timedelta

import pytest

pytestmark = pytest.mark.integration
KEY = {"X-API-Key": "dev-api-key"}


@pytest.fixture(scope="module")
def api(services):
    return services("dashboard-api").url("dashboard-api")


@pytest.fixture
async def seeded(db):
    t0 = datetime(2026, 11, 1, tzinfo=UTC)
    threads = [
        {
            "_id": f"th_dash_{i}",
            "tenant": "acme" if i % 2 else "solmar",
            "channel": "whatsapp" if i < 4 else "telegram",
            "contact_id": f"c{i}",
            "status": "needs_human" if i == 2 else "bot",
            "created_at": t0,
            "last_message_at": t0 + timedelta(minutes=i),
            "message_count": 2,
        }
        for i in range(6)
    ]
    await db["threads"].delete_many({"_id": {"$regex": "^th_dash_"}})
    await db["threads"].insert_many(threads)
    await db["messages"].insert_many(
        [
            {
                "_id": "m-late",
                "thread_key": "th_dash_1",
                "direction": "out",
                "author": "bot",
                "text": "second",
                "at": t0 + timedelta(seconds=5),
            },
            {
                "_id": "m-early",
                "thread_key": "th_dash_1",
                "direction": "in",
                "author": "customer",
                "text": "first",
                "at": t0,
            },
        ]
    )
    yield
    await db["threads"].delete_many({"_id": {"$regex": "^th_dash_"}})
    await db["messages"].delete_many({"thread_key": "th_dash_1"})


async def test_api_key_is_required(api, http):
    assert (await http.get(api + "/api/threads")).status_code == 401
    assert (await http.get(api + "/api/threads", headers={"X-API-Key": "wrong-key!"})).status_code == 403
    assert (await http.get(api + "/healthz")).status_code == 200


async def test_threads_newest_first_filtered_and_paginated(api, http, seeded):
    page = (await http.get(api + "/api/threads", headers=KEY, params={"channel": "whatsapp", "page_size": 3})).json()
    assert page["total"] == 4 and [t["thread_key"] for t in page["items"]] == ["th_dash_3", "th_dash_2", "th_dash_1"]
    page2 = (
        await http.get(api + "/api/threads", headers=KEY, params={"channel": "whatsapp", "page_size": 3, "page": 2})
    ).json()
    assert [t["thread_key"] for t in page2["items"]] == ["th_dash_0"]
    mine = (await http.get(api + "/api/threads", headers=KEY, params={"status": "needs_human"})).json()
    assert [t["thread_key"] for t in mine["items"]] == ["th_dash_2"]
    tenant = (await http.get(api + "/api/threads", headers=KEY, params={"tenant": "acme"})).json()
    assert {t["thread_key"] for t in tenant["items"]} == {"th_dash_1", "th_dash_3", "th_dash_5"}
    bad = await http.get(api + "/api/threads", headers=KEY, params={"status": "sleeping"})
    assert bad.status_code == 422


async def test_messages_in_order_and_404_for_unknown_thread(api, http, seeded):
    page = (await http.get(api + "/api/threads/th_dash_1/messages", headers=KEY)).json()
    assert [m["text"] for m in page["items"]] == ["first", "second"]
    assert (await http.get(api + "/api/threads/th_nope/messages", headers=KEY)).status_code == 404
