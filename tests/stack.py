"""The whole system as processes (five services + sandbox) on the session's infrastructure."""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pymongo import MongoClient

from parley_contracts import (
    ALL_TOPICS,
    CHANNEL_NOTIFICATION,
    FLOW_SUBMISSION,
    MESSAGE_RECEIVED,
    MESSAGE_SEND,
    ROUTER_INPUTS,
    THREAD_UPDATED,
)
from parley_devstack import Infrastructure
from parley_devstack.process import run_blocking
from parley_devstack.services import RunningStack, start_stack
from tests.auth import INTEGRATION_KEY
from tests.kafka_helpers import start_groups_at_end

# What each service's consumer groups read (dashboard-api's are `<DASHBOARD_CONSUMER_GROUP>.notify` and `.dead-letters`,
# outbound's `<OUTBOUND_CONSUMER_GROUP>` and `.inbound`).
GROUP_TOPICS = {
    "ROUTER": [("", ROUTER_INPUTS)],
    "NLP": [("", (MESSAGE_RECEIVED,))],
    "OUTBOUND": [
        ("", (MESSAGE_SEND,)),
        (".inbound", (MESSAGE_RECEIVED,)),
        (".notifications", (CHANNEL_NOTIFICATION,)),
        (".flows", (FLOW_SUBMISSION,)),
    ],
    "DASHBOARD": [
        (".notify", (THREAD_UPDATED,)),
        (".dead-letters", tuple(t for t in ALL_TOPICS if t.endswith(".dlq"))),
    ],
}


def consumer_groups(bootstrap: str) -> dict[str, str]:
    """New consumer groups for one stack, starting at the topics' current end: stacks of different test modules
    must not share groups (they would split partitions), nor replay what earlier modules published."""
    run = uuid.uuid4().hex[:8]
    groups = {f"{svc}_CONSUMER_GROUP": f"parley-{svc.lower()}-{run}" for svc in GROUP_TOPICS}
    run_blocking(
        start_groups_at_end(
            bootstrap,
            {
                groups[f"{svc}_CONSUMER_GROUP"] + suffix: topics
                for svc, subscriptions in GROUP_TOPICS.items()
                for suffix, topics in subscriptions
            },
        )
    )
    return groups


@contextmanager
def running_stack(infra: Infrastructure, log_dir: Path, **extra_env: str) -> Iterator[RunningStack]:
    run = uuid.uuid4().hex[:8]
    env = {
        "MONGODB_DATABASE": f"parley_test_{run}",
        **consumer_groups(infra.kafka_bootstrap),
        "LOG_LEVEL": "INFO",
        "SEND_BACKOFF_BASE_SECONDS": "0.05",
        "CONSUMER_RETRY_BASE_SECONDS": "0.05",
        "DASHBOARD_API_KEY": INTEGRATION_KEY,
        # Operators here often act through the API, without a console: availability alone decides. Presence has its
        # own tests (tests/integration/test_operator_presence.py).
        "OPERATOR_PRESENCE_SECONDS": "0",
        **extra_env,
    }
    stack = start_stack(infra.kafka_bootstrap, infra.mongodb_url, log_dir, extra_env=env, mail=infra.mail)
    try:
        stack.seed_demo()  # as `make run` does: admin@, ana@, ben@demo.local
        yield stack
    finally:
        stack.stop_all()
        drop_database(infra.mongodb_url, env["MONGODB_DATABASE"])


def drop_database(mongodb_url: str, name: str) -> None:
    """Tests clean up their own data (Kafka records stay: every test matches only its own unique ids)."""
    with MongoClient(mongodb_url, serverSelectionTimeoutMS=5000) as client:
        client.drop_database(name)
