"""Simulated research classes with KNOWN scorer parameters, for the calibration tests.

The generator uses the scorer's own response model (graded response, logistic persistence,
softmax choices with option appeal) with parameters drawn here: it tests that
``telemetry.profile.calibrate`` RECOVERS parameters it is told to fit, not that the model is
valid (that is bench/validity.py's job, with pupils the scorer does not model).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from telemetry.profile.calibrate import Pupil
from telemetry.profile.evidence import RIASEC, Choice, Evidence, Persistence, Rating
from telemetry.profile.posterior import MODEL, ResponseModel, logistic, ordinal_probabilities

ITEMS = [f"{k}{n}" for k in RIASEC for n in range(1, 9)]
DISTRICTS = {f"district_{k.lower()}": k for k in RIASEC}
CHALLENGES = {f"{k.lower()}_challenge_{n}": k for k in RIASEC for n in range(1, 4)}


def known_model(seed: int = 1) -> ResponseModel:
    """A model whose item, threshold, appeal and style parameters differ from the built-in."""
    rng = np.random.default_rng(seed)
    base = np.array(MODEL.item_b)
    items = tuple(
        (
            i,
            float(rng.uniform(1.0, 2.4)),
            tuple(float(v) for v in base * rng.uniform(0.8, 1.2) + rng.normal(0, 0.5)),
        )
        for i in ITEMS
    )
    appeal = {o: float(rng.normal(0, 0.6)) for o in [*DISTRICTS, *CHALLENGES]}
    return replace(
        MODEL,
        item_params=items,
        appeal=tuple(sorted(appeal.items())),
        expect_b=(-1.5, -0.3, 0.6, 1.9),
        enjoy_a=1.5,
        style_prior_sd=0.5,
        spread_prior_sd=0.4,
        params_version="known",
    )


def _ordinal(rng: np.random.Generator, u: float, a: float, b, e: float = 0.0) -> int:
    """A graded-response answer; ``e`` the pupil's threshold spread (extreme responding)."""
    mid = sum(b) / len(b)
    p = ordinal_probabilities(u, a, [mid + np.exp(-e) * (x - mid) for x in b])
    return int(rng.choice(len(p), p=p / p.sum())) + 1


def _choose(
    rng: np.random.Generator, theta: np.ndarray, options: dict[str, str], model: ResponseModel
) -> str:
    app = model.appeal_table()
    ids = list(options)
    logits = np.array(
        [model.choice_beta * theta[RIASEC.index(options[o])] + app.get(o, 0.0) for o in ids]
    )
    p = np.exp(logits - logits.max())
    return ids[int(rng.choice(len(ids), p=p / p.sum()))]


def simulate_class(
    n: int, model: ResponseModel, seed: int = 0, boards: int = 5
) -> tuple[list[Pupil], np.ndarray]:
    """``n`` pupils: a district choice, ``boards`` job-board choices among three challenges
    with expect / enjoy / could-be-me ratings, replay and extra-round opportunities, 12
    mentor items in play, then all 48 items as the questionnaire. Returns (pupils, latent)."""
    rng = np.random.default_rng(seed)
    items = model.item_table()
    latent = rng.normal(size=(n, 6))
    pupils = []
    for p in range(n):
        th = latent[p]
        c = float(rng.normal(0, model.style_prior_sd))
        e = float(rng.normal(0, model.spread_prior_sd))
        game = Evidence()
        pick = _choose(rng, th, DISTRICTS, model)
        game.choices.append(
            Choice(
                "menu/district_first",
                pick,
                DISTRICTS[pick],
                tuple(DISTRICTS.values()),
                dict(DISTRICTS),
                None,
            )
        )
        for _ in range(boards):
            letters = rng.permutation(list(RIASEC))[:3]
            board = {f"{k.lower()}_challenge_{int(rng.integers(1, 4))}": str(k) for k in letters}
            chosen = _choose(rng, th, board, model)
            k = board[chosen]
            u = th[RIASEC.index(k)]
            game.choices.append(
                Choice("menu/job_board", chosen, k, tuple(board.values()), board, None)
            )
            for kind in ("expect", "enjoy", "could_be_me"):
                a, b = model.ordinal(kind)
                game.ratings.append(Rating(kind, k, _ordinal(rng, u + c, a, b, e), chosen, None))
            for kind in ("replay", "extra_round"):
                a, b = model.binary(kind)
                taken = bool(rng.random() < logistic(a * (u - b)))
                game.persistence.append(Persistence(kind, k, taken, chosen, None))
        for item in rng.permutation(ITEMS)[:12]:
            a, b = items[str(item)]
            k = str(item)[0]
            game.ratings.append(
                Rating("item", k, _ordinal(rng, th[RIASEC.index(k)] + c, a, b, e), str(item), None)
            )
        quest = Evidence(
            ratings=[
                Rating(
                    "item", i[0], _ordinal(rng, th[RIASEC.index(i[0])] + c, *items[i], e), i, None
                )
                for i in ITEMS
            ]
        )
        pupils.append(Pupil(game, quest))
    return pupils, latent


def pupil_statements(pupil: Pupil, code: str, seed: int = 0) -> list[dict]:
    """The pupil as recorded statements (game evidence as the game records it, 4 s apart,
    then the questionnaire as ``selected survey questionnaire/<item>``)."""
    import datetime as _dt

    from game.sim.synthetic import build_statement

    start = _dt.datetime(2026, 3, 2, 9, 0, tzinfo=_dt.UTC)
    out: list[dict] = []

    def emit(verb: str, atype: str, activity: str, **kw) -> None:
        stamp = (start + _dt.timedelta(seconds=4 * len(out))).isoformat()
        out.append(
            build_statement(
                verb,
                atype,
                activity,
                actor=code,
                timestamp=stamp,
                statement_id=f"00000000-0000-4000-8{seed:03d}-{len(out):012d}",
                registration="00000000-0000-4000-8000-000000000001",
                **kw,
            )
        )

    g = pupil.game
    for c in g.choices:
        emit(
            "selected",
            "menu",
            c.where,
            response=c.chosen,
            extensions={"options": c.options, "riasec": c.letter},
        )
    for r in g.ratings:
        if r.kind == "item":
            emit(
                "selected",
                "question",
                f"item/{r.source}",
                response=r.value,
                extensions={"riasec": r.letter},
            )
        else:
            value = ["no", "maybe", "yes"][r.value - 1] if r.kind == "could_be_me" else r.value
            emit(
                "selected",
                "question",
                f"reflect/{r.source}/{r.kind}",
                response=value,
                extensions={"riasec": r.letter},
            )
    for r in pupil.questionnaire.ratings:
        emit(
            "selected",
            "survey",
            f"questionnaire/{r.source}",
            response=r.value,
            extensions={"riasec": r.letter},
        )
    return out
