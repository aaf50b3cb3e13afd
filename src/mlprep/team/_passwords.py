"""Passwords: Argon2id hashes (argon2-cffi's defaults, RFC 9106's second choice)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from mlprep.errors import UsageError

__all__ = ["PASSWORD_MIN_LENGTH", "check_new_password", "hash_password", "verify_password"]

PASSWORD_MIN_LENGTH = 10
PASSWORD_MAX_LENGTH = 1024  # hashing a megabyte per request would be a cheap denial of service


@lru_cache(maxsize=1)
def _hasher() -> Any:
    try:
        from argon2 import PasswordHasher
    except ImportError:
        raise UsageError("team mode needs argon2-cffi: pip install 'mlprep[team]'") from None
    return PasswordHasher()


def check_new_password(password: str) -> None:
    """Refuse a password too short or too long to be a good one (UsageError)."""
    if len(password) < PASSWORD_MIN_LENGTH:
        raise UsageError(f"the password must be at least {PASSWORD_MIN_LENGTH} characters long")
    if len(password) > PASSWORD_MAX_LENGTH:
        raise UsageError(f"the password must be at most {PASSWORD_MAX_LENGTH} characters long")


def hash_password(password: str) -> str:
    check_new_password(password)
    return str(_hasher().hash(password))


def verify_password(stored: str | None, password: str) -> bool:
    """Whether ``password`` matches; an account without a password matches nothing.

    A missing hash still costs one hash computation, so a wrong name and a wrong
    password take the same time to refuse.
    """
    from argon2.exceptions import InvalidHashError, VerificationError

    hasher = _hasher()
    if stored is None or len(password) > PASSWORD_MAX_LENGTH:
        hasher.hash("not a real password, only to take the same time")
        return False
    try:
        return bool(hasher.verify(stored, password))
    except (VerificationError, InvalidHashError):
        return False
