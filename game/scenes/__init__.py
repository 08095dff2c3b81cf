"""One module per screen, and the one table that names them.

A scene opens another by its name (``ctx.scenes.go("mentor", mentor_id=...)``), never by
importing it: no module here imports another module here (tests/test_import_graph.py
checks it). A module is imported the first time its scene is shown
(``game.scene_stack.SceneRoutes``). A new screen is one module and one line below.
"""

#: scene name -> "module:Class"; the keyword arguments of ``go``/``replace`` are the
#: class's constructor arguments
SCENES = {
    "title": "game.scenes.title:TitleScene",
    "consent": "game.scenes.consent:ConsentScene",
    "create_player": "game.scenes.create_player:CreatePlayerScene",
    "code_entry": "game.scenes.code_entry:CodeEntryScene",
    "credits": "game.scenes.credits:CreditsScene",
    "job_board": "game.scenes.job_board:JobBoardScene",
    "town": "game.scenes.town:TownScene",
    "hub": "game.scenes.hub:HubScene",
    "district": "game.scenes.district:DistrictScene",
    "quick_question": "game.scenes.quick_question:QuickQuestionScene",
    "mentor": "game.scenes.mentor:MentorScene",
    "challenge_intro": "game.scenes.challenge_intro:ChallengeIntroScene",
    "challenge_play": "game.scenes.challenge_play:ChallengePlayScene",
    "confirm": "game.scenes.confirm:ConfirmScene",
    "reflection": "game.scenes.reflection:ReflectionScene",
    "horizons": "game.scenes.horizons:HorizonsScene",
    "next_board": "game.scenes.next_board:NextChallengeScene",
    "mirror_pavilion": "game.scenes.mirror:MirrorScene",
    "skills_board": "game.scenes.skills_board:SkillsBoardScene",
    "horizons_tower": "game.scenes.horizons_tower:HorizonsTowerScene",
    "network_cafe": "game.scenes.cafe:NetworkCafeScene",
    "passport": "game.scenes.passport:PassportScene",
    "my_data": "game.scenes.my_data:MyDataScene",
    "settings": "game.scenes.settings_screen:SettingsScene",
    "key_remap": "game.scenes.key_remap:KeyRemapScene",
    "times_up": "game.scenes.times_up:TimesUpScene",
    "questionnaire": "game.scenes.questionnaire:QuestionnaireScene",
    "teacher_login": "game.scenes.teacher_login:TeacherLoginScene",
    "teacher_panel": "game.scenes.teacher:TeacherPanelScene",
    "teacher_create": "game.scenes.teacher_create:TeacherCreateScene",
}
