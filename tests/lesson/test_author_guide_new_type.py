"""The author guide's worked example of a new item type is real: its module registers, an item
of it loads, is checked and scored, and prints."""

from __future__ import annotations

import importlib.util
import re
import sys

import yaml

from conftest import ROOT

GUIDE = (ROOT / "book" / "instructor" / "author-guide.md").read_text(encoding="utf-8")


def block(info: str, after: str) -> str:
    tail = GUIDE[GUIDE.index(after):]
    return re.search(rf"```{info}\n(.*?)```", tail, re.S).group(1)


def test_the_worked_example_registers_loads_checks_and_prints(tmp_path):
    from sourcebook.items.check import check
    from sourcebook.items.registry import TYPES, item_adapter, item_type, register
    module_file = tmp_path / "number_example.py"
    module_file.write_text(block("python", "## Adding an item type"), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("number_example", module_file)
    module = importlib.util.module_from_spec(spec)
    sys.modules["number_example"] = module
    spec.loader.exec_module(module)
    try:
        register(module.TYPE)
        raw = yaml.safe_load(block("yml", "## Adding an item type"))[0]
        item = item_adapter().validate_python(raw)
        assert item_type(item).name == "number"
        assert check(item, "8").status == "correct" and check(item, "9").score == 0
        assert check(item, "eight").status == "invalid"
        assert "blank" in item_type(item).print_body(item, None, "A")
        assert item_type(item).answer_text(item, None) == "8"
    finally:
        TYPES.pop("number", None)
        import sourcebook.items.registry as registry
        registry._adapter = None
        registry._BY_MODEL.pop(module.TYPE.model, None)
