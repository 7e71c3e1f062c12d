"""The live preview's warm build (`sphinx.warm_build.WarmBook`, driven here without a server or
a browser) follows edits of the lesson's own item type: its JS module reaches the shipped
sourcebook.js, and every page links the new `?v=` digest; its Python module is imported again,
and every page is read again (item_type_digest.py)."""

from __future__ import annotations

import yaml
from guide_item_type import MODULE, exercise_item, forgotten_afterwards

from sourcebook.cli.preview import _wanted, watched_paths
from sourcebook.sphinx.warm_build import WarmBook
from tests.build.test_incremental import assert_pages_link_current_assets, with_item_type_of_its_own

LABEL = "Your answer (a number)"          # the guide's page body (number_item.py)


def with_a_number_item(book):
    """The guide's number item in the tiny book's exercise set (on the memo page)."""
    exercises = book / "exercises" / "memo.yml"
    data = yaml.safe_load(exercises.read_text(encoding="utf-8"))
    data["items"].append({**exercise_item(), "objective": data["items"][0]["objective"]})
    exercises.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_warm_build_follows_edits_of_the_lessons_item_type(tiny_book):
    number_js = with_item_type_of_its_own(tiny_book)
    number_py = number_js.with_name(f"{MODULE}.py")
    with_a_number_item(tiny_book)
    for saved in (number_js, number_py):                      # a save there starts a rebuild
        assert _wanted(tiny_book, None, str(saved))
        assert any(saved.is_relative_to(folder) for folder in watched_paths(tiny_book))
    with forgotten_afterwards():
        book = WarmBook(tiny_book)
        try:
            first = book.rebuild()
            assert first.ok, first.problems
            shipped = book.html / "_static" / "sourcebook.js"
            memo = book.html / "book" / "memo.html"
            assert LABEL in memo.read_text(encoding="utf-8")
            assert_pages_link_current_assets(book.html)

            edit(number_js, "such as 8.", "such as 12.")
            result = book.rebuild()
            assert result.ok, result.problems
            assert "such as 12." in shipped.read_text(encoding="utf-8"), \
                "the preview still ships the item type's old JS module"
            assert_pages_link_current_assets(book.html)

            edit(number_py, LABEL, "Your answer (a whole number)")
            result = book.rebuild()
            assert result.ok, result.problems
            assert "Your answer (a whole number)" in memo.read_text(encoding="utf-8"), \
                "the preview still shows the item type's old Python module"

            # a module that no longer imports is the author's error, until it is saved fixed
            good = number_py.read_text(encoding="utf-8")
            number_py.write_text(good + "\nthis is not Python\n", encoding="utf-8")
            result = book.rebuild()
            assert not result.ok and any(f"{MODULE}.py" in p for p in result.problems), \
                result.problems
            number_py.write_text(good, encoding="utf-8")
            result = book.rebuild()
            assert result.ok, result.problems
            assert_pages_link_current_assets(book.html)
        finally:
            book.close()


def saved_until_rebuilt(running, path, old: str, new: str, seconds: float = 120) -> None:
    """Save the edit and wait for the preview's rebuild; saved again while nothing happens (the
    watcher starts just after the first build, so the first save may come before it)."""
    import time
    version, deadline = running.state.version, time.monotonic() + seconds
    edit(path, old, new)
    while running.state.wait_past(version, timeout=2.0) == version:
        assert time.monotonic() < deadline, f"no rebuild after saving {path.name}"
        path.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")


def test_the_preview_serves_the_edited_item_type_js(tiny_book):
    from urllib.request import urlopen

    from sourcebook.cli.preview import Preview
    number_js = with_item_type_of_its_own(tiny_book)
    with forgotten_afterwards():
        running = Preview(tiny_book, port=0)
        running.start(timeout=600)
        try:
            saved_until_rebuilt(running, number_js, "such as 8.", "such as 12.")
            assert running.state.problems == []
            with urlopen(running.url + "_static/sourcebook.js", timeout=30) as response:
                assert "such as 12." in response.read().decode("utf-8")
            assert_pages_link_current_assets(running.book_html)
        finally:
            running.stop()
