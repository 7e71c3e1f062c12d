"""The author guide's worked example of a new item type is real: its module registers, an item
of it loads, is checked and scored, prints, goes on the page (its payload and its body) and into
the pacing table through the registry, like the kit's own ten types, and its JavaScript module
is bundled with the kit's front end (tests/browser/test_guide_item_type.py runs it)."""

from __future__ import annotations

import json

import pytest

from guide_item_type import exercise_item, forgotten_afterwards, load_module, write_modules

BOOK = "guide-book"


@pytest.fixture
def guide_module(tmp_path):
    """The guide's modules in a lesson's book/_ext/, its Python one loaded and registered."""
    with forgotten_afterwards():
        write_modules(tmp_path / "book" / "_ext")
        yield load_module(tmp_path)


@pytest.fixture
def number_item(guide_module):
    """The guide's YAML item of its type."""
    from sourcebook.items.registry import item_adapter
    return item_adapter().validate_python(exercise_item())


def test_the_worked_example_registers_loads_checks_and_prints(number_item):
    from sourcebook.items.check import check
    from sourcebook.items.registry import item_type
    item = number_item
    assert item_type(item).name == "number"
    assert check(item, "8").status == "correct" and check(item, "9").score == 0
    assert check(item, "eight").status == "invalid"
    assert "blank" in item_type(item).print_body(item, None, "A")
    assert item_type(item).answer_text(item, None) == "8"


def test_the_worked_example_payload_unlocks_only_with_the_answer(number_item):
    from sourcebook.items.crypto import SLOW, decrypt, joint_key, stretch
    from sourcebook.items.page_parts import inline
    from sourcebook.items.payload import build_payload
    item = number_item.model_copy(update={"tolerance": 1})
    p = build_payload(item, None, book=BOOK)
    assert (p["type"], p["id"]) == ("number", item.id)
    assert p["answers"]["it"] == SLOW and len(p["answers"]["h"]) == 11   # padded: tolerance hidden
    assert set(p["answers"]["k"]) == set(p["answers"]["h"])
    exact = stretch(BOOK, item.id, "number", "8", SLOW)
    for value in ("7", "8", "9"):
        st = stretch(BOOK, item.id, "number", value, SLOW)
        assert decrypt(p["answers"]["k"][st.check], st.secret) == exact.secret
    assert stretch(BOOK, item.id, "number", "10", SLOW).check not in p["answers"]["h"]
    assert decrypt(p["explanation"], joint_key([exact.secret])) == inline(item.explanation)
    assert "eight" not in json.dumps(p)      # the explanation is not in plain text


def test_the_worked_example_renders_its_body_on_the_page(number_item):
    from sourcebook.render.static import render_item
    html = render_item(number_item, 3, None)
    assert f'data-item="{number_item.id}"' in html and 'data-type="number"' in html
    assert f'<input type="text" id="sb-{number_item.id}-n" class="sb-num"' in html
    assert '<button type="button" class="sb-check">Check</button>' in html
    assert "Question 3" in html


def test_the_worked_example_gets_its_minutes_from_its_type(number_item):
    from sourcebook.model.pacing import PacingAssumptions, _item_minutes, default_item_minutes
    assert default_item_minutes()["number"] == 1.0
    assert _item_minutes(number_item, PacingAssumptions(item_minutes={"number": 3})) == 3


def test_the_worked_examples_js_module_is_bundled_and_registered(guide_module):
    from sourcebook.items.registry import front_ends, without_front_end
    from sourcebook.render.bundle import ASSETS, bundle
    js = guide_module.TYPE.front_end
    assert front_ends() == (js,) and without_front_end() == ()
    for entry, esm in ((ASSETS / "sourcebook.js", False), (ASSETS / "widget.js", True)):
        text = bundle(entry, esm=esm, item_types=front_ends())
        assert "module_items_index.addItemType(lesson_number);" in text
        # registered after the registry and the module exist, before the entry runs
        added = text.index("addItemType(lesson_number)")
        assert text.index("const module_items_index =") < added < text.rindex("const module_")
        assert text.index("const lesson_number =") < added
        assert "from 'sourcebook/" not in text


def test_a_lesson_type_without_a_js_module_is_named_for_the_build(guide_module):
    import dataclasses
    from sourcebook.items.registry import TYPES, front_ends, without_front_end
    TYPES["number"] = dataclasses.replace(guide_module.TYPE, front_end=None)
    assert without_front_end() == ("number",) and front_ends() == ()


def test_the_notebook_widget_carries_the_worked_examples_js(guide_module, tmp_path):
    from sourcebook.notebook import widget as live
    answers = live.AnswersFile.for_path(tmp_path / "a.json", BOOK, "1")
    assert "addItemType(lesson_number)" in live.SourcebookWidget("<section></section>", answers)._esm
    assert "addItemType(lesson_number)" not in live._front_end()[0]
