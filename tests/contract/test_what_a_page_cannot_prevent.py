"""What the README and the teachers' start page say a static page cannot prevent matches the
code and the last benchmark run (benchmarks/results.json): the hash stretching the kit really
uses, and the cheap attack the recovery benchmark measured (a cloze blank from the memo's own
words, a date from a plausible decade)."""

from __future__ import annotations

import json
import re

from conftest import ROOT
from sourcebook.items.crypto import SLOW

README = (ROOT / "README.md").read_text(encoding="utf-8")
START = (ROOT / "book" / "instructor" / "start.md").read_text(encoding="utf-8")
RESULTS = json.loads((ROOT / "benchmarks" / "results.json").read_text(encoding="utf-8"))


def section(text: str, title: str) -> str:
    start = text.index(title)
    end = text.find("\n## ", start + len(title))
    return re.sub(r"\s+", " ", text[start:end if end > 0 else None])


def test_the_readme_states_the_iterations_the_kit_uses():
    text = section(README, "## What a static page cannot prevent")
    assert f"{SLOW:,} iterations" in text
    assert RESULTS["recovery"]["slow_iterations"] == SLOW      # the figures are of this SLOW


def test_the_readme_gives_the_measured_cheap_attack():
    """The figures that do not depend on the machine (seconds do, and are the table's)."""
    text = section(README, "## What a static page cannot prevent")
    d = RESULTS["recovery"]["dictionary"]
    for figure in (f'{d["memo_distinct_words"]} distinct words',
                   f'all {d["cloze_blanks_found"]} blanks' if d["cloze_blanks_found"] == d["cloze_blanks"]
                   else f'{d["cloze_blanks_found"]} of {d["cloze_blanks"]} blanks',
                   f'{d["cloze_tries_max"]:,} tries', f'{d["date_tries_max"]:,} tries',
                   f'{d["dates_found"]} date answers', f'{d["date_window_days"]:,} days'):
        assert figure in text, figure


def test_the_teachers_are_told_the_same():
    text = section(START, "## 5. What a static page cannot prevent")
    assert "word of the memo" in text and "1945" in text and "1955" in text
