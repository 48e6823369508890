import uuid
from collections.abc import AsyncIterator, Callable, Iterator

import pytest
from pymongo import AsyncMongoClient

from parley_business.channel_account_store import ChannelAccountStore, SecretCipher
from parley_devstack import Infrastructure
from parley_devstack.process import free_port
from parley_devstack.services import SERVICES, RunningStack, local_secrets_key, stack_env
from tests.auth import INTEGRATION_KEY
from tests.stack import consumer_groups, drop_database

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def database_name() -> str:
    return f"parley_it_{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="module")
def started_stacks() -> list[RunningStack]:
    """The stacks this module started, oldest first."""
    return []


@pytest.fixture(scope="module")
def services(
    infra: Infrastructure,
    database_name: str,
    tmp_path_factory: pytest.TempPathFactory,
    started_stacks: list[RunningStack],
) -> Iterator[Callable[..., RunningStack]]:
    """Start some of Parley's processes (not all) against the real broker and FerretDB. A stack a module-scoped
    fixture starts lives until the module ends; one a test starts stops when that test ends
    (`_stacks_end_with_their_test`)."""
    started = started_stacks

    def start(*names: str, **extra_env: str) -> RunningStack:
        ports = {s.name: free_port() for s in SERVICES}
        env = stack_env(
            infra.kafka_bootstrap,
            infra.mongodb_url,
            ports,
            {
                "MONGODB_DATABASE": database_name,
                **consumer_groups(infra.kafka_bootstrap),
                "SEND_BACKOFF_BASE_SECONDS": "0.05",
                "CONSUMER_RETRY_BASE_SECONDS": "0.05",
                "DASHBOARD_API_KEY": INTEGRATION_KEY,
                # Operators here act through the API, without a console: availability alone decides. Presence has
                # its own tests (test_operator_presence.py).
                "OPERATOR_PRESENCE_SECONDS": "0",
                **extra_env,
            },
            mail=infra.mail,
        )
        stack = RunningStack(ports, env, tmp_path_factory.mktemp("logs"))
        started.append(stack)
        for name in names:
            stack.start(name)
        return stack

    yield start
    for stack in started:
        stack.stop_all()
    drop_database(infra.mongodb_url, database_name)


@pytest.fixture(autouse=True)
def _stacks_end_with_their_test(request: pytest.FixtureRequest) -> Iterator[None]:
    """Stop what a test started: each stack has its own consumer groups over the module's one database, so a
    router left running would apply the next test's events too — a second writer of the same threads (one
    writer per thread: docs/adr/0001-router-single-writer.md)."""
    if "services" not in request.fixturenames:
        yield
        return
    started: list[RunningStack] = request.getfixturevalue("started_stacks")
    before = len(started)  # module-scoped fixtures (set up first) have started theirs by now
    yield
    for stack in started[before:]:
        stack.stop_all()


@pytest.fixture
async def db(infra: Infrastructure, database_name: str) -> AsyncIterator:
    client = AsyncMongoClient(infra.mongodb_url, tz_aware=True)
    yield client[database_name]
    await client.close()


@pytest.fixture
def channel_accounts(db) -> ChannelAccountStore:
    """The module's channel accounts, sealed with the key the services of `services` open them with."""
    return ChannelAccountStore(db, SecretCipher(local_secrets_key()))
