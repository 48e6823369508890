"""The stand-in API's memory: per endpoint name, its queue of scripted responses, its default, its secret and the
calls it received. Endpoint names are free, so each test (or business, or flow) scripts its own without touching
another's. In memory, calls bounded per endpoint like the rest of the sandbox's recordings, guarded by an asyncio
lock so concurrent calls each take their own scripted response."""

import asyncio
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from parley_sandbox.flow_api.script import ScriptedResponse

FINISH = ScriptedResponse(kind="finish")


@dataclass(frozen=True, slots=True)
class FlowCall:
    """One POST the endpoint received, answered or refused."""

    at: str  # ISO-8601, from the sandbox's clock
    delivery: str | None
    idempotency_key: str | None
    signature_ok: bool
    body: Any  # the parsed JSON, None when the body was not JSON
    status: int  # what the sandbox answered
    kind: str  # the scripted kind that answered, or "rejected"
    error: str | None = None  # why it was rejected


@dataclass(frozen=True, slots=True)
class EndpointView:
    responses: list[ScriptedResponse]
    default: ScriptedResponse
    custom_secret: bool


@dataclass
class _Endpoint:
    calls: deque[FlowCall]
    queue: deque[ScriptedResponse] = field(default_factory=deque)
    default: ScriptedResponse = field(default_factory=lambda: FINISH)
    secret: str | None = None  # None: the sandbox's SANDBOX_FLOW_API_SECRET


class FlowEndpoints:
    def __init__(self, secret: str, max_calls: int) -> None:
        self._secret = secret
        self._max_calls = max_calls
        self._endpoints: dict[str, _Endpoint] = {}
        self._lock = asyncio.Lock()

    def _get(self, name: str) -> _Endpoint:
        endpoint = self._endpoints.get(name)
        if endpoint is None:
            endpoint = self._endpoints[name] = _Endpoint(calls=deque(maxlen=self._max_calls))
        return endpoint

    @staticmethod
    def _view(endpoint: _Endpoint | None) -> EndpointView:
        if endpoint is None:
            return EndpointView([], FINISH, False)
        return EndpointView(list(endpoint.queue), endpoint.default, endpoint.secret is not None)

    async def script(
        self,
        name: str,
        responses: list[ScriptedResponse],
        *,
        default: ScriptedResponse | None = None,
        secret: str | None = None,
    ) -> EndpointView:
        """Replace the queue; the default and the secret change only when given."""
        async with self._lock:
            endpoint = self._get(name)
            endpoint.queue = deque(responses)
            if default is not None:
                endpoint.default = default
            if secret is not None:
                endpoint.secret = secret
            return self._view(endpoint)

    async def view(self, name: str) -> EndpointView:
        async with self._lock:
            return self._view(self._endpoints.get(name))

    async def secret(self, name: str) -> str:
        async with self._lock:
            endpoint = self._endpoints.get(name)
            return self._secret if endpoint is None or endpoint.secret is None else endpoint.secret

    async def take(self, name: str) -> ScriptedResponse:
        """The response this call answers with: the oldest queued one (consumed), else the default."""
        async with self._lock:
            endpoint = self._get(name)
            return endpoint.queue.popleft() if endpoint.queue else endpoint.default

    async def record(self, name: str, call: FlowCall) -> None:
        async with self._lock:
            self._get(name).calls.append(call)

    async def calls(self, name: str) -> list[FlowCall]:
        async with self._lock:
            endpoint = self._endpoints.get(name)
            return [] if endpoint is None else list(endpoint.calls)

    async def clear(self, name: str) -> bool:
        """Forget the endpoint: script, default, secret and calls. Whether there was anything to forget."""
        async with self._lock:
            return self._endpoints.pop(name, None) is not None

    async def clear_calls(self) -> int:
        """Every endpoint's recorded calls (the sandbox-wide recordings reset); scripts stay, as faults do."""
        async with self._lock:
            cleared = sum(len(e.calls) for e in self._endpoints.values())
            for endpoint in self._endpoints.values():
                endpoint.calls.clear()
            return cleared
