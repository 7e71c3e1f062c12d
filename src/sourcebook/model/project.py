"""The project: one object that knows where a book's parts live. Nothing else names a path.

    project = Project(root)                 # or Project.find(start) from a folder inside it
    project.seeds, project.exercises, project.timeline, project.build_dir("student")

The layout is the one `sourcebook new` writes and the README describes:

    _config.yml  _toc.yml            the book's configuration (Jupyter Book conventions)
    seeds/                           primary sources: <slug>.txt verbatim + <slug>.yml metadata
    exercises/                       exercise sets (YAML) and variants.yml
    book/                            chapters; book/data/ (timeline, objectives, FRUS registry,
                                     decimal-file names, guides/<slug>.yml); book/instructor/
                                     (instructor pages)
    assignments.yml                  the teacher's assignments (optional)
    _build/<edition>/                each edition's output; _build/worksheets/ printed ones
    .sourcebook-cache/               executed notebooks kept between builds

Core code never asks for the current folder: an adapter (the CLI, the notebook) finds the
project and hands it in (tests/contract/test_kit_layout.py holds the core to this and to
naming no path of this layout itself).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT_ENV = "SOURCEBOOK_ROOT"


@dataclass(frozen=True)
class Project:
    root: Path

    def __post_init__(self):
        object.__setattr__(self, "root", Path(self.root).resolve())

    @classmethod
    def find(cls, start: str | Path) -> Project:
        """The project holding `start` (a folder inside it; an adapter passes the current
        folder), or the one $SOURCEBOOK_ROOT names (a notebook copied elsewhere): the nearest
        folder upwards with `_config.yml` and `seeds/`. Only adapters (the CLI, the notebook)
        call this; core code is always given its project."""
        if os.environ.get(ROOT_ENV):
            start = os.environ[ROOT_ENV]
        here = Path(start).resolve()
        for folder in (here, *here.parents):
            candidate = cls(folder)
            if candidate.config.is_file() and candidate.seeds.is_dir():
                return candidate
        raise FileNotFoundError(
            f"no sourcebook project (a folder with _config.yml and seeds/) at or above {here}")

    # --- the parts ---------------------------------------------------------------------------
    @property
    def config(self) -> Path:
        return self.root / "_config.yml"

    @property
    def toc(self) -> Path:
        return self.root / "_toc.yml"

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def exercises(self) -> Path:
        return self.root / "exercises"

    @property
    def variants(self) -> Path:
        return self.exercises / "variants.yml"

    @property
    def chapters(self) -> Path:
        return self.root / "book"

    @property
    def data(self) -> Path:
        return self.chapters / "data"

    @property
    def timeline(self) -> Path:
        return self.data / "timeline.yml"

    @property
    def objectives(self) -> Path:
        return self.data / "objectives.yml"

    @property
    def frus(self) -> Path:
        return self.data / "frus.yml"

    @property
    def decimal_file(self) -> Path:
        """The lesson's own names for parts of decimal file numbers, added to the kit's."""
        return self.data / "decimal-file.yml"

    @property
    def guides(self) -> Path:
        return self.data / "guides"

    def guide(self, slug: str) -> Path:
        return self.guides / f"{slug}.yml"

    @property
    def instructor_toc(self) -> Path:
        return self.chapters / "instructor" / "_toc.yml"

    @property
    def pacing(self) -> Path:
        return self.data / "pacing.yml"

    @property
    def assignments(self) -> Path:
        return self.root / "assignments.yml"

    @property
    def source_chapters(self) -> Path:
        """Where `sourcebook new` puts the chapter of each source it adds."""
        return self.chapters / "sources"

    def source_chapter(self, slug: str) -> Path:
        return self.source_chapters / f"{slug}.md"

    def exercise_set(self, slug: str) -> Path:
        return self.exercises / f"{slug}.yml"

    def seed_text(self, slug: str) -> Path:
        return self.seeds / f"{slug}.txt"

    def seed_meta(self, slug: str) -> Path:
        return self.seeds / f"{slug}.yml"

    @property
    def build(self) -> Path:
        return self.root / "_build"

    def build_dir(self, edition: str) -> Path:
        return self.build / edition

    @property
    def worksheets(self) -> Path:
        """Where `sourcebook worksheet` writes its PDFs by default."""
        return self.build / "worksheets"

    @property
    def cache(self) -> Path:
        """What a build keeps to reuse (executed notebooks), beside `_config.yml`."""
        return self.root / ".sourcebook-cache"

    def exercise_files(self) -> list[Path]:
        """Every exercise set: exercises/*.yml except variants.yml and files starting with "_"."""
        return sorted(p for p in self.exercises.glob("*.yml")
                      if p.name != "variants.yml" and not p.name.startswith("_"))

    def docname(self, path: Path) -> str:
        """A chapter as the table of contents and exercise sets name it: `book/sources/x`."""
        return self.relative(path).with_suffix("").as_posix()

    def relative(self, path: Path) -> Path:
        """A path inside the project, relative to its root."""
        return Path(path).resolve().relative_to(self.root)

    def shown(self, path: Path) -> str:
        """A path as messages show it: relative to the project when inside it."""
        try:
            return Path(path).resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)


def project_of(root: str | Path | Project) -> Project:
    return root if isinstance(root, Project) else Project(Path(root))
