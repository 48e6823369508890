"""Where things live: the repository, and its ignored `.local/` cache (jars, binaries, run data)."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[4]
DEPLOY = REPO / "deploy"
LOCAL = REPO / ".local"
CACHE = LOCAL / "cache"
RUN_DATA = LOCAL / "data"
LOGS = LOCAL / "logs"
