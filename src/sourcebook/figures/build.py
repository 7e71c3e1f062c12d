"""Generate the book's figures into ``book/_generated/`` (called by the Sphinx extension at
``builder-inited``, and usable on its own).

A figure is redrawn only when its PNG is missing or older than one of its inputs: the timeline
data (``book/data/timeline.yml``) for the chart, and for both figures the modules that draw them.
"""

from __future__ import annotations

from pathlib import Path

from sourcebook.model.timeline import load_timeline

__all__ = ["generate_figures", "figure_inputs", "GENERATED_DIR", "TIMELINE_PNG", "MAP_PNG"]

GENERATED_DIR = "_generated"
TIMELINE_PNG = "timeline.png"
MAP_PNG = "korea-map.png"

_FIGURES_DIR = Path(__file__).resolve().parent
_PACKAGE_DIR = _FIGURES_DIR.parent


def _book_folder(book_dir: Path) -> Path:
    """The folder holding data/timeline.yml. Accepts the book folder itself or the project root
    (jupyter-book's source dir is the root, where the book lives in book/)."""
    book_dir = Path(book_dir)
    if not (book_dir / "data" / "timeline.yml").is_file() and (book_dir / "book" / "data" / "timeline.yml").is_file():
        return book_dir / "book"
    return book_dir


def figure_inputs(book_dir: Path) -> dict[str, list[Path]]:
    """The files each generated figure depends on."""
    book = _book_folder(book_dir)
    shared = [_FIGURES_DIR / "build.py", _FIGURES_DIR / "timeline_chart.py"]  # korea_map reuses its PNG writer
    return {
        TIMELINE_PNG: [book / "data" / "timeline.yml", _PACKAGE_DIR / "timeline.py", *shared],
        MAP_PNG: [_FIGURES_DIR / "korea_map.py", *shared],
    }


def _up_to_date(out: Path, inputs: list[Path]) -> bool:
    if not out.is_file() or out.stat().st_size == 0:
        return False
    newest = max((p.stat().st_mtime_ns for p in inputs if p.exists()), default=0)
    return out.stat().st_mtime_ns > newest


def generate_figures(book_dir: Path, *, force: bool = False) -> dict[str, str]:
    """Write ``_generated/timeline.png`` and ``_generated/korea-map.png`` under the book folder
    when they are missing or out of date; return ``{filename: alt_text}`` for both either way.

    Raises ``sourcebook.model.timeline.TimelineError`` (file:line and field) if timeline.yml is invalid.
    """
    from sourcebook.figures.korea_map import draw_korea_map, korea_map_alt_text
    from sourcebook.figures.timeline_chart import draw_timeline, timeline_alt_text

    book = _book_folder(Path(book_dir))
    out_dir = book / GENERATED_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    inputs = figure_inputs(book)

    events = load_timeline(book / "data" / "timeline.yml")  # always validated, even when skipping
    alts: dict[str, str] = {}

    out = out_dir / TIMELINE_PNG
    if force or not _up_to_date(out, inputs[TIMELINE_PNG]):
        alts[TIMELINE_PNG] = draw_timeline(events, out)
    else:
        alts[TIMELINE_PNG] = timeline_alt_text(events)

    out = out_dir / MAP_PNG
    if force or not _up_to_date(out, inputs[MAP_PNG]):
        alts[MAP_PNG] = draw_korea_map(out)
    else:
        alts[MAP_PNG] = korea_map_alt_text()
    return alts


def stale_figures(book_dir: Path) -> list[str]:
    """The generated figures that are missing or older than their inputs."""
    book = _book_folder(Path(book_dir))
    return [name for name, inputs in figure_inputs(book).items()
            if not _up_to_date(book / GENERATED_DIR / name, inputs)]


if __name__ == "__main__":   # `python -m sourcebook.figures.build BOOK_DIR`: the build runs this
    import sys              # beside Sphinx, so the figures draw while the pages are read
    generate_figures(Path(sys.argv[1]))
