"""What a chaos run does, from the environment (documented in chaos/README.md), checked before anything starts:
a typo in CHAOS_SCENARIOS must not cost the minutes it takes to bring the stack up."""

import os
import re
from dataclasses import dataclass

KILLABLE = ("ingest", "nlp", "router", "outbound", "dashboard-api")
DEFAULT_SCENARIOS = (
    "baseline",
    *(f"kill-{name}" for name in KILLABLE),
    "kill-outbound-at-provider-call",
    "kafka-down-10s",
    "kafka-down-120s",
    "ferretdb-down-30s",
    "provider-500-storm-60s",
    "provider-429-storm-60s",
    "fuzz",
)
# Any duration works, not only the default ones: `kafka-down-45s`, `provider-503-storm-20s`.
NAME_PATTERNS = (
    r"baseline",
    r"fuzz",
    r"kill-outbound-at-provider-call",
    r"kill-(?:{})".format("|".join(KILLABLE)),
    r"(?:kafka|ferretdb)-down-\d+s",
    r"provider-(?:429|500|503)-storm-\d+s",
)


@dataclass(frozen=True)
class ChaosConfig:
    scenarios: tuple[str, ...]
    rate: float  # customer messages per second, each from a new customer
    lead_seconds: float  # load before the fault
    tail_seconds: float  # load after the fault ended
    baseline_seconds: float  # the "fault" of `baseline`: nothing, for this long
    down_seconds: float  # how long a killed service stays down
    settle_seconds: float  # after the load: give up when nothing has moved for this long (a stuck pipeline)
    settle_max_seconds: float  # and wait for a draining backlog at most this long
    quiet_seconds: float  # then this long more, so a late duplicate shows up
    fuzz_count: int
    fuzz_rate: float
    fuzz_seed: int


def _number(name: str, default: float) -> float:
    value = float(os.environ.get(name) or default)
    if value < 0:
        raise ValueError(f"{name} must not be negative")
    return value


def scenario_names(raw: str | None) -> tuple[str, ...]:
    names = tuple(n.strip() for n in (raw or "").split(",") if n.strip()) or DEFAULT_SCENARIOS
    unknown = [n for n in names if not any(re.fullmatch(p, n) for p in NAME_PATTERNS)]
    if unknown:
        raise ValueError(f"unknown scenario(s) {', '.join(unknown)}; known: {', '.join(DEFAULT_SCENARIOS)}")
    return names


def load_config() -> ChaosConfig:
    config = ChaosConfig(
        scenarios=scenario_names(os.environ.get("CHAOS_SCENARIOS")),
        rate=_number("CHAOS_RATE", 4),
        lead_seconds=_number("CHAOS_LEAD_SECONDS", 10),
        tail_seconds=_number("CHAOS_TAIL_SECONDS", 15),
        baseline_seconds=_number("CHAOS_BASELINE_SECONDS", 30),
        down_seconds=_number("CHAOS_DOWN_SECONDS", 5),
        settle_seconds=_number("CHAOS_SETTLE_SECONDS", 90),
        settle_max_seconds=_number("CHAOS_SETTLE_MAX_SECONDS", 900),
        quiet_seconds=_number("CHAOS_QUIET_SECONDS", 5),
        fuzz_count=int(_number("CHAOS_FUZZ_COUNT", 2000)),
        fuzz_rate=_number("CHAOS_FUZZ_RATE", 12),
        fuzz_seed=int(_number("CHAOS_FUZZ_SEED", 1)),
    )
    if config.rate <= 0 or config.fuzz_rate <= 0:
        raise ValueError("CHAOS_RATE and CHAOS_FUZZ_RATE must be positive")
    return config
