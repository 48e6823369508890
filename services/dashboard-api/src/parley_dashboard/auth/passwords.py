"""Password hashing: argon2id (RFC 9106) through argon2-cffi, with its current default cost parameters.

Hashes record their parameters, so raising the cost later only needs `needs_rehash` on the next login."""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 10
_hasher = PasswordHasher()  # argon2id, 64 MiB, 3 passes, 4 lanes
# Checked when the account does not exist, so a login takes as long for an unknown email as for a wrong password.
_DUMMY = _hasher.hash("parley-timing-equaliser")


class WeakPassword(ValueError):
    pass


def hash_password(password: str) -> str:
    if len(password) < MIN_LENGTH:
        raise WeakPassword(f"a password needs at least {MIN_LENGTH} characters")
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash or _DUMMY, password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.check_needs_rehash(stored_hash)
