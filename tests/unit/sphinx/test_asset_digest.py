"""The pages to write again when the kit's shipped JS/CSS change (the built case, with Sphinx's
`?v=` links, is tests/build/test_incremental.py)."""

from __future__ import annotations

from types import SimpleNamespace

from sourcebook.sphinx.asset_digest import (_rewrite_every_page_when_the_kit_assets_change,
                                            shipped_assets_digest)

PAGES = {"book/intro", "book/memo"}


def shipped(doctreedir, **files):
    folder = doctreedir / "_kit_static"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name.replace("_", ".")).write_text(text, encoding="utf-8")
    return folder


def test_the_digest_follows_the_page_assets_not_the_student_bundle(tmp_path):
    folder = shipped(tmp_path, sourcebook_js="a()", sourcebook_css="p{}")
    (folder / "sourcebook-student.json").write_text("{}", encoding="utf-8")
    first = shipped_assets_digest(folder)
    (folder / "sourcebook-student.json").write_text('{"sets": []}', encoding="utf-8")
    assert shipped_assets_digest(folder) == first
    (folder / "sourcebook-theme.js").write_text("t()", encoding="utf-8")
    assert shipped_assets_digest(folder) != first


def test_every_page_is_written_again_when_the_assets_change(tmp_path):
    app = SimpleNamespace(doctreedir=str(tmp_path))
    env = SimpleNamespace(found_docs=PAGES)
    shipped(tmp_path, sourcebook_js="yesterday()")
    # an environment without a digest (fresh, or pickled by an older kit): every page
    assert _rewrite_every_page_when_the_kit_assets_change(app, env) == sorted(PAGES)
    assert _rewrite_every_page_when_the_kit_assets_change(app, env) == []
    shipped(tmp_path, sourcebook_js="today()")
    assert _rewrite_every_page_when_the_kit_assets_change(app, env) == sorted(PAGES)
    assert _rewrite_every_page_when_the_kit_assets_change(app, env) == []
