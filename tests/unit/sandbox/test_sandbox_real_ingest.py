"""Over real HTTP: the sandbox (with its own HTTP client) posts to an ingest served by uvicorn on a free port."""

import hashlib
import hmac
import socket
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from fastapi import FastAPI, Request, Response
from fastapi.testclient import TestClient

from parley_sandbox.app import create_app
from tests.unit.sandbox.sandbox_fakes import APP_SECRET, VERIFY_TOKEN, make_settings


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _tiny_ingest(received: list[tuple[bytes, dict[str, str]]]) -> FastAPI:
    """Just enough of Parley's ingest: verification GET and a signature-checked POST."""
    app = FastAPI()

    @app.get("/webhooks/whatsapp")
    async def verify(request: Request) -> Response:
        q = request.query_params
        if q.get("hub.mode") == "subscribe" and q.get("hub.verify_token") == VERIFY_TOKEN:
            return Response(q.get("hub.challenge", ""), media_type="text/plain")
        return Response("forbidden", status_code=403)

    @app.post("/webhooks/whatsapp")
    async def receive(request: Request) -> Response:
        body = await request.body()
        received.append((body, dict(request.headers)))
        expected = "sha256=" + hmac.new(APP_SECRET.encode(), body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(request.headers.get("x-hub-signature-256", ""), expected):
            return Response('{"detail":"bad signature"}', status_code=401, media_type="application/json")
        return Response('{"status":"accepted"}', media_type="application/json")

    return app


@pytest.fixture
def real_ingest() -> Iterator[tuple[str, list[tuple[bytes, dict[str, str]]]]]:
    received: list[tuple[bytes, dict[str, str]]] = []
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(_tiny_ingest(received), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "ingest test server did not start"
        time.sleep(0.01)
    yield f"http://127.0.0.1:{port}", received
    server.should_exit = True
    thread.join(timeout=10)


def test_customer_message_over_real_http_passes_signature_check(
    real_ingest: tuple[str, list[tuple[bytes, dict[str, str]]]],
) -> None:
    url, received = real_ingest
    with TestClient(create_app(make_settings(sandbox_ingest_url=url))) as sandbox:
        result = sandbox.post(
            "/sandbox/whatsapp/messages", json={"from": "5491155550001", "name": "Ana", "text": "¿Hola?"}
        ).json()
        verify = sandbox.post("/sandbox/whatsapp/verify").json()
        rejected = sandbox.post("/sandbox/whatsapp/raw", json={"body": {"x": 1}, "signature": "invalid"}).json()

    assert result["ingest_status"] == 200 and result["ingest_body"] == '{"status":"accepted"}'
    body, headers = received[0]
    assert headers["x-hub-signature-256"] == "sha256=" + hmac.new(APP_SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert verify["ok"] is True and verify["status"] == 200
    assert rejected["ingest_status"] == 401


def test_unreachable_ingest_over_real_http_is_502() -> None:
    url = f"http://127.0.0.1:{_free_port()}"  # nothing listens there
    with TestClient(create_app(make_settings(sandbox_ingest_url=url))) as sandbox:
        response = sandbox.post("/sandbox/whatsapp/messages", json={"from": "5491155550001", "text": "hi"})
        verify = sandbox.post("/sandbox/whatsapp/verify")
    assert response.status_code == 502
    assert response.json()["ingest_url"] == f"{url}/webhooks/whatsapp"
    assert verify.status_code == 502


def test_an_ingest_answer_that_is_not_http_is_502() -> None:
    """aiohttp's own error for it (not mapped by httpx-aiohttp) is "ingest unreachable", not a sandbox crash."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()

    def answer_garbage() -> None:
        for _ in range(2):  # the message, then the verification
            conn, _ = listener.accept()
            with conn:
                conn.recv(65536)
                conn.sendall(b"NOT-HTTP garbage\r\n\r\n")

    thread = threading.Thread(target=answer_garbage, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    with TestClient(create_app(make_settings(sandbox_ingest_url=url))) as sandbox:
        response = sandbox.post("/sandbox/whatsapp/messages", json={"from": "5491155550001", "text": "hi"})
        verify = sandbox.post("/sandbox/whatsapp/verify")
    thread.join(timeout=5)
    listener.close()
    assert response.status_code == 502
    assert "ClientResponseError" in response.json()["detail"]
    assert verify.status_code == 502
