"""Voiding, at a Learning Record Store, the statements of a player who is erased.

An LRS never deletes: xAPI 1.0.3 (Data, 2.3.2) takes a statement back with a *voiding
statement* (verb ``voided``, :data:`telemetry.xapi.vocab.VOIDED_VERB`, object
``{"objectType": "StatementRef", "id": <the statement's id>}``); the LRS must then treat
the target as voided. Which ids were pushed is the player's LRS ledger
(:class:`telemetry.lrs.forward.Ledger`, per endpoint).

Called by :mod:`telemetry.classroom.erase` *before* the player's folder is deleted:
:func:`queue_voids` copies the pushed ids into ``<data_dir>/lrs_void_queue.json``
(atomic; statement ids and endpoints only: no code, no name, no password) and
:func:`send_voids` posts the voiding statements to every endpoint it has an
:class:`~telemetry.lrs.forward.LrsConfig` for, dropping from the queue what the LRS accepted.
What it cannot send (no credentials, LRS unreachable) stays queued and is sent by the
next :func:`send_voids` (``lrs push``, or when a class player signs in on this PC).
The voiding actor is the game itself, never the pupil.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from telemetry.lrs.forward import LEDGER_NAME, LrsConfig, LrsError, _request, statements_url
from telemetry.xapi.atomic import atomic_write_bytes
from telemetry.xapi.folder import player_dir
from telemetry.xapi.vocab import GAME_NAMESPACE, VOIDED_VERB

__all__ = [
    "QUEUE_NAME",
    "VoidReport",
    "pushed_ids",
    "voiding_statement",
    "queue_voids",
    "queued",
    "write_queue",
    "send_voids",
    "send_voids_in_background",
]

QUEUE_NAME = "lrs_void_queue.json"
_FORMAT = "worktown-lrs-void-queue"
_VOIDER = {"objectType": "Agent", "account": {"homePage": GAME_NAMESPACE, "name": "worktown-erase"}}
_lock = threading.Lock()  # one writer of the queue file per process


@dataclass
class VoidReport:
    """What :func:`send_voids` did: statements voided now, still queued, and one line per
    endpoint that could not be reached or has no credentials here."""

    voided: int = 0
    queued: int = 0
    problems: list[str] = field(default_factory=list)


def pushed_ids(data_dir: Path | str, code: str) -> dict[str, list[str]]:
    """{statements URL: ids sent there} from the player's ledger (empty if none or damaged)."""
    try:
        doc = json.loads((player_dir(data_dir, code) / LEDGER_NAME).read_bytes())
        endpoints = doc.get("endpoints") if isinstance(doc, dict) else None
    except (OSError, ValueError):
        return {}
    out: dict[str, list[str]] = {}
    for url, entry in (endpoints or {}).items():
        sent = entry.get("sent") if isinstance(entry, dict) else None
        ids = sorted({s for s in sent or [] if isinstance(s, str) and s})
        if isinstance(url, str) and ids:
            out[url] = ids
    return out


def voiding_statement(target_id: str, now: datetime | None = None) -> dict[str, Any]:
    """The xAPI 1.0.3 voiding statement for one statement id (a fresh id of its own)."""
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    return {
        "id": str(uuid.uuid4()),
        "actor": _VOIDER,
        "verb": {"id": VOIDED_VERB, "display": {"en-US": "voided"}},
        "object": {"objectType": "StatementRef", "id": target_id},
        "timestamp": stamp,
    }


def _path(data_dir: Path | str) -> Path:
    return Path(data_dir) / QUEUE_NAME


def queued(data_dir: Path | str) -> dict[str, list[str]]:
    """The queue: {statements URL: ids still to void}. A damaged file reads as empty."""
    try:
        doc = json.loads(_path(data_dir).read_bytes())
        endpoints = doc.get("endpoints") if isinstance(doc, dict) else None
    except (OSError, ValueError):
        return {}
    return {
        url: [i for i in ids if isinstance(i, str)]
        for url, ids in (endpoints or {}).items()
        if isinstance(url, str) and isinstance(ids, list) and ids
    }


def write_queue(data_dir: Path | str, queue: Mapping[str, Iterable[str]]) -> None:
    """Replace the queue (an empty one deletes the file)."""
    queue = {url: sorted(set(ids)) for url, ids in queue.items() if ids}
    path = _path(data_dir)
    if not queue:
        path.unlink(missing_ok=True)
        return
    doc = {"format": _FORMAT, "version": 1, "endpoints": queue}
    atomic_write_bytes(path, json.dumps(doc, indent=1).encode("utf-8"))


def queue_voids(data_dir: Path | str, ids_by_url: Mapping[str, Iterable[str]]) -> int:
    """Add ids to void (durably, before the data holding them is deleted); returns how
    many are queued in all. Raises ``OSError`` if the queue cannot be written."""
    with _lock:
        queue = {url: set(ids) for url, ids in queued(data_dir).items()}
        for url, ids in ids_by_url.items():
            queue.setdefault(url, set()).update(ids)
        write_queue(data_dir, queue)
        return sum(len(v) for v in queue.values())


def _post(cfg: LrsConfig, statements: list[dict[str, Any]]) -> None:
    status, payload = _request(cfg, "POST", cfg.url, json.dumps(statements).encode("utf-8"), None)
    if status in (200, 204):
        return
    if status in (401, 403):
        raise LrsError(f"{cfg.url}: the LRS refused user {cfg.user!r} (HTTP {status})")
    raise LrsError(
        f"{cfg.url}: voiding refused, HTTP {status}: {payload[:200].decode('utf-8', 'replace')}"
    )


def send_voids(
    data_dir: Path | str, configs: Iterable[LrsConfig] = (), batch: int = 100
) -> VoidReport:
    """Post the queued voiding statements to every endpoint in ``configs`` (matched by
    statements URL); what the LRS accepted leaves the queue. Never raises for the
    network: an unreachable LRS is one line in ``problems``, its ids stay queued."""
    report = VoidReport()
    by_url: dict[str, LrsConfig] = {}
    for cfg in configs:
        try:
            by_url[statements_url(cfg.endpoint)] = cfg
        except ValueError as exc:
            report.problems.append(str(exc))
    for url, ids in queued(data_dir).items():
        account = by_url.get(url)
        if account is None:
            report.problems.append(
                f"{url}: no LRS account on this computer to void "
                f"{len(ids)} statement(s); they stay queued"
            )
            continue
        try:
            for i in range(0, len(ids), max(1, batch)):
                part = ids[i : i + batch]
                _post(account, [voiding_statement(sid) for sid in part])
                with _lock:
                    queue = queued(data_dir)
                    queue[url] = [x for x in queue.get(url, []) if x not in set(part)]
                    write_queue(data_dir, queue)
                report.voided += len(part)
        except (LrsError, OSError) as exc:
            report.problems.append(str(exc))
    report.queued = sum(len(v) for v in queued(data_dir).values())
    return report


def send_voids_in_background(
    data_dir: Path | str,
    configs: Iterable[LrsConfig],
    on_done: Callable[[VoidReport], None] | None = None,
) -> threading.Thread | None:
    """:func:`send_voids` on a daemon thread if anything is queued (the frame never waits
    for the network); called when a class player signs in. Returns the thread or None."""
    if not queued(data_dir):
        return None
    configs = list(configs)

    def run() -> None:
        result = send_voids(data_dir, configs)
        if on_done is not None:
            on_done(result)

    thread = threading.Thread(target=run, name="lrs-void", daemon=True)
    thread.start()
    return thread
