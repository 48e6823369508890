"""dashboard-api as a process: an admin uploads a knowledge base and edits the bot configuration."""

from pathlib import Path

import pytest

from tests.auth import KEY
from tests.unit.knowledge.kb_pdfs import scanned_pdf

pytestmark = pytest.mark.integration
EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"


@pytest.fixture(scope="module")
def api(services):
    return services("dashboard-api").url("dashboard-api")


def pdf(name: str) -> bytes:
    path = EVAL / name
    if not path.exists():
        pytest.skip(f"eval PDFs not found at {EVAL}")
    return path.read_bytes()


async def test_upload_search_reupload_delete(api, http):
    base = f"{api}/api/tenants/it-kb/knowledge"
    files = {"file": ("aurora-faq.pdf", pdf("aurora-faq.pdf"), "application/pdf")}
    created = await http.post(base + "/documents", files=files, headers=KEY)
    assert created.status_code == 201, created.text
    summary = created.json()
    assert summary["chunks"] > 0 and "3. International shipping" in summary["sections"]

    found = (await http.get(base + "/search", params={"q": "do you ship to the United States?"}, headers=KEY)).json()
    assert found["section"] == "3. International shipping" and found["confidence"] > 0.3
    assert "Mexico" in found["answer"]

    again = await http.post(base + "/documents", files=files, headers=KEY)  # re-upload replaces
    assert again.status_code == 201
    documents = (await http.get(base + "/documents", headers=KEY)).json()
    assert len(documents) == 1 and documents[0]["version"] == again.json()["version"]

    assert (await http.delete(f"{base}/documents/{documents[0]['document_id']}", headers=KEY)).status_code == 204
    assert (await http.get(base + "/documents", headers=KEY)).json() == []
    gone = (await http.get(base + "/search", params={"q": "do you ship to the United States?"}, headers=KEY)).json()
    assert gone["answer"] is None
    assert (await http.delete(f"{base}/documents/{documents[0]['document_id']}", headers=KEY)).status_code == 404


async def test_bad_uploads_get_precise_errors(api, http):
    base = f"{api}/api/tenants/it-kb2/knowledge/documents"
    not_pdf = await http.post(base, files={"file": ("notes.txt", b"hello", "text/plain")}, headers=KEY)
    assert not_pdf.status_code == 415
    scanned = await http.post(base, files={"file": ("scan.pdf", scanned_pdf(), "application/pdf")}, headers=KEY)
    assert scanned.status_code == 422 and "no extractable text" in scanned.json()["detail"]
    assert (await http.post(base, files={"file": ("a.pdf", b"x", "application/pdf")})).status_code == 401


async def test_bot_configuration_defaults_validation_and_update(api, http):
    url = f"{api}/api/tenants/it-bot/bot-config"
    default = (await http.get(url, headers=KEY)).json()
    assert default["handoff_threshold"] == 0.3 and default["tenant"] == "it-bot"
    assert (await http.put(url, json={"handoff_threshold": 2}, headers=KEY)).status_code == 422
    assert (await http.put(url, json={"languages": ["english!"]}, headers=KEY)).status_code == 422
    assert (await http.put(url, json={"mood": "grumpy"}, headers=KEY)).status_code == 422
    saved = await http.put(
        url, json={"personality": "warm", "handoff_threshold": 0.5, "languages": ["es", "en"]}, headers=KEY
    )
    assert saved.status_code == 200, saved.text
    stored = (await http.get(url, headers=KEY)).json()
    assert (
        stored["personality"] == "warm" and stored["handoff_threshold"] == 0.5 and stored["languages"] == ["es", "en"]
    )
