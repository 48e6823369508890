"""What Meta's platforms (WhatsApp, and later Messenger/Instagram) share: Graph errors, signatures, ids."""

import base64
import hashlib
import hmac
import json
import secrets
import uuid
from typing import Any

from fastapi.responses import JSONResponse


class GraphError(Exception):
    """An error the Graph API would answer, rendered as Meta's `{"error": {...}}` body."""

    def __init__(
        self,
        status_code: int,
        code: int,
        message: str,
        *,
        type_: str = "OAuthException",
        subcode: int | None = None,
        details: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.code = code
        self.message = message
        self.type = type_
        self.subcode = subcode
        self.details = details

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"message": self.message, "type": self.type, "code": self.code}
        if self.subcode is not None:
            error["error_subcode"] = self.subcode
        if self.details is not None:
            error["error_data"] = {"messaging_product": "whatsapp", "details": self.details}
        error["fbtrace_id"] = fbtrace_id()
        return {"error": error}

    def response(self) -> JSONResponse:
        return JSONResponse(status_code=self.status_code, content=self.body())


def invalid_parameter(details: str) -> GraphError:
    """Code 100: the catch-all for a bad request body; the message names the offending field."""
    return GraphError(400, 100, f"(#100) {details}", details=details)


def unknown_object(method: str, object_id: str) -> GraphError:
    """Code 100, subcode 33: Graph's answer for an id it does not know (or may not touch), on any edge."""
    return GraphError(
        400,
        100,
        f"Unsupported {method} request. Object with ID '{object_id}' does not exist, cannot be loaded due to "
        "missing permissions, or does not support this operation.",
        type_="GraphMethodException",
        subcode=33,
    )


def fbtrace_id() -> str:
    # Meta's trace ids are opaque ~27-char strings; clients only log them.
    return base64.urlsafe_b64encode(secrets.token_bytes(20)).decode().rstrip("=")[:27]


def new_wamid() -> str:
    """A unique, realistic-looking WhatsApp message id (real ones are `wamid.` + base64)."""
    # URL-safe alphabet so an id can be pasted into a query string without escaping.
    return "wamid." + base64.urlsafe_b64encode(b"\x18\x0b" + uuid.uuid4().bytes + secrets.token_bytes(6)).decode()


def serialize(payload: Any) -> bytes:
    """Serialise once, compact and ASCII-escaped as Meta does; the signature covers exactly these bytes.

    ASCII escaping matters: a receiver that re-serialises the parsed JSON instead of verifying the raw
    bytes gets different bytes for any non-ASCII text and the signature check fails, as it would in prod.
    """
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def signature_sha256(body: bytes, secret: str) -> str:
    """Value of `X-Hub-Signature-256`: HMAC-SHA256 of the raw bytes keyed by the app secret."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def signature_sha1(body: bytes, secret: str) -> str:
    """Value of the legacy `X-Hub-Signature` header, which Meta still sends alongside."""
    return "sha1=" + hmac.new(secret.encode(), body, hashlib.sha1).hexdigest()


def signed_headers(body: bytes, secret: str) -> dict[str, str]:
    return {
        "Content-Type": "application/json",
        "User-Agent": "facebookexternalua",
        "X-Hub-Signature-256": signature_sha256(body, secret),
        "X-Hub-Signature": signature_sha1(body, secret),
    }
