"""Font Awesome icons as inline SVG, drawn at build time from the theme's own `fontawesome.js`.

The pydata theme loads a 1.5 MB script that, in the reader's browser, swaps every
`<i class="fa-solid fa-bars">` for an `<svg>` of that icon. A page uses a dozen icons, so the
build does the swap instead, writing the same markup the script would write, and ships the
script's own stylesheet for it (`svg-inline--fa` and friends, ~17 KB before purging). No icon
is downloaded: the paths come from the copy of Font Awesome the theme installed.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from html import escape
from pathlib import Path

# The three packs the theme bundles, each registered as `d("<prefix>", p)` after its table.
_PACK_REGISTRATION = re.compile(r'd\("(fa[bsr])",p\)')
_PACK_START = "var p={"
_BARE_KEY = re.compile(r'([{,])([\w$]+):(?=\[)')
_STYLESHEET_START = "':host,:root{--fa-font-solid"
STYLE_PREFIXES = {"fa-solid": "fas", "fas": "fas", "fa-regular": "far", "far": "far",
                  "fa-brands": "fab", "fab": "fab"}
# An empty <i> or <span> whose class names a Font Awesome icon, as the theme's templates write it.
_ICON_TAG = re.compile(r'<(i|span)\b([^>]*?)\bclass="([^"]*\bfa-[a-z0-9-]+[^"]*)"([^>]*)>\s*</\1>')


def theme_fontawesome_js() -> Path:
    import pydata_sphinx_theme
    return (Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"
            / "static" / "scripts" / "fontawesome.js")


@lru_cache(maxsize=2)
def icon_table(script: Path) -> dict[str, dict[str, list]]:
    """{prefix: {icon name or alias: [width, height, aliases, unicode, path data]}}."""
    text = script.read_text(encoding="utf-8")
    packs: dict[str, dict[str, list]] = {}
    decoder = json.JSONDecoder()
    for reg in _PACK_REGISTRATION.finditer(text):
        start = text.rfind(_PACK_START, 0, reg.start()) + len(_PACK_START) - 1
        # A JS object literal: keys that are plain identifiers go unquoted (`chrome:[...]`).
        literal = _BARE_KEY.sub(r'\1"\2":', text[start:reg.start()])
        table, _ = decoder.raw_decode(literal)
        icons = packs.setdefault(reg.group(1), {})
        for name, data in table.items():
            icons[name] = data
            for alias in data[2]:
                if isinstance(alias, str):
                    icons.setdefault(alias, data)
    if set(packs) != {"fas", "far", "fab"}:
        raise ValueError(f"{script}: not the Font Awesome bundle this build knows how to read")
    return packs


@lru_cache(maxsize=2)
def icon_stylesheet(script: Path) -> str:
    """The stylesheet fontawesome.js injects for its inline SVGs, without its first rule: that
    one names font families ("Font Awesome 6 Solid") the theme's CSS does not define, and,
    linked after the theme's CSS (where the script never put it), it would override the
    theme's own `--fa-font-*` and blank the icons the theme draws with its webfonts."""
    text = script.read_text(encoding="utf-8")
    start = text.index(_STYLESHEET_START) + 1
    css = text[start:text.index("'", start)]
    return css[css.index("}") + 1:]


def icon_svg(classes: list[str], attrs: str, table: dict[str, dict[str, list]],
             counter: list[int]) -> str | None:
    """The <svg> fontawesome.js would put in place of an element with these classes."""
    prefix = next((STYLE_PREFIXES[c] for c in classes if c in STYLE_PREFIXES), "fas")
    names = [c[3:] for c in classes if c.startswith("fa-") and c not in STYLE_PREFIXES]
    name = next((n for n in names if n in table[prefix]), None)
    if name is None:
        return None
    width, height, _aliases, _code, path = table[prefix][name]
    kept = [c for c in classes if c not in STYLE_PREFIXES and c != f"fa-{name}"]
    title = re.search(r'\btitle="([^"]*)"', attrs)
    other = re.sub(r'\s*\btitle="[^"]*"', "", attrs).strip()
    if title:
        counter[0] += 1
        title_id = f"svg-inline--fa-title-{name}-{counter[0]}"
        a11y, inner = (f'aria-labelledby="{title_id}"',
                       f'<title id="{title_id}">{title.group(1)}</title>')
    else:
        a11y, inner = 'aria-hidden="true"', ""
    paths = path if isinstance(path, list) else [path]
    body = "".join(f'<path fill="currentColor" d="{escape(d)}"></path>' for d in paths if d)
    cls = " ".join(["svg-inline--fa", f"fa-{name}", *kept])
    lead = f"{other} " if other else ""
    return (f'<svg {lead}class="{cls}" {a11y} focusable="false" data-prefix="{prefix}" '
            f'data-icon="{name}" role="img" xmlns="http://www.w3.org/2000/svg" '
            f'viewBox="0 0 {width} {height}">{inner}{body}</svg>')


def inline_icons(html: str, script: Path) -> str:
    """`html` with every Font Awesome element replaced by its SVG (unknown names left alone)."""
    table = icon_table(script)
    counter = [0]

    def swap(m: re.Match) -> str:
        attrs = f"{m.group(2)} {m.group(4)}".strip()
        svg = icon_svg(m.group(3).split(), attrs, table, counter)
        return svg or m.group(0)
    return _ICON_TAG.sub(swap, html)
