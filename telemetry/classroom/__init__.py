"""telemetry.classroom: see README.md in this folder (its rule and public API)."""
