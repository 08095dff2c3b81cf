"""telemetry.xapi: see README.md in this folder."""
