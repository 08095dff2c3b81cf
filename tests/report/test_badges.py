"""Open Badges 3.0 (issue 19 item 2): one OpenBadgeCredential per career management skill
reached, valid against 1EdTech's AchievementCredential JSON Schema (a copy in
assets/schema/openbadges-3.0/), signed with the class's key when there is one."""

from __future__ import annotations

import base64
import copy
import json
from pathlib import Path

import pytest
from jsonschema import Draft201909Validator

from telemetry.report.badges import (
    REACHED,
    SUBJECT_PREFIX,
    BadgeIssuer,
    new_signing_key,
    public_key_pem,
    verify_badge,
    write_badges,
)

SCHEMA = (
    Path(__file__).resolve().parents[2]
    / "assets"
    / "schema"
    / "openbadges-3.0"
    / "achievementcredential.json"
)
SCHOOL = "Hillhead High School"
CODE = "BLUE-FOX-42"  # the report fixture's player (tests/report/conftest.py)


@pytest.fixture(scope="module")
def ob3() -> Draft201909Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft201909Validator.check_schema(schema)
    return Draft201909Validator(schema)


def _reached(report) -> set[str]:
    return {c["id"] for c in report["cms"] if c["level"] in REACHED}


def _payload(token: str) -> dict:
    part = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def _with_payload(token: str, payload: dict) -> str:
    head, _, sig = token.split(".")
    body = base64.urlsafe_b64encode(json.dumps(payload).encode()).rstrip(b"=").decode()
    return f"{head}.{body}.{sig}"


def test_unsigned_badges_follow_the_schema_and_say_so(tmp_path, report, ob3) -> None:
    assert _reached(report), "the simulated pupil should reach some competence"
    written = write_badges(tmp_path, report, BadgeIssuer(SCHOOL, "7B-2026"))
    assert {p.name for p in written} == {f"{CODE}-{cid}.unsigned.json" for cid in _reached(report)}
    levels = {c["id"]: c for c in report["cms"]}
    for path in written:
        doc = json.loads(path.read_text(encoding="utf-8"))
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in ob3.iter_errors(doc)]
        assert errors == []
        assert doc["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
        assert "proof" not in doc and "Not signed" in doc["description"]
        assert doc["issuer"]["name"] == SCHOOL
        subject = doc["credentialSubject"]
        assert subject["id"] == SUBJECT_PREFIX + CODE
        achievement = subject["achievement"]
        competence = levels[achievement["id"].split(":")[-2]]
        assert achievement["achievementType"] == "Competency"
        assert competence["level"] in achievement["id"]
        # criteria in words: what the pupil did, each activity of the evidence named
        for line in competence["evidence"]:
            assert line["activity"] in achievement["criteria"]["narrative"]
        assert [a["targetCode"] for a in achievement["alignment"]] == [competence["theme"]]
        assert "esco" not in json.dumps(achievement).lower()  # no ESCO skill claimed


def test_a_signed_badge_verifies_and_a_tampered_one_does_not(tmp_path, report, ob3) -> None:
    key = new_signing_key()
    written = write_badges(tmp_path, report, BadgeIssuer(SCHOOL, "7B-2026", key))
    assert written and all(p.suffix == ".jwt" for p in written)
    token = written[0].read_text(encoding="ascii")
    credential = verify_badge(token, public_key_pem(key))
    assert credential["credentialSubject"]["id"] == SUBJECT_PREFIX + CODE
    assert credential["issuer"]["id"].startswith("did:key:z6Mk")  # the signing key's DID
    vc = {k: v for k, v in _payload(token).items() if k not in ("iss", "sub", "jti", "nbf", "exp")}
    assert [e.message for e in ob3.iter_errors(vc)] == []
    forged = copy.deepcopy(_payload(token))
    forged["credentialSubject"]["achievement"]["name"] = "Something never earned"
    with pytest.raises(ValueError, match="does not verify"):
        verify_badge(_with_payload(token, forged), public_key_pem(key))
    with pytest.raises(ValueError, match="does not verify"):
        verify_badge(token, public_key_pem(new_signing_key()))  # someone else's key


def test_nothing_below_developing_and_no_school_is_one_line(tmp_path, report) -> None:
    low = {**report, "cms": [{**c, "level": "emerging"} for c in report["cms"]]}
    assert write_badges(tmp_path, low, BadgeIssuer(SCHOOL)) == []
    with pytest.raises(ValueError, match="no school name"):
        write_badges(tmp_path, report, BadgeIssuer("  "))


def test_school_and_key_are_kept_behind_the_passphrase(tmp_path) -> None:
    from telemetry.classroom.class_store import (
        CLASS_FILE,
        SessionSettings,
        TamperedClass,
        class_dir,
        create_class,
        load_class,
        open_class,
        save_class,
    )

    info = create_class(
        tmp_path, "7B-2026", "correct horse battery", 2, SessionSettings(school=SCHOOL)
    )
    key = new_signing_key()
    info.settings.badge_key = {"private": key.decode("ascii")}
    save_class(tmp_path, info)
    path = class_dir(tmp_path, "7B-2026") / CLASS_FILE
    assert b"PRIVATE KEY" not in path.read_bytes()
    locked = load_class(tmp_path, "7B-2026")
    assert locked.settings.school == SCHOOL and set(locked.settings.badge_key) == {"sealed"}
    assert locked.settings.badge_signing_key() is None
    opened = open_class(tmp_path, "7B-2026", "correct horse battery")
    assert opened.settings.badge_signing_key() == key
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["settings"]["school"] = "Another School"  # changed outside Worktown
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(TamperedClass):
        open_class(tmp_path, "7B-2026", "correct horse battery")


def test_report_format_badges_from_the_command_line(tmp_path, statements, capsys) -> None:
    from game.cli import main
    from telemetry.classroom.class_store import load_class
    from telemetry.xapi.reader import write_player_folder

    data = tmp_path / "data"
    assert (
        main(
            [
                "class",
                "create",
                "--class",
                "7B-2026",
                "--players",
                "1",
                "--school",
                SCHOOL,
                "--passphrase",
                "correct horse battery",
                "--data-dir",
                str(data),
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "class",
                "badges",
                "--class",
                "7B-2026",
                "--new-key",
                "--passphrase",
                "correct horse battery",
                "--data-dir",
                str(data),
            ]
        )
        == 0
    )
    assert "BEGIN PUBLIC KEY" in capsys.readouterr().out
    code = load_class(data, "7B-2026").players[0]
    from telemetry.xapi.reader import recorded_form

    write_player_folder(data, code, recorded_form(statements, code, class_code="7B-2026"))
    out = tmp_path / "badges"
    assert (
        main(
            [
                "report",
                code,
                "--format",
                "badges",
                "--out",
                str(out),
                "--data-dir",
                str(data),
                "--passphrase",
                "correct horse battery",
            ]
        )
        == 0
    )
    tokens = sorted(out.glob(f"{code}-*.jwt"))
    assert tokens, capsys.readouterr().err
    assert _payload(tokens[0].read_text())["issuer"]["name"] == SCHOOL
    from telemetry.classroom.erase import erase_everywhere

    erase_everywhere(data, [code])
    assert not any(p.exists() for p in tokens)  # erase reaches the badges too
