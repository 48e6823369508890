from pathlib import Path

import yaml

from deploy.check_compose import problems

REPO = Path(__file__).resolve().parents[2]


def test_docker_compose_file_is_valid():
    doc = yaml.safe_load((REPO / "docker-compose.yml").read_text())
    assert problems(doc) == []
    assert {"kafka", "mongo", "ingest", "nlp", "router", "outbound", "dashboard-api"} <= set(doc["services"])


def test_broken_references_are_reported():
    doc = {
        "services": {
            "a": {"image": "x", "depends_on": ["ghost"], "ports": ["80:80:80"], "volumes": ["nope:/d"]},
            "b": {},
        }
    }
    found = problems(doc)
    assert any("ghost" in p for p in found) and any("bad port" in p for p in found)
    assert any("unknown volume" in p for p in found) and any("b: needs image or build" in p for p in found)
