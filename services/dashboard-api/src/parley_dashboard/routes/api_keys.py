"""Integration API keys (admins): each scoped to business units and a role."""

from fastapi import APIRouter, HTTPException, Response, status

from parley_dashboard.deps import AdminDep, ServicesDep
from parley_dashboard.schemas import ApiKeyIn, ApiKeyOut

router = APIRouter(prefix="/api/api-keys", tags=["api keys"])


@router.post("", response_model=ApiKeyOut, status_code=status.HTTP_201_CREATED)
async def create_key(body: ApiKeyIn, services: ServicesDep, principal: AdminDep) -> ApiKeyOut:
    """The key is in this answer only (send it as `X-API-Key`); Parley keeps its hash."""
    if not principal.covers(body.tenants):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "you can only give access to your own business units")
    if not principal.role.includes(body.role):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "a key cannot have more rights than its creator")
    key, doc = await services.api_keys.create(
        name=body.name, role=body.role, tenants=body.tenants, created_by=principal.id
    )
    return ApiKeyOut(**{k: v for k, v in doc.items() if k != "_id"}, key=key)


@router.get("", response_model=list[ApiKeyOut])
async def list_keys(services: ServicesDep, principal: AdminDep) -> list[ApiKeyOut]:
    return [ApiKeyOut(**d) for d in await services.api_keys.listed() if principal.covers(d["tenants"])]


@router.delete("/{key_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_key(key_id: str, services: ServicesDep, principal: AdminDep) -> Response:
    keys = {d["key_id"]: d for d in await services.api_keys.listed()}
    if key_id not in keys or not principal.covers(keys[key_id]["tenants"]):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no API key {key_id}")
    await services.api_keys.delete(key_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
