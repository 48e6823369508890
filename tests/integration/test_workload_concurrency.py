"""The router steps several threads of a partition at once (CONSUMER_CONCURRENCY): an operator's workload
document of that partition is read, changed and replaced, so concurrent holds must take turns or one is lost."""

import asyncio
from datetime import UTC, datetime

import pytest

from parley_conversations.roster import Workload

pytestmark = pytest.mark.integration


async def test_concurrent_holds_of_one_operator_in_one_partition_are_all_kept(db):
    workload = Workload(db)
    at = datetime.now(UTC)
    keys = [f"wa:conc:{n}" for n in range(12)]
    await asyncio.gather(*(workload.hold("op_conc", 3, key, at) for key in keys))
    assert (await workload.loads(["op_conc"]))["op_conc"].open == len(keys)
    await asyncio.gather(*(workload.release("op_conc", 3, key) for key in keys[:5]))
    assert (await workload.loads(["op_conc"]))["op_conc"].open == len(keys) - 5
