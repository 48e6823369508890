"""JSON Schema export for non-Python integrators: `python -m parley_contracts.schemas [--check]`."""

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from parley_contracts.events import (
    ChannelNotification,
    DeadLetter,
    FlowSubmission,
    HandoffRequested,
    MessageAnalyzed,
    MessageReceived,
    MessageSend,
    MessageStatus,
    ThreadCommand,
    ThreadUpdated,
)

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"

MODELS: dict[str, type[BaseModel]] = {
    MessageReceived.topic: MessageReceived,
    MessageAnalyzed.topic: MessageAnalyzed,
    HandoffRequested.topic: HandoffRequested,
    MessageSend.topic: MessageSend,
    MessageStatus.topic: MessageStatus,
    ThreadCommand.topic: ThreadCommand,
    ThreadUpdated.topic: ThreadUpdated,
    ChannelNotification.topic: ChannelNotification,
    FlowSubmission.topic: FlowSubmission,
    "dead-letter": DeadLetter,
}


def rendered() -> dict[str, str]:
    """File name → schema text, exactly as it should be on disk."""
    out = {}
    for topic, model in MODELS.items():
        schema = model.model_json_schema(mode="serialization")
        schema["$id"] = f"https://parley.dev/schemas/{topic}.json"
        out[f"{topic}.json"] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return out


def stale_files(directory: Path = SCHEMA_DIR) -> list[str]:
    wanted = rendered()
    stale = [n for n, text in wanted.items() if not (directory / n).is_file() or (directory / n).read_text() != text]
    extra = [p.name for p in directory.glob("*.json") if p.name not in wanted] if directory.is_dir() else []
    return sorted(stale + extra)


def main(argv: list[str]) -> int:
    if "--check" in argv:
        stale = stale_files()
        if stale:
            print("stale JSON Schemas (run `make schemas`):", ", ".join(stale))
            return 1
        return 0
    SCHEMA_DIR.mkdir(exist_ok=True)
    for p in SCHEMA_DIR.glob("*.json"):
        p.unlink()
    for name, text in rendered().items():
        (SCHEMA_DIR / name).write_text(text)
    print(f"wrote {len(MODELS)} schemas to {SCHEMA_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
