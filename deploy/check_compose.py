"""Validate docker-compose.yml without a Docker engine: YAML syntax, and the references Compose itself
would reject (unknown services in depends_on, missing image/build, bad port strings, unknown volumes)."""

import re
import sys
from pathlib import Path

import yaml

PORT = re.compile(r"^(\d+(-\d+)?:)?\d+(-\d+)?(/(tcp|udp))?$")


def problems(doc: dict) -> list[str]:
    found: list[str] = []
    services = doc.get("services") or {}
    volumes = set((doc.get("volumes") or {}).keys())
    if not services:
        found.append("no services")
    for name, spec in services.items():
        if not isinstance(spec, dict):
            found.append(f"{name}: not a mapping")
            continue
        if "image" not in spec and "build" not in spec:
            found.append(f"{name}: needs image or build")
        deps = spec.get("depends_on") or {}
        for dep in deps if isinstance(deps, (list, dict)) else []:
            if dep not in services:
                found.append(f"{name}: depends_on unknown service {dep!r}")
        for port in spec.get("ports") or []:
            if not PORT.match(str(port)):
                found.append(f"{name}: bad port {port!r}")
        for volume in spec.get("volumes") or []:
            source = str(volume).split(":")[0]
            if not source.startswith((".", "/")) and source not in volumes:
                found.append(f"{name}: unknown volume {source!r}")
    return found


def main(path: str) -> int:
    doc = yaml.safe_load(Path(path).read_text())
    found = problems(doc)
    for p in found:
        print(f"{path}: {p}")
    if not found:
        print(f"{path}: OK ({len(doc['services'])} services)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docker-compose.yml"))
