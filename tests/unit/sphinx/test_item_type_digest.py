"""The pages to read again when a lesson's item-type module changes (the warm build's case is
tests/build/test_warm_item_type.py)."""

from __future__ import annotations

from types import SimpleNamespace

from sourcebook.sphinx.item_type_digest import _read_every_page_when_an_item_type_changes

PAGES = {"book/intro", "book/memo"}


def outdated(app, env) -> list[str]:
    return _read_every_page_when_an_item_type_changes(app, env, set(), set(), set())


def book(tmp_path, item_types: str = "[book/_ext/number_item.py]"):
    (tmp_path / "book" / "_ext").mkdir(parents=True, exist_ok=True)
    (tmp_path / "book" / "_ext" / "number_item.py").write_text("TYPE = 1\n", encoding="utf-8")
    (tmp_path / "_config.yml").write_text(
        f"sourcebook:\n  book_id: t\n  item_types: {item_types}\n", encoding="utf-8")
    return SimpleNamespace(srcdir=str(tmp_path)), SimpleNamespace(found_docs=PAGES)


def test_every_page_is_read_again_when_a_module_changes(tmp_path):
    app, env = book(tmp_path)
    # an environment without a digest (fresh, or pickled by an older kit): every page
    assert outdated(app, env) == sorted(PAGES)
    assert outdated(app, env) == []
    (tmp_path / "book" / "_ext" / "number_item.py").write_text("TYPE = 2\n", encoding="utf-8")
    assert outdated(app, env) == sorted(PAGES)
    assert outdated(app, env) == []


def test_a_book_without_types_of_its_own_reads_only_what_changed(tmp_path):
    app, env = book(tmp_path, "[]")
    assert outdated(app, env) == []
    (tmp_path / "_config.yml").write_text(                       # a type declared
        "sourcebook:\n  item_types: [book/_ext/number_item.py]\n", encoding="utf-8")
    assert outdated(app, env) == sorted(PAGES)
