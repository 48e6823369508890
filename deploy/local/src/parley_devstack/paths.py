"""Where things live: the repository, and its ignored `.local/` cache (jars, binaries, run data)."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[4]
DEPLOY = REPO / "deploy"
SAMPLE = DEPLOY / "local" / "sample"  # the demo business's FAQ (seeded by `make run`) and `make eval`'s default set
LOCAL = REPO / ".local"
CACHE = LOCAL / "cache"
RUN_DATA = LOCAL / "data"
LOGS = LOCAL / "logs"
