"""The one YAML reader: every file the kit reads, read the same way, with line numbers.

    doc = read_yaml(path, shown="exercises/review.yml")           # scalars as text
    doc = read_yaml(path, shown=..., typed=True)                   # ints, bools, dates as YAML says
    doc.data, doc.line(("items", 3, "answer"))                     # the data; a node's line

Scalars as text (the default) sidestep YAML 1.1 surprises in author data (`answer: no` as false,
`id: 1` as a number); pydantic then turns them into the field's type. Every problem is a
`SourcebookError` naming the file and line. Guards: files over `MAX_BYTES`, alias "bombs"
(a node budget that grows with the file, so a big honest file reads and a small file that
expands a billion times does not), nesting past 100 levels, a field given twice, and YAML
merge keys (`<<:`), which are refused with a clear message rather than half understood.
The C parser (libyaml) does the parsing when the machine has it: a 10 MB file reads in seconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sourcebook.errors import Problems, SourcebookError

MAX_BYTES = 20_000_000
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_MERGE = "tag:yaml.org,2002:merge"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Lines = dict[tuple, int]


@dataclass
class YamlDoc:
    data: Any
    lines: Lines = field(default_factory=dict)

    def line(self, path: tuple) -> int | None:
        """The line of the node at `path` (keys and list indices), or of its nearest ancestor."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())


def read_text(path: Path, shown: str) -> str:
    """A UTF-8 text file (a BOM is dropped), or SourcebookError saying why not."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SourcebookError(shown, f"the file is {size / 1e6:.1f} MB; data files are at "
                                  f"most {MAX_BYTES // 1_000_000} MB (split it)")
        raw = path.read_bytes()
    except OSError as err:
        raise SourcebookError(shown, f"cannot read the file: {err.strerror or err}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise SourcebookError(shown, f"byte {raw[err.start]:#04x} is not UTF-8 text; save the "
                              "file as UTF-8", line=raw.count(b"\n", 0, err.start) + 1) from None


def read_yaml(path: str | Path, *, shown: str | None = None, typed: bool = False) -> YamlDoc:
    path = Path(path)
    shown = shown or str(path)
    return parse_yaml(read_text(path, shown), shown=shown, typed=typed)


def parse_yaml(text: str, *, shown: str = "<text>", typed: bool = False) -> YamlDoc:
    node = _compose(text, shown)
    if node is None:
        return YamlDoc(None, {})
    walk = _Walk(shown, budget=max(50_000, len(text) // 4), typed=typed)
    data = walk.plain(node, (), 0)
    if walk.errors:
        raise Problems(walk.errors)
    return YamlDoc(data, walk.lines)


def load_data(path: str | Path, *, shown: str | None = None) -> Any:
    """The typed data of a YAML file (configuration, registries): `read_yaml(typed=True).data`."""
    return read_yaml(path, shown=shown, typed=True).data


def compose(text: str, *, shown: str = "<text>"):
    """The node tree of a YAML text (for readers that walk nodes themselves), parsed with the
    same guards and messages as `read_yaml`; None for an empty text."""
    return _compose(text, shown)


def _compose(text: str, shown: str):
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as err:      # a control character the YAML reader refuses
        raise SourcebookError(shown, f"character {err.character:#06x} is not allowed in a YAML "
                              "file; delete it", line=text.count("\n", 0, err.position) + 1
                              ) from None
    try:
        return loader.get_single_node()
    except yaml.reader.ReaderError as err:
        line = text.count("\n", 0, err.position) + 1 if err.position >= 0 else None
        if isinstance(err.character, int):
            raise SourcebookError(shown, f"character {err.character:#06x} is not allowed in a "
                                  "YAML file; delete it", line=line) from None
        raise SourcebookError(shown, f"not readable as YAML: {err.reason}", line=line) from None
    except yaml.MarkedYAMLError as err:
        if "nesting depth" in str(err.problem):     # libyaml's own depth limit
            raise SourcebookError(shown, "the file is too deeply nested to read") from None
        mark = err.problem_mark or err.context_mark
        problem = err.problem
        if err.context:
            started = err.context_mark
            at = f" (line {started.line + 1})" if started and mark and \
                started.line != mark.line else ""
            problem = f"{err.context}{at}, {err.problem}"
        raise SourcebookError(shown, f"not valid YAML: {problem}",
                              line=mark.line + 1 if mark else None) from None
    except yaml.YAMLError as err:
        raise SourcebookError(shown, f"not valid YAML: {err}") from None
    except RecursionError:
        raise SourcebookError(shown, "the file is too deeply nested to read") from None
    finally:
        loader.dispose()


class _Walk:
    """Node tree -> plain data, recording every node's line."""

    def __init__(self, shown: str, budget: int, typed: bool):
        self.shown, self.budget, self.typed = shown, budget, typed
        self.lines: Lines = {}
        self.errors: list[SourcebookError] = []
        self._constructor = yaml.SafeLoader("") if typed else None

    def plain(self, node, path: tuple, depth: int):
        self.budget -= 1
        if self.budget < 0 or depth > 100:
            raise SourcebookError(self.shown, "the file is too deeply nested or repeats anchors "
                                  "too often", line=node.start_mark.line + 1)
        self.lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.ScalarNode):
            if self.typed:
                return self._constructor.construct_object(node, deep=True)
            if node.style is None and _NULL.match(node.value):
                return None
            return node.value
        if isinstance(node, yaml.SequenceNode):
            return [self.plain(v, path + (i,), depth + 1) for i, v in enumerate(node.value)]
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == _MERGE:
                self.errors.append(SourcebookError(
                    self.shown, "YAML merge keys (<<:) are not supported: write the fields out "
                    "in full (an anchor & with an alias * for a whole value works)", line=line))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.errors.append(SourcebookError(self.shown, "a field name must be a plain "
                                                   "word", line=line))
                continue
            key = key_node.value
            if self.typed:
                key = self._constructor.construct_object(key_node)
            if key in out:
                self.errors.append(SourcebookError(
                    self.shown, f'field "{key}" is given twice (the second would replace the '
                    "first)", line=line, field=str(key)))
                continue
            out[key] = self.plain(value_node, path + (key,), depth + 1)
            self.lines[path + (key, "@key")] = line
        return out
