"""Erasing players from every copy the game made, and voiding what an LRS holds.

Called by the "My data" screen (a pupil's own erase), the teacher panel and ``class
erase``, after the player's Recorder is closed. For each player, :func:`erase_everywhere`

1. queues the voiding of every statement the player's LRS ledger says was pushed
   (:mod:`telemetry.lrs.void`; statement ids only), before anything is deleted;
2. deletes the player's folder: store, journal, save, settings, LRS ledger, lock
   (:func:`_erase_folder`; refuses while the game has it open);
3. deletes the player's spill files in the system temp dir (``telemetry.xapi.spill``);
4. forgets the player as "last player" and removes the code from every class file;
5. removes the player from every export, zip, handout, summary and report the game
   wrote (:mod:`telemetry.classroom.copies`);
6. sends the queued voiding statements to the LRS when it has an account for it;
7. checks that no copy is left and says, in :meth:`EraseResult.lines`, exactly what
   happened (here and at the LRS).

No pygame. Raises :class:`~telemetry.xapi.store.PlayerLocked` (nothing erased) while a player
is open; every other trouble is a line in ``problems``.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from telemetry.classroom.class_store import (
    delete_class,
    list_classes,
    load_class,
    remove_players,
    save_class,
)
from telemetry.classroom.copies import codes_in_copies, scrub_copies
from telemetry.lrs.forward import LrsConfig
from telemetry.lrs.void import pushed_ids, queue_voids, queued, send_voids, write_queue
from telemetry.xapi.folder import LOCK_NAME, player_dir
from telemetry.xapi.spill import erase_spills
from telemetry.xapi.store import PlayerLock

__all__ = ["EraseResult", "erase_everywhere", "spill_folder"]

LAST_PLAYER = "last_player.json"


@dataclass
class EraseResult:
    """What an erase did. ``complete`` is True only when no copy is left on this computer."""

    codes: list[str]
    removed: list[Path] = field(default_factory=list)
    rewritten: list[Path] = field(default_factory=list)
    lrs_pushed: int = 0  # statements the ledgers say had reached an LRS
    lrs_voided: int = 0  # voiding statements the LRS accepted now
    lrs_queued: int = 0  # still queued on this computer (ids only)
    lrs_problems: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        """One line for here and, if anything had reached an LRS, one for the LRS (English:
        the command line; the game words these from the same fields)."""
        who = ", ".join(self.codes) if len(self.codes) <= 3 else f"{len(self.codes)} players"
        out = (
            [
                f"all data of {who} deleted from this computer ({len(self.removed)} files deleted, "
                f"{len(self.rewritten)} rewritten without them)"
            ]
            if self.complete
            else [f"{who}: not everything could be deleted: {p}" for p in self.problems]
        )
        if self.lrs_pushed or self.lrs_queued:
            out.append(
                f"LRS: {self.lrs_voided} statement(s) voided; {self.lrs_queued} voiding(s) "
                "queued on this computer, sent at the next 'lrs push' or class sign-in"
                + (f" ({self.lrs_problems[0]})" if self.lrs_problems else "")
            )
        return out


def _erase_folder(data_dir: Path, player_code: str) -> list[Path]:
    """Step 2 of :func:`erase_everywhere`: the whole ``<data_dir>/players/<code>`` folder
    (journal, TinyDB, save, settings, ledger, lock) and the spilled events. Raises
    :class:`~telemetry.xapi.store.PlayerLocked` while a Recorder holds the player; returns
    the files removed; raises ``OSError`` if anything remains afterwards."""

    folder = player_dir(data_dir, player_code)
    spilled = erase_spills(player_code)  # events a full disk sent to the temp dir
    if not folder.exists():
        return spilled
    lock = PlayerLock(folder / LOCK_NAME)
    lock.acquire()  # refuse while a Recorder (any process) holds the player
    removed: list[Path] = list(spilled)
    try:
        for root, dirs, files in os.walk(folder):
            removed.extend(Path(root) / f for f in files if f != LOCK_NAME or Path(root) != folder)
            dirs.sort()
        for child in folder.iterdir():
            if child.name == LOCK_NAME:
                continue
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    finally:
        lock.release()  # deletes the lock file
    removed.append(folder / LOCK_NAME)
    try:
        folder.rmdir()
    except FileNotFoundError:
        pass
    if folder.exists():
        left = ", ".join(p.name for p in folder.iterdir())
        raise OSError(f"{folder}: could not erase everything (left: {left})")
    return removed


def spill_folder(code: str) -> Path:
    """The player's spill folder in the system temp dir (``telemetry.xapi.spill``'s place)."""
    from telemetry.xapi.spill import spill_root

    return spill_root() / code


def _forget_last(data_dir: Path, gone: set[str], result: EraseResult) -> None:
    path = data_dir / LAST_PLAYER
    try:
        code = json.loads(path.read_bytes()).get("code")
    except (OSError, ValueError, AttributeError):
        return
    if code in gone:
        try:
            path.unlink()
            result.removed.append(path)
        except OSError as exc:
            result.problems.append(f"{path}: {exc.strerror or exc}")


def _classes(data_dir: Path, gone: set[str], whole_class: str | None, result: EraseResult) -> None:
    for cls in list_classes(data_dir):
        try:
            info = load_class(data_dir, cls)
        except ValueError as exc:
            result.problems.append(f"{exc} (it may still list an erased code)")
            continue
        try:
            if info.code == whole_class:
                result.removed.extend(delete_class(data_dir, info.code))
            elif gone & set(info.players):
                save_class(data_dir, remove_players(info, gone))
                result.rewritten.append(data_dir / "classes" / info.code / "class.json")
        except OSError as exc:
            result.problems.append(f"class {info.code}: {exc.strerror or exc}")


def _check(data_dir: Path, gone: set[str], result: EraseResult) -> None:
    """Look again at every place: anything left is a problem, named."""
    for code in sorted(gone):
        if player_dir(data_dir, code).exists():
            result.problems.append(f"{player_dir(data_dir, code)}: still there")
        if spill_folder(code).exists():
            result.problems.append(f"{spill_folder(code)}: still there")
    left = gone & codes_in_copies(data_dir)
    if left:
        result.problems.append(
            f"{data_dir / 'copies.json'}: copies of {', '.join(sorted(left))} remain"
        )
    for cls in list_classes(data_dir):
        try:
            if gone & set(load_class(data_dir, cls).players):
                result.problems.append(f"class {cls}: still lists an erased code")
        except ValueError:
            continue


def erase_everywhere(
    data_dir: Path | str,
    codes: Sequence[str],
    *,
    lrs_configs: Iterable[LrsConfig] = (),
    whole_class: str | None = None,
) -> EraseResult:
    """Erase ``codes`` from every copy (see module docstring). ``lrs_configs``: LRS accounts
    usable now for voiding (the class's, or the signed-in session's). ``whole_class``:
    this class is erased entirely (its class file and teacher folder go too)."""
    data_dir = Path(data_dir)
    result = EraseResult(codes=list(codes))
    gone = set(codes)
    for code in codes:
        ids = pushed_ids(data_dir, code)
        n = sum(len(v) for v in ids.values())
        before = queued(data_dir)
        if n:
            try:
                queue_voids(data_dir, ids)
            except OSError as exc:
                result.lrs_problems.append(
                    f"could not keep the voiding queue ({exc.strerror or exc})"
                )
        try:
            result.removed.extend(_erase_folder(data_dir, code))
        except BaseException:
            if n:  # not erased: do not void its statements
                try:
                    write_queue(data_dir, before)
                except OSError:
                    pass
            raise
        result.lrs_pushed += n
        spill = spill_folder(code)
        if spill.exists():
            try:
                result.removed.extend(p for p in spill.rglob("*") if p.is_file())
                shutil.rmtree(spill)
            except OSError as exc:
                result.problems.append(f"{spill}: {exc.strerror or exc}")
    _forget_last(data_dir, gone, result)
    scrub = scrub_copies(data_dir, gone, whole_class=whole_class)
    result.removed += scrub.removed
    result.rewritten += scrub.rewritten
    result.problems += scrub.problems
    _classes(data_dir, gone, whole_class, result)
    if queued(data_dir):
        report = send_voids(data_dir, lrs_configs)
        result.lrs_voided, result.lrs_queued = report.voided, report.queued
        result.lrs_problems += report.problems
    _check(data_dir, gone, result)
    return result
