"""Compare how two builds of the book look: full-page screenshots of every page at a laptop
(1366 px) and a phone (390 px) width, in headless Chromium, and the share of pixels that differ.

    python benchmarks/look.py BEFORE_SITE AFTER_SITE OUT_DIR [PAGE ...]

Writes OUT_DIR/<width>/<page>-before.png, -after.png and -diff.png (differing pixels in red)
and prints one line per page. Used to check that light pages keep the theme's look; the
screenshots are for a person to look at, the numbers say where to look.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

WIDTHS = {"laptop": (1366, 768), "phone": (390, 844)}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--font-render-hinting=none"]


def shoot(browser, site: Path, rel: str, viewport: tuple[int, int], out: Path) -> None:
    ctx = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                              device_scale_factor=1)
    page = ctx.new_page()
    page.goto((site / rel).as_uri(), wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    page.wait_for_timeout(300)
    page.screenshot(path=str(out), full_page=True)
    ctx.close()


def difference(a: Path, b: Path, out: Path) -> float:
    """Share of pixels that differ; the diff image marks them red on a faded copy of `a`."""
    from PIL import Image, ImageChops
    first, second = Image.open(a).convert("RGB"), Image.open(b).convert("RGB")
    size = (max(first.width, second.width), max(first.height, second.height))
    canvas_a, canvas_b = Image.new("RGB", size, "white"), Image.new("RGB", size, "white")
    canvas_a.paste(first)
    canvas_b.paste(second)
    mask = ImageChops.difference(canvas_a, canvas_b).convert("L").point(lambda v: 255 if v > 24 else 0)
    changed = sum(mask.histogram()[255:])
    faded = Image.blend(canvas_a, Image.new("RGB", size, "white"), 0.7)
    faded.paste(Image.new("RGB", size, (220, 0, 0)), mask=mask)
    faded.save(out)
    return changed / (size[0] * size[1])


def main() -> None:
    from playwright.sync_api import sync_playwright
    before, after, out = (Path(a).resolve() for a in sys.argv[1:4])
    pages = sys.argv[4:] or sorted(p.relative_to(after).as_posix() for p in after.rglob("*.html")
                                   if "_static" not in p.parts and p.name != "index.html")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                     args=CHROMIUM_ARGS)
        for name, viewport in WIDTHS.items():
            folder = out / name
            folder.mkdir(parents=True, exist_ok=True)
            for rel in pages:
                stem = rel.replace("/", "_").removesuffix(".html")
                a, b = folder / f"{stem}-before.png", folder / f"{stem}-after.png"
                shoot(browser, before, rel, viewport, a)
                shoot(browser, after, rel, viewport, b)
                share = difference(a, b, folder / f"{stem}-diff.png")
                print(f"{name:6} {rel:32} {share * 100:6.2f} % of pixels differ", flush=True)
        browser.close()


if __name__ == "__main__":
    main()
