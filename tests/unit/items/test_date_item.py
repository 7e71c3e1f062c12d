"""A date item's key may be written in any spelling a student may use: the type's own model
reads it (the loader has no rule for any one type)."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from sourcebook.items.registry import item_adapter

ITEM = {"id": "when-1", "type": "date", "skill": "sourcing", "objective": "o-1",
        "prompt": "When?", "explanation": "Because."}


@pytest.mark.parametrize("written", ["1950-03-05", "5 March 1950", "March 5, 1950",
                                     "Sunday, the 5th of March 1950", "5 Mar. 1950"])
def test_any_spelling_of_the_key_is_the_date(written):
    assert item_adapter().validate_python({**ITEM, "answer": written}).answer == \
        dt.date(1950, 3, 5)


@pytest.mark.parametrize("written", ["1950-02-31", "05/03/1950", "soon"])
def test_a_key_that_is_no_date_is_refused(written):
    with pytest.raises(ValidationError):
        item_adapter().validate_python({**ITEM, "answer": written})


def test_the_loader_names_no_item_type():
    from pathlib import Path
    import sourcebook.model.lesson as lesson
    source = Path(lesson.__file__).read_text(encoding="utf-8")
    assert '"date"' not in source and "parse_date" not in source
