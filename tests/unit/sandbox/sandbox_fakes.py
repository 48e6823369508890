"""Test doubles and request builders for the sandbox tests (imported by conftest and the tests)."""

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from parley_sandbox.settings import SandboxSettings
from parley_sandbox.state import SandboxState

INGEST = "http://ingest.test"
PHONE_NUMBER_ID = "100000000000777"
TOKEN = "test-access-token"
APP_SECRET = "test-app-secret"
VERIFY_TOKEN = "test-verify-token"
GRAPH_URL = f"/graph/v21.0/{PHONE_NUMBER_ID}/messages"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
NOW = 1_760_000_000.0
# The `make_sandbox` fixture: (async client to the app, its state) from settings overrides.
Sandbox = Callable[..., tuple[httpx.AsyncClient, SandboxState]]


@dataclass
class Received:
    method: str
    url: httpx.URL
    headers: httpx.Headers
    content: bytes

    def json(self) -> Any:
        return json.loads(self.content)


@dataclass
class FakeIngest:
    """Plays Parley's ingest through httpx.MockTransport: records requests, answers like the real one."""

    verify_token: str = VERIFY_TOKEN
    status: int = 200
    reply: str = '{"status":"ok"}'
    unreachable: bool = False
    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def handler(self, request: httpx.Request) -> httpx.Response:
        if self.unreachable:
            raise httpx.ConnectError("All connection attempts failed", request=request)
        with self.lock:
            self.received.append(Received(request.method, request.url, request.headers, request.content))
        if request.method == "GET":
            params = request.url.params
            if params.get("hub.mode") == "subscribe" and params.get("hub.verify_token") == self.verify_token:
                return httpx.Response(200, text=params.get("hub.challenge", ""))
            return httpx.Response(403, text="forbidden")
        return httpx.Response(self.status, text=self.reply)

    def posts(self) -> list[Received]:
        with self.lock:
            return [r for r in self.received if r.method == "POST"]


def make_settings(**overrides: Any) -> SandboxSettings:
    values: dict[str, Any] = {
        "sandbox_ingest_url": INGEST,
        "whatsapp_access_token": TOKEN,
        "whatsapp_app_secret": APP_SECRET,
        "whatsapp_phone_number_id": PHONE_NUMBER_ID,
        "whatsapp_display_phone_number": "15550000777",
        "whatsapp_waba_id": "200000000000777",
        "whatsapp_verify_token": VERIFY_TOKEN,
        "sandbox_status_webhooks": False,
    }
    values.update(overrides)
    return SandboxSettings(**values)


def text_body(to: str = "5491155550001", body: str = "Hola!", **extra: Any) -> dict[str, Any]:
    return {"messaging_product": "whatsapp", "to": to, "type": "text", "text": {"body": body}, **extra}


def buttons_body(to: str = "5491155550001", *options: tuple[str, str], text: str = "Pick one") -> dict[str, Any]:
    options = options or (("yes", "Yes"), ("no", "No"))
    return {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": to,
        "type": "interactive",
        "interactive": {
            "type": "button",
            "body": {"text": text},
            "action": {"buttons": [{"type": "reply", "reply": {"id": i, "title": t}} for i, t in options]},
        },
    }


def list_body(to: str = "5491155550001", sections: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "messaging_product": "whatsapp",
        "to": to,
        "type": "interactive",
        "interactive": {
            "type": "list",
            "body": {"text": "Choose a plan"},
            "action": {
                "button": "Plans",
                "sections": sections
                or [{"title": "Plans", "rows": [{"id": "basic", "title": "Basic", "description": "cheap"}]}],
            },
        },
    }


MEDIA_URL = f"/graph/v21.0/{PHONE_NUMBER_ID}/media"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4  # a PNG signature is all the sandbox needs


def upload_form(
    data: bytes = PNG,
    filename: str = "photo.png",
    content_type: str = "image/png",
    type_: str | None = None,
    **fields: str,
) -> dict[str, Any]:
    """Keyword arguments for `client.post(MEDIA_URL, headers=AUTH, **upload_form(...))`: Meta's multipart form."""
    form = {"messaging_product": "whatsapp", "type": type_ or content_type, **fields}
    return {"files": {"file": (filename, data, content_type)}, "data": form}


def media_body(kind: str, to: str = "5491155550001", **media: str) -> dict[str, Any]:
    return {"messaging_product": "whatsapp", "to": to, "type": kind, kind: media}


def template_body(
    name: str, language: str, *params: str, to: str = "5491155550001", component: str = "body"
) -> dict[str, Any]:
    template: dict[str, Any] = {"name": name, "language": {"code": language}}
    if params:
        template["components"] = [{"type": component, "parameters": [{"type": "text", "text": p} for p in params]}]
    return {"messaging_product": "whatsapp", "to": to, "type": "template", "template": template}


def status_items(posts: list[Received]) -> list[dict[str, Any]]:
    """The `statuses[]` items among webhooks posted to ingest, in order."""
    values = [p.json()["entry"][0]["changes"][0]["value"] for p in posts]
    return [s for v in values for s in v.get("statuses", [])]
