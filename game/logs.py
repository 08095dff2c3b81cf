"""The game's log file: ``worktown.log`` in the data folder, rotated (256 KB x 3).

Set up once by ``App.__init__`` (``setup``), closed by ``App.shutdown`` (``close``).
What goes in: screen changes by name, storage trouble, crashes with their traceback.
What never goes in: personal data. Every record passes ``Redact``, which replaces the
signed-in player's code and anything shaped like a player code (``BLUE-FOX-42``) with
``<code>``; the game logs no typed text (no names, no search words, no answers).
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

LOG_NAME = "worktown.log"
LOGGER = "worktown"
MAX_BYTES = 256 * 1024
BACKUPS = 2
_CODE_SHAPE = re.compile(r"\b[A-Z2-9][A-Z0-9]{1,}(?:-[A-Z0-9]+){1,3}\b")


class Redact(logging.Filter):
    """Called for every record before it is written: codes out, message made final."""

    def __init__(self, codes=()) -> None:
        super().__init__()
        self.codes: set[str] = set(codes)
        #: the signed-in player's code now (set by the App), also taken out
        self.current = lambda: None

    def scrub(self, text: str) -> str:
        codes = set(self.codes)
        try:
            codes.add(self.current() or "")
        except Exception:  # noqa: BLE001 (a log line never fails)
            pass
        for code in sorted(codes, key=len, reverse=True):
            if code:
                text = text.replace(code, "<code>")
        return _CODE_SHAPE.sub("<code>", text)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.msg, record.args = self.scrub(message), ()
        if record.exc_text:
            record.exc_text = self.scrub(record.exc_text)
        record.exc_info = None  # the scrubbed text is what is written
        return True


class _QuietRotatingFile(logging.handlers.RotatingFileHandler):
    """A rotating file whose write errors (a full or read-only disk) are dropped: the log
    never prints a traceback to the pupil's console or stops the game."""

    def handleError(self, record: logging.LogRecord) -> None:
        return None


def setup(data_dir: Path, *, writable: bool = True) -> tuple[logging.Logger, Redact]:
    """Attach one rotating file handler for ``data_dir`` to the game's logger (a second
    App in the same process replaces the first one's handler). An unwritable folder
    gives a logger that writes nowhere, never an error (``writable=False``: the App
    could not make the folder, so nothing is tried at all)."""
    logger = logging.getLogger(LOGGER)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    close(logger)
    redact = Redact()
    try:
        if not writable:
            raise OSError("data folder not writable")
        handler: logging.Handler = _QuietRotatingFile(
            Path(data_dir) / LOG_NAME,
            maxBytes=MAX_BYTES,
            backupCount=BACKUPS,
            encoding="utf-8",
            delay=True,
        )
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    handler.addFilter(redact)
    logger.addHandler(handler)
    return logger, redact


def close(logger: logging.Logger | None = None) -> None:
    """Flush and detach the game's handlers (at shutdown, and before a new setup)."""
    logger = logger or logging.getLogger(LOGGER)
    for handler in list(logger.handlers):
        try:
            handler.flush()
            handler.close()
        except OSError:
            pass
        logger.removeHandler(handler)
