"""The WhatsApp message templates an operator may send outside the 24-hour window: a WhatsApp account's approved
templates as Graph lists them (`GET /{waba_id}/message_templates`, paged, with the account's token), reused for a while (they change
rarely; every reply window that closes in the console asks for them)."""

import re
import time
from collections.abc import Callable
from typing import Any

import httpx
import structlog
from pydantic import BaseModel, Field

from parley_business import ChannelAccount

log = structlog.get_logger()
PLACEHOLDER = re.compile(r"\{\{\s*(\d+)\s*\}\}")
MAX_PAGES = 20  # 20 pages of 100: far more templates than an account has; a loop in `next` cannot spin forever


class TemplateInfo(BaseModel):
    """What the console's template picker shows and what a reply's `template` names."""

    name: str
    language: str
    category: str | None = None
    header: str | None = None
    body: str = ""
    footer: str | None = None
    parameters: int = Field(description="How many body parameters ({{1}}, {{2}}, …) the template takes.")


class TemplatesUnavailable(Exception):
    """Graph could not be asked, or answered something else than a template list."""


def parse_listing(items: list[dict[str, Any]]) -> list[TemplateInfo]:
    """Approved templates only; unknown component types and fields are ignored, never a reason to fail."""
    found = []
    for item in items:
        if not isinstance(item, dict) or str(item.get("status", "APPROVED")).upper() != "APPROVED":
            continue
        name, language = item.get("name"), item.get("language")
        if not isinstance(name, str) or not isinstance(language, str):
            continue
        texts: dict[str, str] = {}
        for component in item.get("components") or []:
            if isinstance(component, dict) and isinstance(component.get("text"), str):
                texts[str(component.get("type", "")).upper()] = component["text"]
        body = texts.get("BODY", "")
        found.append(
            TemplateInfo(
                name=name,
                language=language,
                category=item.get("category") if isinstance(item.get("category"), str) else None,
                header=texts.get("HEADER"),
                body=body,
                footer=texts.get("FOOTER"),
                parameters=len({m for m in PLACEHOLDER.findall(body)}),
            )
        )
    return sorted(found, key=lambda t: (t.name, t.language))


class TemplateCatalog:
    """Templates per WhatsApp account: listed with the account's own token, from its business account
    (`waba_id` in the account's config), each account's list reused for `ttl_seconds`."""

    def __init__(self, client: httpx.AsyncClient, graph_url: Callable[[str], str], ttl_seconds: float) -> None:
        self._client = client
        self._graph_url = graph_url
        self._ttl = ttl_seconds
        self._cached: dict[str, tuple[float, list[TemplateInfo]]] = {}

    async def approved(self, account: ChannelAccount) -> list[TemplateInfo]:
        now = time.monotonic()
        cached = self._cached.get(account.account_id)
        if cached and now - cached[0] < self._ttl:
            return cached[1]
        waba_id = account.setting("waba_id")
        if not waba_id:
            raise TemplatesUnavailable(f"WhatsApp account {account.account_id} has no waba_id in its config")
        templates = parse_listing(await self._fetch_all(f"{waba_id}/message_templates", account.secret("access_token")))
        self._cached[account.account_id] = (now, templates)
        return templates

    async def _fetch_all(self, path: str, token: str) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        url: str | None = self._graph_url(path)
        params: dict[str, Any] | None = {"limit": 100}
        for _ in range(MAX_PAGES):
            if url is None:
                break
            try:
                response = await self._client.get(url, params=params, headers={"Authorization": f"Bearer {token}"})
                response.raise_for_status()
                page = response.json()
            except (httpx.HTTPError, ValueError) as exc:
                log.warning("templates.unavailable", error=type(exc).__name__)
                raise TemplatesUnavailable(type(exc).__name__) from exc
            if not isinstance(page, dict) or not isinstance(page.get("data"), list):
                raise TemplatesUnavailable("not a template list")
            items.extend(page["data"])
            next_url = (page.get("paging") or {}).get("next")
            url, params = (next_url, None) if isinstance(next_url, str) else (None, None)
        return items
