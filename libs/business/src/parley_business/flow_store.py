"""Where question flows live. Every read is by `_id` (docs/adr/0003-storage.md):

- `flows`, `_id` = tenant: the business unit's current flows, `{flow_id: version}` with each current definition.
  The router reads it (cached) on the messages of threads where no flow runs, to see whether one starts.
- `flow_versions`, `_id` = "<tenant>:<flow_id>:<version>": every version ever saved, immutable, with the endpoint's
  secret sealed (Fernet under `CHANNEL_SECRETS_KEY`, as channel secrets are). A session reads the version it
  started with; outbound reads the secret to sign a submission.

Admins write rarely and one at a time: a change reads the unit's document and writes it back whole."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from pymongo.asynchronous.database import AsyncDatabase

from parley_business.channel_account_store import SecretCipher
from parley_business.flows import FlowIn, FlowVersion

FLOWS = "flows"
VERSIONS = "flow_versions"


def version_key(tenant: str, flow_id: str, version: int) -> str:
    return f"{tenant}:{flow_id}:{version}"


class FlowStore:
    def __init__(self, db: AsyncDatabase, cipher: SecretCipher, ttl_seconds: float = 0.0) -> None:
        self._flows = db[FLOWS]
        self._versions = db[VERSIONS]
        self._cipher = cipher
        self._ttl = ttl_seconds
        self._cache: dict[str, tuple[float, list[FlowVersion]]] = {}
        self._version_cache: dict[str, FlowVersion] = {}  # versions never change

    async def of_tenant(self, tenant: str) -> list[FlowVersion]:
        """The unit's current flows (cached for `ttl_seconds`: an admin's change reaches the router that late)."""
        cached = self._cache.get(tenant)
        now = time.monotonic()
        if cached and now - cached[0] < self._ttl:
            return cached[1]
        doc = await self._flows.find_one({"_id": tenant})
        flows = [FlowVersion.model_validate(f) for f in (doc or {}).get("flows", {}).values()]
        flows.sort(key=lambda f: f.flow_id)
        if self._ttl > 0:
            self._cache[tenant] = (now, flows)
        return flows

    async def get(self, tenant: str, flow_id: str) -> FlowVersion | None:
        self._cache.pop(tenant, None)
        return next((f for f in await self.of_tenant(tenant) if f.flow_id == flow_id), None)

    async def version(self, tenant: str, flow_id: str, version: int) -> FlowVersion | None:
        key = version_key(tenant, flow_id, version)
        if key in self._version_cache:
            return self._version_cache[key]
        doc = await self._versions.find_one({"_id": key})
        if doc is None:
            return None
        flow = FlowVersion.model_validate(doc["definition"])
        self._version_cache[key] = flow
        return flow

    async def secret(self, tenant: str, flow_id: str, version: int) -> str | None:
        doc = await self._versions.find_one({"_id": version_key(tenant, flow_id, version)}, {"secret": 1})
        sealed = (doc or {}).get("secret")
        return self._cipher.decrypt(sealed) if sealed else None

    async def put(self, tenant: str, flow_id: str, flow: FlowIn, by: str | None) -> FlowVersion:
        """Save a new version (1, 2, …). A secret left out keeps the previous version's."""
        doc = await self._flows.find_one({"_id": tenant}) or {"_id": tenant, "flows": {}}
        previous = doc["flows"].get(flow_id)
        version = previous["version"] + 1 if previous else await self._next_unused(tenant, flow_id)
        sealed: str | None = None
        if flow.endpoint is not None and flow.endpoint.secret is not None:
            sealed = self._cipher.encrypt(flow.endpoint.secret.get_secret_value())
        elif flow.endpoint is not None and previous is not None:
            old = await self._versions.find_one({"_id": version_key(tenant, flow_id, version - 1)}, {"secret": 1})
            sealed = (old or {}).get("secret")
        stored = FlowVersion.model_validate(
            {
                **flow.model_dump(),
                "endpoint": flow.endpoint.model_dump(exclude={"secret"}) if flow.endpoint else None,
                "tenant": tenant,
                "flow_id": flow_id,
                "version": version,
                "secret_set": sealed is not None,
                "updated_at": datetime.now(UTC),
                "updated_by": by,
            }
        )
        definition = stored.model_dump(mode="json")
        await self._versions.insert_one(
            {"_id": version_key(tenant, flow_id, version), "definition": definition, "secret": sealed}
        )
        doc["flows"][flow_id] = definition
        await self._flows.replace_one({"_id": tenant}, doc, upsert=True)
        self._cache.pop(tenant, None)
        return stored

    async def delete(self, tenant: str, flow_id: str) -> bool:
        """The flow starts no more sessions; its versions stay for the sessions that used them."""
        doc = await self._flows.find_one({"_id": tenant})
        if not doc or flow_id not in doc.get("flows", {}):
            return False
        del doc["flows"][flow_id]
        await self._flows.replace_one({"_id": tenant}, doc)
        self._cache.pop(tenant, None)
        return True

    async def _next_unused(self, tenant: str, flow_id: str) -> int:
        """A flow deleted and defined again continues its numbering: old sessions keep pointing at their version."""
        version = 1
        while await self._versions.find_one({"_id": version_key(tenant, flow_id, version)}, {"_id": 1}):
            version += 1
        return version
