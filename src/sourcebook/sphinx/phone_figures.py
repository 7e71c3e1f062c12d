"""Figures with a phone rendering: `<picture>` picks it on a narrow screen.

A figure the build draws as `book/_generated/NAME.png` may have a phone rendering beside it,
`NAME-phone.png` (narrow and tall, labels legible at 390 px: the kit's timeline, a lesson's map).
The page keeps its `{figure}` as written; at the end the build copies the phone renderings next
to the site's images, and every `<img>` of `NAME.png` becomes

    <picture><source media="(max-width: 600px)" srcset=".../NAME-phone.png"><img ...></picture>

so a phone downloads only the narrow PNG and a desktop only the wide one. On a narrow screen a
tap on the figure opens the phone rendering too (`sourcebook-theme.js`).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from sourcebook.figures.build import GENERATED_DIR, book_folder

PHONE_SUFFIX = "-phone"
NARROW = "(max-width: 600px)"
_IN_PICTURE = re.compile(r"<source\b[^>]*>\s*\Z")          # this <img> is already in a <picture>
_IMG = re.compile(r'<img\b[^>]*\bsrc="(?P<prefix>[^"]*?_images/)(?P<stem>[\w.-]+)\.png"[^>]*>')


def phone_renderings(srcdir: str | Path) -> set[str]:
    """Stems of the figures that have a phone rendering (e.g. {"timeline", "map"})."""
    folder = book_folder(Path(srcdir)) / GENERATED_DIR
    return {p.stem.removesuffix(PHONE_SUFFIX) for p in folder.glob(f"*{PHONE_SUFFIX}.png")
            if (folder / f"{p.stem.removesuffix(PHONE_SUFFIX)}.png").is_file()}


def with_phone_pictures(html: str, stems: set[str]) -> str:
    def picture(m: re.Match) -> str:
        if m.group("stem") not in stems or _IN_PICTURE.search(html, 0, m.start()):
            return m.group(0)
        phone = f'{m.group("prefix")}{m.group("stem")}{PHONE_SUFFIX}.png'
        return (f'<picture class="sb-phone-picture"><source media="{NARROW}" srcset="{phone}">'
                f'{m.group(0)}</picture>')
    return _IMG.sub(picture, html)


def _page_context(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body", "")
    if "_images/" in body:
        stems = phone_renderings(app.srcdir)
        if stems:
            context["body"] = with_phone_pictures(body, stems)


def _copy_phone_renderings(app, exception) -> None:
    if exception or app.builder.format != "html":
        return
    folder = book_folder(Path(app.srcdir)) / GENERATED_DIR
    images = Path(app.outdir) / "_images"
    for stem in sorted(phone_renderings(app.srcdir)):
        if (images / f"{stem}.png").is_file():
            shutil.copyfile(folder / f"{stem}{PHONE_SUFFIX}.png", images / f"{stem}{PHONE_SUFFIX}.png")


def setup(app) -> None:
    app.connect("html-page-context", _page_context)
    app.connect("build-finished", _copy_phone_renderings)
