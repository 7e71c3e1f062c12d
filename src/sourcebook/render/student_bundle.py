"""The student bundle: everything the notebook widget shows, with no answer key.

The static book's pages hold each exercise set and close reader as an HTML fragment with its
answer-free payload (render/static.py). The bundle is those same fragments in one JSON file,
``sourcebook-student.json``, which the build ships in the site's ``_static`` folder:

    {"format": "sourcebook-student", "version": 1, "book": ..., "content_version": ...,
     "sets": {"<exercises file stem>": "<fragment>"}, "readers": {"<slug>": "<fragment>"},
     "widget_module": "<the widget's ES module>"}     # only with the lesson's own item types

A notebook that finds a bundle (``$SOURCEBOOK_STUDENT``, or ``sourcebook-student.json`` beside
the notebook or in the book's built ``_static``) shows it and never opens ``exercises/*.yml``;
only without one (an author's or teacher's checkout) does it render from the YAML.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import os
from pathlib import Path

NAME = "sourcebook-student.json"
FORMAT = "sourcebook-student"


def _inputs_key(root: Path) -> str:
    """A digest of everything the bundle is made from (to skip remaking an unchanged one)."""
    from sourcebook.items.registry import lesson_types
    from sourcebook.model.project import Project
    from sourcebook.render.bundle import ASSETS
    project = Project(root)
    h = hashlib.sha256()
    for folder, pattern in ((project.exercises, "*.yml"), (project.seeds, "*"),
                            (project.data, "**/*.yml"), (ASSETS.parent, "*.py"),
                            (Path(__file__).parents[1] / "items", "*.py"), (ASSETS, "**/*.js")):
        for path in sorted(folder.glob(pattern)):
            if path.is_file():
                h.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    for entry in lesson_types():             # a lesson's own item types: both their modules
        for path in (Path(inspect.getsourcefile(entry.model)), entry.front_end):
            if path is not None and path.is_file():
                h.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def make_bundle(ctx) -> dict:
    """The bundle of a loaded book (a BookContext)."""
    from sourcebook.items.registry import front_ends
    from sourcebook.model.guide import guide_path, load_guide
    from sourcebook.model.lesson import load_all
    from sourcebook.render import static
    from sourcebook.render.minify import widget_module
    sets, _ = load_all(ctx)
    root = Path(ctx.root)
    readers = {}
    for slug, source in sorted(ctx.sources.items()):
        path = guide_path(slug, root)
        if path.exists():
            readers[slug] = static.render_reader(source, load_guide(path, source), ctx)
    data = {"format": FORMAT, "version": 1, "book": ctx.book_id,
            "content_version": ctx.content_version,
            "sets": {Path(s.path).stem if getattr(s, "path", None) else s.info.id:
                     static.render_exercise_set(s, ctx) for s in sets},
            "readers": readers}
    if front_ends():
        data["widget_module"] = widget_module(front_ends())
    return data


def write_bundle(ctx, folder: Path) -> Path:
    """Write the bundle into `folder` (remade only when its inputs changed)."""
    folder.mkdir(parents=True, exist_ok=True)
    out, stamp = folder / NAME, folder / f".{NAME}.key"
    key = _inputs_key(Path(ctx.root))
    if out.exists() and stamp.exists() and stamp.read_text() == key:
        return out
    out.write_text(json.dumps(make_bundle(ctx), ensure_ascii=False), encoding="utf-8")
    stamp.write_text(key)
    return out


def find_bundle(start: Path) -> dict | None:
    """The student bundle a notebook in the folder `start` should show, or None."""
    here = Path(start).resolve()
    candidates = [Path(os.environ["SOURCEBOOK_STUDENT"])] if os.environ.get("SOURCEBOOK_STUDENT") \
        else [here / NAME, here.parent / NAME]
    for path in candidates:
        if path.is_file():
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("format") == FORMAT:
                return data
    return None
