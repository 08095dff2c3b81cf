"""Free text typed into the Horizons Tower search is never stored or sent (issue 13,
item 7): a pupil typed a name and a phone number, and both reached the store and the LRS.
What is kept is what was chosen: the number of results and the job opened."""

from __future__ import annotations

import json

import pygame

from game.scenes.horizons_tower import HorizonsTowerScene
from telemetry.xapi.decode import decode
from tests.helpers import TEST_CODE, make_app, press, type_text

NAME, PHONE = "Maria Lopez", "07700 900123"


def _files_holding(folder, needles):
    hits = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            hits += [(path.name, n) for n in needles if n.encode() in data]
    return hits


def test_search_text_never_reaches_store_save_or_exports(tmp_path):
    app = make_app(tmp_path)
    app.ctx.scenes.push(HorizonsTowerScene())
    app.pump([])
    tower = app.ctx.scenes.top
    type_text(app, f"{NAME} {PHONE}")
    assert tower.query == f"{NAME} {PHONE}" and tower.results == []
    press(app, pygame.K_RETURN)  # a finished search with no result
    tower.set_query("")
    tower.ui.focus(tower.search_spot)
    type_text(app, "nurse")
    nurse = [o.code for o in tower.results]
    assert nurse
    press(app, pygame.K_RETURN)  # finished: focus on the first result
    press(app, pygame.K_RETURN)  # open it
    assert tower.open_code == nurse[0]
    searches = [
        decode(s)
        for s in app.ctx.recorder.statements()
        if s["object"]["id"].endswith("menu/horizons_search")
    ]
    assert [(s.response, s.ext.get("results"), s.ext.get("occupation")) for s in searches] == [
        (None, 0, None),
        (None, len(nurse), None),
        (None, len(nurse), nurse[0]),
    ]
    from game.flow import sign_out

    sign_out(app.ctx)  # everything on disk
    from game import class_tools as tools
    from telemetry.classroom.class_store import ClassInfo
    from telemetry.xapi.reader import read_player_statements

    statements = read_player_statements(tmp_path, TEST_CODE)
    assert statements
    tools.export(tmp_path, ClassInfo("SEARCH-1", "x", [TEST_CODE]), tmp_path / "out" / "e.zip")
    tools.export(tmp_path, ClassInfo("SEARCH-1", "x", [TEST_CODE]), tmp_path / "out" / "folder")
    needles = ["Maria", "Lopez", "07700", "900123"]
    assert _files_holding(tmp_path, needles) == []
    import zipfile

    with zipfile.ZipFile(tmp_path / "out" / "e.zip") as zf:
        text = b"".join(zf.read(i) for i in zf.infolist())
    assert all(n.encode() not in text for n in needles)


def test_search_text_stored_by_an_older_version_never_leaves_the_folder(tmp_path):
    """A store written before the fix holds the typed text: exports, the LRS push and a
    merge read through telemetry.xapi.reader, which drops it."""
    from game import class_tools as tools
    from telemetry.classroom.class_store import ClassInfo
    from telemetry.xapi import vocab
    from telemetry.xapi.reader import read_player_statements, write_player_folder

    app = make_app(tmp_path)
    app.ctx.scenes.push(HorizonsTowerScene())
    app.pump([])
    from game.flow import sign_out

    sign_out(app.ctx)
    statements = read_player_statements(tmp_path, TEST_CODE)
    old = json.loads(json.dumps(statements[-1]))  # as the old search recorded it
    old.update(
        id="6f1c0c1e-0000-4000-8000-000000000001",
        verb={"id": vocab.verb_iri("selected"), "display": {"en-US": "selected"}},
        result={"response": f"{NAME} {PHONE}"},
    )
    old["object"] = {
        "objectType": "Activity",
        "id": vocab.activity_iri("menu/horizons_search"),
        "definition": {"type": vocab.activity_type_iri("menu")},
    }
    write_player_folder(tmp_path, TEST_CODE, [*statements, old])
    assert NAME.encode() in (tmp_path / "players" / TEST_CODE / "store.json").read_bytes()
    back = read_player_statements(tmp_path, TEST_CODE)
    assert [s["id"] for s in back if s["id"] == old["id"]] == [old["id"]]  # the choice stays
    assert all(NAME not in json.dumps(s) for s in back)
    tools.export(tmp_path, ClassInfo("SEARCH-2", "x", [TEST_CODE]), tmp_path / "out")
    assert NAME.encode() not in (tmp_path / "out" / f"{TEST_CODE}.json").read_bytes()
