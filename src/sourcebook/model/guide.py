"""The close-reading guide for one primary source: lenses, glossary marks, black-outs, comparisons.

A guide is data, kept beside the book's other data as ``book/data/guides/<slug>.yml`` (the slug
of the seed it reads). The close-reading widget (``render.static.render_reader`` and
``notebook.live.ReaderWidget``) shows the memo with it. Every reference into the text is checked
against the parsed source, and every problem names the file, the line and the field::

    book/data/guides/rusk-1951-01-12-continued-resistance.yml:14: lenses.0.passages.1.phrase:
        "maximum ingenuity" does not occur in sentence p2.s2

The YAML shape (text is plain text, shown as typed: HTML is escaped; only *italic* and
**bold** are read, as in exercise prompts)::

    source: rusk-1951-01-12-continued-resistance   # the seed's slug (must match the file name)
    title: Reading Rusk's memo closely             # optional heading of the widget
    intro: Choose a lens, then read the highlighted passages again.   # optional

    lenses:                # exactly the four lenses, each once, in any order
      - id: sourcing       # sourcing | contextualization | close-reading | corroboration
        question: Who wrote this memo, to whom, and what did he want the reader to do?
        passages:          # what the lens highlights: a sentence id, or a phrase inside one
          - p1.s1
          - {sentence: p2.s1, phrase: maximum ingenuity and imagination}
        notices: >-        # the "What a historian notices" reveal
          Rusk writes as an official to his superior ...

    glossary:              # terms marked in the text; the meaning shows on focus or hover
      - term: ROK
        meaning: Republic of Korea, that is, South Korea.
        forms: [ROK]       # optional: the spellings to mark (default: the term itself);
                           # matched as whole words, case-sensitive
        all: false         # optional: mark every occurrence (default: only the first)

    blackouts:             # words hidden so that students infer them from context
      - id: ingenuity      # unique within the guide; a slug
        sentence: p2.s1
        words: [ingenuity, imagination]   # each must occur in the sentence (first occurrence)
        prompt: What qualities does Rusk ask the military to use?   # optional

    compare:               # a passage side by side with a corroborating document
      - id: jcs-80680
        passage: [p2.s2]   # passages, as under lenses
        title: JCS to MacArthur, 9 January 1951
        frus: 1951v07p1-d31          # a key of book/data/frus.yml ...
        # url: https://...           # ... or a link of its own (one of the two is required)
        summary: >-
          The Joint Chiefs told MacArthur ...   # in the guide author's own words

    starters:              # optional: replaces the default sentence starters of a lens
      sourcing: ["The author probably believes…"]

Only ``source`` and ``lenses`` are required. The default sentence starters (``STARTERS``) come
from the historical-thinking chart.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from sourcebook.errors import SourcebookError
from sourcebook.yamlio import compose, parse_yaml
from sourcebook.model.frus import label, registry, url
from sourcebook.model.project import Project
from sourcebook.model.source import PrimarySource

LensId = Literal["sourcing", "contextualization", "close-reading", "corroboration"]
LENSES: dict[str, str] = {"sourcing": "Sourcing", "contextualization": "Contextualization",
                          "close-reading": "Close reading", "corroboration": "Corroboration"}

#: Sentence starters from the historical-thinking chart, by lens.
STARTERS: dict[str, list[str]] = {
    "sourcing": ["The author probably believes…", "I think the audience is…",
                 "Based on the source information, I think the author might…",
                 "I do / don't trust this document because…"],
    "contextualization": ["When this document was written…",
                          "The document was written during… and this matters because…",
                          "This document might have been different if it had been written "
                          "before / after…"],
    "close-reading": ["I think the author chose these words in order to…",
                      "The author is trying to convince me…", "The author claims…",
                      "The evidence used to support the author's claims is…"],
    "corroboration": ["The author agrees / disagrees with…",
                      "This document is believable / not believable because…",
                      "Another document that supports or challenges this one is…"],
}

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Passage(_Strict):
    """A whole sentence, or a phrase inside it (first occurrence)."""
    sentence: str = Field(pattern=r"^p\d+\.s\d+$")
    phrase: str | None = Field(default=None, min_length=1)


def _passage(value: Any) -> Any:
    return {"sentence": value} if isinstance(value, str) else value


class Lens(_Strict):
    id: LensId
    question: str = Field(min_length=1)
    passages: list[Passage] = Field(min_length=1)
    notices: str = Field(min_length=1)

    _p = field_validator("passages", mode="before")(
        classmethod(lambda cls, v: [_passage(x) for x in v] if isinstance(v, list) else v))

    @property
    def label(self) -> str:
        return LENSES[self.id]


class GlossaryEntry(_Strict):
    term: str = Field(min_length=1)
    meaning: str = Field(min_length=1)
    forms: list[str] | None = None
    all: bool = False

    @property
    def spellings(self) -> list[str]:
        return self.forms or [self.term]


class Blackout(_Strict):
    id: str = Field(pattern=SLUG)
    sentence: str = Field(pattern=r"^p\d+\.s\d+$")
    words: list[str] = Field(min_length=1)
    prompt: str | None = None


class Compare(_Strict):
    id: str = Field(pattern=SLUG)
    passage: list[Passage] = Field(min_length=1)
    title: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    frus: str | None = None
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    citation: str | None = None     # filled from book/data/frus.yml for a `frus` key

    _p = field_validator("passage", mode="before")(
        classmethod(lambda cls, v: [_passage(x) for x in v] if isinstance(v, list) else v))

    @model_validator(mode="after")
    def _link(self):
        if not (self.frus or self.url):
            raise ValueError("give the corroborating document as frus: KEY or url: https://...")
        return self


class Guide(_Strict):
    source: str = Field(pattern=SLUG)
    title: str | None = None
    intro: str | None = None
    lenses: list[Lens]
    glossary: list[GlossaryEntry] = Field(default_factory=list)
    blackouts: list[Blackout] = Field(default_factory=list)
    compare: list[Compare] = Field(default_factory=list)
    starters: dict[LensId, list[str]] = Field(default_factory=dict)

    @field_validator("lenses")
    @classmethod
    def _four(cls, lenses: list[Lens]) -> list[Lens]:
        ids = [lens.id for lens in lenses]
        if sorted(ids) != sorted(LENSES):
            missing = [k for k in LENSES if k not in ids]
            twice = sorted({k for k in ids if ids.count(k) > 1})
            why = (f"missing {', '.join(missing)}" if missing else "") + \
                  ("; " if missing and twice else "") + (f"twice: {', '.join(twice)}" if twice else "")
            raise ValueError(f"give each of the four lenses once ({why})")
        return sorted(lenses, key=lambda lens: list(LENSES).index(lens.id))

    @model_validator(mode="after")
    def _unique_ids(self):
        for what, ids in (("blackouts", [b.id for b in self.blackouts]),
                          ("compare", [c.id for c in self.compare])):
            if len(set(ids)) != len(ids):
                raise ValueError(f"{what}: an id is used twice")
        return self

    def starters_for(self, lens: str) -> list[str]:
        return self.starters.get(lens) or STARTERS[lens]


# --------------------------------------------------------------------------- text positions


def phrase_span(text: str, phrase: str) -> tuple[int, int] | None:
    """(start, end) of the first whole-word occurrence of `phrase` in `text`, or None."""
    m = re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text)
    return m.span() if m else None


def passage_span(source: PrimarySource, p: Passage) -> tuple[int, int]:
    """Character span of a passage inside its sentence's reading text."""
    text = source.sentence(p.sentence).text
    return phrase_span(text, p.phrase) if p.phrase else (0, len(text))


# --------------------------------------------------------------------------- loading


def _node_line(root: yaml.Node | None, loc: tuple) -> int | None:
    """Line (1-based) of the YAML node at pydantic location `loc`, best effort."""
    node, line = root, None
    for key in loc:
        if node is None:
            break
        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == key), None)
            if node is None:
                break
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            break
    return node.start_mark.line + 1 if node is not None else line


def _err(path, message, root, loc) -> SourcebookError:
    return SourcebookError(path, message, line=_node_line(root, loc),
                           field=".".join(str(x) for x in loc) or None)


def check_guide(guide: Guide, source: PrimarySource, path=None, root=None,
                frus: dict[str, dict] | None = None) -> list[SourcebookError]:
    """Every cross-reference problem between the guide and its source (empty: all good)."""
    problems: list[SourcebookError] = []
    ids = source.sentence_ids()

    def passage(p: Passage, loc: tuple) -> None:
        if p.sentence not in ids:
            problems.append(_err(path, f"sentence {p.sentence} is not in {source.slug}", root,
                                 (*loc, "sentence")))
        elif p.phrase and not phrase_span(source.sentence(p.sentence).text, p.phrase):
            problems.append(_err(path, f'"{p.phrase}" does not occur in sentence {p.sentence}',
                                 root, (*loc, "phrase")))

    if guide.source != source.slug:
        problems.append(_err(path, f'"{guide.source}" is not the slug of the source it is used '
                                   f'with ({source.slug})', root, ("source",)))
    for i, lens in enumerate(guide.lenses):
        for j, p in enumerate(lens.passages):
            passage(p, ("lenses", i, "passages", j))
    for i, g in enumerate(guide.glossary):
        if not any(phrase_span(s.text, f) for s in source.sentences for f in g.spellings):
            problems.append(_err(path, f'"{g.term}" does not occur in the text (give its '
                                       'spellings as forms)', root, ("glossary", i, "term")))
    hidden: dict[str, list[tuple[int, int]]] = {}      # sentence -> spans already hidden
    for i, b in enumerate(guide.blackouts):
        if b.sentence not in ids:
            problems.append(_err(path, f"sentence {b.sentence} is not in {source.slug}", root,
                                 ("blackouts", i, "sentence")))
            continue
        for j, w in enumerate(b.words):
            span = phrase_span(source.sentence(b.sentence).text, w)
            if not span:
                problems.append(_err(path, f'"{w}" does not occur in sentence {b.sentence}', root,
                                     ("blackouts", i, "words", j)))
            elif any(s < span[1] and span[0] < e for s, e in hidden.get(b.sentence, [])):
                problems.append(_err(path, f'"{w}" overlaps a word another black-out already hides',
                                     root, ("blackouts", i, "words", j)))
            else:
                hidden.setdefault(b.sentence, []).append(span)
    for i, c in enumerate(guide.compare):
        for j, p in enumerate(c.passage):
            passage(p, ("compare", i, "passage", j))
        if c.frus and frus is not None and c.frus not in frus:
            problems.append(_err(path, f'"{c.frus}" is not a key of book/data/frus.yml', root,
                                 ("compare", i, "frus")))
    return problems


def _frus_registry(project: Project | None) -> dict[str, dict] | None:
    if project is None or not project.frus.is_file():
        return None
    return registry(project)


def _with_citations(guide: Guide, frus: dict[str, dict] | None) -> Guide:
    if not frus:
        return guide
    compare = [c.model_copy(update={"url": c.url or url(frus[c.frus]),
                                    "citation": c.citation or label(frus[c.frus])})
               if c.frus in frus else c for c in guide.compare]
    return guide.model_copy(update={"compare": compare})


def parse_guide(text: str, source: PrimarySource | None = None, *, path=None,
                project: Project | None = None) -> Guide:
    """A guide from YAML text, checked against `source` when given. Raises SourcebookError
    (the first problem; `.problems` on it lists them all)."""
    shown = str(path) if path is not None else "<text>"
    root = compose(text, shown=shown)
    data = parse_yaml(text, shown=shown, typed=True).data
    if not isinstance(data, dict):
        raise SourcebookError(path, "expected a mapping with source: and lenses:", line=1)
    try:
        guide = Guide.model_validate(data)
    except ValidationError as err:
        problems = []
        for e in err.errors():
            loc = tuple(e["loc"])
            msg = str(e.get("ctx", {}).get("error", e["msg"]))
            if e["type"] == "extra_forbidden":
                msg = "is not a known field"
            elif e["type"] == "missing":
                msg = "is missing"
            problems.append(_err(path, msg, root, loc))
        _raise(problems)
    frus = _frus_registry(project)
    if source is not None:
        _raise(check_guide(guide, source, path, root, frus))
    return _with_citations(guide, frus)


def _raise(problems: list[SourcebookError]) -> None:
    if problems:
        first = problems[0]
        first.problems = problems
        if len(problems) > 1:
            first.message += "".join(f"\n{p}" for p in problems[1:])
            first.args = (str(first),)
        raise first


def guide_path(slug: str, book_root: Path) -> Path:
    return Project(book_root).guide(slug)


def load_guide(path: str | Path, source: PrimarySource | None = None, *,
               project: Project | None = None) -> Guide:
    """Read `book/data/guides/<slug>.yml` and check it against `source`; with `project`, its
    compare panels' FRUS keys are checked and cited from the project's registry."""
    path = Path(path)
    if not path.is_file():
        raise SourcebookError(path, "no close-reading guide here (see sourcebook.model.guide for the "
                                    "YAML shape)")
    if project is None:
        project = _project_around(path)
    return parse_guide(path.read_text(encoding="utf-8"), source, path=path, project=project)


def _project_around(path: Path) -> Project | None:
    """The project a guide file belongs to, when it sits where the layout puts guides."""
    try:
        project = Project.find(path.parent)
    except FileNotFoundError:
        return None
    return project if path.resolve().parent == project.guides else None
