"""telemetry.report: see README.md in this folder."""
