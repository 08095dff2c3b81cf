"""Preferences as a typed registry with defaults and a version, saved atomically.

Accessibility options live here from day one. ``Settings.load`` never raises on a bad
file: it returns defaults and a one-line message naming the file and the problem.
There is one file per player (``players/<CODE>/settings.json``, used while they are
signed in) and one for the installation (``settings.json``, used before sign-in and as
the starting point for a new player). ``settings_path`` says which one is in force.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from game.save import json_bytes, write_json
from telemetry.xapi.safe_read import parse_json

SETTINGS_VERSION = 1

#: the keyboard actions a player may remap, and their default keys (pygame key names)
ACTIONS = ("next", "previous", "activate", "back")
DEFAULT_KEYS = {"next": "tab", "previous": "", "activate": "return", "back": "escape"}


def settings_path(data_dir: Path, player_code: str | None) -> Path:
    """The settings file in force: the player's own once signed in, else the installation's."""
    if player_code:
        return data_dir / "players" / player_code / "settings.json"
    return data_dir / "settings.json"


@dataclass
class Settings:
    """Every preference with its default. Add a field, bump nothing: unknown keys are kept out."""

    language: str = "en"
    text_scale: float = 1.0  # 1.0–2.0
    high_contrast: bool = False
    colour_safe: bool = True
    dyslexia_font: bool = False
    reduced_motion: bool = False
    fullscreen: bool = False
    music_volume: float = 0.6
    effects_volume: float = 0.8
    key_bindings: dict[str, str] = field(default_factory=dict)
    route_framework: str = ""  # learning routes shown: "" follows the language
    read_aloud: bool = False  # self-voicing (game.speech); V toggles it anywhere
    speech_rate: float = 1.0  # 0.5–2.0 times the voice's normal rate

    def clamp(self) -> Settings:
        """Bring numbers into range after loading or editing."""
        self.text_scale = min(2.0, max(1.0, float(self.text_scale)))
        self.music_volume = min(1.0, max(0.0, float(self.music_volume)))
        self.effects_volume = min(1.0, max(0.0, float(self.effects_volume)))
        self.speech_rate = min(2.0, max(0.5, float(self.speech_rate)))
        self.key_bindings = {
            action: str(name)
            for action, name in self.key_bindings.items()
            if action in ACTIONS and isinstance(name, str)
        }
        return self

    def key_for(self, action: str) -> str:
        """The pygame key name bound to ``action`` (the default unless remapped)."""
        return self.key_bindings.get(action, DEFAULT_KEYS[action])

    @classmethod
    def load(cls, path: Path) -> tuple[Settings, str | None]:
        """Read settings; on any problem return defaults and one line saying why."""
        if not path.exists():
            return cls(), None
        try:
            raw = parse_json(path.read_bytes())
            if not isinstance(raw, dict) or not isinstance(raw.get("values"), dict):
                raise ValueError("not a settings object")
            if raw.get("version") != SETTINGS_VERSION:
                raise ValueError(f"unknown settings version {raw.get('version')!r}")
            defaults = cls()
            values = {
                key: value
                for key, value in raw["values"].items()
                if key in {f.name for f in fields(cls)} and _fits(value, getattr(defaults, key))
            }
            return cls(**values).clamp(), None
        except RecursionError:
            return cls(), f"{path}: settings ignored (nested too deeply); using defaults"
        except (OSError, ValueError) as exc:
            return cls(), f"{path}: settings ignored ({exc}); using defaults"

    def save(self, path: Path) -> None:
        """Write atomically (temp file, fsync, replace)."""
        write_json(path, self.to_json())

    def to_json(self) -> dict:
        """The file's content (what :meth:`save` writes)."""
        return {"version": SETTINGS_VERSION, "values": asdict(self)}

    def file_bytes(self) -> bytes:
        """The file's bytes, serialised now (for the background writer)."""
        return json_bytes(self.to_json())


def _fits(value: object, default: object) -> bool:
    """A saved value is kept only if it has the default's type (an int may stand for a float)."""
    if isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
        return abs(value) <= 1e9  # a huge integer would overflow float() in clamp()
    return type(value) is type(default)
