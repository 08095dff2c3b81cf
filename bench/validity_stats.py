"""Figures with 95 % bootstrap intervals and reliability diagrams for bench/validity.py.

Called by ``bench/validity.py`` once the bots have played; numpy and zlib only (a tiny
PNG writer, so telemetry/ and the game need no plotting library).
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path
from typing import Any

import numpy as np

N_BINS = 10


def _pearson_rows(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Pearson r of each row of ``a`` with the same row of ``b``."""
    a = a - a.mean(axis=1, keepdims=True)
    b = b - b.mean(axis=1, keepdims=True)
    d = np.sqrt((a * a).sum(axis=1) * (b * b).sum(axis=1))
    return np.where(d > 0, (a * b).sum(axis=1) / np.where(d > 0, d, 1.0), 0.0)


def ece(stated: np.ndarray, hit: np.ndarray, bins: int = N_BINS) -> float:
    """Expected calibration error: sum over ALL bins of share * |stated - observed|."""
    idx = np.minimum((np.asarray(stated) * bins).astype(int), bins - 1)
    n = len(stated)
    total = 0.0
    for b in range(bins):
        m = idx == b
        if m.any():
            total += m.sum() / n * abs(float(stated[m].mean()) - float(hit[m].mean()))
    return total


def ece_floor(stated: np.ndarray, n_sim: int = 400, seed: int = 0) -> list[float]:
    """The ECE a PERFECTLY calibrated scorer would show with these stated probabilities at
    this number of players (hits drawn as Bernoulli(stated)): [mean, 2.5 %, 97.5 %]. With
    100 players it is about 0.06-0.08, so an ECE target of 0.05 cannot be verified below
    a few hundred players; an observed ECE inside this range is consistent with perfect
    calibration."""
    stated = np.asarray(stated, dtype=float)
    rng = np.random.default_rng(seed + 99)
    sims = np.array(
        [ece(stated, (rng.random(len(stated)) < stated).astype(float)) for _ in range(n_sim)]
    )
    return [
        round(float(sims.mean()), 3),
        round(float(np.percentile(sims, 2.5)), 3),
        round(float(np.percentile(sims, 97.5)), 3),
    ]


def detection(
    flags: np.ndarray, careless: np.ndarray, n_boot: int = 1000, seed: int = 0
) -> dict[str, list[float]]:
    """Share of careless pupils (straight-liners, random clickers) flagged "not
    interpretable" and share of the others flagged, each [estimate, 2.5 %, 97.5 %]."""
    rng = np.random.default_rng(seed + 7)
    out: dict[str, list[float]] = {}
    for name, sel in (("careless_flagged", careless), ("others_flagged", ~careless)):
        f = np.asarray(flags, dtype=float)[sel]
        if not len(f):
            continue
        boots = f[rng.integers(0, len(f), (n_boot, len(f)))].mean(axis=1)
        out[name] = [
            round(float(f.mean()), 3),
            round(float(np.percentile(boots, 2.5)), 3),
            round(float(np.percentile(boots, 97.5)), 3),
        ]
        out[f"n_{name.split('_')[0]}"] = [float(len(f))]
    return out


def calibration_bins(stated: np.ndarray, hit: np.ndarray, bins: int = N_BINS) -> list[dict]:
    """Every non-empty bin (no minimum count): n, mean stated, share observed."""
    idx = np.minimum((np.asarray(stated) * bins).astype(int), bins - 1)
    out = []
    for b in range(bins):
        m = idx == b
        if m.any():
            out.append(
                {
                    "bin": f"{b / bins:.1f}-{(b + 1) / bins:.1f}",
                    "n": int(m.sum()),
                    "stated": round(float(stated[m].mean()), 3),
                    "observed": round(float(hit[m].mean()), 3),
                }
            )
    return out


def per_player(latent: np.ndarray, est: list[dict[str, Any]]) -> dict[str, np.ndarray]:
    """Per-player outcomes, the units the bootstrap resamples."""
    mean = np.array([e["mean"] for e in est])
    lat_order = np.argsort(-latent, axis=1, kind="stable")
    est_order = np.argsort(-mean, axis=1, kind="stable")
    code = np.all(lat_order[:, :3] == est_order[:, :3], axis=1)
    return {
        "r": _pearson_rows(latent, mean),
        "top1": (lat_order[:, 0] == est_order[:, 0]).astype(float),
        "first_in_top2": np.any(est_order[:, :2] == lat_order[:, :1], axis=1).astype(float),
        "code": code.astype(float),
        "first_p": np.array([e["first_p"] for e in est], dtype=float),
        "code_p": np.array([e["code_p"] for e in est], dtype=float),
        "not_interpretable": np.array([0.0 if e.get("interpretable", True) else 1.0 for e in est]),
    }


def _stats(u: dict[str, np.ndarray], idx: np.ndarray) -> dict[str, float]:
    ok = u["not_interpretable"][idx] == 0
    sel = idx[ok] if ok.any() else idx
    return {
        "r": float(u["r"][idx].mean()),
        "top1": float(u["top1"][idx].mean()),
        "first_in_top2": float(u["first_in_top2"][idx].mean()),
        "code": float(u["code"][idx].mean()),
        "ece_first": ece(u["first_p"][idx], u["top1"][idx]),
        "ece_code": ece(u["code_p"][idx], u["code"][idx]),
        "stated_first_p": float(u["first_p"][idx].mean()),
        "not_interpretable": float(u["not_interpretable"][idx].mean()),
        # among the profiles the game does show as readable
        "r_interpretable": float(u["r"][sel].mean()),
        "top1_interpretable": float(u["top1"][sel].mean()),
    }


def bootstrap_figures(
    latent: np.ndarray, est: list[dict[str, Any]], *, n_boot: int = 1000, seed: int = 0
) -> dict[str, Any]:
    """Each figure as [estimate, 2.5 %, 97.5 %] (percentile bootstrap over players)."""
    u = per_player(latent, est)
    n = len(est)
    point = _stats(u, np.arange(n))
    rng = np.random.default_rng(seed)
    boots = [_stats(u, rng.integers(0, n, n)) for _ in range(n_boot)]
    out: dict[str, Any] = {}
    for k, v in point.items():
        vals = np.array([b[k] for b in boots])
        out[k] = [
            round(v, 3),
            round(float(np.percentile(vals, 2.5)), 3),
            round(float(np.percentile(vals, 97.5)), 3),
        ]
    out["ece_first_floor"] = ece_floor(u["first_p"], seed=seed)
    out["ece_code_floor"] = ece_floor(u["code_p"], seed=seed)
    out["first_p_bins"] = calibration_bins(u["first_p"], u["top1"])
    out["code_p_bins"] = calibration_bins(u["code_p"], u["code"])
    return out


# ------------------------------------------------------------------------ reliability PNG


def _png(pixels: np.ndarray) -> bytes:
    """An RGB uint8 array (h, w, 3) as PNG bytes."""
    h, w, _ = pixels.shape
    raw = b"".join(b"\x00" + pixels[y].tobytes() for y in range(h))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + tag
            + data
            + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
        )

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def reliability_png(path: Path, panels: list[tuple[str, list[dict]]], size: int = 240) -> None:
    """Reliability diagrams side by side: stated (x) vs observed (y) per bin, the square's
    area showing the bin's share; grey diagonal = perfect calibration. ``panels`` are
    (title, bins) pairs; the title is not drawn (kept in the JSON beside the file)."""
    pad = 20
    img = np.full((size + 2 * pad, len(panels) * (size + 2 * pad), 3), 255, np.uint8)
    for p, (_title, bins) in enumerate(panels):
        x0 = p * (size + 2 * pad) + pad
        y0 = pad
        img[y0 : y0 + size, x0] = img[y0 : y0 + size, x0 + size - 1] = 0
        img[y0, x0 : x0 + size] = img[y0 + size - 1, x0 : x0 + size] = 0
        for t in range(size):
            img[y0 + size - 1 - t, x0 + t] = (170, 170, 170)
        total = sum(b["n"] for b in bins) or 1
        for b in bins:
            cx = x0 + int(b["stated"] * (size - 1))
            cy = y0 + size - 1 - int(b["observed"] * (size - 1))
            half = max(2, int(14 * (b["n"] / total) ** 0.5))
            img[
                max(y0, cy - half) : min(y0 + size, cy + half + 1),
                max(x0, cx - half) : min(x0 + size, cx + half + 1),
            ] = (30, 90, 200)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_png(img))
