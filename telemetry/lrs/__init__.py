"""telemetry.lrs.forward: see README.md in this folder."""
