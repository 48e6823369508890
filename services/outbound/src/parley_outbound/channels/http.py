"""How an HTTP failure from a channel API is classified (retry later, or give up now), and the one way a
customer's file is downloaded from a provider (streamed, with a size cap)."""

from collections.abc import Callable

import httpx

from parley_outbound.channels.base import PermanentSendError, RetryableSendError, SendError


def classify_http_failure(response: httpx.Response, detail: str) -> SendError:
    status = response.status_code
    message = f"{response.request.method} {response.request.url.path} → {status}: {detail}"
    if status == 429 or status >= 500:
        return RetryableSendError(message, status, _retry_after(response))
    return PermanentSendError(message, status)


def graph_error_message(response: httpx.Response) -> str:
    """Meta's Graph errors: `{"error": {"message", "code", …}}`."""
    try:
        error = response.json().get("error") or {}
        return f"({error.get('code')}) {error.get('message')}"
    except (ValueError, AttributeError):
        return response.text[:200]


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    try:
        return float(value) if value else None
    except ValueError:
        return None


async def download(
    http: httpx.AsyncClient,
    url: str,
    *,
    limit: int,
    what: str,
    headers: dict[str, str] | None = None,
    failure: Callable[[httpx.Response], SendError] | None = None,
) -> tuple[bytes, httpx.Headers]:
    """A file's bytes and the response's headers, streamed and refused past `limit` bytes (permanent: it will not
    shrink). A non-200 is `failure(response)` (default: classified by status); no answer is retryable."""
    try:
        async with http.stream("GET", url, headers=headers) as response:
            if response.status_code != 200:
                await response.aread()
                raise (failure or _download_failure)(response)
            data = bytearray()
            async for chunk in response.aiter_bytes():
                data += chunk
                if len(data) > limit:
                    raise PermanentSendError(f"{what} is larger than {limit} bytes")
            return bytes(data), response.headers
    except httpx.TransportError as exc:
        raise RetryableSendError(f"{what} unreachable: {type(exc).__name__}") from exc


def _download_failure(response: httpx.Response) -> SendError:
    return classify_http_failure(response, "download failed")


def content_type(headers: httpx.Headers) -> str | None:
    """The media type a response declares, without its parameters (`image/jpeg; q=1` → `image/jpeg`)."""
    return headers.get("content-type", "").split(";")[0].strip() or None
