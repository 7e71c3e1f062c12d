"""Rebuilds are incremental, as `make book` is the second time and after an author edits
references.bib or their own item type's JS. The rebuilds are processes of their own, as from the
command line, reading what the first build (here, in-process: the same `build_book` the command
calls) left on disk."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml
from guide_item_type import forgotten_afterwards, item_types_entry, write_modules
from sphinx.builders.html._assets import _file_checksum

from sourcebook.render import static
from sourcebook.render.minify import minified
from sourcebook.sphinx import ASSETS
from sourcebook.sphinx.book_build import build_book

KIT_LINK = re.compile(r'_static/(sourcebook[\w-]*\.(?:js|css))\?v=([0-9a-f]+)"')


def kit_links(html: Path) -> dict[tuple[str, str], str]:
    """(page, kit asset) -> the `?v=` digest the page links the asset with."""
    return {(str(page.relative_to(html)), name): digest
            for page in sorted(html.rglob("*.html"))
            for name, digest in KIT_LINK.findall(page.read_text(encoding="utf-8"))}


def assert_pages_link_current_assets(html: Path) -> None:
    """A page linking an old digest makes a browser run the cached old widget code there."""
    links = kit_links(html)
    assert ("book/memo.html", "sourcebook.js") in links     # the page with the exercise set
    stale = {key: digest for key, digest in links.items()
             if digest != _file_checksum(html, f"_static/{key[1]}")}
    assert not stale, f"pages linking an old digest of the kit's assets: {stale}"


def with_item_type_of_its_own(book: Path) -> Path:
    """The author guide's number type in `book`, declared in its `_config.yml`: its JS module
    goes into the shipped sourcebook.js. The JS module's path."""
    js = write_modules(book / "book" / "_ext") / "number.js"
    config_file = book / "_config.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["sourcebook"]["item_types"] = item_types_entry()
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return js


def test_incremental_builds_keep_the_kit_assets_and_follow_the_bibliography(tiny_book, tmp_path):
    build = [sys.executable, "-m", "sourcebook", "build", "--root", str(tiny_book),
             "--out", str(tmp_path / "out")]
    html = tmp_path / "out" / "html"
    page = html / "book" / "intro.html"
    number_js = with_item_type_of_its_own(tiny_book)
    with forgotten_afterwards():
        build_book(tiny_book, "student", tmp_path / "out")
    assert "Doe, 2001" in page.read_text(encoding="utf-8")
    # a rebuild with nothing to rewrite keeps the kit's JS and CSS, as they are now
    static_dir = html / "_static"
    (static_dir / "sourcebook.js").write_text("/* yesterday's widget code */", "utf-8")
    run = subprocess.run(build, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    for asset in [*static.asset_paths(), *sorted(ASSETS.glob("sourcebook-theme.*"))]:
        assert (static_dir / asset.name).read_text("utf-8") == \
            minified(asset, item_types=(number_js,)), asset.name
    assert_pages_link_current_assets(html)
    # the author edits references.bib, cited on the intro page only, and their type's JS: the
    # memo page's source is the same, but it must link today's sourcebook.js
    bib = tiny_book / "book" / "references.bib"
    bib.write_text(bib.read_text(encoding="utf-8").replace("year = {2001}", "year = {2002}"),
                   "utf-8")
    js = number_js.read_text(encoding="utf-8")
    number_js.write_text(js.replace("such as 8.", "such as 12."), encoding="utf-8")
    assert number_js.read_text(encoding="utf-8") != js
    run = subprocess.run(build, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    text = page.read_text(encoding="utf-8")
    assert "Doe, 2002" in text and "Doe, 2001" not in text
    assert "such as 12." in (static_dir / "sourcebook.js").read_text(encoding="utf-8")
    assert_pages_link_current_assets(html)
