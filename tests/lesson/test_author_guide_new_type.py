"""The author guide's worked example of a new item type is real: its module registers, an item
of it loads, is checked and scored, prints, and goes on the page (its payload and its body)
through the registry, like the kit's own ten types."""

from __future__ import annotations

import importlib.util
import json
import re
import sys

import pytest
import yaml

from conftest import ROOT

GUIDE = (ROOT / "book" / "instructor" / "author-guide.md").read_text(encoding="utf-8")
BOOK = "guide-book"


def block(info: str, after: str) -> str:
    tail = GUIDE[GUIDE.index(after):]
    return re.search(rf"```{info}\n(.*?)```", tail, re.S).group(1)


@pytest.fixture
def number_item(tmp_path):
    """The guide's module, registered, and the guide's YAML item of its type."""
    from sourcebook.items.registry import TYPES, item_adapter, register
    import sourcebook.items.registry as registry
    module_file = tmp_path / "number_example.py"
    module_file.write_text(block("python", "## Adding an item type"), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("number_example", module_file)
    module = importlib.util.module_from_spec(spec)
    sys.modules["number_example"] = module
    spec.loader.exec_module(module)
    try:
        register(module.TYPE)
        raw = yaml.safe_load(block("yml", "## Adding an item type"))[0]
        yield item_adapter().validate_python(raw)
    finally:
        TYPES.pop("number", None)
        registry._adapter = None
        registry._BY_MODEL.pop(module.TYPE.model, None)
        sys.modules.pop("number_example", None)


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
