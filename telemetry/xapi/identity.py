"""Pseudonymous player codes such as ``BLUE-FOX-42``.

A player code is the only identity Worktown knows: there is no field for a name, email or
birth date anywhere. Codes are two neutral words and two digits; digits 0 and 1 are never
used (they read like O, I and L on a handout). Called by the teacher tools and the
new-player screen; touches nothing but the ``rng`` it is given.
"""

from __future__ import annotations

import random
import re

_WORDS_A = (
    "AMBER", "AQUA", "BLUE", "BRAVE", "BRIGHT", "CALM", "CORAL", "CRISP", "EARLY", "FAST",
    "GOLD", "GREEN", "HAPPY", "JADE", "KIND", "LUCKY", "MINT", "NAVY", "NEAT", "PEARL",
    "PLUM", "QUICK", "QUIET", "RED", "RUBY", "SAGE", "SILVER", "SMART", "SUNNY", "SWIFT",
    "TEAL", "WARM", "WISE", "ZESTY",
)  # fmt: skip
_WORDS_B = (
    "BADGER", "BEAR", "BEE", "CLOUD", "CRANE", "DEER", "DOVE", "EAGLE", "FERN", "FOX",
    "HARE", "HAWK", "HERON", "LARK", "MAPLE", "MOOSE", "OAK", "OTTER", "PANDA", "PINE",
    "RAVEN", "RIVER", "ROBIN", "SEAL", "SPARK", "STAR", "SWAN", "TIGER", "WAVE", "WHALE",
    "WREN", "ZEBRA",
)  # fmt: skip
_DIGITS = "23456789"

_CODE = re.compile(r"[A-Z2-9][A-Z0-9]*(-[A-Z0-9]+){0,3}")
MAX_CODE_LENGTH = 32
_WINDOWS_RESERVED = re.compile(r"(CON|PRN|AUX|NUL|COM\d|LPT\d)")


def generate_player_code(rng: random.Random) -> str:
    """A fresh readable code, e.g. ``"BLUE-FOX-42"`` (34 x 32 x 64 = 69,632 codes)."""
    digits = rng.choice(_DIGITS) + rng.choice(_DIGITS)
    return f"{rng.choice(_WORDS_A)}-{rng.choice(_WORDS_B)}-{digits}"


def is_valid_player_code(code: object) -> bool:
    """True for upper-case letters/digits in up to four dash-separated parts (≤ 32 chars):
    safe as a folder name on every OS and free of anything personal-looking like '@'."""
    return (
        isinstance(code, str)
        and len(code) <= MAX_CODE_LENGTH
        and bool(_CODE.fullmatch(code))
        and not _WINDOWS_RESERVED.fullmatch(code)
    )


def normalise_player_code(text: str) -> str:
    """What a pupil typed as the code it means: upper case, and any run of spaces, dashes
    or underscores between the parts as one dash (``"wise maple 77"`` -> ``WISE-MAPLE-77``).
    Called by the code-entry screen; the result may still be invalid (check it)."""
    parts = re.split(r"[\s_-]+", str(text).strip().upper())
    return "-".join(part for part in parts if part)


def check_player_code(code: str) -> str:
    """Return ``code`` or raise ``ValueError`` saying what a code looks like."""
    if not is_valid_player_code(code):
        raise ValueError(
            f"bad player code {code!r}: expected like BLUE-FOX-42 (A-Z, 0-9, dashes, ≤ 32)"
        )
    return code
