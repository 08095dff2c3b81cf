"""The one telemetry API scenes call (through ``zones``): :class:`Recorder`.

Lifecycle (game thread)::

    rec = Recorder.open(data_dir, "BLUE-FOX-42")   # lock + recover; rec.recovery.message
    rec.start_session()                            # initialized serious-game
    rec.record("completed", "quest", "challenge/r_bike_repair", success=True, score=0.8)
    rec.checkpoint()                               # at calm moments, e.g. scene change
    rec.end_session()                              # completed serious-game + checkpoint
    rec.close()

:meth:`Recorder.record` builds a statement dict and queues it: no disk I/O on the caller's
thread. The journal writer thread (``journal.py``) writes it; :meth:`wait_durable`
defines "acknowledged as durable"; :meth:`checkpoint` compacts into TinyDB (``store.py``).
"""

from __future__ import annotations

import platform as _platform
import time
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from telemetry.xapi import activity_ids, vocab
from telemetry.xapi.journal import JournalWriter, scan_journal
from telemetry.xapi.statements import StatementFactory, make_actor, make_context
from telemetry.xapi.store import PlayerStore, RecoveryReport
from telemetry.xapi.version import installed_version

GAME_ACTIVITY = activity_ids.GAME
GAME_NAME = "Worktown"
#: closing gives up waiting for a disk that has refused every write for this long
FAILING_GRACE_S = 1.5


class Recorder:
    """Records xAPI statements for one player. Create with :meth:`open`. Not shareable
    between processes (the player folder is locked); ``record`` may be called from any
    thread, the other methods from the game thread."""

    def __init__(
        self,
        store: PlayerStore,
        writer: JournalWriter,
        *,
        player_code: str,
        class_code: str | None,
        language: str,
        game_version: str,
        platform: str,
    ) -> None:
        self._store = store
        self._writer = writer
        self.player_code = player_code
        self.class_code = class_code
        self.language = language
        self.game_version = game_version
        self.platform = platform
        self._actor = make_actor(vocab.account_home_page(class_code), player_code)
        self._session_started: float | None = None
        self._closed = False
        #: the epoch seconds a statement is stamped with (a simulated player swaps in its
        #: own clock, so its timestamps follow simulated time, not how fast it ran)
        self.wall_clock: Callable[[], float] = time.time
        # every statement of this player, oldest first: what the store held at open plus
        # what has been recorded since; reading it never touches the disk
        self._memory: list[dict[str, Any]] = store.all_statements()
        self._new_registration()

    @classmethod
    def open(
        cls,
        data_dir: Path | str,
        player_code: str,
        class_code: str | None = None,
        language: str = "en",
        game_version: str | None = None,
        platform: str | None = None,
        *,
        fsync_interval: float = 0.5,
        retry_interval: float = 1.0,
        defer: bool = False,
    ) -> Recorder:
        """Open (creating or resuming) a player's store and start the journal writer.

        Raises :class:`~telemetry.xapi.store.PlayerLocked` if the player is open elsewhere and
        ``ValueError`` for a bad player or class code. Damaged files never raise: see
        :attr:`recovery`. Does disk I/O; call it from a loading screen, not mid-frame.
        With ``defer``, a folder the disk refuses does not raise either: :attr:`deferred`
        says why, statements are kept in memory and written once the disk accepts.
        """
        vocab.account_home_page(class_code)  # validates the class code before locking
        store = PlayerStore.open(data_dir, player_code, defer=defer)
        writer = JournalWriter(
            store.journal_path,
            store.compact_journal,
            fsync_interval=fsync_interval,
            retry_interval=retry_interval,
            prepare=store.ensure_open,
        )
        writer.start()
        return cls(
            store,
            writer,
            player_code=player_code,
            class_code=class_code,
            language=language,
            game_version=game_version or installed_version(),
            platform=platform or _platform.system() or "unknown",
        )

    # -- recording -----------------------------------------------------------------------

    def _new_registration(self) -> None:
        self.session_id = str(uuid.uuid4())
        self._context = make_context(
            self.session_id,
            platform=self.platform,
            language=self.language,
            class_code=self.class_code,
            game_version=self.game_version,
            session_id=self.session_id,
        )
        self._factory = StatementFactory(self._actor, self._context, name_language=self.language)

    def record(
        self,
        verb: str,
        activity_type: str,
        activity_id: str,
        *,
        name: str | None = None,
        success: bool | None = None,
        score: float | None = None,
        duration_s: float | None = None,
        response: str | None = None,
        extensions: Mapping[str, Any] | None = None,
    ) -> str:
        """Queue one statement and return its id. Short names as in ``vocab``; ``name`` is
        the activity's display name in the game language (default: from the id). Unknown
        names or non-JSON values raise ``ValueError``. No disk I/O."""
        if self._closed:
            raise RuntimeError("Recorder is closed")
        statement = self._factory.build(
            verb,
            activity_type,
            activity_id,
            name=name,
            success=success,
            score=score,
            duration_s=duration_s,
            response=response,
            extensions=extensions,
            now=self.wall_clock(),
        )
        self._writer.append(statement)
        self._memory.append(statement)
        return str(statement["id"])

    def start_session(self) -> str:
        """Begin a session: new registration UUID, records ``initialized serious-game``.
        Returns the registration (session id)."""
        self._new_registration()
        self._session_started = time.monotonic()
        self.record("initialized", "serious-game", GAME_ACTIVITY, name=GAME_NAME)
        return self.session_id

    def end_session(self, *, timeout: float | None = 10.0) -> bool:
        """Record ``completed serious-game`` with the session duration, then checkpoint and
        wait for it. Returns False if the checkpoint could not finish within ``timeout``."""
        started = self._session_started
        duration = None if started is None else time.monotonic() - started
        self.record("completed", "serious-game", GAME_ACTIVITY, name=GAME_NAME, duration_s=duration)
        self._session_started = None
        return self._settle(timeout)

    def _settle(self, timeout: float | None) -> bool:
        """Checkpoint and wait up to ``timeout``, but give up after ``FAILING_GRACE_S`` of a
        disk that keeps refusing (the retry would only make a pupil wait at the bell)."""
        generation = self._writer.request_checkpoint()
        deadline = None if timeout is None else time.monotonic() + timeout
        failing_since = None
        while True:
            if self._writer.wait_checkpoint(generation, 0.05):
                return True
            now = time.monotonic()
            if deadline is not None and now >= deadline:
                return False
            if self._writer.healthy:
                failing_since = None
            elif failing_since is None:
                failing_since = now
            elif now - failing_since >= FAILING_GRACE_S:
                return False

    # -- durability ----------------------------------------------------------------------

    def wait_durable(self, timeout: float | None = None) -> bool:
        """Block until every statement recorded before this call is fsynced (acknowledged
        as durable: it survives a crash or power cut). False on timeout."""
        return self._writer.wait_durable(timeout)

    def checkpoint(self, *, wait: bool = False, timeout: float | None = None) -> bool:
        """Compact the journal into TinyDB on the writer thread. The game calls this at
        calm moments (scene change) with ``wait=False``; it returns at once."""
        return self._writer.checkpoint(wait=wait, timeout=timeout)

    @property
    def recorded_count(self) -> int:
        """Statements recorded since open."""
        return self._writer.enqueued_count

    @property
    def durable_count(self) -> int:
        """Statements recorded since open and acknowledged as durable (in record order)."""
        return self._writer.durable_count

    @property
    def healthy(self) -> bool:
        """False while the disk refuses writes; events are kept in memory and retried."""
        return self._writer.healthy

    @property
    def last_error(self) -> str | None:
        """Text of the last disk error, or ``None``."""
        return self._writer.last_error

    @property
    def recovery(self) -> RecoveryReport:
        """What opening had to repair; ``recovery.message`` is one line for the player."""
        return self._store.recovery

    @property
    def deferred(self) -> str | None:
        """Why the player's folder could not be opened yet (disk full, read-only), or None."""
        return self._store.deferred

    @property
    def player_dir(self) -> Path:
        """The player's folder (for the "where is my data" screen)."""
        return self._store.folder

    # -- reading -------------------------------------------------------------------------

    def statements(self) -> list[dict[str, Any]]:
        """Every statement of this player, oldest first, from memory: no disk I/O, so
        scenes may call it when they open (the profile screens, the hub's suggestion)."""
        if self._closed:
            raise RuntimeError("Recorder is closed")
        return list(self._memory)

    def stored_statements(self, *, timeout: float | None = 10.0) -> list[dict[str, Any]]:
        """Every statement as the disk holds it: checkpoints first (waits up to
        ``timeout``), then reads TinyDB, plus anything the disk has not accepted yet.
        For tools and tests that must check what is stored; slow, never per frame."""
        if self._closed:
            raise RuntimeError("Recorder is closed")
        compacted = self._writer.checkpoint(wait=True, timeout=timeout)
        stored = self._store.all_statements()
        extra = self._writer.pending_statements()
        if not compacted:  # disk trouble: some may still sit in the journal file only
            extra = scan_journal(self._store.journal_path).statements + extra
        seen = {s["id"] for s in stored}
        for statement in extra:
            if statement["id"] not in seen:
                seen.add(statement["id"])
                stored.append(statement)
        return stored

    # -- closing -------------------------------------------------------------------------

    def close(self, *, timeout: float | None = 10.0) -> bool:
        """Write, fsync and compact everything, stop the writer, release the player, all
        within ``timeout`` seconds in total. Returns False if something could not be saved
        (see ``last_error`` and :meth:`unsaved`). Idempotent."""
        if self._closed:
            return self._writer.durable_count >= self._writer.enqueued_count
        self._closed = True
        deadline = None if timeout is None else time.monotonic() + timeout
        compacted = self._settle(timeout)
        left = None if deadline is None else max(0.05, deadline - time.monotonic())
        durable = self._writer.stop(left)
        self._store.close()
        return compacted and durable

    def unsaved(self) -> list[dict[str, Any]]:
        """After :meth:`close`: the statements that never became durable on disk (to spill
        elsewhere or to report as lost)."""
        return self._writer.unsaved_statements()

    def __enter__(self) -> Recorder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
