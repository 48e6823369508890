import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from pymongo import AsyncMongoClient

from parley_devstack import Infrastructure
from parley_devstack.services import RunningStack
from tests.auth import KEY
from tests.stack import running_stack

EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"


@pytest.fixture(scope="module")
def stack(infra: Infrastructure, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningStack]:
    with running_stack(infra, tmp_path_factory.mktemp("e2e-logs")) as running:
        yield running


@pytest.fixture
async def db(stack: RunningStack, infra: Infrastructure) -> AsyncIterator:
    client = AsyncMongoClient(infra.mongodb_url, tz_aware=True)
    yield client[stack.env["MONGODB_DATABASE"]]
    await client.close()


@pytest.fixture(scope="module")
async def knowledge_base(stack: RunningStack) -> None:
    """Aurora's FAQ (../shared/eval) uploaded for the demo unit through the API, as an admin would."""
    path = EVAL / "aurora-faq.pdf"
    if not path.exists():
        pytest.skip(f"eval PDFs not found at {EVAL}")
    async with httpx.AsyncClient(timeout=30) as http:
        response = await http.post(
            stack.url("dashboard-api") + "/api/tenants/demo/knowledge/documents",
            files={"file": (path.name, path.read_bytes(), "application/pdf")},
            headers=KEY,
        )
    assert response.status_code == 201, response.text
    # nlp may hold the index it read for an earlier message for KB_REFRESH_SECONDS (2 s in .env.example).
    await asyncio.sleep(3)
