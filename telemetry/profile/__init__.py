"""telemetry.profile.engine: see README.md in this folder."""
