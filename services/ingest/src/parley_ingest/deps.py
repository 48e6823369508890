"""What a request handler gets: settings, the publisher, the duplicate memory, a bounded body reader."""

from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status

from parley_ingest.publisher import EventPublisher
from parley_ingest.recent import RecentIds
from parley_ingest.settings import IngestSettings


@dataclass
class IngestContext:
    settings: IngestSettings
    publisher: EventPublisher
    recent: RecentIds = field(default_factory=RecentIds)

    async def read_body(self, request: Request) -> bytes:
        """The raw body (signatures are over the exact bytes), refused past the size limit."""
        limit = self.settings.max_body_bytes
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, f"body exceeds {limit} bytes")
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > limit:
                raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, f"body exceeds {limit} bytes")
        return bytes(body)


async def get_ingest(request: Request) -> IngestContext:
    # async on purpose: a sync dependency runs in the thread pool, and that hop capped ingest at ~115 req/s.
    return request.app.state.ingest


Ingest = Annotated[IngestContext, Depends(get_ingest)]
