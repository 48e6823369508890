"""The operator console's first paint with a full inbox: BENCH_CONSOLE_THREADS (1,000) threads of the demo unit
and ten messages each in the stack's database, then headless Chromium (Debian's) opens the inbox, logged in,
BENCH_CONSOLE_RUNS times in fresh pages: first contentful paint, and the moment the first thread row is on
screen, both from the navigation's start. The floor, in the same browser and run: a page of dashboard-api that
runs no code (`/healthz`). Then, with the inbox open, BENCH_CONSOLE_LIVE (10) new customers write one after the
other (signed webhooks to ingest): from the POST to their row on screen (ingest → Kafka → router →
`thread.updated` → dashboard-api → WebSocket → the page).

Alone: `uv run python -m bench.console_paint` (starts Kafka, FerretDB and the services itself)."""

import asyncio
import os
import shutil
import sys
import time
import uuid
from pathlib import Path

import httpx
from playwright.async_api import Browser, async_playwright

from bench.console_reads import restart_dashboard
from bench.seed_store import INBOX, seed_store
from bench.stats import summary
from bench.webhooks import META, signature, webhook
from parley_contracts import Channel, thread_key
from parley_devstack.services import RunningStack

LOGS = Path(__file__).parent / "results" / "logs"  # as make bench
FIRST_ROW = "document.querySelector('[data-testid=\"thread-row\"]') !== null"
TIMINGS = """() => {
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  const list = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/threads?'));
  return {fcp: paint ? paint.startTime : null, now: performance.now(), list: list ? list.responseEnd : null};
}"""


async def _paints(browser: Browser, url: str, token: str, runs: int, ready: str) -> dict:
    fcp, ready_at, listed = [], [], []
    for _ in range(runs):
        # bypass_csp: Playwright's polling of `ready` evaluates a string, which the console's policy forbids.
        context = await browser.new_context(viewport={"width": 1366, "height": 860}, bypass_csp=True)
        await context.add_init_script(f"localStorage.setItem('parley.token', {token!r})")
        page = await context.new_page()
        await page.goto(url)
        await page.wait_for_function(ready, polling="raf", timeout=30_000)
        timings = await page.evaluate(TIMINGS)
        if timings["fcp"] is not None:
            fcp.append(timings["fcp"])
        ready_at.append(timings["now"])
        if timings["list"] is not None:
            listed.append(timings["list"])
        await context.close()
    # list_answered: when the thread list's response had arrived (where the rest of `ready` goes: rendering).
    return {"first_contentful_paint": summary(fcp), "ready": summary(ready_at), "list_answered": summary(listed)}


async def _live(browser: Browser, api: str, ingest: str, token: str, count: int) -> dict:
    context = await browser.new_context(viewport={"width": 1366, "height": 860}, bypass_csp=True)
    await context.add_init_script(f"localStorage.setItem('parley.token', {token!r})")
    page = await context.new_page()
    await page.goto(api + "/inbox/all")
    await page.wait_for_function(FIRST_ROW, polling="raf", timeout=30_000)
    run = uuid.uuid4().int % 10**6
    latencies = []
    async with httpx.AsyncClient(timeout=15) as http:
        for i in range(count):
            wa_id = f"5492{run:06d}{i:03d}"
            key = thread_key("demo", Channel.WHATSAPP, META.whatsapp_phone_number_id, wa_id)
            body = webhook(wa_id, f"wamid.live.{run}.{i}", "hello")
            started = time.perf_counter()
            answer = await http.post(
                ingest + "/webhooks/whatsapp", content=body, headers={"X-Hub-Signature-256": signature(body)}
            )
            answer.raise_for_status()
            await page.wait_for_selector(f'[data-thread-key="{key}"]', timeout=15_000)
            latencies.append((time.perf_counter() - started) * 1000)
    await context.close()
    return summary(latencies)


async def measure(stack: RunningStack, mongodb_url: str, database: str) -> dict:
    threads = int(os.environ.get("BENCH_CONSOLE_THREADS", "1000"))
    runs = int(os.environ.get("BENCH_CONSOLE_RUNS", "10"))
    chromium = shutil.which("chromium")
    if chromium is None:
        return {"skipped": "no chromium (make browser installs it)"}
    await seed_store(mongodb_url, database, threads, statuses=INBOX)
    await restart_dashboard(stack)  # onto the seeded store, which nothing announced: its inbox index reads it
    stack.seed_demo()
    api = stack.url("dashboard-api")
    async with httpx.AsyncClient(timeout=30) as http:
        login = await http.post(api + "/api/auth/login", json={"email": "admin@demo.local", "password": "parley-demo"})
        login.raise_for_status()
        token = login.json()["access_token"]
        auth = {"Authorization": f"Bearer {token}"}
        counts = (await http.get(api + "/api/threads/counts", headers=auth)).json()
        # Where the inbox's time goes: the calls it makes before its first row, one at a time.
        calls = {}
        for name, path in (
            ("me", "/api/me"),
            ("list", "/api/threads?view=all&page_size=50"),
            ("counts", "/api/threads/counts"),
        ):
            samples = []
            for _ in range(runs):
                started = time.perf_counter()
                (await http.get(api + path, headers=auth)).raise_for_status()
                samples.append((time.perf_counter() - started) * 1000)
            calls[name] = summary(samples)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            floor = await _paints(browser, api + "/healthz", token, runs, "document.body !== null")
            inbox = await _paints(browser, api + "/inbox/all", token, runs, FIRST_ROW)
            live = await _live(
                browser, api, stack.url("ingest"), token, int(os.environ.get("BENCH_CONSOLE_LIVE", "10"))
            )
        finally:
            await browser.close()
    ratio = None
    if inbox["ready"].get("p50_ms") and floor["first_contentful_paint"].get("p50_ms"):
        ratio = round(inbox["ready"]["p50_ms"] / floor["first_contentful_paint"]["p50_ms"], 2)
    return {
        "threads": counts.get("all"),
        "runs": runs,
        "inbox": inbox,
        "api_calls": calls,
        "live_row": live,
        "floor_healthz": floor,
        "p50_ratio": ratio,
    }


async def _alone() -> int:
    from parley_devstack import infrastructure
    from parley_devstack.process import free_port
    from parley_devstack.services import SERVICES, stack_env

    with infrastructure() as infra:
        ports = {s.name: free_port() for s in SERVICES}
        database = f"bench_console_{uuid.uuid4().hex[:6]}"
        env = stack_env(infra.kafka_bootstrap, infra.mongodb_url, ports, {"MONGODB_DATABASE": database})
        stack = RunningStack(ports, env, LOGS)
        try:
            for spec in SERVICES:
                stack.start(spec.name)
            print(await measure(stack, infra.mongodb_url, database))
        finally:
            stack.stop_all()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(_alone()))
