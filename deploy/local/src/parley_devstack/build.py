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
    return _maven_dependencies(DEPLOY / "kafka" / "pom.xml", "kafka", "Apache Kafka")


def greenmail_jar() -> Path:
    """GreenMail's standalone SMTP + IMAP server: one self-contained jar from Maven Central (deploy/mail/pom.xml).
    Only the jar itself is copied (its POM lists test-scope dependencies only), without the version in its
    name so that callers need not know it."""
    libs = _maven_dependencies(
        DEPLOY / "mail" / "pom.xml", "greenmail", "GreenMail", "-DexcludeTransitive=true", "-Dmdep.stripVersion=true"
    )
    jar = libs / "greenmail-standalone.jar"
    if not jar.exists():
        raise ProvisioningError(f"Maven copied no greenmail-standalone.jar into {libs}")
    return jar


def _maven_dependencies(pom: Path, name: str, what: str, *flags: str) -> Path:
    """`mvn dependency:copy-dependencies` of `pom` into `.local/cache/<name>-<fingerprint>/libs`, once: the
    `.complete` marker is written last, so an interrupted download is redone rather than half used."""
    target = CACHE / f"{name}-{_fingerprint(pom)}"
    libs = target / "libs"
    done = target / ".complete"
    if not done.exists():
        mvn = _need("mvn", "install Maven (Debian package `maven`) and Java 17+")
        shutil.rmtree(target, ignore_errors=True)
        print(f"[devstack] fetching {what} from Maven Central into {libs} …", flush=True)
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
                *flags,
            ],
            f"fetching {what} with Maven",
        )
        done.touch()
    return libs


def ferretdb_binary() -> Path:
    """Our tiny Go main around FerretDB's embeddable package (deploy/ferretdb), built with `go build`."""
    return _go_binary("ferretdb", "parley-ferretdb", "FerretDB")


def loadgen_binary() -> Path:
    """The benchmark's load generator: vegeta's attacker behind our own main (deploy/loadgen), built with
    `go build` from the Go module proxy."""
    return _go_binary("loadgen", "parley-loadgen", "the load generator (vegeta)")


def _go_binary(name: str, binary_name: str, what: str) -> Path:
    src = DEPLOY / name
    fp = _fingerprint(src / "main.go", src / "go.mod", src / "go.sum")
    binary = CACHE / f"{name}-{fp}" / binary_name
    if not binary.exists():
        go = _need("go", "install Go 1.24+")
        print(f"[devstack] building {what} from the Go module proxy into {binary} …", flush=True)
        tmp = binary.with_suffix(".tmp")
        tmp.parent.mkdir(parents=True, exist_ok=True)
        _run(
            [go, "build", "-o", str(tmp), "."],
            f"building {what}",
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
