"""`sourcebook preview` in Chromium: an edit reloads the open page, an exercise-set edit
rebuilds only the pages that show that set, and a broken file shows its error instead of the
stale page until it is fixed. The server listens on loopback only and stops by itself."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT, copy_lesson

pytestmark = pytest.mark.build

RELOAD_TIMEOUT_MS = 90_000          # generous: the machine running the suite may be busy
EXERCISE_CHAPTERS = ("book/document", "book/review", "book/corroboration", "book/close-reading")


@pytest.fixture
def preview(tmp_path, browser):    # `browser`: skips without Chromium, like the other tests
    from sourcebook.cli.preview import Preview
    lesson = copy_lesson(tmp_path / "lesson")
    if (ROOT / ".sourcebook-cache").is_dir():     # figures and notebook outputs, if drawn before
        shutil.copytree(ROOT / ".sourcebook-cache", lesson / ".sourcebook-cache")
    running = Preview(lesson, "student", port=0)
    running.start(timeout=600)
    yield running, lesson
    running.stop()


def wait_for_text(page, text: str) -> None:
    page.wait_for_function("t => document.body && document.body.innerText.includes(t)",
                           arg=text, timeout=RELOAD_TIMEOUT_MS, polling=50)


def test_preview_reloads_on_save_and_shows_errors(preview, page):
    running, lesson = preview
    assert running.server.server_address[0] == "127.0.0.1"

    page.goto(running.url + "book/credits.html")
    credits = lesson / "book" / "credits.md"
    credits.write_text(credits.read_text(encoding="utf-8") + "\n\nA sentence added while previewing.\n",
                       encoding="utf-8")
    wait_for_text(page, "A sentence added while previewing.")

    # An exercise set is re-read only by the page that shows it.
    page.goto(running.url + "book/aftermath.html")
    exercises = lesson / "exercises" / "aftermath.yml"
    good = exercises.read_text(encoding="utf-8")
    exercises.write_text(good.replace(
        "prompt: On what date was the Korean armistice signed at Panmunjom?",
        "prompt: On what date was the armistice signed at Panmunjom (edited)?"), encoding="utf-8")
    wait_for_text(page, "signed at Panmunjom (edited)?")
    assert "book/aftermath" in running.state.pages
    assert not set(EXERCISE_CHAPTERS) & set(running.state.pages), running.state.pages

    # A broken file: the page shows the error, then the fixed page once it is saved again.
    exercises.write_text(good + "\n  - broken: [\n", encoding="utf-8")
    page.wait_for_selector(".sb-preview-error", timeout=RELOAD_TIMEOUT_MS)
    assert "aftermath.yml" in page.locator(".sb-preview-error").inner_text()
    exercises.write_text(good, encoding="utf-8")
    wait_for_text(page, "On what date was the Korean armistice signed at Panmunjom?")
    assert page.locator(".sb-preview-error").count() == 0
