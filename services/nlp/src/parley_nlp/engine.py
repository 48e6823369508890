"""The seam between the nlp plumbing (Kafka in, Kafka out) and the brain that decides.

The consumer builds an `AnalysisRequest` per inbound message and asks an `Engine` for an `Analysis`;
everything about *how* the analysis is made lives behind this protocol."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from parley_contracts import Analysis, AuthorKind, MessageReceived


@dataclass(frozen=True)
class HistoryTurn:
    """One earlier message of the same thread, oldest first."""

    author: AuthorKind
    text: str
    at: datetime


@dataclass(frozen=True)
class AnalysisRequest:
    inbound: MessageReceived
    history: list[HistoryTurn] = field(default_factory=list)


class Engine(Protocol):
    name: str
    uses_history: bool  # whether `AnalysisRequest.history` is worth a database read

    async def analyze(self, request: AnalysisRequest) -> Analysis: ...
