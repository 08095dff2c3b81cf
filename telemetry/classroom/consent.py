"""Whether a player's record holds their consent (the consent page's "yes").

The consent page's answer is recorded as ``selected question consent/privacy`` with
response ``yes`` when a player first signs in (``game.flow.sign_in``). Called at
sign-in, before the player's store is opened, to decide whether the consent page must be
shown first; reads the player's folder without locking it, writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from telemetry.xapi.activity_ids import CONSENT
from telemetry.xapi.decode import decode_log

CONSENT_ACTIVITY = CONSENT  # the name game/scenes/flow.py imports


def consent_in(statements: Iterable[Mapping[str, Any]]) -> bool:
    """True if one of ``statements`` is the consent page's "yes"."""
    for s in decode_log(statements).statements:
        if s.verb == "selected" and s.activity == CONSENT_ACTIVITY and s.response == "yes":
            return True
    return False


def consent_recorded(data_dir: Path | str, player_code: str) -> bool:
    """True if the player's stored record holds their consent; False for a player with no
    record yet (a code handed out by a teacher) or one that cannot be read."""
    from telemetry.xapi.reader import read_player_statements

    try:
        return consent_in(read_player_statements(data_dir, player_code))
    except (ValueError, OSError):
        return False
