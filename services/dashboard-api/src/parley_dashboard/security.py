"""Protections every response and request of dashboard-api gets, whatever the route: browser security headers,
a cap on request bodies, and validation errors that never echo what was sent (a password, a key).

Pure ASGI middlewares (not Starlette's BaseHTTPMiddleware): they do not buffer bodies, and the WebSocket
passes through untouched."""

from collections.abc import Iterable

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from parley_conversations.media import attachment_rules

DOCS_PAGES = frozenset({"/docs", "/docs/oauth2-redirect", "/redoc"})
# The API answers JSON and files: nothing in it may run, load or be framed.
API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
# Swagger UI and ReDoc load their files from the console build ('self'), start with an inline script and style
# elements inline; they call the API itself and ReDoc runs a worker from a blob.
DOCS_POLICY = (
    "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src blob:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
# The console: its own files only, no inline script or style element; media it fetched with credentials is shown
# from blob: URLs; it talks to the API and its WebSocket ('self').
CONSOLE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; "
    "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
API_PREFIXES = ("/api/", "/openapi.json", "/healthz")
MULTIPART_FIELDS_BYTES = 1024 * 1024  # a reply's text and form overhead beside its files


def security_headers(path: str, present: Iterable[str]) -> dict[str, str]:
    """The headers to add to a response for `path`, leaving alone any the route set itself (`present`, lower
    case): a file download keeps its own Cache-Control, for one."""
    headers = {
        "x-content-type-options": "nosniff",
        "x-frame-options": "DENY",
        "referrer-policy": "no-referrer",
        "content-security-policy": content_policy(path),
        "cache-control": "no-store",
    }
    have = set(present)
    return {name: value for name, value in headers.items() if name not in have}


def content_policy(path: str) -> str:
    if path in DOCS_PAGES:
        return DOCS_POLICY
    if path.startswith(API_PREFIXES) or path == "/api":
        return API_POLICY
    return CONSOLE_POLICY


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in security_headers(path, headers.keys()).items():
                    headers.append(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def upload_limit(files_per_reply: int, largest_document: int) -> int:
    """The largest multipart body: a reply with as many files of the largest kind as it may carry, or one
    uploaded document, whichever is larger (each file is then checked against its own limit by its route)."""
    largest_attachment = max(rule.max_bytes for rule in attachment_rules().kinds.values())
    return max(largest_attachment * files_per_reply, largest_document) + MULTIPART_FIELDS_BYTES


class BodyLimit:
    """413 for a body over the limit: at once when Content-Length says so, else as soon as the bytes read pass
    it (chunked bodies), before a route parses or stores anything."""

    def __init__(self, app: ASGIApp, *, max_bytes: int, max_upload_bytes: int) -> None:
        self.app = app
        self._max = max_bytes
        self._max_upload = max_upload_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        multipart = headers.get("content-type", "").lower().startswith("multipart/form-data")
        limit = self._max_upload if multipart else self._max
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await _too_large(limit)(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:  # raised inside the route's body read: answered 413 by FastAPI's handler
                    raise HTTPException(413, _too_large_detail(limit))
            return message

        await self.app(scope, counted, send)


def _too_large_detail(limit: int) -> str:
    return f"request body larger than {limit} bytes"


def _too_large(limit: int) -> JSONResponse:
    return JSONResponse({"detail": _too_large_detail(limit)}, status_code=413)


async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    """FastAPI's 422, minus the `input` of each error: a refused login or account must not send the password
    (or a key) back, nor anywhere a response body is logged."""
    errors = [{k: v for k, v in error.items() if k != "input"} for error in exc.errors()]
    return JSONResponse({"detail": jsonable_encoder(errors)}, status_code=422)
