"""The project: one object that knows where a book's parts live. Nothing else names a path.

    project = Project(root)                 # or Project.find(start) from a folder inside it
    project.seeds, project.exercises, project.data / "timeline.yml", project.build_dir("student")

The layout is the one `sourcebook new` writes and the README describes:

    _config.yml  _toc.yml            the book's configuration (Jupyter Book conventions)
    seeds/                           primary sources: <slug>.txt verbatim + <slug>.yml metadata
    exercises/                       exercise sets (YAML) and variants.yml
    book/                            chapters; book/data/ (timeline, objectives, FRUS registry,
                                     guides/<slug>.yml); book/instructor/ (instructor pages)
    _build/<edition>/                each edition's output
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
    def find(cls, start: str | Path | None = None) -> Project:
        """The project holding `start` (a folder inside it, default the current folder), or the
        one $SOURCEBOOK_ROOT names (a notebook copied elsewhere): the nearest folder upwards
        with `_config.yml` and `seeds/`. Only adapters (the CLI, the notebook) call this; core
        code is always given its project."""
        if os.environ.get(ROOT_ENV):
            start = os.environ[ROOT_ENV]
        here = Path(start if start is not None else Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / "_config.yml").is_file() and (folder / "seeds").is_dir():
                return cls(folder)
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
    def guides(self) -> Path:
        return self.data / "guides"

    def guide(self, slug: str) -> Path:
        return self.guides / f"{slug}.yml"

    @property
    def instructor_toc(self) -> Path:
        return self.chapters / "instructor" / "_toc.yml"

    def seed_text(self, slug: str) -> Path:
        return self.seeds / f"{slug}.txt"

    def seed_meta(self, slug: str) -> Path:
        return self.seeds / f"{slug}.yml"

    def build_dir(self, edition: str) -> Path:
        return self.root / "_build" / edition

    def exercise_files(self) -> list[Path]:
        """Every exercise set: exercises/*.yml except variants.yml and files starting with "_"."""
        return sorted(p for p in self.exercises.glob("*.yml")
                      if p.name != "variants.yml" and not p.name.startswith("_"))

    def shown(self, path: Path) -> str:
        """A path as messages show it: relative to the project when inside it."""
        try:
            return Path(path).resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)


def project_of(root: str | Path | Project) -> Project:
    return root if isinstance(root, Project) else Project(Path(root))
