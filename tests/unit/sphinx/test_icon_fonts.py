"""Icon fonts cut down to the glyphs the purged CSS can show."""

from __future__ import annotations


from fontTools.ttLib import TTFont

from sourcebook.sphinx.icons import theme_fontawesome_js

WEBFONTS = theme_fontawesome_js().parents[1] / "vendor" / "fontawesome" / "webfonts"


def test_the_subset_keeps_exactly_the_glyphs_in_the_css(tmp_path):
    from sourcebook.sphinx.icon_fonts import subset_icon_fonts
    site = tmp_path / "_static"
    (site / "styles").mkdir(parents=True)
    fonts = site / "vendor" / "fontawesome" / "webfonts"
    fonts.mkdir(parents=True)
    (fonts / "fa-solid-900.ttf").write_bytes((WEBFONTS / "fa-solid-900.ttf").read_bytes())
    css = ('@font-face{font-family:x;src:url(../vendor/fontawesome/webfonts/fa-solid-900.woff2) '
           'format("woff2"),url(../vendor/fontawesome/webfonts/fa-solid-900.ttf) format("truetype")}'
           ':root{--bell:"\uf0f3";--info:"\uf05a"}')
    out = subset_icon_fonts(css, site / "styles" / "theme.css")
    name = out.split("webfonts/")[1].split(")")[0]
    assert name.startswith("fa-solid-900.") and name.endswith(".woff") and "woff2" not in out
    subset = TTFont(fonts / name)
    assert set(subset.getBestCmap()) == {0xF0F3, 0xF05A}
    assert (fonts / name).stat().st_size < 10_000
    assert subset_icon_fonts(css, site / "styles" / "theme.css") == out      # made once
