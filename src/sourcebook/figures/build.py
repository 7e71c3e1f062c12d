"""Draw the book's figures into `book/_generated/`, reusing any drawn before from the same inputs.

A figure is a `FigureJob`: the PNG to write, the function that draws it (`module:function`,
called as `function(book_dir, out_path)` and returning the alt text) and the data files it
reads. The kit brings one job, the timeline chart, when the lesson has `data/timeline.yml`
and `data/timeline-chart.yml`; a lesson adds its own (a map, say) from a book-local Sphinx
extension with `sourcebook.sphinx.figures.add_figure`.

Each drawing is kept in a cache (`.sourcebook-cache/figures/` beside `_config.yml`) under a
hash of its data, of the code that draws it and of the kit's version, so a clean build of an
unchanged lesson copies the PNG instead of running matplotlib (~4 s). `force=True` (the CLI's
`--fresh`) draws everything again.

    python -m sourcebook.figures.build BOOK_DIR CACHE_DIR JOBS_JSON   # what the build runs
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import shutil
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from sourcebook import __version__

__all__ = ["FigureJob", "generate_figures", "stale_figures", "timeline_job", "timeline_phone_job",
           "GENERATED_DIR", "TIMELINE_PNG", "TIMELINE_PHONE_PNG"]

GENERATED_DIR = "_generated"
TIMELINE_PNG = "timeline.png"
TIMELINE_PHONE_PNG = "timeline-phone.png"     # the same events in one column, for phones
CACHE_DIR = Path(".sourcebook-cache") / "figures"
_KIT_FIGURE_CODE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class FigureJob:
    output: str                  # file name under book/_generated/
    draw: str                    # "module:function"
    inputs: tuple[str, ...]      # data files it reads (absolute paths)
    import_path: str = ""        # a folder to import the module from (a book's _ext/)


def book_folder(book_dir: Path) -> Path:
    """The lesson's book/ folder, given it or the project root above it."""
    book_dir = Path(book_dir)
    return book_dir / "book" if (book_dir / "book" / "data").is_dir() else book_dir


def timeline_job(book_dir: Path) -> FigureJob | None:
    data = book_folder(book_dir) / "data"
    files = (data / "timeline.yml", data / "timeline-chart.yml")
    if not all(f.is_file() for f in files):
        return None                  # a lesson without a timeline draws no chart
    return FigureJob(TIMELINE_PNG, "sourcebook.figures.build:draw_book_timeline",
                     tuple(str(f) for f in files))


def timeline_phone_job(book_dir: Path) -> FigureJob | None:
    wide = timeline_job(book_dir)
    return wide and FigureJob(TIMELINE_PHONE_PNG, "sourcebook.figures.build:draw_book_phone_timeline",
                              wide.inputs)


def draw_book_phone_timeline(book_dir: Path, out: Path) -> str:
    from sourcebook.figures.chart_settings import load_chart_settings
    from sourcebook.figures.timeline_phone import draw_phone_timeline
    from sourcebook.model.timeline import load_timeline
    data = book_folder(book_dir) / "data"
    return draw_phone_timeline(load_timeline(data / "timeline.yml"),
                               load_chart_settings(data / "timeline-chart.yml"), out)


def draw_book_timeline(book_dir: Path, out: Path) -> str:
    from sourcebook.figures.chart_settings import load_chart_settings
    from sourcebook.figures.timeline_chart import draw_timeline
    from sourcebook.model.timeline import load_timeline
    data = book_folder(book_dir) / "data"
    return draw_timeline(load_timeline(data / "timeline.yml"),
                         load_chart_settings(data / "timeline-chart.yml"), out)


def _function(job: FigureJob):
    if job.import_path and job.import_path not in sys.path:
        sys.path.insert(0, job.import_path)
    module, _, name = job.draw.partition(":")
    return getattr(importlib.import_module(module), name)


def _code_files(job: FigureJob) -> list[Path]:
    files = sorted(_KIT_FIGURE_CODE.glob("*.py"))
    files.append(_KIT_FIGURE_CODE.parent / "model" / "timeline.py")
    module = job.draw.partition(":")[0]
    if job.import_path:
        files.append(Path(job.import_path) / f"{module.replace('.', '/')}.py")
    return files


def job_key(job: FigureJob) -> str:
    """Hash of everything the drawing depends on: data, code, kit version."""
    digest = hashlib.sha256(f"{__version__}\0{job.output}\0{job.draw}".encode())
    for path in [*map(Path, job.inputs), *_code_files(job)]:
        digest.update(path.name.encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"<missing>")
    return digest.hexdigest()[:24]


def _copy_atomic(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=dest.name + ".", suffix=".tmp", dir=dest.parent)
    os.close(fd)
    try:
        shutil.copyfile(src, tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, dest)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _cached(cache: Path, job: FigureJob) -> tuple[Path, Path]:
    key = job_key(job)
    return cache / f"{key}-{job.output}", cache / f"{key}-{job.output}.alt.txt"


def stale_figures(book_dir: Path, jobs: list[FigureJob], cache: Path) -> list[FigureJob]:
    """The jobs whose PNG is not yet in book/_generated as the cache holds it."""
    out_dir = book_folder(book_dir) / GENERATED_DIR
    stale = []
    for job in jobs:
        png, alt = _cached(cache, job)
        out = out_dir / job.output
        if not (png.is_file() and alt.is_file() and out.is_file()
                and out.read_bytes() == png.read_bytes()):
            stale.append(job)
    return stale


def generate_figures(book_dir: Path, jobs: list[FigureJob], cache: Path, *,
                     force: bool = False) -> dict[str, str]:
    """Put every job's PNG in book/_generated (drawn, or copied from the cache); return
    {file name: alt text}."""
    out_dir = book_folder(book_dir) / GENERATED_DIR
    alts: dict[str, str] = {}
    for job in jobs:
        png, alt = _cached(cache, job)
        if force or not (png.is_file() and alt.is_file()):
            cache.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryDirectory(dir=cache) as tmp:
                drawn = Path(tmp) / job.output
                text = _function(job)(book_folder(book_dir), drawn)
                Path(tmp, "alt").write_text(text, encoding="utf-8")
                os.replace(Path(tmp, "alt"), alt)
                os.replace(drawn, png)
        _copy_atomic(png, out_dir / job.output)
        alts[job.output] = alt.read_text(encoding="utf-8")
    return alts


def jobs_to_json(jobs: list[FigureJob]) -> str:
    return json.dumps([asdict(j) for j in jobs])


def jobs_from_json(text: str) -> list[FigureJob]:
    return [FigureJob(**{**j, "inputs": tuple(j["inputs"])}) for j in json.loads(text)]


if __name__ == "__main__":   # the build runs this beside Sphinx, so figures draw while pages are read
    book, cache_dir, jobs_json = sys.argv[1:4]
    generate_figures(Path(book), jobs_from_json(jobs_json), Path(cache_dir),
                     force="--force" in sys.argv[4:])
