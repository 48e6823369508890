"""`GET /api/templates`: the WhatsApp templates the console offers when a conversation's reply window is closed."""

from fastapi import APIRouter, HTTPException, status

from parley_dashboard.deps import PrincipalDep, ServicesDep
from parley_dashboard.templates import TemplateInfo, TemplatesUnavailable

router = APIRouter(prefix="/api/templates", tags=["threads"])


@router.get("", response_model=list[TemplateInfo], responses={503: {"description": "WhatsApp could not be asked"}})
async def list_templates(services: ServicesDep, principal: PrincipalDep) -> list[TemplateInfo]:
    """The WhatsApp account's approved message templates (name, language, texts, how many body parameters):
    send one with `POST /api/threads/{thread_key}/messages` `{"template": {"name", "language", "parameters"}}`."""
    try:
        return await services.templates.approved()
    except TemplatesUnavailable as exc:
        detail = f"WhatsApp's template list is unavailable: {exc}"
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, detail) from exc
