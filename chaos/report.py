"""The table: one row per scenario, and a verdict computed from the row only (no judgement kept elsewhere)."""

from typing import Any

COLUMNS = ("acknowledged", "stored", "answered", "duplicated", "lost", "server_errors", "seconds")


def verdict(row: dict[str, Any]) -> str:
    """not measured: the harness could not start the scenario or apply its fault, or nothing was acknowledged;
    FAIL: an acknowledged message lost, an unexpected 5xx, a message never acknowledged, an unsigned webhook
    accepted; dup: duplicates only (expected across a kill at the provider call); ok otherwise."""
    notes = row["notes"]
    if "HARNESS ERROR" in notes or row["acknowledged"] == 0:
        return "not measured"
    if row["lost"] or row["server_errors"] or "NEVER ACKNOWLEDGED" in notes or "FUZZ:" in notes:
        return "FAIL"  # found even if the fault was not fully applied
    if "FAULT STEP FAILED" in notes:
        return "not measured"
    if row["duplicated"]:
        return "dup"
    return "ok"


def table(rows: list[dict[str, Any]]) -> str:
    header = ["scenario", *COLUMNS, "verdict"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join([r["name"], *(str(r[c]) for c in COLUMNS), verdict(r)]) + " |" for r in rows]
    return "\n".join(lines)


def markdown(results: dict[str, Any]) -> str:
    machine = results["machine"]
    lines = [
        f"# Parley chaos run ({results['started_at']}, {machine['cores']} cores, load average at start "
        f"{machine['load_average_at_start']})",
        "",
        table(results["scenarios"]),
        "",
        "## Notes",
        "",
        *(f"- **{r['name']}**: {r['notes']}" for r in results["scenarios"]),
        "",
    ]
    return "\n".join(lines)
