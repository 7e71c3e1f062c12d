"""Which files `sourcebook preview` watches: the book's folders and configuration, and the
folders of the lesson's own item types wherever `_config.yml` declares them."""

from __future__ import annotations

from sourcebook.cli.preview import _wanted, watched_paths


def lesson(tmp_path, item_types: str):
    for folder in ("book/_ext", "exercises", "lesson_types"):
        (tmp_path / folder).mkdir(parents=True)
    for module in ("book/_ext/number_item.py", "lesson_types/number_item.py"):
        (tmp_path / module).write_text("TYPE = None\n", encoding="utf-8")
    (tmp_path / "_config.yml").write_text(
        f"sourcebook:\n  book_id: t\n  item_types: {item_types}\n", encoding="utf-8")
    return tmp_path.resolve()


def test_an_item_type_in_the_book_folder_is_watched_with_it(tmp_path):
    root = lesson(tmp_path, "[book/_ext/number_item.py]")
    assert watched_paths(root) == [root / "book", root / "exercises", root / "_config.yml"]
    for saved in ("book/_ext/number_item.py", "book/_ext/number.js"):
        assert _wanted(root, None, str(root / saved))


def test_an_item_type_outside_the_book_folder_is_watched_too(tmp_path):
    root = lesson(tmp_path, "[lesson_types/number_item.py]")
    assert root / "lesson_types" in watched_paths(root)


def test_a_wrong_declaration_watches_the_book_still(tmp_path):
    root = lesson(tmp_path, "lesson_types/number_item.py")      # not a list: the build says so
    assert watched_paths(root) == [root / "book", root / "exercises", root / "_config.yml"]
