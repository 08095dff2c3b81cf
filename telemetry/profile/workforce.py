"""Who does each occupation today: the share of women in its US workforce
(``assets/data/workforce_sex.csv``, BLS CPS table 11, 2021; provenance in
``assets/data/SOURCES.md`` section 10). Loaded by the report model; the game records no
sex or gender of a pupil, and nothing here is about the pupil.

An occupation is *skewed* when at least :data:`SKEW` percent of its workers are of one
sex: a match that breaks a gender stereotype for one side or the other, labelled neutrally
("mostly done by women today"). Bad files raise
:class:`~telemetry.profile.occupations.OccupationDataError` naming the file and line.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from telemetry.profile.occupations import DATA_DIR, OccupationDataError

__all__ = ["SKEW", "load_workforce", "mostly"]

SKEW = 75.0  # percent of one sex from which an occupation counts as mostly done by it
_SOC = re.compile(r"^\d{2}-\d{4}\.\d{2}$")


def load_workforce(path: str | Path | None = None) -> dict[str, float]:
    """{O*NET-SOC code: percent women}, for the occupations the table gives a share."""
    path = Path(path) if path is not None else DATA_DIR / "workforce_sex.csv"
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if "soc_code" not in (reader.fieldnames or []) or "women_percent" not in (
                reader.fieldnames or []
            ):
                raise OccupationDataError(f"{path}: missing column soc_code or women_percent")
            out: dict[str, float] = {}
            for row in reader:
                where = f"{path}, line {reader.line_num}"
                soc, text = (row["soc_code"] or "").strip(), (row["women_percent"] or "").strip()
                if not _SOC.match(soc) or soc in out:
                    raise OccupationDataError(f"{where}: bad or repeated SOC code {soc!r}")
                if not text:
                    continue  # BLS publishes no share for small occupations
                try:
                    value = float(text)
                except ValueError:
                    raise OccupationDataError(
                        f"{where}: women_percent {text!r} is not a number"
                    ) from None
                if not 0.0 <= value <= 100.0:
                    raise OccupationDataError(f"{where}: women_percent {value} not 0-100")
                out[soc] = value
            return out
    except OSError as exc:
        raise OccupationDataError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except (UnicodeDecodeError, csv.Error) as exc:
        raise OccupationDataError(f"{path}: not a readable UTF-8 CSV ({exc})") from exc


def mostly(women_percent: float | None) -> str:
    """ "women" or "men" when the workforce is skewed that way (see :data:`SKEW`), else ""."""
    if women_percent is None:
        return ""
    if women_percent >= SKEW:
        return "women"
    if women_percent <= 100.0 - SKEW:
        return "men"
    return ""
