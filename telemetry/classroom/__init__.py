"""telemetry.classroom.classes: see README.md in this folder."""
