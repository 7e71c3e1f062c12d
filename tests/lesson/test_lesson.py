"""The lesson's content meets its own promises, checked from the data and the chapters."""

from __future__ import annotations

import re
from collections import Counter

import pytest
import yaml

from sourcebook.model.lesson import BookContext, load_all
from sourcebook.items.schema import ITEM_TYPES, SKILLS, MultipleSelect, SingleChoice
from conftest import ROOT

BOOK = ROOT / "book"
CONTEXT_CHAPTERS = ["document", "war", "authors", "corroboration", "aftermath", "close-reading",
                    "review", "intro", "adapted"]
MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
          "December")
CITATION = re.compile(r"\{frus\}`|\{cite(?::[pt])?\}`")


@pytest.fixture(scope="module")
def items():
    sets, problems = load_all(BookContext.load(ROOT))
    assert problems == []
    return [i for s in sets for i in s.items]


def test_at_least_fifty_items_of_every_type(items):
    assert len(items) >= 50
    types = Counter(i.type for i in items)
    assert set(types) == set(ITEM_TYPES), f"missing types: {set(ITEM_TYPES) - set(types)}"


def test_every_skill_has_five_items(items):
    skills = Counter(i.skill for i in items)
    for skill in SKILLS:
        assert skills[skill] >= 5, f"{skill}: {skills[skill]} items"


def test_every_objective_is_assessed_twice(items):
    objectives = yaml.safe_load((BOOK / "data" / "objectives.yml").read_text(encoding="utf-8"))
    counts = Counter(i.objective for i in items)
    for o in objectives:
        assert counts[o["id"]] >= 2, f"objective {o['id']} has {counts[o['id']]} item(s)"


def test_feedback_explains_why(items):
    for item in items:
        assert len(item.explanation.split()) >= 8, f"{item.id}: explanation too short to teach"
        if isinstance(item, (SingleChoice, MultipleSelect)):
            right = {item.answer} if isinstance(item, SingleChoice) else set(item.answers)
            for option in item.options:
                if option.id not in right:
                    assert option.feedback, f"{item.id}: wrong option {option.id} has no feedback"


def test_every_chapter_opens_with_objectives_and_closes_with_key_points():
    for name in CONTEXT_CHAPTERS:
        text = (BOOK / f"{name}.md").read_text(encoding="utf-8")
        head = text[:600]
        assert "{objectives}" in head, f"{name}: no objectives at the top"
        assert ":class: keypoints" in text[-3000:], f"{name}: no key points at the end"


def _blocks(text: str) -> list[str]:
    text = re.sub(r"```.*?```", "", text, flags=re.S)          # directives and code
    # Key points restate the cited body in brief; they are a summary, not new claims.
    text = re.sub(r":::\{admonition\} Key points.*?\n:::", "", text, flags=re.S)
    return [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]


DAY_DATE = re.compile(rf"\b\d{{1,2}}(?:–\d{{1,2}})? (?:{MONTHS})\b|\b(?:{MONTHS}) \d{{1,2}}\b")
MEMO_DATE = re.compile(r"\b12 January(?: 1951)?\b")


@pytest.mark.parametrize("name", ["war", "authors", "corroboration", "aftermath", "document"])
def test_dated_claims_carry_a_citation(name):
    """A prose paragraph that states a day-dated event cites its source there or in the list it
    introduces (the memo's own date, established on the document page, excepted)."""
    blocks = _blocks((BOOK / f"{name}.md").read_text(encoding="utf-8"))
    uncited = []
    for i, block in enumerate(blocks):
        if block.startswith(("#", ":::", "|", "(")):
            continue
        dated = DAY_DATE.search(MEMO_DATE.sub("", block))
        following = blocks[i + 1] if i + 1 < len(blocks) else ""
        if dated and not (CITATION.search(block) or CITATION.search(following)):
            uncited.append(block[:90])
    assert uncited == [], f"{name}: dated claims without a citation: {uncited}"


def test_no_placeholder_text():
    pattern = re.compile(r"\b(TODO|TBD|FIXME|lorem ipsum|XXX|placeholder)\b", re.I)
    for path in [*BOOK.rglob("*.md"), *BOOK.rglob("*.yml"), *(ROOT / "exercises").glob("*.yml")]:
        hits = pattern.findall(path.read_text(encoding="utf-8"))
        assert not hits, f"{path.relative_to(ROOT)}: {hits}"


def test_frus_keys_and_bib_keys_resolve():
    frus = yaml.safe_load((BOOK / "data" / "frus.yml").read_text(encoding="utf-8"))
    bib = (BOOK / "references.bib").read_text(encoding="utf-8")
    bib_keys = set(re.findall(r"@\w+\{([^,\s]+),", bib))
    for path in BOOK.rglob("*.md"):
        text = re.sub(r"(`{3,}|~{3,}).*?\1", "", path.read_text(encoding="utf-8"), flags=re.S)
        text = re.sub(r"``.*?``", "", text)       # examples of the syntax in inline code
        for key in re.findall(r"\{frus\}`(?:[^`<]*<)?([\w-]+)>?`", text):
            assert key in frus, f"{path.name}: unknown FRUS key {key}"
            assert frus[key]["url"].startswith("https://history.state.gov/historicaldocuments/")
        for keys in re.findall(r"\{cite(?::[pt])?\}`([^`]+)`", text):
            for key in keys.split(","):
                assert key.strip() in bib_keys, f"{path.name}: unknown bibliography key {key}"


def test_timeline_feeds_the_chronology_exercises(items):
    from sourcebook.model.timeline import load_timeline
    events = {e.id for e in load_timeline(BOOK / "data" / "timeline.yml")}
    raw = [i for path in (ROOT / "exercises").glob("*.yml")
           for data in [yaml.safe_load(path.read_text(encoding="utf-8"))] if isinstance(data, dict)
           for i in data.get("items", []) if isinstance(i, dict) and i.get("timeline")]
    assert len(raw) >= 2
    for item in raw:
        assert set(item["timeline"]) <= events, item["id"]
