"""Every setting a service reads is documented in .env.example (and nothing there is stale)."""

import re
from pathlib import Path

from pydantic_settings import BaseSettings

from parley_dashboard.settings import DashboardSettings
from parley_ingest.settings import IngestSettings
from parley_nlp.engines.config import EngineSettings
from parley_nlp.settings import NlpSettings
from parley_outbound.settings import OutboundSettings
from parley_router.settings import RouterSettings
from parley_sandbox.settings import SandboxSettings

REPO = Path(__file__).resolve().parents[2]
SETTINGS: list[type[BaseSettings]] = [
    IngestSettings,
    NlpSettings,
    EngineSettings,
    RouterSettings,
    OutboundSettings,
    DashboardSettings,
    SandboxSettings,
]
DEVSTACK_ONLY = {
    "PARLEY_KAFKA_PORT",
    "PARLEY_KAFKA_CONTROLLER_PORT",
    "PARLEY_MONGODB_PORT",
    "PARLEY_SMTP_PORT",
    "PARLEY_IMAP_PORT",
    "PARLEY_TEST_INFRA",
    "PARLEY_FERRETDB_PPROF",  # read by the local FerretDB (deploy/ferretdb/main.go)
    "PARLEY_SCHED_BATCH",  # read by the local stack's supervisor (parley_devstack.process)
}


def env_names(model: type[BaseSettings]) -> set[str]:
    names = set()
    for name, field in model.model_fields.items():
        alias = field.validation_alias
        names.add((alias if isinstance(alias, str) else name).upper())
    return names


def documented() -> set[str]:
    text = (REPO / ".env.example").read_text()
    return set(re.findall(r"^([A-Z][A-Z0-9_]*)=", text, re.MULTILINE))


def test_every_setting_is_documented():
    missing = {name for model in SETTINGS for name in env_names(model)} - documented()
    assert missing == set(), f"add to .env.example: {sorted(missing)}"


def test_nothing_documented_is_stale():
    known = {name for model in SETTINGS for name in env_names(model)} | DEVSTACK_ONLY
    assert documented() - known == set()
