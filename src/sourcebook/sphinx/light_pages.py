"""Light pages: every page loads only what it uses, with the theme's look unchanged.

The theme sends every page ~2.6 MB: a 1.5 MB icon script, Bootstrap and all of Font Awesome's
CSS, sphinx-design's CSS and JS, the search index. Students read on Chromebooks sharing one
access point and on phones with data plans, so the build trims this:

- icons are drawn into the pages as inline SVG (`icons.py`) and the icon script is not loaded;
- the search index and its scripts load on the search page only (the search box on every page
  sends the query there; plain script tags, so it works from file:// too);
- sphinx-design's, the copy button's and the toggle button's files load only on pages that have
  such an element;
- the theme's and extensions' stylesheets (never the lesson's own: `stylesheet_origin.py`) lose
  the rules that can match nothing in this site (`css_purge.py`), and the icon fonts keep only
  the glyphs those rules can show (`icon_fonts.py`);
- a notebook page drops its saved ipywidgets state when no widget manager is loaded (the
  static pages show each output's HTML; `nb_ipywidgets_js: {}` in `_config.yml`).

The pages and stylesheets are rewritten at the end of every HTML build. Sphinx copies a theme's
stylesheet only when it is missing, so the untouched original is kept in the doctrees folder and
each build purges from it, against the pages as they are now.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.application import Sphinx

ICON_CSS = "fontawesome-inline.css"
_PURGED_MARK = "/* sourcebook: rules this site cannot use removed */\n"
_PRISTINE = "_theme_static_originals"
# Page assets that only some pages need: file names, and what in a page's body needs them.
OPTIONAL_ASSETS = {
    ("sphinx-design.min.css", "design-tabs.js"): re.compile(r'class="[^"]*\bsd-'),
    ("copybutton.css", "copybutton.js", "clipboard.min.js", "copybutton_funcs.js"):
        re.compile(r'class="[^"]*\bhighlight'),
    ("togglebutton.css", "togglebutton.js"): re.compile(r'class="[^"]*\b(toggle|dropdown)'),
}
_WIDGET_STATE = re.compile(
    r'\s*<script type="application/vnd\.jupyter\.widget-state\+json">.*?</script>', re.S)
# Sphinx's search fetches each result page for a summary, which browsers refuse from file://
# (a console error per result): from disk, results are listed by title only, and the page says
# so plainly above the results (the search itself still covers every word of every page).
FILE_SEARCH_NOTE = ("You opened this book from a file on your computer. Search still finds "
                    "every page with your words, but lists only their titles. To see the "
                    "matching passage under each title, open the book from a web server "
                    "(your school's site, or make serve).")
_FILE_SEARCH = (
    'if (location.protocol === "file:") { DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false;'
    ' document.addEventListener("DOMContentLoaded", function () {'
    ' var r = document.getElementById("search-results"); if (!r) return;'
    ' var p = document.createElement("p"); p.className = "sb-search-note"; p.setAttribute("role", "note");'
    f' p.textContent = "{FILE_SEARCH_NOTE}"; r.parentNode.insertBefore(p, r); }}); }}')
_ICON_SCRIPT_TAG = re.compile(r'\s*<script[^>]*src="[^"]*scripts/fontawesome\.js[^"]*"[^>]*></script>')
_SEARCH_SCRIPT_TAG = re.compile(
    r'\s*<script[^>]*src="[^"]*(?:searchtools\.js|language_data\.js|searchindex\.js)"[^>]*></script>')
# Scripts whose words must not keep CSS alive: the icon script (no longer loaded) names every
# icon, and the search index is text, not code.
_NOT_CODE = ("fontawesome.js", "searchindex.js")


def _asset_name(asset) -> str:
    return Path(str(getattr(asset, "filename", asset) or "").split("?")[0]).name


def drop_unused_assets(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """A page without design components, code blocks or toggles loads none of their files."""
    body = context.get("body", "")
    unused = {name for names, needed in OPTIONAL_ASSETS.items() if not needed.search(body)
              for name in names}
    for key in ("script_files", "css_files"):
        context[key] = [a for a in context.get(key, []) if _asset_name(a) not in unused]


def _lighten_page(html: str, is_search_page: bool, icon_script: Path, widget_manager: bool) -> str:
    from sourcebook.sphinx.icons import inline_icons
    html = _ICON_SCRIPT_TAG.sub("", html)
    if not widget_manager:     # saved ipywidgets state (~470 KB) that nothing on the page reads
        html = _WIDGET_STATE.sub("", html)
    if not is_search_page:
        html = _SEARCH_SCRIPT_TAG.sub("", html)
    elif _FILE_SEARCH not in html:
        html = re.sub(r'(\s*<script[^>]*src="[^"]*searchtools\.js)',
                      f"<script>{_FILE_SEARCH}</script>\\1", html, count=1)
    return inline_icons(html, icon_script)


def _loaded_scripts(pages: list[str], site: Path) -> list[str]:
    """The text of every local script the pages load."""
    names = {m.split("?")[0].split("/_static/")[-1].removeprefix("_static/").lstrip("./")
             for html in pages for m in re.findall(r'<script[^>]*\ssrc="([^"]+)"', html)}
    texts = []
    for name in sorted(names):
        path = site / "_static" / name
        if path.is_file() and path.name not in _NOT_CODE:
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    inline = [s for html in pages for s in re.findall(r"<script[^>]*>(.*?)</script>", html, re.S)]
    return texts + inline


def _stylesheets(pages: list[str], site: Path) -> list[Path]:
    """The local stylesheets the pages load, and those they @import."""
    hrefs = {h.split("?")[0] for html in pages
             for h in re.findall(r'<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"', html)
             + re.findall(r'<link[^>]*href="([^"]+\.css[^"]*)"[^>]*rel="stylesheet"', html)}
    found: set[Path] = set()
    for href in hrefs:
        rel = href.split("_static/", 1)[-1]
        path = site / "_static" / rel
        if "_static/" in href and path.is_file():
            found.add(path)
    for sheet in list(found):       # the theme's theme.css @imports Sphinx's basic.css
        for imported in re.findall(r'@import\s+(?:url\()?"([^"]+)"', sheet.read_text("utf-8")):
            path = (sheet.parent / imported).resolve()
            if path.is_file():
                found.add(path)
    return sorted(found)


def _original(path: Path, site: Path, keep: Path) -> str:
    """The stylesheet as the theme shipped it (kept aside the first time it is purged)."""
    saved = keep / path.relative_to(site)
    text = path.read_text(encoding="utf-8")
    if text.startswith(_PURGED_MARK) and saved.is_file():
        return saved.read_text(encoding="utf-8")
    saved.parent.mkdir(parents=True, exist_ok=True)
    saved.write_text(text, encoding="utf-8")
    return text


def _restore(path: Path, site: Path, keep: Path) -> None:
    """A stylesheet an earlier build purged, back as it was (it is no longer purged)."""
    saved = keep / path.relative_to(site)
    if saved.is_file() and path.read_text(encoding="utf-8").startswith(_PURGED_MARK):
        path.write_text(saved.read_text(encoding="utf-8"), encoding="utf-8")


def lighten_site(app: Sphinx, exception) -> None:
    from sourcebook.sphinx.css_purge import (class_patterns_in_scripts, purge_css, words_in_pages,
                                             words_in_scripts)
    from sourcebook.sphinx.icon_fonts import subset_icon_fonts
    from sourcebook.sphinx.icons import icon_stylesheet, theme_fontawesome_js
    from sourcebook.sphinx.stylesheet_origin import purgeable
    if exception or app.builder.format != "html":
        return
    site = Path(app.outdir)
    icon_script = site / "_static" / "scripts" / "fontawesome.js"
    if not icon_script.is_file():
        icon_script = theme_fontawesome_js()
    pages: list[str] = []
    for path in sorted(site.rglob("*.html")):
        if "_static" in path.parts:
            continue
        html = path.read_text(encoding="utf-8")
        light = _lighten_page(html, path.name == "search.html" and path.parent == site,
                              icon_script, bool(getattr(app.config, "nb_ipywidgets_js", None)))
        if light != html:          # pages this build wrote (the others were done before)
            path.write_text(light, encoding="utf-8")
        html = light
        pages.append(html)
    scripts = _loaded_scripts(pages, site)
    used = words_in_pages(pages) | words_in_scripts(scripts)
    built_classes = class_patterns_in_scripts(scripts)     # `bs-${NAME}-auto` and the like
    keep = Path(app.doctreedir) / _PRISTINE
    (site / "_static" / ICON_CSS).write_text(icon_stylesheet(icon_script), encoding="utf-8")
    may_purge = purgeable(app, site)
    for sheet in _stylesheets(pages, site):
        if not may_purge(sheet):      # the lesson's or the kit's own: as its author wrote it
            _restore(sheet, site, keep)
            continue
        purged = purge_css(_original(sheet, site, keep), used, patterns=built_classes,
                           cache=Path(app.confdir) / ".sourcebook-cache" / "css")
        if "webfonts/fa-" in purged:
            purged = subset_icon_fonts(purged, sheet)
        sheet.write_text(_PURGED_MARK + purged, encoding="utf-8")


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", lambda app: app.add_css_file(ICON_CSS))
    app.connect("html-page-context", drop_unused_assets)
    app.connect("build-finished", lighten_site, priority=950)
