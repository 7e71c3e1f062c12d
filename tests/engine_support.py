"""Helpers shared by the exercise engine's tests (loader, checker, answers, grader)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
FIXTURE_PROJECT = HERE / "fixtures" / "engine" / "project"
MEMO = "rusk-1951-01-12-continued-resistance"


def make_project(tmp: Path) -> Path:
    """A small book in `tmp`: the fixture project plus the repository's seeds."""
    project = tmp / "project"
    shutil.copytree(FIXTURE_PROJECT, project)
    shutil.copytree(ROOT / "seeds", project / "seeds")
    return project


def submission(items: dict, *, name="Ada", sid="s1", book="fixture-book", version="3",
               exported_at="2026-01-12T10:00:00Z", notes=None) -> dict:
    """An answers document with `items` {item_id: response}."""
    return {
        "format": "sourcebook-answers", "version": 1,
        "book": {"id": book, "content_version": version},
        "student": {"name": name, "id": sid},
        "exported_at": exported_at,
        "responses": {k: {"response": v, "attempts": 1, "first_at": exported_at,
                          "last_at": exported_at, "source": MEMO} for k, v in items.items()},
        "notes": notes or {},
    }


def write_json(path: Path, data) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


#: A fully right response to every item of the fixture set exercises/sample.yml.
PERFECT = {
    "smp-01": "B", "smp-02": ["C", "A"], "smp-03": True,
    "smp-04": ["north-korea-invades", "pyongyang-taken", "seoul-falls-1951", "rusk-memo"],
    "smp-05": {"1": "2", "2": "3", "3": "4"}, "smp-06": ["Jeju", "peninsulas", "islands"],
    "smp-07": ["p2.s5", "p2.s3"], "smp-08": [3, 4, 6, 7, 8, 9, 15, 16, 17, 18],
    "smp-09": "Jan. 12, 1951", "smp-10": {"text": "Because of the evacuation debate.",
                                          "self": [True, False]},
}
