"""The Flows admin page in real Chromium: an admin writes a question flow as JSON, sees the API's validation errors
next to it, saves it and finds it listed (and so does the API), then tries it in the dry-run box."""

import json
import re

import httpx
from playwright.sync_api import Page, expect

from parley_devstack.services import RunningStack
from tests.browser.conftest import api_login, log_in, serious_accessibility_violations

FLOW = {
    "name": "Browser quote",
    "trigger": {"keywords": {"en": ["browser quote"]}},
    "questions": [
        {"id": "name", "text": {"en": "What is your name?"}},
        {
            "id": "email",
            "kind": "email",
            "text": {"en": "What is your email?"},
            "reask": {"en": "That does not look like an email."},
        },
    ],
    "final_message": {"en": "Thanks, we will write soon."},
}


def test_an_admin_creates_a_flow_from_json_and_sees_it_listed(
    page: Page, console: str, stack: RunningStack, http: httpx.Client, console_errors: list[str]
):
    log_in(page, console, "admin@demo.local")
    page.get_by_role("navigation").get_by_role("link", name="Flows").click()
    expect(page.get_by_role("heading", level=1, name="Flows")).to_be_visible()
    page.get_by_role("button", name="New flow").click()
    page.get_by_label("Flow id").fill("browser-quote")

    one_choice = {**FLOW, "questions": [{"id": "size", "kind": "choice", "text": {"en": "Size?"}, "choices": []}]}
    page.get_by_label("Definition (JSON)").fill(json.dumps(one_choice))
    page.get_by_role("button", name="Save flow").click()
    expect(page.get_by_role("list", name="Problems with the definition")).to_contain_text("2 to 10 choices")
    expect(page.get_by_label("Definition (JSON)")).to_have_attribute("aria-invalid", "true")

    page.get_by_label("Definition (JSON)").fill(json.dumps(FLOW, indent=2))
    page.get_by_role("button", name="Save flow").click()
    row = page.get_by_role("row", name=re.compile("Browser quote"))
    expect(row).to_be_visible()
    expect(row).to_contain_text("browser-quote")
    admin = api_login(http, stack.url("dashboard-api"), "admin@demo.local")
    listed = http.get(stack.url("dashboard-api") + "/api/tenants/demo/flows", headers=admin).json()
    assert [(f["flow_id"], f["version"]) for f in listed if f["flow_id"] == "browser-quote"] == [("browser-quote", 1)]

    page.get_by_label("The customer's answers, one per line").fill("Ana\nnot an email\nana@example.com")
    page.get_by_role("button", name="Run").click()
    transcript = page.get_by_role("list", name="Conversation")
    expect(transcript).to_contain_text("That does not look like an email.")
    expect(transcript).to_contain_text("Thanks, we will write soon.")
    expect(page.get_by_role("table", name="Answers of the dry run")).to_contain_text("ana@example.com")
    expect(page.get_by_text("No sessions yet.")).to_be_visible()
    assert serious_accessibility_violations(page) == []
    # The one refusal above is the browser's only error (Chromium logs a 4xx answer as a failed resource load).
    unexpected = [e for e in console_errors if "status of 422" not in e]
    assert not unexpected and len(console_errors) == 1, console_errors
