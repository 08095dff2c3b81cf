"""One line telling the player that (and where) Worktown cannot save, or what sign-out
could not save. Called by the app when the disk starts refusing (``App.watch_storage``),
at start-up when the data folder cannot be made, and at sign-out (``flow.close_recorder``).
Touches nothing; the folder is shown with the home folder as ``~`` (no user name)."""

from __future__ import annotations

import errno
import re
from pathlib import Path

_REASONS = {
    errno.ENOSPC: "storage.full",
    errno.EROFS: "storage.read_only",
    errno.EACCES: "storage.denied",
    errno.EPERM: "storage.denied",
    getattr(errno, "EDQUOT", -1): "storage.full",
}


def shown_folder(folder: Path) -> str:
    """``folder`` as a pupil may see it: under the home folder it starts with ``~``."""
    folder = Path(folder)
    try:
        return str(Path("~") / folder.resolve().relative_to(Path.home().resolve()))
    except (ValueError, OSError, RuntimeError):
        return str(folder)


def reason(ctx, problem: str | None) -> str:
    """A few plain words for an error text such as ``OSError: [Errno 28] No space ...``."""
    found = re.search(r"Errno (\d+)", problem or "")
    key = _REASONS.get(int(found.group(1)), "storage.other") if found else "storage.other"
    return ctx.t(key)


def cannot_save(ctx, problem: str | None) -> str:
    """The one-line notice: cannot save, where, why, and that the work is kept in memory."""
    return ctx.t(
        "notice.storage_trouble", folder=shown_folder(ctx.data_dir), reason=reason(ctx, problem)
    )


def unsaved_at_sign_out(ctx, n: int, spill: Path | None) -> str | None:
    """What sign-out says when ``n`` events could not reach the data folder: kept in the
    temp folder (``spill``) and brought back at the next sign-in here, or lost."""
    if n <= 0:
        return None
    if spill is not None:
        return ctx.t("notice.spilled", n=n, folder=shown_folder(spill.parent.parent))
    return ctx.t("notice.events_lost", n=n)
