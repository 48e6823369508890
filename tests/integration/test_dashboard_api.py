"""dashboard-api as a process beside the router (real Kafka, FerretDB): who may see and do what, the inbox
views, and operator actions that go through the router and come back."""

import asyncio
import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
import websockets

from parley_contracts import Channel, Contact, ThreadStatus
from parley_conversations.documents import ThreadRecord
from tests.auth import KEY, login
from tests.events import analyzed, announced, received
from tests.kafka_helpers import eventually, publish_events

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def stack(services):
    running = services("router", "dashboard-api", LOGIN_MAX_FAILURES_PER_ADDRESS="1000", ROSTER_REFRESH_SECONDS="0")
    running.seed_demo()
    return running


@pytest.fixture(scope="module")
def api(stack) -> str:
    return stack.url("dashboard-api")


@pytest.fixture
async def ana(api, http) -> dict[str, str]:
    return await login(http, api, "ana@demo.local")


@pytest.fixture
async def admin(api, http) -> dict[str, str]:
    return await login(http, api, "admin@demo.local")


def thread_doc(tenant: str, status: ThreadStatus, minutes: int, **fields) -> dict:
    at = datetime.now(UTC) + timedelta(days=365, minutes=minutes)  # newest: first on the first page
    record = ThreadRecord(
        thread_key=f"th_dash_{uuid.uuid4().hex[:10]}",
        tenant=tenant,
        channel=Channel.WHATSAPP,
        account_id="1",
        contact=Contact(id=f"52155{minutes:05d}", name=fields.pop("name", f"Contact {minutes}")),
        status=status,
        created_at=at,
        updated_at=at,
        **fields,
    )
    return record.to_document()


async def test_no_credentials_401_and_health_stays_open(api, http):
    assert (await http.get(api + "/healthz")).status_code == 200
    for path in ("/api/threads", "/api/me", "/api/threads/counts", "/api/notifications"):
        response = await http.get(api + path)
        assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
    assert (await http.get(api + "/api/me", headers={"Authorization": "Bearer pst_forged"})).status_code == 401
    assert (await http.get(api + "/api/me", headers={"X-API-Key": "not-a-key"})).status_code == 401
    wrong = await http.post(api + "/api/auth/login", json={"email": "ana@demo.local", "password": "nope-nope-nope"})
    assert wrong.status_code == 401


async def test_login_me_availability_and_logout(api, http):
    response = await http.post(api + "/api/auth/login", json={"email": "Ben@Demo.Local", "password": "parley-demo"})
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer" and body["expires_in"] > 3600 and body["operator"]["name"] == "Ben Okafor"
    headers = {"Authorization": f"Bearer {body['access_token']}"}
    me = (await http.get(api + "/api/me", headers=headers)).json()
    assert me["role"] == "operator" and me["tenants"] == ["demo"] and me["operator"]["availability"] == "online"
    away = await http.put(api + "/api/me/availability", json={"availability": "away"}, headers=headers)
    assert away.json()["operator"]["availability"] == "away"
    assert (await http.post(api + "/api/auth/logout", headers=headers)).status_code == 204
    assert (await http.get(api + "/api/me", headers=headers)).status_code == 401


async def test_failed_logins_of_one_account_are_throttled(api, http, admin):
    email = f"throttle-{uuid.uuid4().hex[:6]}@demo.local"
    created = await http.post(
        api + "/api/operators",
        json={"email": email, "name": "T", "tenants": ["demo"], "password": "right-password-1"},
        headers=admin,
    )
    assert created.status_code == 201
    for _ in range(5):
        bad = await http.post(api + "/api/auth/login", json={"email": email, "password": "wrong-password"})
        assert bad.status_code == 401
    blocked = await http.post(api + "/api/auth/login", json={"email": email, "password": "right-password-1"})
    assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) > 0
    # Another account from the same address still logs in.
    assert (
        await http.post(api + "/api/auth/login", json={"email": "ben@demo.local", "password": "parley-demo"})
    ).status_code == 200


async def test_views_counts_filters_and_search_only_within_ones_business_units(api, http, infra, db, ana):
    me = (await http.get(api + "/api/me", headers=ana)).json()["id"]
    docs = [
        thread_doc("demo", ThreadStatus.BOT, 1, name="Zoe Bot"),
        thread_doc("demo", ThreadStatus.NEEDS_HUMAN, 2, name="Yan Waiting"),
        thread_doc("demo", ThreadStatus.HUMAN, 3, name="Xia Mine", assignee={"id": me, "name": "Ana Lima"}),
        thread_doc("demo", ThreadStatus.HUMAN, 4, name="Wes Other", assignee={"id": "op_x", "name": "X"}),
        thread_doc("demo", ThreadStatus.RESOLVED, 5, name="Val Done"),
        thread_doc("aurora", ThreadStatus.NEEDS_HUMAN, 6, name="Uma Aurora"),
    ]
    await db["threads"].insert_many(docs)
    # As the router announces what it writes: the inbox index lists and counts from these (parley_dashboard.inbox).
    await publish_events(infra.kafka_bootstrap, [announced(ThreadRecord.from_document(d).view()) for d in docs])
    try:

        async def names(**params) -> list[str]:
            page = (
                await http.get(api + "/api/threads", params={**params, "q": params.get("q", "")}, headers=ana)
            ).json()
            return [t["contact"]["name"] for t in page["items"] if t["thread_key"].startswith("th_dash_")]

        assert await eventually(lambda: names(view="all"))  # the index has read the announcements
        assert await names(view="mine") == ["Xia Mine"]
        assert await names(view="unassigned") == ["Yan Waiting"]
        assert await names(view="bot") == ["Zoe Bot"]
        assert await names(view="all") == ["Val Done", "Wes Other", "Xia Mine", "Yan Waiting", "Zoe Bot"]
        assert await names(view="all", status="resolved") == ["Val Done"]
        assert await names(q="xia") == ["Xia Mine"]
        assert await names(q="5215500003") == ["Xia Mine"]
        assert await names(tenant="aurora") == []
        counts = (await http.get(api + "/api/threads/counts", headers=ana)).json()
        assert counts["mine"] >= 1 and counts["unassigned"] >= 1 and counts["all"] >= 5
        for view in ("mine", "unassigned", "bot", "all"):  # one grouped pass agrees with each view's own filter
            listed = (await http.get(api + "/api/threads", params={"view": view}, headers=ana)).json()
            assert counts[view] == listed["total"], view
        aurora = docs[-1]["_id"]
        assert (await http.get(f"{api}/api/threads/{aurora}", headers=ana)).status_code == 404
        assert (await http.get(f"{api}/api/threads/{aurora}/messages", headers=ana)).status_code == 404
        assert (await http.post(f"{api}/api/threads/{aurora}/actions/take_over", headers=ana)).status_code == 404
        assert (await http.get(f"{api}/api/threads/{aurora}", headers=KEY)).status_code == 200  # admin of all units
        bad = await http.get(api + "/api/threads", params={"view": "sleeping"}, headers=ana)
        assert bad.status_code == 422
    finally:
        await db["threads"].delete_many({"_id": {"$in": [d["_id"] for d in docs]}})


async def test_operators_may_not_change_the_bot_or_the_team(api, http, ana, admin):
    put = await http.put(api + "/api/tenants/demo/bot-config", json={"handoff_threshold": 0.5}, headers=ana)
    assert put.status_code == 403 and "admin" in put.json()["detail"]
    assert (await http.get(api + "/api/tenants/demo/bot-config", headers=ana)).status_code == 200
    assert (await http.put(api + "/api/tenants/aurora/bot-config", json={}, headers=admin)).status_code == 404
    new = {"email": "x@demo.local", "name": "X", "tenants": ["demo"], "password": "long-enough-1"}
    assert (await http.post(api + "/api/operators", json=new, headers=ana)).status_code == 403
    assert (await http.get(api + "/api/team", params={"tenant": "demo"}, headers=ana)).status_code == 403
    grant = {**new, "tenants": ["aurora"]}
    assert (await http.post(api + "/api/operators", json=grant, headers=admin)).status_code == 403


async def test_admins_manage_accounts_and_keys(api, http, admin):
    email = f"cleo-{uuid.uuid4().hex[:6]}@demo.local"
    new = {"email": email, "name": "Cleo", "role": "manager", "tenants": ["demo"], "password": "cleo-password"}
    created = await http.post(api + "/api/operators", json=new, headers=admin)
    assert created.status_code == 201 and created.json()["role"] == "manager"
    assert (await http.post(api + "/api/operators", json=new, headers=admin)).status_code == 409
    weak = {**new, "email": "w" + email, "password": "short"}
    assert (await http.post(api + "/api/operators", json=weak, headers=admin)).status_code == 422
    cleo = await login(http, api, email, "cleo-password")
    team = (await http.get(api + "/api/team", params={"tenant": "demo"}, headers=cleo)).json()
    assert {m["operator"]["email"] for m in team} >= {email, "ana@demo.local"} and all(m["cap"] == 10 for m in team)
    off = await http.patch(f"{api}/api/operators/{created.json()['id']}", json={"active": False}, headers=admin)
    assert off.status_code == 200
    assert (await http.get(api + "/api/me", headers=cleo)).status_code == 401

    key = await http.post(
        api + "/api/api-keys", json={"name": "crm", "role": "operator", "tenants": ["demo"]}, headers=admin
    )
    assert key.status_code == 201
    crm = {"X-API-Key": key.json()["key"]}
    assert (await http.get(api + "/api/threads", headers=crm)).status_code == 200
    assert (await http.put(api + "/api/tenants/demo/bot-config", json={}, headers=crm)).status_code == 403
    assert key.json()["key_id"] in {k["key_id"] for k in (await http.get(api + "/api/api-keys", headers=admin)).json()}
    assert (await http.delete(f"{api}/api/api-keys/{key.json()['key_id']}", headers=admin)).status_code == 204
    assert (await http.get(api + "/api/threads", headers=crm)).status_code == 401


async def test_actions_go_through_the_router_and_illegal_ones_answer_409(api, http, infra, db, ana, admin):
    inbound = received("hello there")
    await publish_events(infra.kafka_bootstrap, [inbound])
    await eventually(lambda: db["threads"].find_one({"_id": inbound.thread_key}))
    base = f"{api}/api/threads/{inbound.thread_key}"

    took = await http.post(base + "/actions/take_over", headers=ana)
    assert took.status_code == 200, took.text
    assert took.json()["outcome"] == "applied" and took.json()["thread"]["status"] == "human"
    assert took.json()["thread"]["assignee"]["name"] == "Ana Lima"

    ben = (await http.get(api + "/api/operators", params={"tenant": "demo"}, headers=admin)).json()
    ben_id = next(o["id"] for o in ben if o["email"] == "ben@demo.local")
    assert (await http.post(base + "/actions/assign", json={"operator_id": ben_id}, headers=ana)).status_code == 403
    given = await http.post(base + "/actions/assign", json={"operator_id": ben_id, "note": "Ben knows"}, headers=admin)
    assert given.status_code == 200 and given.json()["thread"]["assignee"]["id"] == ben_id
    nobody = await http.post(base + "/actions/assign", json={"operator_id": "op_nobody"}, headers=admin)
    assert nobody.status_code == 422

    back = await http.post(base + "/actions/hand_back", headers=ana)
    assert back.status_code == 200 and back.json()["thread"]["status"] == "bot"
    again = await http.post(base + "/actions/hand_back", headers=ana)
    assert again.status_code == 409 and again.json()["reason"] == "the bot already has this thread"
    resolved = await http.post(base + "/actions/resolve", json={"note": "done"}, headers=ana)
    assert resolved.json()["thread"]["status"] == "resolved"
    refused = await http.post(base + "/actions/hand_back", headers=ana)
    assert refused.status_code == 409 and "resolved" in refused.json()["detail"]
    reopened = await http.post(base + "/actions/reopen", headers=ana)
    assert reopened.json()["thread"]["status"] == "human"
    assert (await http.post(base + "/actions/sleep", headers=ana)).status_code == 422

    notes = [m["text"] async for m in db["messages"].find({"thread_key": inbound.thread_key, "type": "activity"})]
    assert "Demo Admin assigned the conversation to Ben Okafor" in notes and len(notes) == 5


async def test_replies_text_image_template_and_the_24_hour_window(api, http, infra, db, ana):
    fresh = received("can you send me the map?")
    stale = received("old message", sent_at=datetime.now(UTC) - timedelta(hours=30))
    await publish_events(infra.kafka_bootstrap, [fresh, stale])
    await eventually(lambda: db["threads"].find_one({"_id": stale.thread_key}))

    text = await http.post(f"{api}/api/threads/{fresh.thread_key}/messages", json={"text": "Here it is"}, headers=ana)
    assert text.status_code == 200 and text.json()["thread"]["status"] == "human"
    png = b"\x89PNG\r\n\x1a\n" + b"0" * 100
    image = await http.post(
        f"{api}/api/threads/{fresh.thread_key}/messages",
        data={"text": "the map"},
        files=[("files", ("map.png", png, "image/png"))],
        headers=ana,
    )
    assert image.status_code == 200, image.text
    zipped = await http.post(
        f"{api}/api/threads/{fresh.thread_key}/messages",
        files=[("files", ("a.zip", b"PK..", "application/zip"))],
        headers=ana,
    )
    assert zipped.status_code == 415 and "application/zip" in zipped.json()["detail"]
    huge = await http.post(
        f"{api}/api/threads/{fresh.thread_key}/messages",
        files=[("files", ("big.png", b"0" * (5 * 2**20 + 1), "image/png"))],
        headers=ana,
    )
    assert huge.status_code == 413
    empty = await http.post(f"{api}/api/threads/{fresh.thread_key}/messages", json={}, headers=ana)
    assert empty.status_code == 422

    page = (await http.get(f"{api}/api/threads/{fresh.thread_key}/messages", headers=ana)).json()
    mine = [m for m in page["items"] if m["author"] == "operator"]
    assert [(m["type"], m["text"], m["author_name"]) for m in mine] == [
        ("text", "Here it is", "Ana Lima"),
        ("image", "the map", "Ana Lima"),
    ]
    [media] = mine[1]["media"]
    download = await http.get(f"{api}/api/media/{media['media_id']}", headers=ana)
    assert download.content == png and download.headers["content-type"] == "image/png"

    late = await http.post(f"{api}/api/threads/{stale.thread_key}/messages", json={"text": "sorry"}, headers=ana)
    assert late.status_code == 409 and "24-hour" in late.json()["detail"] and "template" in late.json()["detail"]
    template = {"template": {"name": "conversation_follow_up", "language": "en", "parameters": ["Ana"]}}
    sent = await http.post(f"{api}/api/threads/{stale.thread_key}/messages", json=template, headers=ana)
    assert sent.status_code == 200 and sent.json()["outcome"] == "applied"
    [operator_message] = [m async for m in db["messages"].find({"thread_key": stale.thread_key, "author": "operator"})]
    assert (
        operator_message["type"] == "template"
        and operator_message["data"]["template"]["name"] == "conversation_follow_up"
    )


async def test_a_handoff_notifies_the_assignee_live_and_in_the_bell(api, http, infra, db):
    ana = await login(http, api, "ana@demo.local")  # logging in makes Ana available
    await http.put(api + "/api/me/availability", json={"availability": "online"}, headers=ana)
    ben = await login(http, api, "ben@demo.local")
    await http.put(api + "/api/me/availability", json={"availability": "away"}, headers=ben)
    token = ana["Authorization"].split()[1]
    inbound = received("I need a human, please")
    other = received("hi from another unit", tenant="aurora")
    async with websockets.connect(f"{api.replace('http', 'ws')}/api/live?access_token={token}") as live:
        hello = json.loads(await live.recv())
        assert hello["type"] == "hello" and hello["tenants"] == ["demo"]
        await publish_events(infra.kafka_bootstrap, [other, analyzed(inbound, wants_human=True)])
        seen: list[dict] = []
        while not any(e["type"] == "notification" for e in seen):
            seen.append(json.loads(await asyncio.wait_for(live.recv(), 15)))
    assert all(e.get("tenant") in (None, "demo") for e in seen), "an update of another business unit leaked"
    updates = [e for e in seen if e["type"] == "thread.updated"]
    assert updates[-1]["thread"]["assignee"]["name"] == "Ana Lima"
    note = next(e["notification"] for e in seen if e["type"] == "notification")
    assert note["kind"] == "assigned" and note["thread_key"] == inbound.thread_key

    bell = (await http.get(api + "/api/notifications", params={"unread": True}, headers=ana)).json()
    stored = next(n for n in bell["items"] if n["id"] == note["id"])
    assert stored["title"] == "Test Customer was assigned to you" and bell["total"] >= 1
    read = await http.post(f"{api}/api/notifications/{note['id']}/read", headers=ana)
    assert read.status_code == 200 and read.json()["read_at"]
    assert (await http.post(f"{api}/api/notifications/{note['id']}/read", headers=KEY)).status_code == 404
    await http.post(api + "/api/notifications/read-all", headers=ana)
    assert (await http.get(api + "/api/notifications", params={"unread": True}, headers=ana)).json()["total"] == 0


async def test_the_live_stream_refuses_strangers(api):
    async with websockets.connect(f"{api.replace('http', 'ws')}/api/live?access_token=pst_wrong") as live:
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await live.recv()
    assert closed.value.rcvd.code == 4401


async def test_an_action_the_router_has_not_answered_yet_is_202_and_applied_later(services, stack, infra, db, http):
    alone = services("dashboard-api", COMMAND_WAIT_SECONDS="0")  # answer before the router can
    alone.seed_demo()
    api = alone.url("dashboard-api")
    inbound = received("hello")
    record = ThreadRecord(
        thread_key=inbound.thread_key,
        tenant="demo",
        channel=Channel.WHATSAPP,
        account_id="1",
        contact=inbound.contact,
        status=ThreadStatus.BOT,
        created_at=datetime.now(UTC),
        updated_at=datetime.now(UTC),
    )
    await db["threads"].insert_one(record.to_document())
    ana = await login(http, api, "ana@demo.local")
    response = await http.post(f"{api}/api/threads/{inbound.thread_key}/actions/take_over", headers=ana)
    assert response.status_code == 202 and response.json()["outcome"] == "pending"
    # The module's router applies it when it gets there.
    assert await eventually(lambda: db["threads"].find_one({"_id": inbound.thread_key, "status": "human"}))


async def test_a_private_note_mentioning_a_colleague_rings_their_bell(api, http, infra, ana):
    inbound = received("can someone check my refund?")
    await publish_events(infra.kafka_bootstrap, [inbound])
    assert await eventually(lambda: _visible(http, api, inbound.thread_key, ana), timeout=30)
    added = await http.post(
        f"{api}/api/threads/{inbound.thread_key}/notes",
        json={"text": "@ben you did her refund, can you look?"},
        headers=ana,
    )
    assert added.status_code == 200 and added.json()["outcome"] == "applied", added.text
    ben = await login(http, api, "ben@demo.local")

    async def rung() -> dict | None:
        bell = (await http.get(api + "/api/notifications", params={"unread": True}, headers=ben)).json()
        return next((n for n in bell["items"] if n["kind"] == "mention"), None)

    mention = await eventually(rung, timeout=30)
    assert mention is not None, "Ben was never told"
    assert mention["thread_key"] == inbound.thread_key and mention["title"].startswith("Ana Lima mentioned you")
    mine = (await http.get(api + "/api/notifications", headers=ana)).json()["items"]
    assert not any(n["kind"] == "mention" for n in mine)  # the author is not told about her own note


async def _visible(http, api: str, key: str, headers: dict[str, str]) -> bool:
    return (await http.get(f"{api}/api/threads/{key}", headers=headers)).status_code == 200
