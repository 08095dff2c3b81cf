"""The class file's seal and its encrypted LRS account (keys from the passphrase).

Pure helpers of :mod:`telemetry.classroom.class_store`: :func:`seal_of` is an HMAC-SHA256 over the
canonical JSON of every stored field but the seal and the player list; :func:`player_tag`
is each player code's own HMAC-SHA256 (same key, over class code and player code), kept
beside the code, so a code can be taken out without the key but not put in without
it; :func:`seal_lrs` / :func:`open_lrs`
encrypt and decrypt the LRS user and password with AES-GCM, bound to the class code and
the endpoint (so neither can be moved to another class or LRS); :func:`seal_badge_key` /
:func:`open_badge_key` do the same for the Open Badges signing key. Touch no file.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from typing import Any

from telemetry.classroom.passphrase import ClassKeys

__all__ = [
    "SEAL_PREFIX",
    "seal_of",
    "player_tag",
    "seal_lrs",
    "open_lrs",
    "seal_badge_key",
    "open_badge_key",
]

SEAL_PREFIX = "hmac-sha256:"


def _canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def seal_of(keys: ClassKeys, body: dict[str, Any]) -> str:
    mac = hmac.new(keys.seal, b"worktown-class-seal\0" + _canonical(body), hashlib.sha256)
    return SEAL_PREFIX + base64.b64encode(mac.digest()).decode()


def player_tag(keys: ClassKeys, class_code: str, player_code: str) -> str:
    """The tag that shows ``player_code`` was put in class ``class_code`` with the key."""
    msg = f"worktown-class-player\0{class_code}\0{player_code}".encode()
    return (
        SEAL_PREFIX + base64.b64encode(hmac.new(keys.seal, msg, hashlib.sha256).digest()).decode()
    )


def _lrs_aad(code: str, endpoint: str) -> bytes:
    return f"worktown-class-lrs\0{code}\0{endpoint}".encode()


def seal_lrs(keys: ClassKeys, code: str, lrs: dict[str, str]) -> dict[str, str]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    plain = json.dumps({"user": lrs["user"], "password": lrs["password"]}).encode("utf-8")
    box = AESGCM(keys.secret).encrypt(nonce, plain, _lrs_aad(code, lrs["endpoint"]))
    return {"endpoint": lrs["endpoint"], "sealed": base64.b64encode(nonce + box).decode()}


def open_lrs(keys: ClassKeys, code: str, lrs: dict[str, str], where: str) -> dict[str, str]:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        raw = base64.b64decode(lrs["sealed"], validate=True)
        plain = AESGCM(keys.secret).decrypt(raw[:12], raw[12:], _lrs_aad(code, lrs["endpoint"]))
        account = json.loads(plain)
        return {
            "endpoint": lrs["endpoint"],
            "user": str(account["user"]),
            "password": str(account["password"]),
        }
    except (ValueError, KeyError, TypeError, InvalidTag):
        raise ValueError(
            f"{where}: the class's LRS account cannot be decrypted "
            "(the file was changed outside Worktown)"
        ) from None


def _badge_aad(code: str) -> bytes:
    return f"worktown-class-badge-key\0{code}".encode()


def seal_badge_key(keys: ClassKeys, code: str, key: dict[str, str]) -> dict[str, str]:
    """The Open Badges signing key (``{"private": PEM}``) encrypted, bound to the class."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    box = AESGCM(keys.secret).encrypt(nonce, key["private"].encode("ascii"), _badge_aad(code))
    return {"sealed": base64.b64encode(nonce + box).decode()}


def open_badge_key(keys: ClassKeys, code: str, key: dict[str, str], where: str) -> dict[str, str]:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        raw = base64.b64decode(key["sealed"], validate=True)
        plain = AESGCM(keys.secret).decrypt(raw[:12], raw[12:], _badge_aad(code))
        return {"private": plain.decode("ascii")}
    except (ValueError, KeyError, TypeError, InvalidTag, UnicodeDecodeError):
        raise ValueError(
            f"{where}: the class's badge signing key cannot be decrypted "
            "(the file was changed outside Worktown)"
        ) from None
