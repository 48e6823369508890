"""The API's own documentation: `/openapi.json`, Swagger UI at `/docs`, ReDoc at `/redoc`.

FastAPI's built-in pages are open to anyone; here they are served by routes of our own so that in production
(`PARLEY_ENVIRONMENT=production`) they take the same credentials as the API (a bearer token or `X-API-Key`):
the document lists every route and model, which is a map for an attacker. In development they stay open, as
`make run` prints /docs for people to try."""

from fastapi import APIRouter, Depends, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse, JSONResponse

from parley_dashboard.deps import UNAUTHORIZED, CallerDep, ServicesDep

OPENAPI_URL = "/openapi.json"
OAUTH2_REDIRECT_URL = "/docs/oauth2-redirect"


async def docs_access(services: ServicesDep, principal: CallerDep) -> None:
    if services.settings.environment == "production" and principal is None:
        raise UNAUTHORIZED


router = APIRouter(include_in_schema=False, dependencies=[Depends(docs_access)])


def _root(request: Request) -> str:
    return request.scope.get("root_path", "").rstrip("/")


@router.get(OPENAPI_URL)
async def openapi(request: Request) -> JSONResponse:
    return JSONResponse(request.app.openapi())


@router.get("/docs")
async def swagger_ui(request: Request) -> HTMLResponse:
    return get_swagger_ui_html(
        openapi_url=_root(request) + OPENAPI_URL,
        title=f"{request.app.title} - Swagger UI",
        oauth2_redirect_url=_root(request) + OAUTH2_REDIRECT_URL,
        swagger_ui_parameters={"validatorUrl": None},  # no validator badge fetched from swagger.io
    )


@router.get(OAUTH2_REDIRECT_URL)
async def swagger_ui_redirect() -> HTMLResponse:
    return get_swagger_ui_oauth2_redirect_html()


@router.get("/redoc")
async def redoc(request: Request) -> HTMLResponse:
    return get_redoc_html(openapi_url=_root(request) + OPENAPI_URL, title=f"{request.app.title} - ReDoc")
