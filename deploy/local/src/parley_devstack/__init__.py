"""Local infrastructure for development and tests, without Docker (docs/architecture.md, README "Infrastructure without Docker")."""

from parley_devstack.servers import MailServer
from parley_devstack.stack import (
    Infrastructure,
    infrastructure,
    local_kafka,
    local_mail,
    local_mongodb,
    local_mongodb_process,
)

__all__ = [
    "Infrastructure",
    "MailServer",
    "infrastructure",
    "local_kafka",
    "local_mail",
    "local_mongodb",
    "local_mongodb_process",
]
