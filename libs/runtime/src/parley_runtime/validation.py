"""Pydantic validation errors as one short line, for 4xx bodies, dead letters and logs."""

from pydantic import ValidationError


def summarize(exc: ValidationError, limit: int = 5) -> str:
    """`field.path: message; …` for the first `limit` errors."""
    return "; ".join(f"{'.'.join(map(str, e['loc'])) or '<root>'}: {e['msg']}" for e in exc.errors()[:limit])
