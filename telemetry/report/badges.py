"""Open Badges 3.0 credentials (W3C Verifiable Credentials) for the career management
skills a pupil has reached, built from the report's ``cms`` part.

One ``OpenBadgeCredential`` per competence at level ``developing`` or ``secure``: the
achievement names the competence and level, its criteria say in words what the pupil did
(the report's evidence lines), it is aligned to its SDS Career Management Skills theme,
and no ESCO skill is attached (none of ESCO's skills is the same thing as these game-
observed competences, so none is claimed). The issuer is the school the teacher set for
the class; the subject is the pseudonymous code only (``urn:worktown:player:CODE``).

Signed with the class's Ed25519 key when the teacher has set one (VC-JWT, EdDSA, through
``openbadgeslib``), the issuer then being the key's ``did:key``; otherwise written as
``.unsigned.json`` with a description saying it is unsigned. Called by ``report --format
badges``; :func:`write_badges` writes only into the folder it is given.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from telemetry import words
from telemetry.report.words import say
from telemetry.xapi.atomic import atomic_write_bytes

__all__ = [
    "REACHED",
    "BadgeIssuer",
    "build_badges",
    "write_badges",
    "verify_badge",
    "new_signing_key",
    "public_key_pem",
    "SUBJECT_PREFIX",
    "SDS_URL",
]

#: the levels that earn a badge (``emerging`` is "some evidence, not yet")
REACHED = ("developing", "secure")
SUBJECT_PREFIX = "urn:worktown:player:"
ACHIEVEMENT_PREFIX = "urn:worktown:achievement:"
SDS_URL = "https://www.skillsdevelopmentscotland.co.uk/"
_NAMESPACE = uuid.UUID("5b0e8f0c-4f0a-4c55-9d55-6f1e0c9a7d21")  # Worktown badges' own


@dataclass(frozen=True)
class BadgeIssuer:
    """Who issues: the school the teacher set for the class, and the class's signing key
    (PKCS#8 PEM of an Ed25519 key) when there is one."""

    school: str
    class_code: str | None = None
    signing_key_pem: bytes | None = None

    @property
    def signed(self) -> bool:
        return self.signing_key_pem is not None


def new_signing_key() -> bytes:
    """A fresh Ed25519 private key (PKCS#8 PEM), for a class's badges."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _private_key(pem: bytes) -> Any:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = serialization.load_pem_private_key(pem, password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("badge signing key: not an Ed25519 key")
    return key


def public_key_pem(private_pem: bytes) -> bytes:
    """The public half (SubjectPublicKeyInfo PEM): what a verifier needs."""
    from cryptography.hazmat.primitives import serialization

    return bytes(
        _private_key(private_pem)
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )


def _did_key(private_pem: bytes) -> str:
    """``did:key`` of the Ed25519 public key (multicodec 0xed01, base58btc)."""
    from cryptography.hazmat.primitives import serialization

    raw = (
        _private_key(private_pem)
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )
    data = b"\xed\x01" + raw
    alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
    n, text = int.from_bytes(data, "big"), ""
    while n:
        n, rest = divmod(n, 58)
        text = alphabet[rest] + text
    return "did:key:z" + "1" * (len(data) - len(data.lstrip(b"\0"))) + text


def _issuer_id(issuer: BadgeIssuer) -> str:
    if issuer.signing_key_pem is not None:
        return _did_key(issuer.signing_key_pem)
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, 'school/' + issuer.school)}"


def _criteria(lang: str, item: Mapping[str, Any]) -> str:
    evidence = "; ".join(
        words.say(
            "badges",
            lang,
            "evidence_item",
            activity=str(e.get("activity", "")),
            how=say(lang, "weight_" + str(e.get("how", "engaged"))),
            count=int(e.get("count", 1)),
        )
        for e in item.get("evidence") or []
    )
    level = str(item["level"])
    return words.say(
        "badges",
        lang,
        "criteria",
        what=words.say("badges", lang, "what_" + level),
        evidence=evidence,
        level=say(lang, "level_" + level),
        count=int(item.get("count", 0)),
    )


def build_badges(
    report: Mapping[str, Any], issuer: BadgeIssuer, language: str = "en"
) -> list[tuple[str, Any]]:
    """``[(competence id, openbadgeslib OpenBadgeCredential)]`` for every competence the
    report shows at a level in :data:`REACHED`; ``ValueError`` if there is no school."""
    from openbadgeslib.ob3 import Achievement, Alignment, Issuer, OpenBadgeCredential

    from telemetry.xapi.identity import check_player_code

    if not isinstance(issuer.school, str) or not issuer.school.strip():
        raise ValueError("badges: the class has no school name (class badges --school NAME)")
    code = check_player_code(str((report.get("player") or {}).get("code") or ""))
    lang = words.language_of(language)
    out = []
    for item in report.get("cms") or []:
        level, cid, theme = str(item.get("level")), str(item.get("id")), str(item.get("theme"))
        if level not in REACHED:
            continue
        theme_name = (
            say(lang, "theme_" + theme)
            if ("theme_" + theme) in words.table("report", lang)
            else theme
        )
        achievement = Achievement(
            id=f"{ACHIEVEMENT_PREFIX}{cid}:{level}",
            name=words.say(
                "badges",
                lang,
                "name",
                competence=str(item.get("name", cid)),
                level=say(lang, "level_" + level),
            ),
            description=words.say("badges", lang, "description", theme=theme_name),
            criteria_narrative=_criteria(lang, item),
            achievement_type="Competency",
            alignments=[
                Alignment(
                    target_name=theme_name,
                    target_url=SDS_URL,
                    target_framework=words.say("badges", lang, "framework"),
                    target_code=theme,
                )
            ],
        )
        credential = OpenBadgeCredential(
            issuer=Issuer(id=_issuer_id(issuer), name=issuer.school.strip()),
            recipient_id=SUBJECT_PREFIX + code,
            achievement=achievement,
            id=f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{code}/{cid}/{level}/{issuer.school}')}",
        )
        out.append((cid, credential))
    return out


def credential_document(
    credential: Any, issuer: BadgeIssuer, language: str = "en"
) -> dict[str, Any]:
    """The credential as JSON-LD (no proof); unsigned ones say so in ``description``."""
    doc: dict[str, Any] = credential.to_vc()
    if not issuer.signed:
        doc["description"] = words.say("badges", words.language_of(language), "unsigned")
    return doc


def write_badges(
    folder: Path, report: Mapping[str, Any], issuer: BadgeIssuer, language: str = "en"
) -> list[Path]:
    """Write one file per badge into ``folder``: ``<CODE>-<competence>.jwt`` (a signed
    VC-JWT) or ``<CODE>-<competence>.unsigned.json``. Returns the paths (none when no
    competence is reached)."""
    code = str((report.get("player") or {}).get("code") or "")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    signer = None
    if issuer.signing_key_pem is not None:
        from openbadgeslib.ob3 import OB3Signer

        signer = OB3Signer(issuer.signing_key_pem, algorithm="EdDSA")
    for cid, credential in build_badges(report, issuer, language):
        if signer is not None:
            path, data = folder / f"{code}-{cid}.jwt", signer.sign(credential).encode("ascii")
        else:
            path = folder / f"{code}-{cid}.unsigned.json"
            data = json.dumps(
                credential_document(credential, issuer, language), ensure_ascii=False, indent=2
            ).encode("utf-8")
        atomic_write_bytes(path, data)
        written.append(path)
    return written


def verify_badge(token: str, public_pem: bytes) -> dict[str, Any]:
    """The credential of a signed badge if its signature and dates check out with
    ``public_pem``; ``ValueError`` naming the problem otherwise."""
    from openbadgeslib.ob3 import OB3Verifier
    from openbadgeslib.ob3.verifier import OB3VerificationError

    try:
        credential = OB3Verifier(public_pem).verify(token.strip())
    except OB3VerificationError as exc:
        raise ValueError(f"badge does not verify: {exc}") from None
    raw = credential.raw if isinstance(credential.raw, dict) else credential.to_vc()
    return dict(raw)
