from collections.abc import AsyncIterator, Iterator

import pytest
from pymongo import AsyncMongoClient

from parley_devstack import Infrastructure
from parley_devstack.services import RunningStack
from tests.stack import running_stack


@pytest.fixture(scope="module")
def stack(infra: Infrastructure, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningStack]:
    with running_stack(infra, tmp_path_factory.mktemp("e2e-logs")) as running:
        yield running


@pytest.fixture
async def db(stack: RunningStack, infra: Infrastructure) -> AsyncIterator:
    client = AsyncMongoClient(infra.mongodb_url, tz_aware=True)
    yield client[stack.env["MONGODB_DATABASE"]]
    await client.close()
