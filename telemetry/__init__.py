"""Worktown telemetry: xAPI statements, the crash-safe per-player store, privacy, exports.

Imports no pygame and nothing from ``game`` or ``zones``; importing it does no work.
The API scenes use is :class:`telemetry.xapi.recorder.Recorder`; see ``telemetry/README.md``.
"""
