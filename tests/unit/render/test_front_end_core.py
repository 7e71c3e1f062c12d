"""The front end's core knows no item type: what differs between types is in the types' own
modules (render/assets/items/), reached through the registry and its optional hooks."""

from __future__ import annotations

import re

import pytest

from sourcebook.items.registry import KIT_TYPES
from sourcebook.render.bundle import ASSETS

CORE = sorted((ASSETS / "core").glob("*.js"))


def code(path) -> str:
    """The module without its comments (they may name types, as examples)."""
    text = path.read_text(encoding="utf-8")
    return re.sub(r"/\*.*?\*/|^\s*//.*$", "", text, flags=re.S | re.M)


@pytest.mark.parametrize("path", CORE, ids=[p.name for p in CORE])
def test_no_core_module_names_an_item_type(path):
    text = code(path)
    named = [t for t in KIT_TYPES if re.search(rf"""['"`]{re.escape(t)}['"`]""", text)]
    assert not named, f"{path.name} names {named}: give the types a hook instead"
    assert ".type ===" not in text and "items/" not in text.replace("'../items/index.js'", "")


def test_every_kit_type_has_a_front_end_module_with_its_name():
    for name in KIT_TYPES:
        text = (ASSETS / "items" / f"{name}.js").read_text(encoding="utf-8")
        assert f"export const type = '{name}';" in text
    index = (ASSETS / "items" / "index.js").read_text(encoding="utf-8")
    assert len(re.findall(r"^import \* as \w+ from '\./[\w-]+\.js';$", index, re.M)) == len(KIT_TYPES)
