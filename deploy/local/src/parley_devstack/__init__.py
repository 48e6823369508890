"""Local infrastructure for development and tests, without Docker (DESIGN.md §5)."""

from parley_devstack.stack import Infrastructure, infrastructure, local_kafka, local_mongodb

__all__ = ["Infrastructure", "infrastructure", "local_kafka", "local_mongodb"]
