"""The services' HTTP client (httpx over aiohttp) against a real socket on this machine: what reaches the server,
what comes back, and that every way a call can fail is an `httpx.TransportError`, which the channel adapters
retry."""

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import httpx
import pytest

from parley_runtime.http import http_client

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


@asynccontextmanager
async def _serve(handler: Handler) -> AsyncIterator[str]:
    server = await asyncio.start_server(handler, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.close()


async def _read_request(reader: asyncio.StreamReader) -> tuple[bytes, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    length = next(
        (int(line.split(b":", 1)[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")),
        0,
    )
    return head, await reader.readexactly(length)


async def _echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Answers each request on the connection with what it received (keep-alive, as the providers do)."""
    try:
        while True:
            head, body = await _read_request(reader)
            answer = json.dumps({"head": head.decode(), "body": body.decode()}).encode()
            writer.write(
                b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-answer: yes\r\n"
                + f"content-length: {len(answer)}\r\n\r\n".encode()
                + answer
            )
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        writer.close()


@pytest.fixture
async def echo_url() -> AsyncIterator[str]:
    async with _serve(_echo) as url:
        yield url


async def test_a_post_reaches_the_server_and_its_answer_comes_back(echo_url: str) -> None:
    async with http_client(timeout=5) as client:
        responses = await asyncio.gather(
            *(
                client.post(f"{echo_url}/v21.0/1/messages", json={"n": n}, headers={"Authorization": "Bearer t"})
                for n in range(20)
            )
        )
    for n, response in enumerate(responses):
        assert response.status_code == 200
        assert response.headers["x-answer"] == "yes"
        seen = response.json()
        assert seen["head"].startswith("POST /v21.0/1/messages HTTP/1.1")
        assert "authorization: bearer t" in seen["head"].lower()
        assert json.loads(seen["body"]) == {"n": n}


async def test_a_streamed_answer_arrives_whole(echo_url: str) -> None:
    payload = "x" * 100_000
    async with http_client(timeout=5) as client, client.stream("POST", echo_url, content=payload) as response:
        data = b"".join([chunk async for chunk in response.aiter_bytes()])
    assert json.loads(data)["body"] == payload


async def test_a_refused_connection_is_a_transport_error() -> None:
    async with _serve(_echo) as url:
        pass  # closed again: nothing listens there now
    async with http_client(timeout=5) as client:
        with pytest.raises(httpx.TransportError):
            await client.post(url, json={})


async def test_a_server_that_never_answers_is_a_timeout() -> None:
    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_request(reader)
        await asyncio.sleep(5)
        writer.close()

    async with _serve(silent) as url, http_client(timeout=0.3) as client:
        with pytest.raises(httpx.TimeoutException):
            await client.post(url, json={})


@pytest.mark.parametrize(
    "reply",
    [
        pytest.param(b"HTTP/1.1 200 OK\r\ncontent-length: 1000\r\n\r\n" + b"{" * 10, id="closed mid-answer"),
        pytest.param(b"", id="closed before any answer"),
        # httpx-aiohttp alone lets aiohttp's `ClientResponseError` out here; the adapters would not retry it.
        pytest.param(b"NOT-HTTP garbage\r\n\r\n", id="not HTTP"),
    ],
)
async def test_a_broken_answer_is_a_transport_error(reply: bytes) -> None:
    async def answer_then_close(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_request(reader)
        writer.write(reply)
        await writer.drain()
        writer.close()

    async with _serve(answer_then_close) as url, http_client(timeout=5) as client:
        with pytest.raises(httpx.TransportError):
            await client.post(url, json={})
