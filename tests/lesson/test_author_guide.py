"""The Author guide's YAML examples are valid items, so the guide cannot drift from the schema.

Every ```yaml block of book/instructor/author-guide.md that contains `type:` is validated with
the schema (pydantic) and then loaded through the exercise loader against the real book, which
checks sentence ids, cloze passages, mark-words phrases, timeline ids and objectives.
"""

from __future__ import annotations

import re

import pytest
import yaml
from pydantic import TypeAdapter

from sourcebook.items.schema import ITEM_TYPES, Item

from conftest import ROOT  # noqa: E402
GUIDE = ROOT / "book" / "instructor" / "author-guide.md"
MEMO = "rusk-1951-01-12-continued-resistance"


def fenced_blocks(text: str) -> tuple[list[tuple[str, str, int]], str]:
    """(info string, body, line) of every fenced block, and the text outside them."""
    blocks, outside, lines = [], [], text.splitlines()
    i = 0
    while i < len(lines):
        m = re.match(r"^(`{3,}|~{3,})\s*(.*)$", lines[i])
        if not m:
            outside.append(lines[i])
            i += 1
            continue
        fence, info, start = m.group(1), m.group(2).strip(), i + 1
        i += 1
        body = []
        while i < len(lines) and not re.match(rf"^{fence[0]}{{{len(fence)},}}\s*$", lines[i]):
            body.append(lines[i])
            i += 1
        assert i < len(lines), f"unclosed code fence at line {start}"
        i += 1
        blocks.append((info, "\n".join(body), start))
    return blocks, "\n".join(outside)


GUIDE_TEXT = GUIDE.read_text(encoding="utf-8")
BLOCKS, PROSE = fenced_blocks(GUIDE_TEXT)
EXAMPLES = [(body, line) for info, body, line in BLOCKS if info == "yaml" and "type:" in body]


def items_of(body: str) -> list[dict]:
    data = yaml.safe_load(body)
    if isinstance(data, dict) and "items" in data:
        return data["items"]
    return data if isinstance(data, list) else [data]


@pytest.mark.parametrize("body,line", EXAMPLES, ids=[f"line-{n}" for _, n in EXAMPLES])
def test_example_validates_against_the_schema(body, line):
    items = items_of(body)
    assert items, f"line {line}: no item in the example"
    for item in items:
        TypeAdapter(Item).validate_python(item)


@pytest.mark.parametrize("body,line", EXAMPLES, ids=[f"line-{n}" for _, n in EXAMPLES])
def test_example_passes_the_loaders_cross_checks(body, line, tmp_path):
    from sourcebook.model.lesson import BookContext, load_set
    data = yaml.safe_load(body)
    if not (isinstance(data, dict) and "set" in data):
        data = {"set": {"id": "author-guide-examples", "title": "Examples", "source": MEMO},
                "items": items_of(body)}
    path = tmp_path / "example.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    loaded = load_set(path, BookContext.load(ROOT))
    assert len(loaded.items) == len(data["items"])


def test_every_item_type_has_an_example_and_ids_are_unique():
    items = [item for body, _ in EXAMPLES for item in items_of(body)]
    assert {i["type"] for i in items} == set(ITEM_TYPES)
    ids = [i["id"] for i in items]
    assert len(ids) == len(set(ids))
    timeline = [i for i in items if i["type"] == "ordering" and "timeline" in i]
    cloze = [i for i in items if i["type"] == "cloze"]
    assert timeline and any("|" in c["passage"] for c in cloze)


def test_other_yaml_examples_are_valid(tmp_path):
    from sourcebook.items.normalize import load_variants
    from sourcebook.model.timeline import load_timeline
    others = [body for info, body, _ in BLOCKS if info == "yaml" and "type:" not in body]
    variants = [b for b in others if b.lstrip().startswith("- [")]
    events = [b for b in others if "phase:" in b]
    assert variants and events
    for n, body in enumerate(variants + events):
        path = tmp_path / f"example-{n}.yml"
        path.write_text(body + "\n", encoding="utf-8")
        (load_variants if body in variants else load_timeline)(path)


def test_guide_structure_one_h1_no_skipped_levels_no_html():
    levels = [len(m.group(1)) for m in re.finditer(r"^(#{1,6}) ", PROSE, re.M)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:]))
    prose = re.sub(r"`[^`\n]*`", "", PROSE)
    assert not re.search(r"<[A-Za-z!/]", prose), "raw HTML in the guide"


def test_guide_covers_what_an_author_needs():
    for words in ("sourcebook new", "sourcebook check", "make book", "--edition instructor",
                  "exercises/variants.yml", "book/data/timeline.yml", "[Page 67]", "Subject:",
                  "[1]", "content_version"):
        assert words in GUIDE_TEXT, words


def test_guide_is_in_the_instructor_toc_only():
    instructor = yaml.safe_load((ROOT / "book" / "instructor" / "_toc.yml").read_text("utf-8"))
    files = [c["file"] for part in instructor["parts"] for c in part["chapters"]]
    assert "book/instructor/author-guide" in files
    assert "author-guide" not in (ROOT / "_toc.yml").read_text(encoding="utf-8")
