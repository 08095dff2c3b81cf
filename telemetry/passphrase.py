"""The teacher passphrase, kept only as a salted slow hash (``hashlib.scrypt``).

:func:`hash_passphrase` is called once when a class is created; :func:`verify_passphrase`
before every class action (command line or teacher panel). Both are pure: they touch no
file. The stored form is one self-describing string, ``scrypt$<n>$<r>$<p>$<salt>$<hash>``
(salt and hash in base64), so the cost can be raised later without breaking old classes.
Comparison is constant-time (``hmac.compare_digest``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

__all__ = ["MIN_LENGTH", "hash_passphrase", "verify_passphrase", "check_passphrase"]

MIN_LENGTH = 8
_N, _R, _P = 2**14, 8, 1          # ~16 MiB, ~50 ms on a school PC
_SALT_BYTES, _KEY_BYTES = 16, 32
_MAX_N = 2**20


def check_passphrase(passphrase: object) -> str:
    """Return ``passphrase`` or raise ``ValueError`` saying what a passphrase needs."""
    if not isinstance(passphrase, str) or len(passphrase.strip()) < MIN_LENGTH:
        raise ValueError(f"the teacher passphrase needs at least {MIN_LENGTH} characters")
    if len(passphrase) > 1024:
        raise ValueError("the teacher passphrase is too long (over 1024 characters)")
    return passphrase


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=256 * 1024 * 1024, dklen=_KEY_BYTES)


def hash_passphrase(passphrase: str, *, salt: bytes | None = None) -> str:
    """The stored form of a new passphrase (a fresh random salt unless one is given)."""
    check_passphrase(passphrase)
    salt = salt if salt is not None else os.urandom(_SALT_BYTES)
    key = _derive(passphrase, salt, _N, _R, _P)
    b64 = base64.b64encode
    return f"scrypt${_N}${_R}${_P}${b64(salt).decode()}${b64(key).decode()}"


def verify_passphrase(passphrase: str, stored: str) -> bool:
    """True if ``passphrase`` matches the stored hash; False for a wrong passphrase or a
    stored value that is not one of ours (never raises)."""
    try:
        scheme, n, r, p, salt, key = str(stored).split("$")
        n_, r_, p_ = int(n), int(r), int(p)
        if scheme != "scrypt" or not (2 <= n_ <= _MAX_N and 1 <= r_ <= 32 and 1 <= p_ <= 16):
            return False
        salt_b, key_b = base64.b64decode(salt, validate=True), base64.b64decode(key, validate=True)
        got = _derive(str(passphrase), salt_b, n_, r_, p_)
    except (ValueError, TypeError, MemoryError):
        return False
    return hmac.compare_digest(got, key_b)
