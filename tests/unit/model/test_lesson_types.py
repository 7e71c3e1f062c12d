"""`sourcebook: item_types:` in `_config.yml`: every wrong entry is an error naming the file and
the field; a module is imported once, so loading a book twice is fine."""

from __future__ import annotations

import pytest

from sourcebook.errors import Problems, SourcebookError
from sourcebook.model.lesson_types import load_lesson_types


def book(tmp_path, item_types, files: dict[str, str] | None = None):
    lines = "\n".join(f"    - {e}" for e in item_types) if isinstance(item_types, list) \
        else f" {item_types}"
    (tmp_path / "_config.yml").write_text(
        "sourcebook:\n  book_id: t\n  content_version: '1'\n  item_types:"
        + ("\n" if isinstance(item_types, list) else "") + lines + "\n", encoding="utf-8")
    for name, text in (files or {}).items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def messages(err: SourcebookError) -> list[tuple[str, str, str]]:
    errors = err.errors if isinstance(err, Problems) else [err]
    return [(str(e.path), e.field, e.message) for e in errors]


def test_no_declaration_loads_nothing(tmp_path):
    (tmp_path / "_config.yml").write_text("sourcebook:\n  book_id: t\n", encoding="utf-8")
    assert load_lesson_types(tmp_path) == ()


def test_not_a_list(tmp_path):
    with pytest.raises(SourcebookError) as err:
        load_lesson_types(book(tmp_path, "book/_ext/x.py"))
    assert messages(err.value)[0][1] == "sourcebook.item_types"


def test_each_bad_entry_is_named(tmp_path):
    root = book(tmp_path, ["../outside.py", "/etc/passwd.py", "notes.txt", "book/_ext/gone.py"])
    (tmp_path.parent / "outside.py").write_text("TYPE = None\n", encoding="utf-8")
    with pytest.raises(Problems) as err:
        load_lesson_types(root)
    found = messages(err.value)
    assert [f for _, f, _ in found] == [f"sourcebook.item_types[{n}]" for n in range(4)]
    assert all(path.endswith("_config.yml") for path, _, _ in found)
    assert "outside the book" in found[0][2] and "outside the book" in found[1][2]
    assert "ending in .py" in found[2][2] and "no such file" in found[3][2]


def test_a_module_without_a_type_or_that_fails_to_import(tmp_path):
    root = book(tmp_path, ["book/_ext/empty.py", "book/_ext/broken.py"],
                {"book/_ext/empty.py": "X = 1\n", "book/_ext/broken.py": "raise RuntimeError('no')\n"})
    with pytest.raises(Problems) as err:
        load_lesson_types(root)
    found = messages(err.value)
    assert found[0][0].endswith("empty.py") and "TYPE = ItemType" in found[0][2]
    assert found[1][0].endswith("broken.py") and "RuntimeError: no" in found[1][2]
