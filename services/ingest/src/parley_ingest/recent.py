"""A bounded memory of recently published provider message ids.

Providers retry webhooks; skipping a retry we already published saves the pipeline a round of work.
It is only an optimisation: correctness comes from the router's unique dedupe key, so a retry that
reaches another replica, or arrives after a restart, is still stored and answered once."""

from collections import OrderedDict


class RecentIds:
    def __init__(self, capacity: int = 50_000) -> None:
        self._ids: OrderedDict[str, None] = OrderedDict()
        self._capacity = capacity

    def __contains__(self, key: str) -> bool:
        return key in self._ids

    def add(self, key: str) -> None:
        self._ids[key] = None
        self._ids.move_to_end(key)
        while len(self._ids) > self._capacity:
            self._ids.popitem(last=False)
