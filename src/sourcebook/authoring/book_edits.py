"""The book's own YAML files edited as text for `sourcebook new`: a line or two inserted into
`_toc.yml`, the new objectives appended to `book/data/objectives.yml`. Nothing is re-dumped, so
comments and layout survive, and each edit is read back to prove it did what it says. Both are
read with the kit's one YAML reader (`yamlio`), whose node tree gives the lines to insert at."""

from __future__ import annotations

from pathlib import Path

import yaml

from sourcebook.authoring.draft import Draft, ScaffoldError
from sourcebook.authoring.starter_set import objectives_yaml
from sourcebook.errors import SourcebookError
from sourcebook.yamlio import compose, parse_yaml

MORE_SOURCES = "More sources"


def _last_line(node) -> int:
    """0-based line of the last scalar inside `node` (a block node's end mark can lie further
    down, past comments, so the scalars are the reliable edge)."""
    if isinstance(node, yaml.ScalarNode):
        return node.end_mark.line - (1 if node.end_mark.column == 0 else 0)
    children = [c for pair in node.value for c in pair] if isinstance(node, yaml.MappingNode) \
        else node.value
    return max((_last_line(c) for c in children), default=node.start_mark.line)


def _dash_column(lines: list[str], node) -> int:
    """Column of the "- " that starts a block-sequence item."""
    line = lines[node.start_mark.line]
    col = line.rfind("-", 0, node.start_mark.column + 1)
    if col < 0:
        raise ValueError("not a block sequence item")
    return col


def _get(mapping, key: str):
    for k, v in mapping.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return v
    return None


def toc_with_chapter(toc_path: Path, docname: str) -> str:
    """_toc.yml's text with `docname` added at the end of the "More sources" part (created at
    the end of `parts` if missing). Only lines are inserted: comments and layout stay."""
    text = toc_path.read_text(encoding="utf-8")
    manual = (f'add "- file: {docname}" under a part captioned "{MORE_SOURCES}" by hand')
    shown = str(toc_path)
    try:
        root = compose(text, shown=shown)
        parts = _get(root, "parts")
        if not isinstance(parts, yaml.SequenceNode) or parts.flow_style or not parts.value:
            raise ValueError("no block list of parts")
        lines = text.splitlines(keepends=True)
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        part = next((p for p in parts.value if isinstance(p, yaml.MappingNode)
                     and getattr(_get(p, "caption"), "value", None) == MORE_SOURCES), None)
        if part is not None:
            chapters = _get(part, "chapters")
            if not isinstance(chapters, yaml.SequenceNode) or chapters.flow_style \
                    or not chapters.value:
                raise ValueError(f'the "{MORE_SOURCES}" part has no block list of chapters')
            col = _dash_column(lines, chapters.value[0])
            new = [" " * col + f"- file: {docname}\n"]
            at = _last_line(chapters.value[-1]) + 1
        else:
            col = _dash_column(lines, parts.value[0])
            pad = " " * col
            new = [f"{pad}- caption: {MORE_SOURCES}\n", f"{pad}  chapters:\n",
                   f"{pad}    - file: {docname}\n"]
            at = _last_line(parts.value[-1]) + 1
    except SourcebookError as err:
        raise ScaffoldError(toc_path, f"cannot edit the table of contents ({err.message}); "
                            f"{manual}", line=err.line) from None
    except (ValueError, AttributeError) as err:
        raise ScaffoldError(toc_path, f"cannot edit the table of contents ({err}); {manual}"
                            ) from None
    result = "".join(lines[:at] + new + lines[at:])
    # prove the edit did what it says before anything is written
    data = parse_yaml(result, shown=shown).data
    listed = [c.get("file") for p in data["parts"] if p.get("caption") == MORE_SOURCES
              for c in p.get("chapters", [])]
    if docname not in listed:
        raise ScaffoldError(toc_path, f"editing the table of contents failed; {manual}")
    return result


def objectives_with(path: Path, d: Draft, chapter: str) -> str:
    """objectives.yml's text with the objectives of the new chapter (its docname) appended."""
    text = path.read_text(encoding="utf-8") if path.is_file() else (
        "# Learning objectives for every chapter (see the Author guide).\n")
    data = parse_yaml(text, shown=str(path)).data or []
    if not isinstance(data, list):
        raise ScaffoldError(path, "expected a list of objectives; add the new ones by hand")
    taken = {o.get("id") for o in data if isinstance(o, dict)} & {f"{d.slug}-1", f"{d.slug}-2"}
    if taken:
        raise ScaffoldError(path, f"objective {sorted(taken)[0]} already exists", field="id")
    if text and not text.endswith("\n"):
        text += "\n"
    return text + objectives_yaml(d, chapter)
