"""Worktown engine: app loop, scene stack, input and focus, UI theme, settings, i18n.

Rule: nothing in game/ names a RIASEC type, a district or a challenge. Content comes
from zones/, telemetry goes through telemetry.xapi.recorder.Recorder.
"""

GAME_VERSION = "0.1.0"
