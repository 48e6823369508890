"""Files in messages (operators' attachments), for the console to show."""

from fastapi import APIRouter, HTTPException, Response, status

from parley_dashboard.deps import PrincipalDep, ServicesDep

router = APIRouter(prefix="/api/media", tags=["media"])


@router.get("/{media_id}", response_class=Response, responses={200: {"content": {"application/octet-stream": {}}}})
async def download(media_id: str, services: ServicesDep, principal: PrincipalDep) -> Response:
    stored = await services.media.info(media_id)
    if stored is None or not principal.sees(stored.tenant):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no media {media_id}")
    data = await services.media.read(media_id)
    if data is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"media {media_id} is incomplete")
    name = (stored.ref.filename or media_id).replace('"', "")
    return Response(
        data,
        media_type=stored.ref.mime_type or "application/octet-stream",
        headers={"Content-Disposition": f'inline; filename="{name}"', "Cache-Control": "private, max-age=3600"},
    )
