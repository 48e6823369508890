"""Meta's webhook signature: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body, keyed by the
app secret>`."""

import hashlib
import hmac


def valid_meta_signature(raw_body: bytes, header: str | None, app_secret: str) -> bool:
    """False for anything but the right signature, including a header that is not ASCII (which
    `hmac.compare_digest` would refuse with a TypeError rather than compare)."""
    if not header or not header.isascii() or not header.startswith("sha256="):
        return False
    expected = hmac.new(app_secret.encode(), raw_body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header.removeprefix("sha256="))
