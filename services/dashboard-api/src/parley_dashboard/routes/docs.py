"""The API's own documentation: `/openapi.json`, Swagger UI at `/docs`, ReDoc at `/redoc`.

FastAPI's built-in pages are open to anyone; here they are served by routes of our own so that in production
(`PARLEY_ENVIRONMENT=production`) they take the same credentials as the API (a bearer token or `X-API-Key`):
the document lists every route and model, which is a map for an attacker. In development they stay open, as
`make run` prints /docs for people to try. Their scripts and styles are the console build's copies (`/vendor`, from
the npm packages swagger-ui-dist and redoc): the pages work without internet."""

from fastapi import APIRouter, Depends, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse, JSONResponse

from parley_dashboard.deps import UNAUTHORIZED, CallerDep, ServicesDep
from parley_dashboard.schemas import ReplyIn

OPENAPI_URL = "/openapi.json"
OAUTH2_REDIRECT_URL = "/docs/oauth2-redirect"
SWAGGER = "/vendor/swagger-ui"
REDOC_JS = "/vendor/redoc/redoc.standalone.js"
# Bodies a route reads itself (JSON or multipart), described by `openapi_extra` with a $ref: their schemas, and the
# models those refer to, are added to the document's components here (a pydantic schema's own "$defs" would
# leave references that Swagger UI and ReDoc cannot resolve).
REQUEST_MODELS = (ReplyIn,)
REF_TEMPLATE = "#/components/schemas/{model}"


async def docs_access(services: ServicesDep, principal: CallerDep) -> None:
    if services.settings.environment == "production" and principal is None:
        raise UNAUTHORIZED


router = APIRouter(include_in_schema=False, dependencies=[Depends(docs_access)])


def _root(request: Request) -> str:
    return request.scope.get("root_path", "").rstrip("/")


def document(app) -> dict:
    doc = app.openapi()  # built once and cached by FastAPI: the additions below are made once too
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    for model in REQUEST_MODELS:
        schema = model.model_json_schema(ref_template=REF_TEMPLATE)
        for name, definition in schema.pop("$defs", {}).items():
            schemas.setdefault(name, definition)
        schemas.setdefault(model.__name__, schema)
    return doc


@router.get(OPENAPI_URL)
async def openapi(request: Request) -> JSONResponse:
    return JSONResponse(document(request.app))


@router.get("/docs")
async def swagger_ui(request: Request) -> HTMLResponse:
    return get_swagger_ui_html(
        openapi_url=_root(request) + OPENAPI_URL,
        title=f"{request.app.title} - Swagger UI",
        oauth2_redirect_url=_root(request) + OAUTH2_REDIRECT_URL,
        swagger_js_url=_root(request) + f"{SWAGGER}/swagger-ui-bundle.js",
        swagger_css_url=_root(request) + f"{SWAGGER}/swagger-ui.css",
        swagger_favicon_url=_root(request) + f"{SWAGGER}/favicon-32x32.png",
        swagger_ui_parameters={"validatorUrl": None},  # no validator badge fetched from swagger.io
    )


@router.get(OAUTH2_REDIRECT_URL)
async def swagger_ui_redirect() -> HTMLResponse:
    return get_swagger_ui_oauth2_redirect_html()


@router.get("/redoc")
async def redoc(request: Request) -> HTMLResponse:
    return get_redoc_html(
        openapi_url=_root(request) + OPENAPI_URL,
        title=f"{request.app.title} - ReDoc",
        redoc_js_url=_root(request) + REDOC_JS,
        redoc_favicon_url=_root(request) + f"{SWAGGER}/favicon-32x32.png",
        with_google_fonts=False,
    )
