"""Open each main screen of the real game by name, with real content and a player who
has played one challenge (so the profile screens have something to show)."""

from __future__ import annotations

from game.landmarks import open_landmark, open_passport

MAIN_SCREENS = (
    "title",
    "consent",
    "create_player",
    "hub",
    "district",
    "challenge_intro",
    "reflection",
    "horizons",
    "mentor",
    "cafe",
    "mirror",
    "skills_board",
    "horizons_tower",
    "passport",
    "settings",
    "key_remap",
    "my_data",
    "job_board",
)


def play_one(app, challenge_id: str) -> None:
    """Play ``challenge_id`` to the end with the bot's actions and write the reflection."""
    from tests.helpers import start_challenge

    play = start_challenge(app, challenge_id)
    for _ in range(400):
        if play.mechanic.finished:
            break
        action = play.mechanic.bot_action(app.ctx.rng, 0.9)
        if action is None:
            break
        play.perform(action)
    play.to_reflection()


def open_screen(app, name: str) -> None:
    """Put screen ``name`` on top of the stack (from the hub of a signed-in player)."""
    from game.scenes.challenge_intro import ChallengeIntroScene
    from game.scenes.consent import ConsentScene
    from game.scenes.create_player import CreatePlayerScene
    from game.scenes.district import DistrictScene
    from game.scenes.job_board import JobBoardScene
    from game.scenes.key_remap import KeyRemapScene
    from game.scenes.mentor import MentorScene
    from game.scenes.my_data import MyDataScene
    from game.scenes.settings_screen import SettingsScene
    from game.scenes.title import TitleScene

    ctx = app.ctx
    district = ctx.content.districts[0]
    challenge = district.challenges[0]
    landmarks = {lm.theme: lm.id for lm in ctx.content.landmarks}
    scenes = ctx.scenes
    if name in ("reflection", "horizons"):
        play_one(app, challenge)
        if name == "horizons":
            scenes.top.rate(4)
            scenes.top.could("maybe")
            scenes.top.done()
    else:
        openers = {
            "title": lambda: scenes.push(TitleScene()),
            "consent": lambda: scenes.push(ConsentScene()),
            "create_player": lambda: scenes.push(CreatePlayerScene()),
            "hub": lambda: None,
            "district": lambda: scenes.push(DistrictScene(district.id)),
            "challenge_intro": lambda: scenes.push(ChallengeIntroScene(challenge)),
            "mentor": lambda: scenes.push(MentorScene(ctx.content.mentor_of(district.id).id)),
            "cafe": lambda: open_landmark(ctx, landmarks["networks"]),
            "mirror": lambda: open_landmark(ctx, landmarks["self"]),
            "skills_board": lambda: open_landmark(ctx, landmarks["strengths"]),
            "horizons_tower": lambda: open_landmark(ctx, landmarks["horizons"]),
            "passport": lambda: open_passport(ctx),
            "settings": lambda: scenes.push(SettingsScene()),
            "key_remap": lambda: scenes.push(KeyRemapScene()),
            "my_data": lambda: scenes.push(MyDataScene()),
            "job_board": lambda: scenes.push(JobBoardScene()),
        }
        openers[name]()
    app.pump([])
