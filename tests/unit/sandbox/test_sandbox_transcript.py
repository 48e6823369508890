"""The customer's transcript: both directions, in order, as the phone would show them."""

from fastapi.testclient import TestClient

from tests.unit.sandbox.sandbox_fakes import AUTH, GRAPH_URL, FakeIngest, buttons_body, list_body, text_body

WA_ID = "5491155550001"
OTHER = "5491155550002"


def _say(client: TestClient, text: str, wa_id: str = WA_ID, name: str = "Ana") -> str:
    return client.post("/sandbox/whatsapp/messages", json={"from": wa_id, "name": name, "text": text}).json()[
        "message_id"
    ]


def _reply(client: TestClient, body: dict) -> str:
    return client.post(GRAPH_URL, headers=AUTH, json=body).json()["messages"][0]["id"]


def test_transcript_interleaves_both_directions_in_order(client: TestClient) -> None:
    hello = _say(client, "hola")
    answer = _reply(client, text_body(to=WA_ID, body="¡Hola! ¿En qué te ayudo?"))
    _say(client, "who else?", wa_id=OTHER, name="Bruno")
    question = _reply(client, buttons_body(WA_ID, ("yes", "Yes"), ("no", "No"), text="Talk to a human?"))
    _reply(client, text_body(to=OTHER, body="not for Ana"))
    tap = client.post(
        "/sandbox/whatsapp/messages", json={"from": WA_ID, "button_reply": {"id": "yes", "title": "Yes"}}
    ).json()["message_id"]

    transcript = client.get(f"/sandbox/whatsapp/conversations/{WA_ID}").json()

    assert transcript["wa_id"] == WA_ID and transcript["name"] == "Ana"
    got = [(m["direction"], m["author"], m["wamid"], m["text"]) for m in transcript["messages"]]
    assert got == [
        ("inbound", "customer", hello, "hola"),
        ("outbound", "business", answer, "¡Hola! ¿En qué te ayudo?"),
        ("outbound", "business", question, "Talk to a human?"),
        ("inbound", "customer", tap, "Yes"),
    ]
    messages = transcript["messages"]
    assert messages[2]["buttons"] == [
        {"id": "yes", "title": "Yes", "description": None},
        {"id": "no", "title": "No", "description": None},
    ]
    assert messages[3]["button_reply"]["id"] == "yes"
    assert messages[3]["reply_to"] == question
    assert messages[0]["status"] == "received" and messages[0]["ingest_status"] == 200
    assert messages[1]["status"] == "accepted"
    assert all(isinstance(m["time"], float) and m["iso_time"].endswith("Z") for m in messages)


def test_a_redelivered_message_shows_once_with_its_attempts(client: TestClient) -> None:
    wamid = _say(client, "hola")
    client.post("/sandbox/whatsapp/messages", json={"from": WA_ID, "message_id": wamid})
    messages = client.get(f"/sandbox/whatsapp/conversations/{WA_ID}").json()["messages"]
    assert [(m["wamid"], m["attempts"]) for m in messages] == [(wamid, 2)]


def test_mark_as_read_shows_on_the_customer_message(client: TestClient) -> None:
    first, second = _say(client, "one"), _say(client, "two")
    client.post(GRAPH_URL, headers=AUTH, json={"messaging_product": "whatsapp", "status": "read", "message_id": first})

    messages = client.get(f"/sandbox/whatsapp/conversations/{WA_ID}").json()["messages"]
    assert [(m["wamid"], m["status"]) for m in messages] == [(first, "read"), (second, "received")]
    # A mark-as-read is not a message to the customer.
    assert client.get("/sandbox/sent", params={"to": WA_ID}).json()["count"] == 0


def test_rejected_messages_are_marked(client: TestClient, ingest: FakeIngest) -> None:
    ingest.status = 403
    _say(client, "hi")
    [message] = client.get(f"/sandbox/whatsapp/conversations/{WA_ID}").json()["messages"]
    assert (message["status"], message["ingest_status"]) == ("rejected", 403)


def test_list_messages_expose_their_menu(client: TestClient) -> None:
    _reply(client, list_body(WA_ID))
    [message] = client.get(f"/sandbox/whatsapp/conversations/{WA_ID}").json()["messages"]
    assert message["list_menu"] == {
        "button": "Plans",
        "sections": [{"title": "Plans", "rows": [{"id": "basic", "title": "Basic", "description": "cheap"}]}],
    }


def test_statuses_only_move_forward(client: TestClient) -> None:
    wamid = _reply(client, text_body(to=WA_ID))
    for status in ("read", "delivered", "sent"):  # out of order, as Meta warns
        client.post("/sandbox/whatsapp/statuses", json={"message_id": wamid, "status": status})
    [message] = client.get(f"/sandbox/whatsapp/conversations/{WA_ID}").json()["messages"]
    assert message["status"] == "read"


def test_unknown_customer_has_an_empty_transcript(client: TestClient) -> None:
    transcript = client.get("/sandbox/whatsapp/conversations/5491100000000").json()
    assert transcript["messages"] == [] and transcript["name"] is None


def test_conversations_lists_customers_most_recent_first(client: TestClient) -> None:
    _say(client, "hi", wa_id=WA_ID, name="Ana")
    _say(client, "hi", wa_id=OTHER, name="Bruno")
    _reply(client, text_body(to=WA_ID))
    listed = client.get("/sandbox/whatsapp/conversations").json()
    assert {(c["wa_id"], c["name"], c["messages"]) for c in listed} == {(WA_ID, "Ana", 2), (OTHER, "Bruno", 1)}
