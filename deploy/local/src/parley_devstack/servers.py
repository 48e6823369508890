"""Starting the two infrastructure servers on loopback and waiting until they really answer."""

import os
import subprocess
import uuid
from pathlib import Path

from parley_devstack.build import ferretdb_binary, kafka_classpath
from parley_devstack.paths import DEPLOY
from parley_devstack.process import Child, StartupError, free_port, port_open, run_blocking

KAFKA_JVM_FLAGS = [
    "-server",
    "-XX:+UseG1GC",
    "-XX:MaxGCPauseMillis=20",
    "-XX:InitiatingHeapOccupancyPercent=35",
    "-XX:+ExplicitGCInvokesConcurrent",
    "-Djava.awt.headless=true",
]


def start_kafka(
    data_dir: Path, port: int | None = None, controller_port: int | None = None, heap: str = "768m"
) -> tuple[Child, str]:
    """A single-node KRaft Kafka. Formats `data_dir` on first use and keeps it for the next start (give the
    same ports again then: the controller's address is part of the formatted quorum)."""
    port = port or free_port()
    controller_port = controller_port or free_port()
    libs = kafka_classpath()
    data_dir.mkdir(parents=True, exist_ok=True)
    config = data_dir / "server.properties"
    template = (DEPLOY / "kafka" / "server.properties.template").read_text()
    config.write_text(template.format(port=port, controller_port=controller_port, log_dir=data_dir / "logs"))
    log4j = f"-Dlog4j2.configurationFile={DEPLOY / 'kafka' / 'log4j2.properties'}"
    java = ["java", f"-Xmx{heap}", f"-Xms{heap}", *KAFKA_JVM_FLAGS, log4j, "-cp", f"{libs}/*"]
    if not (data_dir / "logs" / "meta.properties").exists():
        formatted = subprocess.run(
            [*java, "kafka.tools.StorageTool", "format", "-t", _cluster_id(), "-c", str(config), "--standalone", "-g"],
            capture_output=True,
            text=True,
            check=False,
        )
        if formatted.returncode != 0:
            raise StartupError(f"formatting Kafka's storage failed:\n{formatted.stdout}\n{formatted.stderr}")
    child = Child("kafka", [*java, "kafka.Kafka", str(config)], data_dir / "kafka.log")
    bootstrap = f"127.0.0.1:{port}"
    child.wait_until(lambda: port_open("127.0.0.1", port), 90, "listener")
    child.wait_until(lambda: run_blocking(_kafka_metadata_ok(bootstrap)), 60, "metadata answer")
    return child, bootstrap


def _cluster_id() -> str:
    import base64

    while True:  # Kafka's format: 22 url-safe base64 chars; a leading '-' would read as an option
        cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        if not cluster_id.startswith("-"):
            return cluster_id


async def _kafka_metadata_ok(bootstrap: str) -> bool:
    from aiokafka.admin import AIOKafkaAdminClient

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=3000)
    try:
        await admin.start()
        cluster = await admin.describe_cluster()
        return bool(cluster.get("brokers"))
    finally:
        await admin.close()


def start_ferretdb(data_dir: Path, port: int | None = None) -> tuple[Child, str]:
    port = port or free_port()
    data_dir.mkdir(parents=True, exist_ok=True)
    binary = ferretdb_binary()
    child = Child(
        "ferretdb",
        [str(binary), "-listen", f"127.0.0.1:{port}", "-dir", str(data_dir / "sqlite")],
        data_dir / "ferretdb.log",
        env={**os.environ},
    )
    url = f"mongodb://127.0.0.1:{port}/"
    child.wait_until(lambda: _mongo_ping(url), 60, "ping answer")
    return child, url


def _mongo_ping(url: str) -> bool:
    from pymongo import MongoClient

    with MongoClient(url, serverSelectionTimeoutMS=1000) as client:
        return client.admin.command("ping").get("ok") == 1
