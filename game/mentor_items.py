"""Activity items (IIP RIASEC items, 1-5): which one a mentor asks next, recording an
answer, and the odd-jobs board while a player has cards on it they were not asked.

Called by the hub (a district's quick question), the mentor, the quick question and the
odd-jobs board screens, and after a new player signs in. Reads the player's statements,
records answers and saves the player; it opens the board by name (it imports no scene).
"""

from __future__ import annotations

from telemetry.xapi import activity_ids as ids


def next_mentor_item(ctx, mentor) -> str | None:
    """The mentor's next activity question: of the IIP items this player has not been asked
    yet, the one that would teach the profile most (``telemetry.profile.adaptive.suggest_item``);
    the first of them while nothing is recorded. Called when a mentor is about to ask."""
    from telemetry.profile.adaptive import suggest_item
    from telemetry.profile.engine import estimate_profile

    asked = set(ctx.player.mentor_items_asked) if ctx.player else set()
    left = {
        item_id: ctx.content.items[item_id].riasec
        for item_id in mentor.items
        if item_id not in asked
    }
    if not left or ctx.recorder is None:
        return next(iter(left), None)
    profile = estimate_profile(ctx.recorder.statements(), n_draws=500)
    return suggest_item(profile, left) or next(iter(left))


def record_item_answer(
    ctx, mentor_id: str | None, item_id: str, value: int | None, *, source: str = "mentor"
) -> None:
    """Record the player's 1–5 answer to an activity item (None = skipped), asked by a
    mentor (``mentor_id``) or shown elsewhere (``source``, e.g. the odd-jobs board), and
    remember it was asked, so no item is asked twice."""
    item = ctx.content.items[item_id]
    extensions = {"riasec": item.riasec, "source": source}
    if mentor_id is not None:
        extensions["mentor"] = mentor_id
    if value is None:
        ctx.record("skipped", "question", ids.item_id(item.id), extensions=extensions)
    else:
        ctx.record(
            "selected", "question", ids.item_id(item.id), response=str(value), extensions=extensions
        )
    if ctx.player is not None:
        ctx.player.mentor_items_asked.append(item.id)
        ctx.save_player()


def open_job_board(ctx) -> bool:
    """Called after a new player signs in: the odd-jobs board on top, if the player has
    cards on it they have not been asked yet (True then)."""
    if ctx.player is None or set(ctx.content.job_board) <= set(ctx.player.mentor_items_asked):
        return False
    ctx.scenes.go("job_board")
    return True


# -- forced-choice pairs ("Which would you rather do?", issue 17 item 3) -----------------

#: the ``source`` of the odd-jobs board's pairs
BOARD_SOURCE = "job_board"


def pairs_asked(ctx) -> list[tuple[str, str, str]]:
    """(item, item, source) of the pairs this player was shown already (answered or skipped)."""
    from telemetry.xapi.decode import decode_log

    if ctx.recorder is None:
        return []
    out = []
    for s in decode_log(ctx.recorder.statements()).statements:
        parts = s.activity.split("/")
        if s.activity_type == "question" and len(parts) == 3 and parts[0] == "pair":
            out.append((parts[1], parts[2], str(s.ext.get("source") or "")))
    return out


def _kinds(ctx) -> list[str]:
    """The items' kinds (their ``riasec`` values) in content order: pairs compare across them."""
    return list(dict.fromkeys(item.riasec for item in ctx.content.items.values()))


def _spare_item(
    ctx, kind: str, used: set[str], avoid: set[str] | frozenset[str] = frozenset()
) -> str | None:
    return next(
        (
            i
            for i, item in ctx.content.items.items()
            if item.riasec == kind and i not in used and i not in avoid
        ),
        None,
    )


def board_pairs(ctx) -> list[tuple[str, str]]:
    """The odd-jobs board's pairs not yet shown: each kind against the kind two along (six
    pairs, each kind in two), from activities that are not cards on the board."""
    asked = pairs_asked(ctx)
    used = {i for a, b, _ in asked for i in (a, b)} | set(ctx.content.job_board)
    kinds = _kinds(ctx)
    done = sum(1 for *_, source in asked if source == BOARD_SOURCE)
    out: list[tuple[str, str]] = []
    if len(kinds) < 3:
        return out
    for k in range(done, len(kinds)):
        a = _spare_item(ctx, kinds[k], used)
        b = _spare_item(ctx, kinds[(k + 2) % len(kinds)], used | {a or ""})
        if a and b:
            out.append((a, b))
            used |= {a, b}
    return out


def mentor_pair(ctx, mentor) -> tuple[str, str] | None:
    """A pair for a mentor's own-field question: one of the mentor's activities against one
    of the kind compared least so far; None when none is left."""
    asked = pairs_asked(ctx)
    used = {i for a, b, _ in asked for i in (a, b)}
    own = next((i for i in mentor.items if i not in used), None)
    if own is None:
        return None
    own_kind = ctx.content.items[own].riasec
    seen = {k: 0 for k in _kinds(ctx) if k != own_kind}
    for a, b, _ in asked:
        for i in (a, b):
            kind = ctx.content.items[i].riasec if i in ctx.content.items else None
            if kind in seen:
                seen[kind] += 1
    for kind in sorted(seen, key=lambda k: seen[k]):
        other = _spare_item(ctx, kind, used)
        if other is not None:
            return own, other
    return None


def record_pair(
    ctx, pair: tuple[str, str], chosen: str | None, *, source: str, mentor_id: str | None = None
) -> None:
    """Record the player's pick of ``pair`` (None: "can't choose", recorded as skipped)."""
    from telemetry.xapi.activity_ids import pair_id

    a, b = pair
    ext = {
        "options": {a: ctx.content.items[a].riasec, b: ctx.content.items[b].riasec},
        "source": source,
    }
    if mentor_id is not None:
        ext["mentor"] = mentor_id
    if chosen is None:
        ctx.record("skipped", "question", pair_id(a, b), extensions=ext)
    else:
        ctx.record("selected", "question", pair_id(a, b), response=chosen, extensions=ext)
