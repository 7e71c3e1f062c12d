"""The editable timeline (book/data/timeline.yml): model and loader.

``load_timeline(path)`` returns the events sorted by date. Every problem in the file is reported
with the file, the line and the field, e.g.::

    book/data/timeline.yml:14 event seoul-falls-1951: date "1951-13-04" is not a real date (YYYY-MM-DD)

All problems found are reported together (one per line) in a single ``TimelineError``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from urllib.parse import urlparse

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from sourcebook.errors import Problems, SourcebookError
from sourcebook.yamlio import compose, load_data

__all__ = [
    "lesson_policy",
    "LABEL_MAX",
    "TimelineEvent",
    "TimelineError",
    "TimelineProblem",
    "load_timeline",
]

# The lesson decides its phases (book/data/timeline-chart.yml, which also says how the chart
# draws them) and which sites are never good enough to cite (book/data/citation-policy.yml).
CHART_FILE = "timeline-chart.yml"
POLICY_FILE = "citation-policy.yml"

LABEL_MAX = 40
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FIELDS = ("id", "date", "date_note", "label", "detail", "source", "phase")
REQUIRED = ("id", "date", "label", "detail", "source", "phase")


def _host_is(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


class TimelineEvent(BaseModel):
    """One event on the timeline."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    id: str
    date: dt.date
    date_note: str | None = None
    label: str
    detail: str
    source: str
    phase: str

    @field_validator("id", "phase")
    @classmethod
    def _id_is_slug(cls, v: str) -> str:
        if not _SLUG.match(v):
            raise ValueError(f'"{v}" is not a slug (lower-case letters, digits and single hyphens)')
        return v

    @field_validator("date", mode="before")
    @classmethod
    def _date_is_iso(cls, v: object) -> object:
        if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
            return v
        text = str(v).strip()
        if not _ISO.match(text):
            raise ValueError(f'"{text}" is not a date in the form YYYY-MM-DD')
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f'"{text}" is not a real date (YYYY-MM-DD)') from None

    @field_validator("label")
    @classmethod
    def _label_short(cls, v: str) -> str:
        if not v:
            raise ValueError("is empty")
        if len(v) > LABEL_MAX:
            raise ValueError(f'"{v}" has {len(v)} characters; the chart allows at most {LABEL_MAX}')
        return v

    @field_validator("detail", "date_note")
    @classmethod
    def _not_empty(cls, v: str | None) -> str | None:
        if v is not None and not v:
            raise ValueError("is empty")
        return v

    @field_validator("source")
    @classmethod
    def _source_url(cls, v: str) -> str:
        parsed = urlparse(v)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise ValueError(f'"{v}" is not an http(s) URL')
        return v


class TimelineProblem(SourcebookError):
    """A problem of one timeline event: a SourcebookError whose item is the event."""

    def __init__(self, path, line: int | None, event: str | None, field: str | None,
                 message: str):
        self.event = event
        super().__init__(path, message, line=line, field=field, item=event)

    def __str__(self) -> str:
        where = self.path + (f":{self.line}" if self.line is not None else "")
        who = f" event {self.event}" if self.event else ""
        return f"{where}{who}: {self.message}"


class TimelineError(Problems):
    """The timeline file has one or more problems; ``.problems`` lists them all."""

    def __init__(self, problems: list[TimelineProblem]):
        super().__init__(problems)
        self.problems = self.errors


def _display_path(path: Path) -> str:
    """The path as a user would type it: relative to the cwd when it is below it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # pragma: no cover - other drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


_PYDANTIC_MESSAGES = {
    "literal_error": None,  # handled below
    "string_type": "must be text",
    "date_type": "must be a date (YYYY-MM-DD)",
}


def _describe(field: str, err: dict, raw: dict[str, str]) -> str:
    kind = err.get("type", "")
    if kind == "missing":
        return f"{field} is missing"
    if kind == "extra_forbidden":
        return f'{field} is not a known field (expected one of: {", ".join(FIELDS)})'
    if kind == "value_error":
        msg = str(err.get("ctx", {}).get("error", err.get("msg", "")))
        return f"{field} {msg}"
    return f"{field} {_PYDANTIC_MESSAGES.get(kind) or err.get('msg', 'is invalid')}"


def lesson_policy(folder: Path) -> tuple[list[str] | None, list[str]]:
    """(the lesson's phase ids or None when it declares none, domains never to cite), from the
    files beside the timeline."""
    phases = forbidden = None
    chart, policy = folder / CHART_FILE, folder / POLICY_FILE
    if chart.is_file():
        data = load_data(chart) or {}
        phases = [str(p.get("id")) for p in data.get("phases") or [] if isinstance(p, dict)]
    if policy.is_file():
        forbidden = [str(d).lower() for d in (load_data(policy) or {}).get(
            "forbidden_domains") or []]
    return phases, forbidden or []


def _against_policy(event, phases, forbidden, shown, lines, name) -> list:
    out = []
    if phases is not None and event.phase not in phases:
        out.append(TimelineProblem(shown, lines.get("phase"), name, "phase",
                                   f'phase "{event.phase}" is not one of the phases in '
                                   f'{CHART_FILE}: {", ".join(phases)}'))
    host = (urlparse(event.source).hostname or "").lower()
    for domain in forbidden:
        if _host_is(host, domain):
            out.append(TimelineProblem(shown, lines.get("source"), name, "source",
                                       f'source "{event.source}" is on {domain}, which '
                                       f"{POLICY_FILE} says not to cite"))
    return out


def load_timeline(path: str | Path) -> list[TimelineEvent]:
    """Read and check a timeline YAML file; return its events sorted by date (stable)."""
    path = Path(path)
    phases, forbidden = lesson_policy(path.parent)
    shown = _display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise TimelineError([TimelineProblem(shown, None, None, None, f"cannot read file: {exc.strerror or exc}")]) from None

    try:
        root = compose(text, shown=shown)
    except SourcebookError as exc:
        raise TimelineError([TimelineProblem(shown, exc.line, None, None, exc.message)]) from None

    if root is None:
        raise TimelineError([TimelineProblem(shown, None, None, None, "the file is empty; expected a list of events")])
    if not isinstance(root, yaml.SequenceNode):
        raise TimelineError([TimelineProblem(shown, _line(root), None, None,
                                             "expected a list of events (each starting with '- id: ...')")])

    problems: list[TimelineProblem] = []
    events: list[TimelineEvent] = []
    seen: dict[str, int] = {}

    for index, item in enumerate(root.value, start=1):
        item_line = _line(item)
        if not isinstance(item, yaml.MappingNode):
            problems.append(TimelineProblem(shown, item_line, None, None,
                                            f"item {index} is not an event (expected 'key: value' fields)"))
            continue

        raw: dict[str, str] = {}
        lines: dict[str, int] = {}
        item_problems: list[TimelineProblem] = []
        for key_node, value_node in item.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            if key in raw:
                item_problems.append(TimelineProblem(shown, _line(key_node), None, key, f"{key} is given twice"))
                continue
            lines[key] = _line(value_node)
            if isinstance(value_node, yaml.ScalarNode) and value_node.tag == "tag:yaml.org,2002:null":
                continue  # `field:` with no value counts as missing
            if isinstance(value_node, yaml.ScalarNode):
                raw[key] = value_node.value
            else:
                item_problems.append(TimelineProblem(shown, _line(value_node), None, key, f"{key} must be a single value, not a list or mapping"))
                raw[key] = ""

        event_name = raw.get("id") or f"#{index}"
        item_problems = [TimelineProblem(p.path, p.line, event_name, p.field, p.message) for p in item_problems]

        raw_id = raw.get("id", "").strip()
        if raw_id:
            if raw_id in seen:
                item_problems.append(TimelineProblem(shown, lines["id"], raw_id, "id",
                                                     f'id "{raw_id}" is used twice (first at line {seen[raw_id]})'))
            else:
                seen[raw_id] = lines["id"]

        already = {p.field for p in item_problems}
        try:
            event = TimelineEvent.model_validate(raw)
        except ValidationError as exc:
            for err in exc.errors():
                field = str(err["loc"][0]) if err.get("loc") else None
                if field in already:
                    continue
                line = lines.get(field, item_line) if field else item_line
                item_problems.append(TimelineProblem(shown, line, event_name, field, _describe(field or "event", err, raw)))
            problems.extend(item_problems)
            continue
        item_problems += _against_policy(event, phases, forbidden, shown, lines, event_name)
        if item_problems:
            problems.extend(item_problems)
            continue
        events.append(event)

    if problems:
        problems.sort(key=lambda p: p.line or 0)
        raise TimelineError(problems)
    if not events:
        raise TimelineError([TimelineProblem(shown, _line(root), None, None, "the list has no events")])
    return sorted(events, key=lambda e: e.date)
