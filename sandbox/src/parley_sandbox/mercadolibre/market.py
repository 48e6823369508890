"""The sandbox's marketplace, in memory: the seller's OAuth tokens, the buyers' questions (with their one answer)
and the packs' post-sale messages. MercadoLibre's shapes (developers.mercadolibre.com: "Manage questions &
answers", "Post-sale messaging", "Authentication and authorization")."""

import itertools
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from parley_sandbox.settings import SandboxSettings


def _user_id(party: Any) -> str:
    return str(party.get("user_id", "")) if isinstance(party, dict) else ""


def iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class MarketError(Exception):
    """MercadoLibre's error body: `{"message", "error", "status", "cause": []}`."""

    def __init__(self, status: int, error: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.error = error
        self.message = message

    def body(self) -> dict[str, Any]:
        return {"message": self.message, "error": self.error, "status": self.status, "cause": []}


@dataclass
class Question:
    id: int
    item_id: str
    buyer: str
    text: str
    created: float
    answer: dict[str, Any] | None = None

    def resource(self, seller: str) -> dict[str, Any]:
        return {
            "id": self.id,
            "seller_id": int(seller),
            "item_id": self.item_id,
            "status": "ANSWERED" if self.answer else "UNANSWERED",
            "text": self.text,
            "date_created": iso(self.created),
            "deleted_from_listing": False,
            "hold": False,
            "suspected_spam": False,
            "answer": self.answer,
            "from": {"id": int(self.buyer), "answered_questions": 0},
        }


@dataclass
class PackMessage:
    id: str
    pack_id: str
    sender: str
    to: str
    text: str
    created: float
    attachments: list[dict[str, Any]] = field(default_factory=list)  # filename, original_filename, type, size

    def resource(self, seller: str) -> dict[str, Any]:
        return {
            "id": self.id,
            "site_id": "MLA",
            "client_id": 0,
            "from": {"user_id": int(self.sender)},
            "to": {"user_id": int(self.to)},
            "status": "available",
            "subject": None,
            "text": self.text,
            "message_date": {
                "received": iso(self.created),
                "available": iso(self.created),
                "notified": iso(self.created),
                "created": iso(self.created),
                "read": None,
            },
            "message_moderation": {"status": "clean", "reason": "", "source": "online", "moderation_date": None},
            "message_attachments": [{**a, "date_created": iso(self.created)} for a in self.attachments] or None,
            "message_resources": [{"id": self.pack_id, "name": "packs"}, {"id": seller, "name": "sellers"}],
            "conversation_first_message": False,
        }


@dataclass
class Market:
    settings: SandboxSettings
    clock: Callable[[], float]
    questions: dict[int, Question] = field(default_factory=dict)
    packs: dict[str, str] = field(default_factory=dict)  # pack id → buyer
    messages: list[PackMessage] = field(default_factory=list)
    access_tokens: dict[str, float] = field(default_factory=dict)  # token → expiry (unix seconds)
    refresh_tokens: set[str] = field(default_factory=set)  # issued ones, single-use
    _question_ids: Any = field(init=False)
    _pack_ids: Any = field(init=False)

    def __post_init__(self) -> None:
        base = self.settings.sandbox_id_base
        self._question_ids = itertools.count(13_000_000_001 + base)
        self._pack_ids = itertools.count(2_000_000_000_000_001 + base)

    @property
    def seller(self) -> str:
        return self.settings.mercadolibre_seller_id

    # --- OAuth -------------------------------------------------------------------------------------------

    def refresh(self, client_id: str | None, client_secret: str | None, refresh_token: str | None) -> dict[str, Any]:
        s = self.settings
        if client_id != s.mercadolibre_client_id or client_secret != s.mercadolibre_client_secret:
            raise MarketError(400, "invalid_client", "invalid client_id or client_secret")
        # The published default stays valid (the sandbox forgets issued tokens when it restarts); issued ones are
        # single-use, as MercadoLibre's are.
        if refresh_token != s.mercadolibre_refresh_token and refresh_token not in self.refresh_tokens:
            raise MarketError(
                400,
                "invalid_grant",
                "Error validating grant. Your authorization code or refresh token may be expired or it was already used",
            )
        self.refresh_tokens.discard(refresh_token)
        access = f"APP_USR-{secrets.token_hex(12)}-{self.seller}"
        renewed = f"TG-{secrets.token_hex(12)}-{self.seller}"
        ttl = s.mercadolibre_token_ttl_seconds
        self.access_tokens[access] = self.clock() + ttl
        self.refresh_tokens.add(renewed)
        return {
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": ttl,
            "scope": "offline_access read write",
            "user_id": int(self.seller),
            "refresh_token": renewed,
        }

    def authorize(self, header: str | None) -> None:
        token = header[7:] if header and header.startswith("Bearer ") else None
        expiry = self.access_tokens.get(token or "")
        if expiry is None or expiry <= self.clock():
            raise MarketError(401, "unauthorized", "invalid access token")

    def revoke_tokens(self) -> int:
        """Every access token stops working now (what an expiry does): the next call gets a 401."""
        count = len(self.access_tokens)
        self.access_tokens.clear()
        return count

    # --- the buyer's side ----------------------------------------------------------------------------------

    def ask(self, buyer: str, item_id: str, text: str) -> Question:
        question = Question(next(self._question_ids), item_id, buyer, text, self.clock())
        self.questions[question.id] = question
        return question

    def write(
        self, buyer: str, pack_id: str | None, text: str, attachments: list[dict[str, Any]] | None = None
    ) -> PackMessage:
        if pack_id is None:
            pack_id = str(next(self._pack_ids))
        owner = self.packs.setdefault(pack_id, buyer)
        if owner != buyer:
            raise MarketError(403, "forbidden", f"pack {pack_id} belongs to another buyer")
        message = PackMessage(
            secrets.token_hex(16), pack_id, buyer, self.seller, text, self.clock(), list(attachments or [])
        )
        self.messages.append(message)
        return message

    def check_pack(self, buyer: str, pack_id: str | None) -> None:
        if pack_id is not None and self.packs.get(pack_id, buyer) != buyer:
            raise MarketError(403, "forbidden", f"pack {pack_id} belongs to another buyer")

    # --- the seller's side ---------------------------------------------------------------------------------

    def question(self, question_id: int) -> Question:
        question = self.questions.get(question_id)
        if question is None:
            raise MarketError(404, "not_found", f"Question with id {question_id} not found")
        return question

    def answer(self, question_id: Any, text: Any) -> Question:
        if not isinstance(question_id, int) or isinstance(question_id, bool):
            raise MarketError(400, "bad_request", "question_id must be a number")
        if not isinstance(text, str) or not text.strip():
            raise MarketError(400, "bad_request", "text is required")
        limit = self.settings.mercadolibre_answer_max_chars
        if len(text) > limit:
            raise MarketError(400, "bad_request", f"text must have at most {limit} characters")
        question = self.question(question_id)
        if question.answer is not None:
            raise MarketError(400, "bad_request", f"Question {question_id} is already answered")
        question.answer = {"text": text, "status": "ACTIVE", "date_created": iso(self.clock())}
        return question

    def user(self, user_id: str) -> dict[str, Any]:
        if not user_id.isdigit():
            raise MarketError(404, "not_found", f"User {user_id} not found")
        nickname = "SANDBOX_SELLER" if user_id == self.seller else f"BUYER_{user_id[-6:]}"
        return {
            "id": int(user_id),
            "nickname": nickname,
            "country_id": "AR",
            "site_id": "MLA",
            "permalink": f"http://perfil.mercadolibre.com.ar/{nickname}",
        }

    def item(self, item_id: str) -> dict[str, Any]:
        return {
            "id": item_id,
            "site_id": item_id[:3],
            "title": f"Sandbox item {item_id}",
            "seller_id": int(self.seller),
            "price": 1000,
            "currency_id": "ARS",
            "available_quantity": 5,
            "condition": "new",
            "permalink": f"https://articulo.mercadolibre.com.ar/{item_id}",
        }

    def message(self, message_id: str) -> PackMessage:
        found = next((m for m in self.messages if m.id == message_id), None)
        if found is None:
            raise MarketError(404, "not_found", f"Message {message_id} not found")
        return found

    def pack(self, pack_id: str, seller: str) -> list[PackMessage]:
        if seller != self.seller or pack_id not in self.packs:
            raise MarketError(404, "not_found", f"Pack {pack_id} not found for seller {seller}")
        return [m for m in self.messages if m.pack_id == pack_id]

    def reply(
        self, pack_id: str, seller: str, body: Any, uploaded: dict[str, dict[str, Any]] | None = None
    ) -> PackMessage:
        """The seller's message; `uploaded`: the attachments its `attachments` ids name (None: an unknown id)."""
        self.pack(pack_id, seller)
        if not isinstance(body, dict):
            raise MarketError(400, "bad_request", "the body must be a JSON object")
        sender, to = (_user_id(body.get(side)) for side in ("from", "to"))
        text = body.get("text")
        if sender != seller:
            raise MarketError(400, "bad_request", "from.user_id must be the seller")
        if to != self.packs[pack_id]:
            raise MarketError(400, "bad_request", "to.user_id must be the pack's buyer")
        if not isinstance(text, str) or not text.strip():
            raise MarketError(400, "bad_request", "text is required")
        limit = self.settings.mercadolibre_message_max_chars
        if len(text) > limit:
            raise MarketError(400, "bad_request", f"text must have at most {limit} characters")
        ids = body.get("attachments") or []
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise MarketError(400, "bad_request", "attachments must be a list of attachment ids")
        files = [(uploaded or {}).get(i) for i in ids]
        if any(f is None for f in files):
            raise MarketError(400, "bad_request", "unknown attachment id: upload it to /messages/attachments first")
        message = PackMessage(secrets.token_hex(16), pack_id, seller, to, text, self.clock(), [f for f in files if f])
        self.messages.append(message)
        return message
