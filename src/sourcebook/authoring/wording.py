"""The words `sourcebook new` writes, kept as files in `authoring/templates/`, not in the code.

`render("chapter.md", **values)` fills a Jinja template; `say("starter_exercises.yml", "author",
"prompt", **values)` fills one entry of a wording file (YAML whose strings are Jinja templates).
The code decides what applies; the files say it. A missing value is an error, never a blank.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import lru_cache
from importlib import resources

import jinja2

from sourcebook.yamlio import parse_yaml

TEMPLATES = resources.files("sourcebook.authoring") / "templates"


def human_date(d: dt.date) -> str:
    """`12 January 1951`."""
    return f"{d.day} {d:%B %Y}"


def cap(text: str) -> str:
    """`text` with its first letter in upper case (the rest as it is)."""
    return text[:1].upper() + text[1:]


def markdown_safe(text: str) -> str:
    """Document text made safe for MyST: every ASCII mark that could start markup is escaped."""
    return re.sub(r"([\\`*_\[\]<>{}|#$~])", r"\\\1", str(text))


def markdown_line(text: str) -> str:
    """`markdown_safe`, and a line that would open a list ("6. Memorandum from …", the heading
    with its document number) stays a line of text."""
    return re.sub(r"^(\d+)([.)])(?=\s)|^([-+])(?=\s)", lambda m: (
        f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}"),
        markdown_safe(text))


def _load(name: str) -> str | None:
    entry = TEMPLATES / name
    return entry.read_text(encoding="utf-8") if entry.is_file() else None


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(_load), undefined=jinja2.StrictUndefined,
        autoescape=False, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(
        md=markdown_safe, md_line=markdown_line, human_date=human_date,
        cap=cap,
        uncap=lambda text: text[:1].lower() + text[1:],
        article=lambda word: "an" if word[:1] in "aeiou" else "a",
        q=lambda text: json.dumps(text, ensure_ascii=False))   # a YAML double-quoted scalar
    return env


def render(template: str, **values) -> str:
    """A template of `authoring/templates/` filled with `values`."""
    return environment().get_template(template).render(**values)


@lru_cache(maxsize=None)
def _wording(name: str) -> dict:
    """A wording file: every entry a string (a Jinja template) or a list of them."""
    return parse_yaml(_load(name), shown=f"sourcebook/authoring/templates/{name}").data


@lru_cache(maxsize=None)
def _compiled(text: str) -> jinja2.Template:
    return environment().from_string(text)


def say(wording: str, *keys: str, **values) -> str:
    """One entry of a wording file, e.g. say("starter_exercises.yml", "author", "prompt", ...)."""
    entry = _wording(wording)
    for key in keys:
        entry = entry[key]
    return _compiled(entry).render(**values)


def say_all(wording: str, *keys: str, **values) -> list[str]:
    """A list entry of a wording file, each string filled with `values`."""
    entry = _wording(wording)
    for key in keys:
        entry = entry[key]
    return [_compiled(text).render(**values) for text in entry]
