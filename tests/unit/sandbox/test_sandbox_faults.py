"""Fault injection: the next N send calls fail with the requested status and a Graph error body."""

import pytest
from fastapi.testclient import TestClient

from tests.unit.sandbox.sandbox_fakes import AUTH, GRAPH_URL, text_body


def _send(client: TestClient) -> tuple[int, dict]:
    response = client.post(GRAPH_URL, headers=AUTH, json=text_body())
    return response.status_code, response.json()


def test_next_n_calls_fail_then_sends_succeed(client: TestClient) -> None:
    assert client.post("/sandbox/faults", json={"channel": "whatsapp", "status": 500, "count": 2}).status_code == 200

    first, second, third = _send(client), _send(client), _send(client)

    assert first[0] == second[0] == 500
    assert first[1]["error"]["type"] == "OAuthException"
    assert first[1]["error"]["fbtrace_id"]
    assert third[0] == 200
    assert third[1]["messages"][0]["id"].startswith("wamid.")


@pytest.mark.parametrize(
    ("status", "code", "words"),
    [(429, 130429, "Rate limit hit"), (503, 2, "temporarily unavailable"), (500, 1, "unknown error")],
)
def test_fault_status_maps_to_the_graph_error_code(client: TestClient, status: int, code: int, words: str) -> None:
    client.post("/sandbox/faults", json={"channel": "whatsapp", "status": status, "count": 1})
    got_status, body = _send(client)
    assert got_status == status
    assert body["error"]["code"] == code
    assert words in body["error"]["message"]


def test_fault_code_and_message_can_be_overridden(client: TestClient) -> None:
    client.post(
        "/sandbox/faults",
        json={"channel": "whatsapp", "status": 400, "count": 1, "code": 131056, "message": "(#131056) Pair rate"},
    )
    status, body = _send(client)
    assert (status, body["error"]["code"], body["error"]["message"]) == (400, 131056, "(#131056) Pair rate")


def test_faults_queue_in_order_and_are_listed(client: TestClient) -> None:
    client.post("/sandbox/faults", json={"channel": "whatsapp", "status": 429, "count": 1})
    client.post("/sandbox/faults", json={"channel": "whatsapp", "status": 503, "count": 2})
    assert [(f["status"], f["remaining"]) for f in client.get("/sandbox/faults").json()] == [(429, 1), (503, 2)]

    assert [_send(client)[0] for _ in range(4)] == [429, 503, 503, 200]
    assert client.get("/sandbox/faults").json() == []


def test_delete_clears_pending_faults(client: TestClient) -> None:
    client.post("/sandbox/faults", json={"channel": "whatsapp", "status": 500, "count": 5})
    assert client.delete("/sandbox/faults").status_code == 200
    assert client.get("/sandbox/faults").json() == []
    assert _send(client)[0] == 200


def test_unauthenticated_calls_do_not_consume_faults(client: TestClient) -> None:
    client.post("/sandbox/faults", json={"channel": "whatsapp", "status": 500, "count": 1})
    assert client.post(GRAPH_URL, json=text_body()).status_code == 401
    assert _send(client)[0] == 500


def test_faulted_calls_are_recorded_as_rejected_attempts(client: TestClient) -> None:
    client.post("/sandbox/faults", json={"channel": "whatsapp", "status": 503, "count": 2})
    for _ in range(3):
        _send(client)

    accepted = client.get("/sandbox/sent", params={"channel": "whatsapp"}).json()
    attempts = client.get("/sandbox/sent", params={"channel": "whatsapp", "include_rejected": True}).json()
    assert accepted["count"] == 1
    assert [r["status_code"] for r in attempts["requests"]] == [503, 503, 200]
    assert attempts["requests"][0]["error"]["code"] == 2


@pytest.mark.parametrize(
    "fault",
    [
        {"channel": "pigeon", "status": 500, "count": 1},
        {"channel": "whatsapp", "status": 200, "count": 1},
        {"channel": "whatsapp", "status": 500, "count": 0},
    ],
    ids=["unknown-channel", "not-an-error", "zero-count"],
)
def test_invalid_fault_requests_are_422(client: TestClient, fault: dict) -> None:
    assert client.post("/sandbox/faults", json=fault).status_code == 422
    assert client.get("/sandbox/faults").json() == []
