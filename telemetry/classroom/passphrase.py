"""The teacher passphrase: a salted slow hash (``hashlib.scrypt``) and the keys it unlocks.

:func:`hash_passphrase` is called once when a class is created; :func:`unlock` (or
:func:`verify_passphrase`) before every class action (command line or teacher panel).
All are pure: they touch no file. The stored form is one self-describing string,
``scrypt$<n>$<r>$<p>$<salt>$<verifier>`` (base64), so the cost can be raised later.
One scrypt run gives 96 bytes: the first 32 are the stored verifier, the next 32 the key
of the class file's seal (an HMAC, :mod:`telemetry.classroom.class_store`), the last 32 the key that
encrypts the class's LRS account (AES-GCM). Only the verifier is ever stored. Comparison
is constant-time. Derived keys are cached in this process (a few entries), so one command
or one teacher-panel visit pays the scrypt cost once per class, never a weaker cost.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "MIN_LENGTH",
    "COST_N",
    "ClassKeys",
    "hash_passphrase",
    "verify_passphrase",
    "unlock",
    "check_passphrase",
]

MIN_LENGTH = 8
COST_N, _R, _P = 2**17, 8, 1  # 128 MiB, ~0.5 s on a school PC
_SALT_BYTES, _KEY_BYTES = 16, 32
_MIN_N, _MAX_N = 2**17, 2**18  # a stored cost outside this is refused (a hostile n
# could otherwise ask for gigabytes)


@dataclass(frozen=True, repr=False)
class ClassKeys:
    """The keys one passphrase unlocks for one class (kept in memory only)."""

    seal: bytes
    secret: bytes

    def __repr__(self) -> str:  # never print a key
        return "ClassKeys(...)"


def check_passphrase(passphrase: object) -> str:
    """Return ``passphrase`` or raise ``ValueError`` saying what a passphrase needs."""
    if not isinstance(passphrase, str) or len(passphrase.strip()) < MIN_LENGTH:
        raise ValueError(f"the teacher passphrase needs at least {MIN_LENGTH} characters")
    if len(passphrase) > 1024:
        raise ValueError("the teacher passphrase is too long (over 1024 characters)")
    return passphrase


@lru_cache(maxsize=8)
def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        passphrase.encode("utf-8"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        maxmem=128 * r * n + 32 * 1024 * 1024,
        dklen=3 * _KEY_BYTES,
    )


def hash_passphrase(passphrase: str, *, salt: bytes | None = None) -> str:
    """The stored form of a new passphrase (a fresh random salt unless one is given)."""
    check_passphrase(passphrase)
    salt = salt if salt is not None else os.urandom(_SALT_BYTES)
    key = _derive(passphrase, salt, COST_N, _R, _P)[:_KEY_BYTES]
    b64 = base64.b64encode
    return f"scrypt${COST_N}${_R}${_P}${b64(salt).decode()}${b64(key).decode()}"


def unlock(passphrase: str, stored: str) -> ClassKeys | None:
    """The class keys if ``passphrase`` matches the stored hash, else None (also for a
    stored value that is not one of ours, or one below the minimum cost; never raises)."""
    try:
        scheme, n, r, p, salt, key = str(stored).split("$")
        n_, r_, p_ = int(n), int(r), int(p)
        if scheme != "scrypt" or not (
            _MIN_N <= n_ <= _MAX_N and n_ & (n_ - 1) == 0 and 1 <= r_ <= 8 and p_ == 1
        ):
            return None
        salt_b, key_b = base64.b64decode(salt, validate=True), base64.b64decode(key, validate=True)
        if len(salt_b) < _SALT_BYTES or len(key_b) != _KEY_BYTES:
            return None
        got = _derive(str(passphrase), salt_b, n_, r_, p_)
    except (ValueError, TypeError, MemoryError):
        return None
    if not hmac.compare_digest(got[:_KEY_BYTES], key_b):
        return None
    return ClassKeys(seal=got[_KEY_BYTES : 2 * _KEY_BYTES], secret=got[2 * _KEY_BYTES :])


def verify_passphrase(passphrase: str, stored: str) -> bool:
    """True if ``passphrase`` matches the stored hash (see :func:`unlock`)."""
    return unlock(passphrase, stored) is not None
