"""The HTTP client the services call providers with: httpx's interface over aiohttp's connection pool.

Why (docs/adr/0010-http-client-over-aiohttp.md): httpcore's pool checks every pooled connection on each request (a
`select()` per connection), so with tens of sends in flight one call cost 2.5–5.7 ms of CPU against 0.8 ms over
aiohttp, and the HTTP client was half of outbound's CPU. Callers keep httpx's API, and unit tests keep
`httpx.MockTransport`.
"""

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import httpx
from httpx_aiohttp import AiohttpTransport


def http_client(*, max_connections: int = 100, **options: Any) -> httpx.AsyncClient:
    """An `httpx.AsyncClient` (`options`: timeout, headers, ...) whose connections are aiohttp's."""
    transport = AiohttpHttpxTransport(limits=httpx.Limits(max_connections=max_connections))
    return httpx.AsyncClient(transport=transport, **options)


class AiohttpHttpxTransport(AiohttpTransport):
    """Every failure, sending or reading the body, comes out as an `httpx.TransportError`, as httpx's own transport
    promises and our callers rely on (they retry those). httpx-aiohttp re-raises the aiohttp errors it has no
    mapping for, e.g. a `ClientResponseError` when the connection resets while the response is read."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            response = await super().handle_async_request(request)
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise _as_httpx(exc, request) from exc
        return httpx.Response(
            status_code=response.status_code,
            headers=response.headers,
            stream=_Body(response.stream, request),
            request=request,
            extensions=response.extensions,
        )


class _Body(httpx.AsyncByteStream):
    def __init__(self, inner: Any, request: httpx.Request) -> None:
        self._inner = inner
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._inner:
                yield chunk
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise _as_httpx(exc, self._request) from exc

    async def aclose(self) -> None:
        try:
            await self._inner.aclose()
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise _as_httpx(exc, self._request) from exc


def _as_httpx(exc: BaseException, request: httpx.Request) -> httpx.TransportError:
    if isinstance(exc, TimeoutError):
        return httpx.TimeoutException(str(exc) or type(exc).__name__, request=request)
    return httpx.NetworkError(f"{type(exc).__name__}: {exc}", request=request)
