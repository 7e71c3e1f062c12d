"""The contract vectors (docs/contract.md), read once for the Python and the browser tests."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from pydantic import TypeAdapter

from sourcebook.items.schema import Item

HERE = Path(__file__).parent
CHECK = yaml.safe_load((HERE / "check_vectors.yml").read_text("utf-8"))
CRYPTO = json.loads((HERE / "crypto_vectors.json").read_text("utf-8"))
ANSWERS = json.loads((HERE / "answers_vectors.json").read_text("utf-8"))
ITEMS = {raw["id"]: TypeAdapter(Item).validate_python(raw) for raw in CHECK["items"]}


def response(vector):
    """The vector's response with "@k" matching references resolved to right-hand keys."""
    r = vector["response"]
    item = ITEMS[vector["item"]]
    if item.type == "matching" and isinstance(r, dict):
        keys = item.right_keys()
        return {left: keys[int(v[1:]) - 1] if isinstance(v, str) and v.startswith("@") else v
                for left, v in r.items()}
    return r


def page_expect(vector) -> dict:
    return vector.get("page") or vector["expect"]
