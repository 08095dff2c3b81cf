"""Teacher panel jobs (handout, summary, export, one pupil's report, merge) on a worker
thread.

A :class:`Job` is started by the panel; its thread reads player folders and writes only
into ``<data_dir>/teacher/<CLASS>/`` (a merge: the class's player folders, from the folder
given); the panel polls ``done`` in ``update`` and shows :meth:`Job.message`. Nothing here
touches pygame or the scene stack.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any


def output_dir(data_dir: Path, class_code: str) -> Path:
    """Where the panel writes a class's handout, summary and export."""
    return Path(data_dir) / "teacher" / class_code


class Job:
    def __init__(
        self,
        action: str,
        data_dir: Path,
        info: Any,
        content: Any,
        *,
        code: str | None = None,
        source: Path | None = None,
    ) -> None:
        self.action, self.data_dir, self.info, self.content = action, Path(data_dir), info, content
        self.code, self.source = code, source
        self.merged: Any = None  # the MergeResult of a merge
        self.done = False
        self.paths: list[Path] = []
        self.error = ""
        self._thread = threading.Thread(target=self._run, name=f"teacher-{action}", daemon=True)

    def start(self) -> Job:
        self._thread.start()
        return self

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    def _inputs(self):
        from game import paths
        from game.commands.report import content_summary
        from telemetry.profile.occupations import load_occupations

        routes = self.info.settings.routes or ""  # the routes the class's pupils see
        return content_summary(self.content, routes=routes), load_occupations(
            paths.assets_dir() / "data" / "occupations.csv"
        )

    def _run(self) -> None:
        from game import class_tools as tools

        out = output_dir(self.data_dir, self.info.code)
        try:
            if self.action == "handout":
                self.paths = tools.write_codes_handout(
                    self.info, ["pdf", "html"], out, self.data_dir
                )
            elif self.action == "summary":
                from game.commands.report import content_summary

                self.paths = tools.write_summary(
                    self.data_dir, self.info, ["pdf", "html"], out, content_summary(self.content)
                )
            elif self.action == "report":
                self.paths = tools.write_player_report(
                    self.data_dir, self.info, str(self.code), out / "reports", self._inputs()
                )
            elif self.action == "merge":
                from telemetry.classroom.merge import merge_folder

                self.merged = merge_folder(
                    Path(str(self.source)),
                    self.data_dir,
                    only=self.info.players,
                    class_code=self.info.code,
                )
            else:
                where, skipped = tools.export(
                    self.data_dir, self.info, out / f"{self.info.code}-export.zip", self._inputs()
                )
                self.paths = [where]
                if skipped:
                    self.error = skipped[0]
        except (OSError, ValueError) as exc:
            self.error = str(exc)
        finally:
            self.done = True

    def message(self, t) -> str:
        if self.merged is not None:
            result = self.merged
            text = t(
                "teacher.merged",
                players=len(result.added),
                statements=sum(result.added.values()),
                current=len(result.up_to_date),
            )
            if result.skipped:
                text += " " + t(
                    "teacher.merge_skipped", n=len(result.skipped), first=result.skipped[0]
                )
            return text
        if self.error and not self.paths:
            return t("teacher.failed", problem=self.error)
        names = ", ".join(p.name for p in self.paths)
        return t("teacher.written", files=names)
