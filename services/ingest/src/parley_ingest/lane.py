"""Webhook deliveries served straight from ASGI, ahead of FastAPI's per-request machinery (docs/adr/0011).

A provider's POST is the one request ingest must answer fast and at volume. Measured at 1,000 webhooks/s
(`make bench`, py-spy), a delivery cost ingest 1.5 ms of CPU, most of it in FastAPI's routing, dependency solving
and exception middleware around a 0.3 ms endpoint; served here it costs about half. So the delivery routes are
matched in this one middleware, and every other request (Meta's verification GETs, health, the docs) goes on to
FastAPI.

A route is a path (with `{name}` parameters and their patterns), the channel it serves, and a handler: an async
function of the Starlette request and the `IngestContext` that returns a response or raises `HTTPException`.
The lane applies the per-address rate limit first, turns an `HTTPException` into the same JSON `{"detail": …}`
answer FastAPI gives, answers 503 while the channel accounts cannot be read, and documents every route in the
app's OpenAPI document."""

import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import structlog
from fastapi import FastAPI, HTTPException, status
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import JSONResponse
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from parley_business.channel_account_store import AccountsUnavailable
from parley_contracts import Channel
from parley_ingest.deps import UNAVAILABLE_RETRY_AFTER_SECONDS, IngestContext

log = structlog.get_logger()

Handler = Callable[[Request, IngestContext], Awaitable[Response]]

# Every delivery route can answer these besides its own (deps.py, and the lane itself).
COMMON_RESPONSES = {
    200: "Accepted: every event of the delivery is acknowledged by Kafka (acks=all).",
    413: "The body exceeds MAX_BODY_BYTES.",
    429: "This client address sends too fast (Retry-After).",
    503: "Kafka did not acknowledge in time, or the channel accounts cannot be read: retry later (Retry-After).",
}


@dataclass(frozen=True)
class DeliveryRoute:
    """`POST path`: `path` may hold `{name}` parameters, each matching `params[name]` (a regular expression)."""

    path: str
    channel: Channel
    handle: Handler
    params: Mapping[str, str] = field(default_factory=dict)
    headers: Mapping[str, str] = field(default_factory=dict)  # documented request headers: name → meaning
    responses: Mapping[int, str] = field(default_factory=dict)  # documented answers besides COMMON_RESPONSES
    pattern: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        regex = re.sub(r"\{(\w+)\}", lambda m: f"(?P<{m[1]}>{self.params[m[1]]})", self.path)
        object.__setattr__(self, "pattern", re.compile(regex))

    def match(self, path: str) -> dict[str, str] | None:
        found = self.pattern.fullmatch(path)
        return found.groupdict() if found else None


class WebhookLane:
    """The ASGI middleware that serves `routes` (add it with `app.add_middleware(WebhookLane, routes=…)`); it sits
    inside Starlette's outermost error middleware, so an unexpected error is still a logged 500."""

    def __init__(self, app: ASGIApp, routes: tuple[DeliveryRoute, ...]) -> None:
        self.app = app
        self.routes = routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        found = self._match(scope) if scope["type"] == "http" and scope["method"] == "POST" else None
        if found is None:
            await self.app(scope, receive, send)
            return
        route, params = found
        scope["path_params"] = params
        request = Request(scope, receive)
        ingest: IngestContext = scope["app"].state.ingest
        try:
            ingest.check_rate(request)
            response = await route.handle(request, ingest)
        except HTTPException as exc:
            response = await http_exception_handler(request, exc)
        except AccountsUnavailable as exc:
            response = accounts_unavailable(route.channel, exc)
        await response(scope, receive, send)

    def _match(self, scope: Scope) -> tuple[DeliveryRoute, dict[str, str]] | None:
        path = scope["path"]
        for route in self.routes:
            if (params := route.match(path)) is not None:
                return route, params
        return None


def accounts_unavailable(channel: Channel, exc: AccountsUnavailable) -> Response:
    """The database is down and the accounts were never read: the provider retries later (nothing is lost)."""
    log.warning("webhook.accounts_unavailable", channel=channel, reason=str(exc))
    return JSONResponse(
        {"detail": "channel accounts are unavailable: retry later"},
        status.HTTP_503_SERVICE_UNAVAILABLE,
        headers={"Retry-After": str(UNAVAILABLE_RETRY_AFTER_SECONDS)},
    )


def serve(app: FastAPI, routes: tuple[DeliveryRoute, ...]) -> None:
    """Serve `routes` on `app` through the lane, and list them in its OpenAPI document."""
    app.add_middleware(WebhookLane, routes=routes)
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = generate()
            for route in routes:
                schema.setdefault("paths", {}).setdefault(route.path, {})["post"] = _operation(route)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]  # FastAPI's documented way to extend the document


def _operation(route: DeliveryRoute) -> dict[str, Any]:
    doc = (route.handle.__doc__ or "").strip()
    parameters = [
        {"name": name, "in": "path", "required": True, "schema": {"type": "string", "pattern": f"^{pattern}$"}}
        for name, pattern in route.params.items()
    ] + [
        {"name": name, "in": "header", "required": False, "description": meaning, "schema": {"type": "string"}}
        for name, meaning in route.headers.items()
    ]
    return {
        "tags": [str(route.channel)],
        "summary": doc.splitlines()[0] if doc else route.path,
        "description": doc,
        "operationId": f"receive_{route.channel}_delivery",
        "parameters": parameters,
        "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object"}}}},
        "responses": {
            str(code): {"description": meaning}
            for code, meaning in sorted({**COMMON_RESPONSES, **route.responses}.items())
        },
    }
