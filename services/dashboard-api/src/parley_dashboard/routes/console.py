"""The operator console (services/dashboard-api/console, built by `make console`): its page for every path the
single-page app routes itself (`/`, `/inbox/…`, `/threads/…`, …), and its files under `/assets` and `/vendor`
(the latter also serves /docs' Swagger UI and ReDoc, so the API's docs work offline)."""

from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse
from starlette.staticfiles import StaticFiles

router = APIRouter(include_in_schema=False)
# The app's own routes (console/src/router.ts): a reload or a shared link lands on the page, which routes itself.
PAGES = ("/", "/ui", "/login", "/inbox", "/analytics", "/admin")
SUBTREES = ("/inbox", "/threads", "/contacts", "/admin")
NOT_BUILT = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Parley console not built</title></head>
<body><main><h1>The operator console has not been built</h1><p>Run <code>make console</code> (or <code>make run</code>,
which builds it) and reload. The API itself works: see <a href="/docs">/docs</a>.</p></main></body></html>"""


def _index(request: Request) -> FileResponse | HTMLResponse:
    index = Path(request.app.state.console_dir) / "index.html"
    if not index.is_file():
        return HTMLResponse(NOT_BUILT, status_code=503)
    return FileResponse(index, media_type="text/html")


for _path in PAGES:
    router.add_api_route(_path, _index, methods=["GET"], response_model=None)
for _tree in SUBTREES:
    router.add_api_route(_tree + "/{rest:path}", _index, methods=["GET"], response_model=None)


def mount_console(app: FastAPI, console_dir: Path) -> None:
    """Static files need no credentials: the bundle holds no data (every call it makes is authenticated)."""
    app.state.console_dir = console_dir
    app.include_router(router)
    for name in ("assets", "vendor"):
        app.mount(f"/{name}", StaticFiles(directory=console_dir / name, check_dir=False), name=f"console-{name}")
