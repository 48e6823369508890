"""Message templates: the WABA's approved templates (`templates.json`, validated at start-up), the Graph list
endpoint `GET /{waba_id}/message_templates`, and the check a `type: template` send goes through.

Errors are the ones Meta answers synchronously (Cloud API error-codes page; wording and `details` as the
Graph API returns them to users):
- 132001, HTTP 404, "(#132001) Template name does not exist in the translation", details "template name
  (X) does not exist in en_US": an unknown name, or a name without that language;
- 132000, HTTP 400, "(#132000) Number of parameters does not match the expected number of params",
  details "body: number of localizable_params (0) does not match the expected number of params (1)";
- 131008, HTTP 400, "(#131008) Required parameter is missing", details "Parameter of type text is missing
  text value": a text parameter that is empty or absent.
"""

import base64
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from parley_sandbox.meta import GraphError, invalid_parameter, unknown_object
from parley_sandbox.state import SandboxState
from parley_sandbox.whatsapp.graph import check_auth, check_version
from parley_sandbox.whatsapp.schemas import Template

_PLACEHOLDER = re.compile(r"\{\{(\d+)\}\}")
# The component types a send may give parameters for; the registry has placeholders in BODY only.
_PARAMETER_PARTS = ("header", "body")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ComponentDef(_Strict):
    type: Literal["HEADER", "BODY", "FOOTER"]
    format: Literal["TEXT"] | None = None
    text: str = Field(min_length=1, max_length=1024)

    @property
    def placeholders(self) -> int:
        return len(set(_PLACEHOLDER.findall(self.text)))


class TemplateDef(_Strict):
    """One approved template in one language, as `GET /message_templates` lists it."""

    id: str = Field(pattern=r"^[0-9]{6,20}$")
    name: str = Field(pattern=r"^[a-z0-9_]{1,512}$")  # Meta: lower-case letters, digits and underscores
    language: str = Field(pattern=r"^[a-z]{2,3}(_[A-Z]{2})?$")
    category: Literal["MARKETING", "UTILITY", "AUTHENTICATION"]
    components: list[ComponentDef] = Field(min_length=1)

    @field_validator("components")
    @classmethod
    def _shape(cls, components: list[ComponentDef]) -> list[ComponentDef]:
        counts = Counter(c.type for c in components)
        if counts["BODY"] != 1 or counts["HEADER"] > 1 or counts["FOOTER"] > 1:
            raise ValueError("exactly one BODY, at most one HEADER and one FOOTER")
        for c in components:
            numbers = sorted({int(n) for n in _PLACEHOLDER.findall(c.text)})
            if c.type != "BODY" and numbers:
                raise ValueError(f"{c.type}: placeholders are supported in BODY only")
            if numbers != list(range(1, len(numbers) + 1)):
                raise ValueError(f"{c.type}: placeholders must be {{{{1}}}}, {{{{2}}}}, ... without gaps")
        return components

    def part(self, kind: str) -> ComponentDef | None:
        return next((c for c in self.components if c.type == kind.upper()), None)

    def expected_parameters(self, kind: str) -> int:
        component = self.part(kind)
        return component.placeholders if component else 0

    def listing(self) -> dict[str, Any]:
        """The item `GET /{waba_id}/message_templates` answers for this template."""
        return {
            "name": self.name,
            "language": self.language,
            "status": "APPROVED",
            "category": self.category,
            "components": [c.model_dump(exclude_none=True) for c in self.components],
            "id": self.id,
        }


class TemplatesFile(_Strict):
    about: str
    templates: list[TemplateDef] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> "TemplatesFile":
        keys = [(t.name, t.language) for t in self.templates]
        if len(set(keys)) != len(keys):
            raise ValueError("a (name, language) pair appears twice")
        ids = [t.id for t in self.templates]
        if len(set(ids)) != len(ids):
            raise ValueError("template ids must be unique")
        return self

    def find(self, name: str, language: str) -> TemplateDef | None:
        return next((t for t in self.templates if t.name == name and t.language == language), None)


class RenderedTemplate(BaseModel):
    """What the customer's phone shows: the approved text with the parameters filled in."""

    name: str
    language: str
    header: str | None
    body: str
    footer: str | None


@lru_cache(maxsize=1)
def registry() -> TemplatesFile:
    """Read once; a malformed file fails the app at start-up (`routers()` calls this)."""
    text = resources.files("parley_sandbox.whatsapp").joinpath("templates.json").read_text(encoding="utf-8")
    return TemplatesFile.model_validate_json(text)


def _fill(text: str, values: list[str]) -> str:
    return _PLACEHOLDER.sub(lambda m: values[int(m.group(1)) - 1], text)


def _values(template: Template) -> dict[str, list[str]]:
    """Parameter values per component type; refuses empty texts (131008) and what the registry cannot have."""
    values: dict[str, list[str]] = {}
    for i, component in enumerate(template.components):
        if component.type not in _PARAMETER_PARTS:
            raise invalid_parameter(f"Param template.components[{i}]: template {template.name} has no buttons.")
        if component.type in values:
            raise invalid_parameter(f"Param template.components has more than one {component.type} component.")
        for p in component.parameters:
            if p.type == "text" and not p.text:
                raise GraphError(
                    400,
                    131008,
                    "(#131008) Required parameter is missing",
                    details="Parameter of type text is missing text value",
                )
        values[component.type] = [p.value() for p in component.parameters]
    return values


def check_send(sent: Template) -> RenderedTemplate:
    """Check a `type: template` send against the registry; the rendered text, or Meta's error."""
    code = sent.language.code
    definition = registry().find(sent.name, code)
    if definition is None:
        raise GraphError(
            404,
            132001,
            "(#132001) Template name does not exist in the translation",
            details=f"template name ({sent.name}) does not exist in {code}",
        )
    values = _values(sent)
    for kind in _PARAMETER_PARTS:
        got, expected = len(values.get(kind, [])), definition.expected_parameters(kind)
        if got != expected:
            raise GraphError(
                400,
                132000,
                "(#132000) Number of parameters does not match the expected number of params",
                details=f"{kind}: number of localizable_params ({got}) does not match the expected number "
                f"of params ({expected})",
            )
    header, body, footer = (definition.part(k) for k in ("header", "body", "footer"))
    assert body is not None
    return RenderedTemplate(
        name=definition.name,
        language=definition.language,
        header=header.text if header else None,
        body=_fill(body.text, values.get("body", [])),
        footer=footer.text if footer else None,
    )


def _cursor(index: int) -> str:
    return base64.urlsafe_b64encode(f"index:{index}".encode()).decode()


def _index(cursor: str) -> int:
    try:
        return int(base64.urlsafe_b64decode(cursor.encode()).decode().removeprefix("index:"))
    except ValueError:
        raise invalid_parameter("Param after is not a valid cursor.") from None


def build_router(state: SandboxState) -> APIRouter:
    router = APIRouter(prefix="/graph", tags=["whatsapp: provider (Graph API)"])
    templates = registry()

    @router.get("/{version}/{waba_id}/message_templates", summary="The WABA's message templates")
    async def list_templates(
        version: str,
        waba_id: str,
        request: Request,
        name: str | None = Query(None, description="templates whose name contains this"),
        language: str | None = None,
        status: str | None = None,
        category: str | None = None,
        limit: int = Query(25, ge=1, le=1000),
        after: str | None = Query(None, description="paging.cursors.after of the previous page"),
    ) -> dict[str, Any]:
        check_version(version, f"{waba_id}/message_templates")
        check_auth(request, state.settings)
        if waba_id != state.settings.whatsapp_waba_id:
            raise unknown_object("get", waba_id)
        items = [
            t.listing()
            for t in templates.templates
            if (name is None or name in t.name)
            and language in (None, t.language)
            and (status is None or status.upper() == "APPROVED")
            and (category is None or category.upper() == t.category)
        ]
        start = _index(after) + 1 if after else 0
        page = items[start : start + limit]
        paging: dict[str, Any] = {"cursors": {"before": _cursor(start), "after": _cursor(start + len(page) - 1)}}
        if start + len(page) < len(items):
            paging["next"] = str(request.url.include_query_params(after=paging["cursors"]["after"]))
        return {"data": page, "paging": paging}

    return router
