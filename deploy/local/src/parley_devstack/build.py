"""Provisioning: fetch and build once, cache in `.local/cache`, reuse while the inputs are unchanged."""

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

from parley_devstack.paths import CACHE, DEPLOY


class ProvisioningError(RuntimeError):
    pass


def _fingerprint(*files: Path) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def _need(tool: str, hint: str) -> str:
    path = shutil.which(tool)
    if not path:
        raise ProvisioningError(f"`{tool}` is not on PATH: {hint}")
    return path


def kafka_classpath() -> Path:
    """The Kafka broker's runtime jars, from Maven Central (deploy/kafka/pom.xml)."""
    pom = DEPLOY / "kafka" / "pom.xml"
    target = CACHE / f"kafka-{_fingerprint(pom)}"
    done = target / ".complete"
    if not done.exists():
        mvn = _need("mvn", "install Maven (Debian package `maven`) and Java 17+")
        libs = target / "libs"
        shutil.rmtree(target, ignore_errors=True)
        print(f"[devstack] assembling Apache Kafka from Maven Central into {libs} …", flush=True)
        _run(
            [
                mvn,
                "-q",
                "-B",
                "-f",
                str(pom),
                "dependency:copy-dependencies",
                f"-DoutputDirectory={libs}",
                "-DincludeScope=runtime",
            ],
            "assembling Kafka with Maven",
        )
        done.touch()
    return target / "libs"


def ferretdb_binary() -> Path:
    """Our tiny Go main around FerretDB's embeddable package (deploy/ferretdb), built with `go build`."""
    src = DEPLOY / "ferretdb"
    fp = _fingerprint(src / "main.go", src / "go.mod", src / "go.sum")
    binary = CACHE / f"ferretdb-{fp}" / "parley-ferretdb"
    if not binary.exists():
        go = _need("go", "install Go 1.24+")
        print(f"[devstack] building FerretDB from the Go module proxy into {binary} …", flush=True)
        tmp = binary.with_suffix(".tmp")
        tmp.parent.mkdir(parents=True, exist_ok=True)
        _run(
            [go, "build", "-o", str(tmp), "."],
            "building FerretDB",
            cwd=src,
            env={**os.environ, "GOFLAGS": "-mod=mod", "CGO_ENABLED": "0"},
        )
        tmp.rename(binary)
    return binary


def _run(argv: list[str], what: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> None:
    result = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise ProvisioningError(
            f"{what} failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )
