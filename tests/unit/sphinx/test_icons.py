"""Font Awesome icons drawn into the page at build time, from the theme's own script."""

from __future__ import annotations

import re

from sourcebook.sphinx.icons import icon_stylesheet, icon_table, inline_icons, theme_fontawesome_js

SCRIPT = theme_fontawesome_js()


def test_the_theme_bundle_is_read_with_its_three_packs_and_aliases():
    packs = icon_table(SCRIPT)
    assert {"magnifying-glass", "bars", "sun", "search"} <= set(packs["fas"])   # search: an alias
    assert "github" in packs["fab"]
    width, height, _aliases, _code, path = packs["fas"]["magnifying-glass"]
    assert (width, height) == (512, 512) and path.startswith("M")


def test_an_icon_becomes_the_svg_the_script_would_draw():
    html = inline_icons('<button><i class="fa-solid fa-bars fa-lg" data-x="1"></i></button>', SCRIPT)
    svg = re.search(r"<svg [^>]*>", html).group(0)
    assert 'class="svg-inline--fa fa-bars fa-lg"' in svg and 'data-x="1"' in svg
    assert 'aria-hidden="true"' in svg and 'viewBox="0 0 448 512"' in svg
    assert "<i " not in html and html.endswith("</svg></button>")


def test_a_title_names_the_icon_and_unknown_icons_stay():
    html = inline_icons('<i class="theme-switch fa-solid fa-sun" title="Light"></i>'
                        '<span class="fab fa-no-such-brand"></span>', SCRIPT)
    assert '<title id="svg-inline--fa-title-sun-1">Light</title>' in html
    assert 'aria-labelledby="svg-inline--fa-title-sun-1"' in html
    assert '<span class="fab fa-no-such-brand"></span>' in html


def test_the_icon_stylesheet_leaves_the_theme_font_variables_alone():
    css = icon_stylesheet(SCRIPT)
    assert ".svg-inline--fa{" in css and "--fa-font-solid" not in css.split("}")[0]
