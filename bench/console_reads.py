"""What an operator's console reads from dashboard-api, timed one request at a time: the inbox's first page and the
view counts (on every view switch), and on opening a conversation its messages and the contact panel (the
contact's profile, with their other conversations), and the analytics page's month of figures, beside an authenticated read on the same service (`GET
/api/me`: HTTP, the session and one MongoDB read) as the floor. The `store` phase runs it before and after filling
the store (docs/adr/0012-console-reads.md)."""

import asyncio
import time
from pathlib import Path

import httpx

from bench.stats import summary
from parley_devstack.services import RunningStack

READS = ("inbox_page", "view_counts", "conversation", "contact_panel", "analytics_30_days")


async def measure(stack: RunningStack, count: int) -> dict:
    """`count` rounds of the four reads (a different conversation each round where there are enough)."""
    stack.seed_demo()
    api = stack.url("dashboard-api")
    timings: dict[str, list[float]] = {name: [] for name in (*READS, "floor")}
    async with httpx.AsyncClient(timeout=120) as client:
        login = await client.post(api + "/api/auth/login", json={"email": "ana@demo.local", "password": "parley-demo"})
        auth = {"Authorization": f"Bearer {login.json()['access_token']}"}

        async def timed(name: str, path: str, **params) -> dict:
            started = time.perf_counter()
            response = await client.get(api + path, params=params, headers=auth)
            timings[name].append((time.perf_counter() - started) * 1000)
            response.raise_for_status()
            return response.json()

        first = await client.get(api + "/api/threads", params={"view": "all", "page_size": 50}, headers=auth)
        threads = first.json()["items"] or []
        if not threads:
            return {"error": "no thread to open"}
        for i in range(count):
            thread = threads[i % len(threads)]
            await timed("inbox_page", "/api/threads", view="all", page_size=50)
            await timed("view_counts", "/api/threads/counts")
            await timed("conversation", f"/api/threads/{thread['thread_key']}/messages", page_size=500)
            await timed("contact_panel", f"/api/contacts/{thread['channel']}/{thread['contact']['id']}")
            await timed("analytics_30_days", "/api/analytics", tenant="demo", days=30)
            await timed("floor", "/api/me")
        total = first.json()["total"]
    floor = summary(timings.pop("floor"))
    reads = {name: summary(samples) for name, samples in timings.items()}
    return {"count": count, "threads_listed": total, **reads, "authenticated_read_floor": floor}


async def restart_dashboard(stack: RunningStack) -> float:
    """Restart dashboard-api (as a deployment would, onto a full store) and wait until its inbox index is loaded:
    how many seconds that took."""
    log = stack.log_dir / "dashboard-api.log"
    before = _size(log)
    started = time.monotonic()
    stack.stop("dashboard-api")
    stack.start("dashboard-api")
    with log.open("rb") as lines:
        lines.seek(before)  # what this start wrote, not the runs before it
        written = b""
        while time.monotonic() - started < 600:
            written += lines.read()
            if b'"event": "inbox.loaded"' in written:
                return round(time.monotonic() - started, 1)
            await asyncio.sleep(0.5)
    raise TimeoutError("dashboard-api's inbox index did not load within 10 minutes")


def _size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0
