"""Starting the infrastructure servers (Kafka, FerretDB, a mail server) on loopback and waiting until they
really answer."""

import imaplib
import os
import smtplib
import subprocess
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from parley_devstack.build import ferretdb_binary, greenmail_jar, kafka_classpath
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


@dataclass(frozen=True)
class MailServer:
    """Where mail is sent (SMTP) and read (IMAP).

    The local one is GreenMail with authentication disabled: any login and password are accepted, on SMTP
    too. An IMAP login is a full address and reads the mail delivered to that address: mail sent to
    `someone@demo.local` is in the INBOX of login `someone@demo.local` (a bare `someone` sees an empty,
    different mailbox). Mailboxes appear on first delivery or login, so nothing needs provisioning."""

    smtp_host: str
    smtp_port: int
    imap_host: str
    imap_port: int
    smtp_security: str = "none"  # GreenMail's test ports speak plain SMTP; a real server says starttls or tls

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> "MailServer":
        """An existing server named by `SMTP_HOST` (required), `SMTP_PORT`, `IMAP_HOST` (default: the SMTP
        host), `IMAP_PORT`, with the protocols' standard ports as defaults (empty counts as unset)."""
        smtp_host = environ["SMTP_HOST"]
        return cls(
            smtp_host,
            int(environ.get("SMTP_PORT") or 25),
            environ.get("IMAP_HOST") or smtp_host,
            int(environ.get("IMAP_PORT") or 143),
            environ.get("SMTP_SECURITY") or "starttls",
        )

    def env(self) -> dict[str, str]:
        """The variables that tell a service (or `from_environ`) about this server."""
        return {
            "SMTP_HOST": self.smtp_host,
            "SMTP_PORT": str(self.smtp_port),
            "SMTP_SECURITY": self.smtp_security,
            "IMAP_HOST": self.imap_host,
            "IMAP_PORT": str(self.imap_port),
        }


def start_mail(data_dir: Path, smtp_port: int | None = None, imap_port: int | None = None) -> tuple[Child, MailServer]:
    """GreenMail's SMTP and IMAP servers on loopback, any login accepted. Mail is kept in memory only and is
    lost when the server stops: `data_dir` holds just its log."""
    mail = MailServer("127.0.0.1", smtp_port or free_port(), "127.0.0.1", imap_port or free_port())
    jar = greenmail_jar()
    data_dir.mkdir(parents=True, exist_ok=True)
    # Per-protocol host properties, not `greenmail.hostname`: that one also starts GreenMail's HTTP API on
    # port 8080, which is the dashboard-api's port under `make run`.
    argv = [
        "java",
        "-Xmx128m",
        "-Djava.awt.headless=true",
        f"-Dgreenmail.smtp.hostname={mail.smtp_host}",
        f"-Dgreenmail.smtp.port={mail.smtp_port}",
        f"-Dgreenmail.imap.hostname={mail.imap_host}",
        f"-Dgreenmail.imap.port={mail.imap_port}",
        "-Dgreenmail.auth.disabled",
        "-Dgreenmail.startup.timeout=30000",  # its 2 s default is short for a loaded test machine
        "-jar",
        str(jar),
    ]
    child = Child("greenmail", argv, data_dir / "greenmail.log")
    try:
        child.wait_until(lambda: _smtp_answers(mail.smtp_host, mail.smtp_port), 60, "SMTP banner")
        child.wait_until(lambda: _imap_answers(mail.imap_host, mail.imap_port), 30, "IMAP greeting")
    except BaseException:
        child.stop()
        raise
    return child, mail


def mail_answers(mail: MailServer) -> bool:
    """Both protocols greet (SMTP with `220`, IMAP with `* OK`); False, not an error, while one does not yet:
    for waiting on a server this package did not start (a container)."""
    try:
        return _smtp_answers(mail.smtp_host, mail.smtp_port) and _imap_answers(mail.imap_host, mail.imap_port)
    except (OSError, imaplib.IMAP4.error):
        return False


def _smtp_answers(host: str, port: int) -> bool:
    with smtplib.SMTP(host, port, timeout=2) as smtp:  # raises unless the banner is 220
        return smtp.noop()[0] == 250


def _imap_answers(host: str, port: int) -> bool:
    with imaplib.IMAP4(host, port, timeout=2) as imap:  # raises unless the greeting is OK or PREAUTH
        return imap.welcome.startswith(b"* OK")
