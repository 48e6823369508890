"""`WS /api/live`: the caller's business units, live."""

from fastapi import APIRouter, WebSocket

from parley_dashboard.deps import Services, websocket_principal

router = APIRouter(tags=["live"])
UNAUTHORIZED = 4401


@router.websocket("/api/live")
async def live(websocket: WebSocket) -> None:
    """Authenticate with `Authorization: Bearer <token>` or `?access_token=<token>` (browsers), or `X-API-Key`.
    Messages (JSON): `hello` first; then `thread.updated` (thread, messages, transitions, command outcome),
    `notification`, and `ping` every 25 s. Closed with 4401 when the credentials are wrong."""
    principal = await websocket_principal(websocket)
    await websocket.accept()
    if principal is None:
        await websocket.close(UNAUTHORIZED, "missing or invalid credentials")
        return
    services: Services = websocket.app.state.services
    hello = {
        "type": "hello",
        "id": principal.id,
        "name": principal.name,
        "role": str(principal.role),
        "tenants": sorted(principal.tenants) if principal.tenants is not None else None,
    }
    await services.hub.serve(websocket, principal, hello)
