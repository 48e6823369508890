"""An operator's day in the console, in real Chromium against the whole running system: log in, see a
customer's message arrive live, take over, reply with an attachment (the customer's phone receives it), hand
back, resolve and reopen; counts, filters, the narrow screen, reconnection after dashboard-api restarts, who
may see the admin pages, the API's docs offline, and an accessibility check of the main screens."""

import re
import time
import uuid

import httpx
from playwright.sync_api import Page, expect

from parley_devstack.services import RunningStack
from tests.browser.conftest import api_login, log_in, serious_accessibility_violations, wait_until
from tests.customers import SyncPhone, png


def row(page: Page, key: str):
    return page.locator(f'[data-testid="thread-row"][data-thread-key="{key}"]')


def open_view(page: Page, name: str) -> None:
    page.get_by_role("link", name=re.compile(rf"^{name}\b")).or_(
        page.get_by_role("tab", name=re.compile(rf"^{name}\b"))
    ).first.click()


def test_a_customer_message_arrives_live_and_the_operator_works_the_thread(
    page: Page, console: str, stack: RunningStack, http: httpx.Client, console_errors: list[str]
):
    log_in(page, console, "ana@demo.local")
    open_view(page, "All")
    phone = SyncPhone(http, stack, "Lucía Browser")
    phone.say("hello, is the shop open today?")
    # Live: the row appears without a reload, then the thread shows the customer's and the bot's messages.
    expect(row(page, phone.thread_key)).to_be_visible()
    row(page, phone.thread_key).click()
    log = page.get_by_role("log", name="Messages")
    expect(log.locator('[data-testid="message"][data-author="customer"]')).to_have_count(1)
    expect(log.locator('[data-testid="message"][data-author="bot"]').first).to_be_visible(timeout=30_000)
    phone.say("one more thing")
    expect(log.locator('[data-testid="message"][data-author="customer"]')).to_have_count(2)

    page.get_by_role("button", name="Take over").click()
    expect(page.get_by_test_id("thread-status")).to_have_text("human")
    page.get_by_label("Reply").fill("Hi Lucía, Ana here: here is the picture you asked for.")
    page.get_by_label("Attach files").set_input_files(
        files=[{"name": "photo.png", "mimeType": "image/png", "buffer": png(32, 32)}]
    )
    page.get_by_role("button", name="Send").click()
    expect(log.locator('[data-testid="message"][data-author="operator"]').first).to_be_visible()
    got = wait_until(lambda: [m for m in phone.received() if m.get("type") == "image"])
    assert got, f"the customer's phone got no image: {phone.received()}"
    texts = " ".join(str(m) for m in phone.received())
    assert "Ana here" in texts

    page.get_by_role("button", name="Hand back to bot").click()
    expect(page.get_by_test_id("thread-status")).to_have_text("bot")
    page.get_by_role("button", name="Resolve").click()
    expect(page.get_by_test_id("thread-status")).to_have_text("resolved")
    # A private note for the team, on the resolved conversation: in the timeline, never on the customer's phone.
    page.get_by_role("button", name="Private note").click()
    page.get_by_label("Private note").fill("Lucía prefers WhatsApp audio; follow up on Friday")
    page.get_by_role("button", name="Add note").click()
    expect(log.locator(".msg-private")).to_contain_text("Ana Lima · private note")
    expect(log.locator(".msg-private")).to_contain_text("follow up on Friday")
    expect(page.get_by_test_id("thread-status")).to_have_text("resolved")
    time.sleep(1)  # had the note been sent, the sandbox would have it by now
    assert "follow up on Friday" not in " ".join(str(m) for m in phone.received())
    page.get_by_role("button", name="Reply").click()
    page.get_by_role("button", name="Reopen").click()
    expect(page.get_by_test_id("thread-status")).to_have_text("human")
    counts = http.get(console + "/api/threads/counts", headers=api_login(http, console, "ana@demo.local")).json()
    expect(page.get_by_test_id("count-mine")).to_have_text(str(counts["mine"]))
    expect(page.get_by_test_id("count-all")).to_have_text(str(counts["all"]))
    assert not console_errors, console_errors


def test_a_saved_reply_the_admin_adds_is_one_slash_away_in_the_reply_box(
    page: Page, console: str, stack: RunningStack, http: httpx.Client, console_errors: list[str]
):
    code = "hours" + uuid.uuid4().hex[:6]
    log_in(page, console, "admin@demo.local")
    page.get_by_role("navigation").get_by_role("link", name="Saved replies").click()
    page.get_by_label("Business unit").select_option(value="demo")
    page.get_by_label("Short code").fill("/" + code)
    page.get_by_label("Reply", exact=True).fill("We open from 9:00 to 18:00, Monday to Saturday.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("row", name=code)).to_contain_text("Monday to Saturday")

    phone = SyncPhone(http, stack, "Slash Customer")
    phone.say("when are you open on saturdays?")
    admin = api_login(http, console, "admin@demo.local")
    arrived = wait_until(
        lambda: http.get(f"{console}/api/threads/{phone.thread_key}", headers=admin).status_code == 200
    )
    assert arrived, "the customer's conversation never reached the API"
    # It arrived while this console showed another page: back in the inbox, the live stream has added its row.
    page.get_by_role("navigation").get_by_role("link", name="Inbox").click()
    open_view(page, "All")
    row(page, phone.thread_key).click()
    box = page.get_by_label("Reply", exact=True)
    box.fill("/" + code[:7])
    expect(page.get_by_role("listbox", name="Saved replies").get_by_role("option")).to_contain_text(["/" + code])
    box.press("Enter")  # inserts the chosen reply; it does not send it
    expect(box).to_have_value("We open from 9:00 to 18:00, Monday to Saturday.")
    page.get_by_role("button", name="Send").click()
    got = wait_until(lambda: [m for m in phone.received() if "Monday to Saturday" in str(m)])
    assert got, f"the customer never got the saved reply: {phone.received()}"
    assert not console_errors, console_errors


def test_a_manager_assigns_a_conversation_seeing_each_colleagues_availability_and_load(
    page: Page, console: str, stack: RunningStack, http: httpx.Client, console_errors: list[str]
):
    phone = SyncPhone(http, stack, "Assign Customer")
    phone.say("I want to talk to a person")
    admin = api_login(http, console, "admin@demo.local")

    def waiting() -> dict | None:
        answer = http.get(f"{console}/api/threads/{phone.thread_key}", headers=admin)
        return answer.json() if answer.status_code == 200 and answer.json()["status"] == "needs_human" else None

    assert wait_until(waiting), "the conversation never went to the team"
    holder = (waiting() or {}).get("assignee") or {}
    target = "Ana Lima" if holder.get("name") == "Ben Okafor" else "Ben Okafor"
    team = http.get(f"{console}/api/team", params={"tenant": "demo"}, headers=admin).json()
    [member] = [m for m in team if m["operator"]["name"] == target]
    log_in(page, console, "admin@demo.local")
    open_view(page, "All")
    row(page, phone.thread_key).click()
    choice = page.get_by_label("Assign to")
    # "\/": Playwright hands the pattern to JavaScript, where an unescaped slash would end it.
    label = re.compile(rf"^{target} · (online|away).* · {member['open_threads']}\/{member['cap']}$")
    expect(choice.get_by_role("option", name=label)).to_have_count(1)
    choice.select_option(value=member["operator"]["id"])
    page.get_by_role("button", name="Assign", exact=True).click()
    expect(page.get_by_text(f"Assigned to {target}").first).to_be_visible()
    assigned = http.get(f"{console}/api/threads/{phone.thread_key}", headers=admin).json()["assignee"]
    assert assigned["name"] == target
    assert not console_errors, console_errors


def test_a_long_conversation_opens_on_its_latest_messages_and_loads_the_earlier_ones(
    page: Page, console: str, stack: RunningStack, http: httpx.Client, console_errors: list[str]
):
    phone = SyncPhone(http, stack, "Long Talker")
    for n in range(120):
        phone.say(f"line {n:03d} of a long story")
    auth = api_login(http, console, "ana@demo.local")

    def stored() -> int:
        answer = http.get(f"{console}/api/threads/{phone.thread_key}/messages", params={"page_size": 1}, headers=auth)
        return answer.json()["total"] if answer.status_code == 200 else 0

    def settled() -> int:
        """Every message and the bot's answers stored, so nothing arrives while the page is read: the customer's last
        line is analysed (the router stores the answer to it in the same step, after the earlier lines: one thread's
        messages are processed in order). A pause in the pipeline is not taken for the end of it."""
        newest = http.get(
            f"{console}/api/threads/{phone.thread_key}/messages",
            params={"page_size": 10, "newest": "true"},
            headers=auth,
        )
        if newest.status_code != 200:
            return 0
        listing = newest.json()
        last = [m for m in listing["items"] if m["text"] == "line 119 of a long story"]
        if not last or last[0]["analysis"] is None:
            return 0
        before = listing["total"]
        time.sleep(1)
        return before if before >= 120 and stored() == before else 0

    total = wait_until(settled, timeout=120)
    assert total, f"the conversation did not settle at 120 messages or more: {stored()}"
    log_in(page, console, "ana@demo.local")
    page.goto(f"{console}/threads/{phone.thread_key}")
    log = page.get_by_role("log", name="Messages")
    expect(log).to_contain_text("line 119 of a long story")  # the latest first
    expect(log.locator('[data-testid="message"]')).to_have_count(100)
    expect(log).not_to_contain_text("line 000 of a long story")
    earlier = page.get_by_role("button", name="Earlier messages")
    while earlier.count():
        shown = log.locator('[data-testid="message"]').count()
        earlier.click()
        expect(log.locator('[data-testid="message"]')).not_to_have_count(shown)
    expect(log).to_contain_text("line 000 of a long story")
    expect(log.locator('[data-testid="message"]')).to_have_count(total)
    assert not console_errors, console_errors


def test_outside_the_24_hour_window_the_operator_sends_a_template(
    page: Page, console: str, stack: RunningStack, http: httpx.Client, console_errors: list[str]
):
    phone = SyncPhone(http, stack, "Rosa Late")
    phone.say("I wrote this yesterday", hours_ago=25)  # delivered late: WhatsApp's window is already closed
    log_in(page, console, "ana@demo.local")
    open_view(page, "All")
    row(page, phone.thread_key).click()
    # Silent for over the demo unit's 24 h idle timeout too: the system resolved it. Ana reopens it to follow up.
    expect(page.get_by_test_id("thread-status")).to_have_text("resolved")
    page.get_by_role("button", name="Reopen").click()
    expect(page.get_by_test_id("thread-status")).to_have_text("human")
    expect(page.get_by_label("Reply")).to_have_count(0)  # free text cannot go out: the picker replaces it
    page.get_by_label("Template").select_option(label="conversation_follow_up (en)")
    page.locator("#tpl-param-0").fill("Rosa")
    expect(page.get_by_label("Preview")).to_contain_text("Hi Rosa, we have an update")
    page.get_by_role("button", name="Send template").click()
    got = wait_until(lambda: [m for m in phone.received() if m.get("type") == "template"])
    assert got and "Hi Rosa" in got[0]["text"] and got[0]["status"] != "failed", phone.received()
    assert not console_errors, console_errors


def test_counts_and_filters_match_the_api(
    page: Page, console: str, stack: RunningStack, http: httpx.Client, console_errors: list[str]
):
    api = stack.url("dashboard-api")
    wanted = SyncPhone(http, stack, f"Zed Filter {uuid.uuid4().hex[:6]}")
    wanted.say("I want to talk to a person")
    other = SyncPhone(http, stack, "Other Customer")
    other.say("hello")
    ana = api_login(http, api, "ana@demo.local")

    def settled():
        thread = http.get(f"{api}/api/threads/{wanted.thread_key}", headers=ana)
        return thread.status_code == 200 and thread.json()["status"] != "bot"

    assert wait_until(settled), "the request for a person was not handed off"
    log_in(page, console, "ana@demo.local")
    counts = http.get(api + "/api/threads/counts", headers=ana).json()
    for view in ("mine", "unassigned", "bot", "all"):
        expect(page.get_by_test_id(f"count-{view}")).to_have_text(str(counts[view]))
    # Live: a new conversation raises the counts without a reload.
    SyncPhone(http, stack, "Counted Live").say("hello")
    expect(page.get_by_test_id("count-all")).to_have_text(str(counts["all"] + 1))
    expect(page.get_by_test_id("count-bot")).to_have_text(str(counts["bot"] + 1))

    open_view(page, "All")
    page.get_by_label("Search contacts").fill(wanted.name)
    expect(page.get_by_test_id("thread-row")).to_have_count(1)
    expect(row(page, wanted.thread_key)).to_be_visible()
    page.get_by_label("Search contacts").fill("")
    page.get_by_label("Status").select_option("bot")
    expect(row(page, wanted.thread_key)).to_have_count(0)
    expect(row(page, other.thread_key)).to_be_visible()
    page.get_by_label("Channel").select_option("whatsapp")
    expect(row(page, other.thread_key)).to_be_visible()
    assert not console_errors, console_errors


def test_the_console_reconnects_after_dashboard_api_restarts(
    page: Page, console: str, stack: RunningStack, http: httpx.Client
):
    log_in(page, console, "ben@demo.local")
    open_view(page, "All")
    stack.stop("dashboard-api")
    expect(page.get_by_test_id("live-status")).to_have_text("reconnecting")
    stack.start("dashboard-api")
    expect(page.get_by_test_id("live-status")).to_have_text("live", timeout=30_000)
    phone = SyncPhone(http, stack, "After Restart")
    phone.say("are you there?")
    expect(row(page, phone.thread_key)).to_be_visible()


def test_an_operator_does_not_see_the_admin_pages(page: Page, console: str):
    log_in(page, console, "ana@demo.local")
    nav = page.get_by_role("navigation")
    expect(nav.get_by_role("link", name="Inbox")).to_be_visible()
    for admin_page in ("Knowledge base", "Bot settings", "Operators"):
        expect(nav.get_by_role("link", name=admin_page)).to_have_count(0)
    page.goto(console + "/admin/knowledge")
    expect(page.get_by_text(re.compile("not allowed", re.I))).to_be_visible()
    expect(page.get_by_label("Upload PDF")).to_have_count(0)


def test_at_390_pixels_wide_the_inbox_and_a_thread_are_usable(
    page: Page, console: str, stack: RunningStack, http: httpx.Client
):
    page.set_viewport_size({"width": 390, "height": 844})
    phone = SyncPhone(http, stack, "Narrow Screen")
    phone.say("hello from a phone")
    log_in(page, console, "ana@demo.local")
    open_view(page, "All")
    row(page, phone.thread_key).click()
    expect(page.get_by_role("log", name="Messages")).to_be_visible()
    expect(page.get_by_role("button", name="Take over")).to_be_in_viewport()
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways: {width} px wide"


def test_the_api_docs_work_offline(page: Page, console: str):
    outside: list[str] = []

    def only_local(route) -> None:
        url = route.request.url
        if url.startswith(console) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    page.route("**/*", only_local)
    page.goto(console + "/docs")
    expect(page.locator(".swagger-ui .title").first).to_contain_text("Parley dashboard API")
    page.goto(console + "/redoc")
    expect(page.get_by_role("heading", name=re.compile("Parley dashboard API")).first).to_be_visible()
    assert not outside, f"the docs asked the internet for {outside}"


def test_the_main_screens_have_no_serious_accessibility_violations(
    page: Page, console: str, stack: RunningStack, http: httpx.Client
):
    phone = SyncPhone(http, stack, "Axe Check")
    phone.say("I want to talk to a person")
    log_in(page, console, "admin@demo.local")
    found = {}
    open_view(page, "All")
    expect(row(page, phone.thread_key)).to_be_visible()
    found["inbox"] = serious_accessibility_violations(page)
    row(page, phone.thread_key).click()
    expect(page.get_by_role("log", name="Messages").locator('[data-testid="message"]').first).to_be_visible()
    found["thread"] = serious_accessibility_violations(page)
    for name in (
        "Analytics",
        "Business unit",
        "Knowledge base",
        "Bot settings",
        "Saved replies",
        "Operators",
        "Channels",
    ):
        page.get_by_role("navigation").get_by_role("link", name=name).click()
        # The page itself, loaded (not the previous one, nor its loading state): axe checks what operators see.
        expect(page.get_by_role("heading", level=1, name=name)).to_be_visible()
        expect(page.locator(".loading")).to_have_count(0)
        found[name] = serious_accessibility_violations(page)
    assert not any(found.values()), found
    # This console is connected: its admin is seen at one now (what keeps an operator in line for conversations).
    page.get_by_role("navigation").get_by_role("link", name="Operators").click()
    expect(page.get_by_role("row", name=re.compile("Demo Admin"))).to_contain_text("seen now")
