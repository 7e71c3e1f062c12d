"""Font Awesome's webfonts cut down to the glyphs the site's CSS can show.

The theme draws a few icons in CSS (admonition titles, external links) with Font Awesome's
webfonts, so every page downloaded the whole solid and brands fonts (~270 KB) for a handful of
glyphs. After the CSS is purged, the private-use characters left in it are the only glyphs any
page can show; fontTools keeps just those (as WOFF: WOFF2 would need a Brotli encoder) and the
@font-face rules point at the subsets.
"""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
_FONT_URL = re.compile(r"src:url\(([^)]*webfonts/)(fa-[a-z]+-\d+)\.woff2\)[^;}]*")


def glyphs_in(css: str) -> set[int]:
    return {ord(c) for c in _PRIVATE_USE.findall(css)}


def subset_icon_fonts(css: str, stylesheet: Path) -> str:
    """Write subsets of the fonts `css` (the file at `stylesheet`) uses; return the new CSS."""
    from fontTools import subset
    logging.getLogger("fontTools").setLevel(logging.WARNING)
    wanted = glyphs_in(css)
    tag = hashlib.sha256(",".join(map(str, sorted(wanted))).encode()).hexdigest()[:10]

    def rewrite(m: re.Match) -> str:
        folder = (stylesheet.parent / m.group(1)).resolve()
        source = folder / f"{m.group(2)}.ttf"       # reading WOFF2 needs Brotli too
        name = f"{m.group(2)}.{tag}.woff"           # named by its glyphs: made once per set
        new = f'src:url({m.group(1)}{name}) format("woff")'
        if not source.is_file():
            return m.group(0)
        if (folder / name).is_file():
            return new
        options = subset.Options()
        options.flavor = "woff"
        options.layout_features = ["*"]
        font = subset.load_font(str(source), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=wanted & set(font.getBestCmap()))
        subsetter.subset(font)
        subset.save_font(font, str(folder / name), options)
        return new
    return _FONT_URL.sub(rewrite, css)
