"""``python -m zones.schema``: write ``zones/schema/challenge.schema.json`` from the typed
params (run after changing a params dataclass, and commit the file)."""

from __future__ import annotations

from zones.schema import SCHEMA_PATH, generate, render


def main() -> None:
    SCHEMA_PATH.write_text(render(generate()), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}")


if __name__ == "__main__":
    main()
