"""The tune challenge's synthesiser follows the player's effects volume: the generated
samples scale with it, volume 0 is silence (nothing made or played), and a change in
the settings is heard from the next note. Headless: SDL's dummy audio driver."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from tests.helpers import make_app, start_challenge
from tests.zones.kit import family_params
from zones.challenges.base import Action
from zones.challenges.design_params import DesignParams
from zones.challenges.design_sound import samples
from zones.params_types import build

ITEMS = build(DesignParams, family_params("design")["a_tune"], ("en", "es")).items


def peak(data) -> int:
    return int(np.abs(np.asarray(data, dtype=np.int32)).max())


@pytest.mark.parametrize("wave", ["sine", "square", "triangle"])
@pytest.mark.parametrize("item", ITEMS, ids=[i.id for i in ITEMS])
def test_samples_scale_with_the_volume_and_zero_is_silence(item, wave):
    full = samples(item, wave, 44100, -16, 2, 1.0)
    half = samples(item, wave, 44100, -16, 2, 0.5)
    assert peak(full) > 1000
    assert abs(peak(half) - peak(full) / 2) <= 2
    assert peak(samples(item, wave, 44100, -16, 2, 0.0)) == 0
    assert full.shape == (int(44100 * 0.22), 2)


def test_the_game_plays_notes_at_the_settings_effects_volume(tmp_path):
    app = make_app(tmp_path)
    assert pygame.mixer.get_init(), "the dummy audio driver gives a mixer"
    ctx = app.ctx
    play = start_challenge(app, "a_tune")
    mech = play.mechanic
    for item in mech.items:  # a note on every row of step 1
        play.perform(Action("place", f"{item.id}:0", item.id))
    synth = mech.view.synth
    played: list = []
    real = synth.play
    synth.play = lambda item, wave, volume=1.0: played.append(real(item, wave, volume))

    def step_one() -> list:
        played.clear()
        mech.view.sound_step(0)
        return list(played)

    ctx.settings.effects_volume = 0.0
    app.apply_settings()
    silent = step_one()
    assert len(silent) == len(mech.items) and all(s is None for s in silent)
    assert synth.cache == {}  # nothing was even made

    ctx.settings.effects_volume = 0.8
    app.apply_settings()
    loud = step_one()
    assert all(s is not None for s in loud)
    ctx.settings.effects_volume = 0.4  # changed mid-tune: the next notes follow
    app.apply_settings()
    quiet = step_one()
    for a, b in zip(loud, quiet, strict=True):
        pa, pb = peak(pygame.sndarray.array(a)), peak(pygame.sndarray.array(b))
        assert pa > 0 and abs(pb - pa / 2) <= 2
    app.shutdown()
