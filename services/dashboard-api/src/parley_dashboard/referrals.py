"""Each business unit's key for contacts' referral codes (collection `referral_keys`, `_id` = tenant): random,
made on first use and kept, so a contact's code stays the same and cannot be computed without the database."""

import secrets

from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError

REFERRAL_KEYS = "referral_keys"


class ReferralKeys:
    def __init__(self, db: AsyncDatabase) -> None:
        self._keys = db[REFERRAL_KEYS]

    async def key(self, tenant: str) -> bytes:
        """Lone-`_id` reads and an insert-once: two replicas making the first key at once agree on the stored one."""
        doc = await self._keys.find_one({"_id": tenant})
        if doc is None:
            try:
                await self._keys.insert_one({"_id": tenant, "key": secrets.token_hex(32)})
            except DuplicateKeyError:
                pass
            doc = await self._keys.find_one({"_id": tenant})
        if doc is None:  # deleted between the two reads: the caller may simply ask again
            raise LookupError(f"no referral key for {tenant}")
        return bytes.fromhex(doc["key"])
