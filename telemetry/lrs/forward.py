"""Forwarding statements to a Learning Record Store over the xAPI REST interface.

Offline-first: statements live in each player's store; this module only copies them out.
:func:`push` is called by ``python main.py lrs push`` and by :class:`Forwarder` (a
background thread in the game). For each player it sends the statements not yet in the
player's *ledger* (``<data_dir>/players/<CODE>/lrs_ledger.json``, per endpoint, written
atomically after every batch) with ``POST <endpoint>/statements`` in batches, header
``X-Experience-API-Version: 1.0.3``, HTTP Basic auth. It is idempotent by statement id:

- 200/204: the batch is stored (204: the LRS had every id already);
- 409 for one statement: the LRS already holds that id -> counts as sent;
- 400/409/413 for a batch: it is split in halves until the statement the LRS refuses is
  found; that one is *rejected*: kept in the ledger with the LRS's reason and reported,
  never dropped silently (``retry_rejected=True`` sends it again);
- 401/403: wrong credentials -> stop with one line;
- 5xx, timeouts, no network: retried with exponential backoff (bounded), then stop with
  everything left *pending* for next time.

An interruption at any point (kill, power cut, Ctrl+C) loses nothing and duplicates
nothing: the ledger is written only after the LRS answered, and a batch resent after a
crash is recognised by its ids. Reads player folders through :mod:`telemetry.xapi.reader`
(no lock), writes only ledger files. Standard library only (``urllib.request``).
"""

from __future__ import annotations

import base64
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from telemetry.xapi.atomic import atomic_write_bytes
from telemetry.xapi.folder import player_dir
from telemetry.xapi.reader import read_player_statements
from telemetry.xapi.statements import XAPI_VERSION

__all__ = [
    "LEDGER_NAME",
    "XAPI_VERSION",
    "LrsConfig",
    "LrsError",
    "PushReport",
    "Ledger",
    "statements_url",
    "push",
    "status",
    "fetch_statements",
    "Forwarder",
]

LEDGER_NAME = "lrs_ledger.json"


class LrsError(RuntimeError):
    """The LRS cannot be used now (credentials refused, unreachable after retries)."""


def statements_url(endpoint: str) -> str:
    """The statements resource for an endpoint: ``.../statements`` as given, an
    ``.../xAPI`` endpoint + ``/statements``, else the server root + ``/xAPI/statements``."""
    parts = urllib.parse.urlsplit(str(endpoint).strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"--endpoint: {endpoint!r} is not an http(s) URL")
    path = parts.path.rstrip("/")
    if not path.lower().endswith("/statements"):
        path += "/statements" if path.lower().endswith("/xapi") else "/xAPI/statements"
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


@dataclass(frozen=True)
class LrsConfig:
    endpoint: str
    user: str
    password: str
    batch_size: int = 100
    timeout: float = 15.0
    retries: int = 4  # attempts after the first, per request
    backoff: float = 0.5  # seconds before the first retry; doubles, capped
    max_backoff: float = 8.0

    @property
    def url(self) -> str:
        return statements_url(self.endpoint)

    def headers(self) -> dict[str, str]:
        token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
        return {
            "Authorization": f"Basic {token}",
            "X-Experience-API-Version": XAPI_VERSION,
            "Content-Type": "application/json",
            "Accept": "application/json",
        }


@dataclass
class PushReport:
    sent: int = 0  # accepted by the LRS in this push
    already: int = 0  # in the ledger before this push
    pending: int = 0  # still to send (not attempted or interrupted)
    rejected: list[tuple[str, str, str]] = field(default_factory=list)  # (player, id, reason)
    errors: list[str] = field(default_factory=list)
    players: int = 0

    def lines(self) -> list[str]:
        out = [
            f"sent {self.sent}, already sent {self.already}, pending {self.pending}, "
            f"rejected {len(self.rejected)} ({self.players} player"
            f"{'s' if self.players != 1 else ''})"
        ]
        out += [f"rejected {sid} of {code}: {why}" for code, sid, why in self.rejected]
        return out + self.errors


class Ledger:
    """Which statement ids one player has sent to one endpoint (and which were refused)."""

    def __init__(self, data_dir: Path | str, code: str, url: str) -> None:
        self.path = player_dir(data_dir, code) / LEDGER_NAME
        self.url = url
        self._doc = self._read()
        entry = self._doc["endpoints"].setdefault(url, {"sent": [], "rejected": {}})
        self.sent: set[str] = set(entry.get("sent") or [])
        self.rejected: dict[str, str] = dict(entry.get("rejected") or {})

    def _read(self) -> dict[str, Any]:
        try:
            doc = json.loads(self.path.read_bytes())
            if isinstance(doc, dict) and isinstance(doc.get("endpoints"), dict):
                return doc
        except (OSError, ValueError):
            pass  # missing or damaged: start again; resending is harmless (ids)
        return {"format": "worktown-lrs-ledger", "version": 1, "endpoints": {}}

    def save(self) -> None:
        self._doc["endpoints"][self.url] = {"sent": sorted(self.sent), "rejected": self.rejected}
        if self.path.parent.exists():
            atomic_write_bytes(self.path, json.dumps(self._doc).encode("utf-8"))


def _request(
    cfg: LrsConfig, method: str, url: str, body: bytes | None, stop: threading.Event | None
) -> tuple[int, bytes]:
    """One HTTP exchange with bounded retries for 5xx and network trouble."""
    delay = cfg.backoff
    last = ""
    for attempt in range(cfg.retries + 1):
        if stop is not None and stop.is_set():
            raise LrsError(f"{cfg.url}: stopped")
        req = urllib.request.Request(url, data=body, method=method, headers=cfg.headers())
        try:
            with urllib.request.urlopen(req, timeout=cfg.timeout) as resp:
                return resp.status, resp.read()
        except urllib.error.HTTPError as exc:
            payload = exc.read()
            if exc.code < 500:
                return exc.code, payload
            last = f"HTTP {exc.code} {payload[:200].decode('utf-8', 'replace')}"
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
            last = str(getattr(exc, "reason", exc))
        if attempt < cfg.retries:
            if stop is not None:
                if stop.wait(delay):
                    raise LrsError(f"{cfg.url}: stopped")
            else:
                time.sleep(delay)
            delay = min(delay * 2, cfg.max_backoff)
    raise LrsError(f"{cfg.url}: LRS not reachable after {cfg.retries + 1} tries ({last})")


def _reason(payload: bytes) -> str:
    try:
        detail = json.loads(payload).get("detail")
    except (ValueError, AttributeError):
        detail = None
    text = (
        json.dumps(detail)[:300] if detail is not None else payload[:300].decode("utf-8", "replace")
    )
    return " ".join(text.split()) or "refused"


def _send(
    cfg: LrsConfig, batch: list[dict[str, Any]], stop: threading.Event | None
) -> tuple[list[str], list[tuple[str, str]]]:
    """Send a batch; (ids stored or already there, [(id, reason)] refused)."""
    status, payload = _request(cfg, "POST", cfg.url, json.dumps(batch).encode("utf-8"), stop)
    if status in (200, 204):
        return [st["id"] for st in batch], []
    if status in (401, 403):
        raise LrsError(
            f"{cfg.url}: the LRS refused user {cfg.user!r} (HTTP {status}); "
            "check --user and --password"
        )
    if status in (400, 409, 413, 422) and len(batch) > 1:
        mid = len(batch) // 2
        ok1, bad1 = _send(cfg, batch[:mid], stop)
        ok2, bad2 = _send(cfg, batch[mid:], stop)
        return ok1 + ok2, bad1 + bad2
    if status == 409:  # this id is already stored (with other content): it is there
        return [batch[0]["id"]], []
    if status in (400, 413, 422):
        return [], [(batch[0]["id"], f"HTTP {status}: {_reason(payload)}")]
    raise LrsError(f"{cfg.url}: unexpected answer HTTP {status}: {_reason(payload)}")


def push(
    data_dir: Path | str,
    codes: Iterable[str],
    cfg: LrsConfig,
    *,
    stop: threading.Event | None = None,
    retry_rejected: bool = False,
    on_batch: Callable[[str, int], None] | None = None,
    read: Callable[[Path | str, str], list[dict[str, Any]]] = read_player_statements,
) -> PushReport:
    """Send every player's unsent statements (see module docstring). ``on_batch(code,
    n)`` is called after each batch is recorded in the ledger (progress; tests use it to
    interrupt); ``read(data_dir, code)`` gives a player's statements (default: the
    player folder). An :class:`LrsError` stops the push; it is reported in ``errors`` and
    everything not yet acknowledged stays pending."""
    report = PushReport()
    codes = list(codes)
    url = cfg.url
    todo: list[tuple[str, list[dict[str, Any]], Ledger]] = []
    for code in codes:
        try:
            statements = read(data_dir, code)
        except ValueError as exc:
            if "no player" not in str(exc):
                report.errors.append(str(exc))
            continue
        report.players += 1
        ledger = Ledger(data_dir, code, url)
        report.already += sum(1 for st in statements if st["id"] in ledger.sent)
        unsent = [
            st
            for st in statements
            if st["id"] not in ledger.sent and (retry_rejected or st["id"] not in ledger.rejected)
        ]
        report.rejected += [
            (code, sid, why) for sid, why in ledger.rejected.items() if not retry_rejected
        ]
        todo.append((code, unsent, ledger))
    report.pending = sum(len(u) for _, u, _ in todo)
    try:
        for code, unsent, ledger in todo:
            for i in range(0, len(unsent), max(1, cfg.batch_size)):
                batch = unsent[i : i + cfg.batch_size]
                ok, bad = _send(cfg, batch, stop)
                ledger.sent.update(ok)
                for sid, why in bad:
                    ledger.rejected[sid] = why
                for sid in ok:
                    ledger.rejected.pop(sid, None)
                ledger.save()
                report.sent += len(ok)
                report.pending -= len(batch)
                report.rejected += [(code, sid, why) for sid, why in bad]
                if on_batch is not None:
                    on_batch(code, len(batch))
    except LrsError as exc:
        report.errors.append(str(exc))
    return report


def status(data_dir: Path | str, codes: Iterable[str], endpoint: str) -> dict[str, dict[str, int]]:
    """Per player: statements stored, sent, rejected and pending for ``endpoint``.
    Reads only; needs no network."""
    url = statements_url(endpoint)
    out = {}
    for code in codes:
        try:
            statements = read_player_statements(data_dir, code)
        except ValueError:
            continue
        ledger = Ledger(data_dir, code, url)
        ids = {st["id"] for st in statements}
        sent = len(ids & ledger.sent)
        rejected = len(ids & set(ledger.rejected))
        out[code] = {
            "stored": len(ids),
            "sent": sent,
            "rejected": rejected,
            "pending": len(ids) - sent - rejected,
        }
    return out


def fetch_statements(
    cfg: LrsConfig, params: Mapping[str, str] | None = None, max_pages: int = 10_000
) -> list[dict[str, Any]]:
    """GET statements back from the LRS, following ``more`` links (tools and tests)."""
    url = cfg.url + ("?" + urllib.parse.urlencode(dict(params)) if params else "")
    parts = urllib.parse.urlsplit(cfg.url)
    out: list[dict[str, Any]] = []
    for _ in range(max_pages):
        status_code, payload = _request(cfg, "GET", url, None, None)
        if status_code != 200:
            raise LrsError(f"{url}: HTTP {status_code}: {_reason(payload)}")
        doc = json.loads(payload)
        out.extend(doc.get("statements") or [])
        more = doc.get("more")
        if not more:
            return out
        url = urllib.parse.urljoin(f"{parts.scheme}://{parts.netloc}", more)
    raise LrsError(f"{cfg.url}: more than {max_pages} pages")


class Forwarder:
    """Forwards one signed-in player's statements in the background while the game runs.

    Created by the game when a player of a class with an LRS endpoint signs in;
    :meth:`start` returns at once; the thread pushes every ``interval`` seconds and on
    :meth:`stop` (which never waits for the network: the daemon thread finishes its
    current request on its own). ``last`` holds the latest :class:`PushReport`.
    """

    def __init__(
        self, data_dir: Path | str, code: str, cfg: LrsConfig, interval: float = 30.0
    ) -> None:
        self.data_dir, self.code, self.cfg, self.interval = Path(data_dir), code, cfg, interval
        self.last: PushReport | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"lrs-{code}", daemon=True)

    def start(self) -> Forwarder:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.last = push(self.data_dir, [self.code], self.cfg, stop=self._stop)
            if self._stop.wait(self.interval):
                break
        self.last = push(self.data_dir, [self.code], self.cfg)  # a final flush on stop
