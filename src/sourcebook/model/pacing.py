"""How long the lesson takes, computed from the pages and the exercise sets (no guessing in prose).

    assumptions = load_pacing(project)                 # book/data/pacing.yml
    chapters = lesson_pace(project, sets, sources, assumptions)
    total_minutes(chapters)

A chapter's **words** are the prose a student reads: the Markdown text (or a notebook's Markdown
cells) without fenced blocks (code, and the kit's directives such as exercise sets), directive
options, citation roles, link targets or Markdown markup; plus, for every `{primary-source}` or
`{close-reader}` of a source, that source's text once. **Reading minutes** are words divided by the
stated reading speed. **Item minutes** come from each item type's own estimate (`ItemType.minutes`);
a written answer's (a short answer's) add the words a good answer needs (`length`) at the stated
writing speed. Every number is an
assumption stated in `book/data/pacing.yml`, where a teacher can change it.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sourcebook.errors import SourcebookError
from sourcebook.items.registry import TYPES, item_type
from sourcebook.model.project import Project, project_of
from sourcebook.model.toc import chapter_order
from sourcebook.yamlio import load_data


def default_item_minutes() -> dict[str, float]:
    """Minutes per item of each registered type with a fixed time (not a written answer)."""
    return {name: t.minutes for name, t in TYPES.items() if t.writing_words is None}


_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,}).*?^(?P=fence)\s*$", re.S | re.M)
_SOURCE_DIRECTIVE = re.compile(r"^`{3,}\{(?:primary-source|close-reader)\}\s+(\S+)", re.M)
_COLON_FENCE_LINE = re.compile(r"^:{3,}(?:\{[\w-]+\})?[ \t]*(.*)$", re.M)   # keeps a box's title
_OPTION_LINE = re.compile(r"^:[\w-]+:.*$", re.M)
_CITATION_ROLE = re.compile(r"\{(?:cite(?::\w+)?|frus|numref|ref|eq)\}`[^`]*`")
_TEXT_ROLE = re.compile(r"\{(?:term|doc|abbr|sub|sup)\}`([^`<]*?)(?:\s*<[^>]*>)?`")
_LINK = re.compile(r"\]\([^)]*\)")
_COMMENT = re.compile(r"<!--.*?-->|^%.*$", re.S | re.M)
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


@dataclass(frozen=True)
class PacingAssumptions:
    words_per_minute: float = 200
    writing_words_per_minute: float = 10
    item_minutes: dict[str, float] = field(default_factory=default_item_minutes)
    optional: tuple[str, ...] = ()        # chapters offered as support, not in the lesson's time
    reference: tuple[str, ...] = ()       # glossary, bibliography...: looked up, not read through


@dataclass(frozen=True)
class ChapterPace:
    docname: str
    title: str
    words: int
    reading_minutes: float
    items: Counter
    item_minutes: float
    counted: bool                         # part of the lesson's total (not optional/reference)

    @property
    def minutes(self) -> float:
        return self.reading_minutes + self.item_minutes


def pacing_path(project: Project) -> Path:
    return project.pacing


_PACING_KEYS = {"words_per_minute", "writing_words_per_minute", "item_minutes", "optional",
                "reference"}


def load_pacing(project: Project | str | Path) -> PacingAssumptions:
    """book/data/pacing.yml, or the defaults above when the lesson has none. A wrong field is a
    SourcebookError naming the file and the field."""
    project = project_of(project)
    path = pacing_path(project)
    if not path.is_file():
        return PacingAssumptions()
    shown = project.shown(path)
    data = load_data(path) or {}
    if not isinstance(data, dict):
        raise SourcebookError(shown, "expected a mapping (words_per_minute:, item_minutes:, ...)")
    for key in data:
        if key not in _PACING_KEYS:
            raise SourcebookError(shown, f"is not a known field (known: "
                                  f"{', '.join(sorted(_PACING_KEYS))})", field=str(key))

    def positive(value, fld: str) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise SourcebookError(shown, f"must be a positive number, not {value!r}", field=fld)
        return float(value)
    minutes = default_item_minutes()
    fixed = tuple(minutes)
    given = data.get("item_minutes") or {}
    if not isinstance(given, dict):
        raise SourcebookError(shown, "must map item types to minutes", field="item_minutes")
    for kind, value in given.items():
        if kind not in fixed:
            raise SourcebookError(shown, f'"{kind}" is not an item type with a fixed time '
                                  f'(those are {", ".join(fixed)}; a written answer\'s '
                                  "time follows its length)", field="item_minutes")
        minutes[kind] = positive(value, f"item_minutes.{kind}")
    chapters = set(chapter_order(project))
    lists = {}
    for key in ("optional", "reference"):
        value = data.get(key) or []
        if not isinstance(value, list) or any(v not in chapters for v in value):
            raise SourcebookError(shown, f"must list chapters of _toc.yml (not {value!r})", field=key)
        lists[key] = tuple(value)
    return PacingAssumptions(
        words_per_minute=positive(data.get("words_per_minute", 200), "words_per_minute"),
        writing_words_per_minute=positive(data.get("writing_words_per_minute", 10),
                                          "writing_words_per_minute"),
        item_minutes=minutes, **lists)


def prose_words(markdown: str) -> int:
    """Words a reader reads in a MyST page: fenced blocks, options, citations, markup left out."""
    text = _FRONT_MATTER.sub("", markdown)
    text = _COMMENT.sub("", text)
    text = _FENCE.sub("", text)
    text = _COLON_FENCE_LINE.sub(r"\1", text)
    text = _OPTION_LINE.sub("", text)
    text = _CITATION_ROLE.sub("", text)
    text = _TEXT_ROLE.sub(r"\1", text)
    text = _LINK.sub("]", text)
    text = re.sub(r"`[^`]*`", " ", text)          # sentence ids, file names: not read as prose
    text = re.sub(r"^\|[-:| ]+\|\s*$", "", text, flags=re.M)   # table rules
    return len(_WORD.findall(text))


def chapter_title(markdown: str, fallback: str) -> str:
    m = re.search(r"^#\s+(.+)$", markdown, re.M)
    return m.group(1).strip() if m else fallback


def chapter_text(path: Path) -> str:
    """A chapter's Markdown: the file itself, or a notebook's Markdown cells."""
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
        return "\n\n".join("".join(c.get("source", "")) for c in cells
                           if c.get("cell_type") == "markdown")
    return path.read_text(encoding="utf-8")


def chapter_words(markdown: str, sources: dict) -> int:
    words = prose_words(markdown)
    for slug in dict.fromkeys(_SOURCE_DIRECTIVE.findall(markdown)):
        source = sources.get(slug)
        if source is not None:
            words += len(_WORD.findall(source.text))
    return words


def _item_minutes(item, assumptions: PacingAssumptions) -> float:
    entry = item_type(item)
    if entry.writing_words is not None:
        return entry.minutes + entry.writing_words(item) / assumptions.writing_words_per_minute
    return assumptions.item_minutes.get(item.type, entry.minutes)


def chapter_file(project: Project, docname: str) -> Path | None:
    for suffix in (".md", ".ipynb"):
        path = project.root / f"{docname}{suffix}"
        if path.is_file():
            return path
    return None


def lesson_pace(project: Project | str | Path, sets, sources: dict,
                assumptions: PacingAssumptions | None = None) -> list[ChapterPace]:
    """One row per chapter of the student edition, in reading order (the root page first)."""
    project = project_of(project)
    assumptions = assumptions or load_pacing(project)
    by_chapter: dict[str, list] = {}
    for s in sets:
        by_chapter.setdefault(s.info.chapter or "", []).extend(s.items)
    rows = []
    for docname in chapter_order(project):
        path = chapter_file(project, docname)
        if path is None:
            continue
        text = chapter_text(path)
        words = chapter_words(text, sources)
        items = by_chapter.get(docname, [])
        rows.append(ChapterPace(
            docname=docname, title=chapter_title(text, docname), words=words,
            reading_minutes=words / assumptions.words_per_minute,
            items=Counter(i.type for i in items),
            item_minutes=sum(_item_minutes(i, assumptions) for i in items),
            counted=docname not in (*assumptions.optional, *assumptions.reference)))
    return rows


def total_minutes(chapters: list[ChapterPace]) -> float:
    return sum(c.minutes for c in chapters if c.counted)


def rounded_minutes(minutes: float, step: int = 5) -> int:
    """Minutes rounded up to a multiple of `step` (a plan, not a stopwatch)."""
    return int(math.ceil(minutes / step) * step) if minutes > 0 else 0


def as_hours(minutes: float) -> str:
    """"3 h 35 min", "45 min": minutes rounded up to five."""
    m = rounded_minutes(minutes)
    hours, rest = divmod(m, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest:02d} min" if rest else f"{hours} h"


def class_periods(minutes: float, period: int = 50) -> int:
    return max(1, math.ceil(rounded_minutes(minutes) / period))
