"""How an HTTP failure from a channel API is classified: retry later, or give up now."""

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
