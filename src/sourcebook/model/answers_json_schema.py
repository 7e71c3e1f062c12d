"""The answers file's JSON Schema and, for a document that fails it, the reason in words."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def answers_schema() -> dict[str, Any]:
    text = resources.files("sourcebook").joinpath("schemas/answers.schema.json").read_text(
        encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def _validator():
    from jsonschema import Draft202012Validator
    return Draft202012Validator(answers_schema())


def _where(path) -> str:
    parts = [str(p) for p in path]
    return " → ".join(parts) if parts else "top level"


def schema_reason(data: Any) -> str | None:
    """The most useful schema error, in words, or None when the document is valid."""
    from itertools import islice

    from jsonschema.exceptions import best_match
    # The first few errors are enough to say what is wrong; a malformed file can have
    # hundreds of thousands, and listing them all costs minutes and gigabytes.
    errors = list(islice(_validator().iter_errors(data), 20))
    if any(e.validator == "anyOf" and list(e.absolute_path) == ["student"] for e in errors):
        return "the student's name and id are both empty"
    error = best_match(errors)
    if error is None:
        return None
    where = _where(error.absolute_path)
    if error.validator == "required":
        return f"{where}: {error.message.split(' is a required')[0]} is missing"
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return f"{where}: unknown field{'s' * (len(extra) > 1)} " + ", ".join(
            repr(e)[:40] for e in extra[:5])
    if error.validator == "pattern" and error.absolute_path and \
            str(error.absolute_path[-1]).endswith("_at"):
        return f"{where}: {str(error.instance)[:40]!r} is not a timestamp like " \
               "2026-01-12T10:00:00Z"
    limits = {"maxLength": lambda: f"is {len(error.instance):,} characters long; at most "
                                   f"{error.validator_value:,} are allowed",
              "maxItems": lambda: f"has {len(error.instance):,} entries; at most "
                                  f"{error.validator_value:,} are allowed",
              "maxProperties": lambda: f"has {len(error.instance):,} entries; at most "
                                       f"{error.validator_value:,} are allowed"}
    if error.validator in limits and hasattr(error.instance, "__len__"):
        return f"{where}: {limits[error.validator]()}"    # never echo a huge value
    message = error.message if len(error.message) < 200 else error.message[:200] + "…"
    return f"{where}: {message}"
