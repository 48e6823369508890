"""Business units (company profiles): their display name, logo and conversation policy."""

from fastapi import APIRouter

from parley_business import BusinessUnit, UnitSettings
from parley_dashboard.deps import AdminDep, PrincipalDep, ServicesDep, TenantPath, visible_tenant

router = APIRouter(prefix="/api/business-units", tags=["business units"])


@router.get("", response_model=list[BusinessUnit])
async def list_units(services: ServicesDep, principal: PrincipalDep) -> list[BusinessUnit]:
    """The business units the caller works for (with their settings, defaults where none were saved)."""
    known = {u.tenant for u in await services.units.known()}
    tenants = sorted(principal.tenants) if principal.tenants is not None else sorted(known)
    return [await services.units.get(t) for t in tenants]


@router.get("/{tenant}", response_model=BusinessUnit)
async def get_unit(tenant: TenantPath, services: ServicesDep, principal: PrincipalDep) -> BusinessUnit:
    visible_tenant(principal, tenant)
    return await services.units.get(tenant)


@router.put("/{tenant}", response_model=BusinessUnit)
async def put_unit(tenant: TenantPath, body: UnitSettings, services: ServicesDep, principal: AdminDep) -> BusinessUnit:
    """Replace the settings (admins). `idle_timeout_seconds`: a thread with no customer message for this long
    is resolved by the system (null: never)."""
    visible_tenant(principal, tenant)
    return await services.units.put(tenant, body)
