"""Where a stylesheet in `_static` came from, so that only the theme's and extensions' are purged.

The purge judges a rule by the words of the built pages and scripts. That is safe for the theme's
and extensions' CSS, written for every site, but not for a lesson's own stylesheet: its author
may style a class that a script computes in a way no scan can see. So the purge is an allowlist
by origin. Sphinx fills `_static` from the theme's static folders, then from `html_static_path`
(extensions append their installed package folders to it; a later folder overrides an earlier
one); Sphinx, myst-nb and the kit also write a few files there directly. A stylesheet is purged
only when it came from one of those: the theme, an installed extension's folder, or one of the
files they write (`WRITTEN_BY_BUILD`). The project's own static folders and the kit's build
folder are never purged, and neither is a file of unknown origin.
"""

from __future__ import annotations

import sys
import sysconfig
from fnmatch import fnmatch
from pathlib import Path

from sphinx.application import Sphinx

from sourcebook.sphinx.light_pages import ICON_CSS

# Stylesheets Sphinx, myst-nb and the kit write into `_static` during the build.
WRITTEN_BY_BUILD = ("pygments.css", "pygments_dark.css", "mystnb.*.css", ICON_CSS)


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _installed_roots() -> list[Path]:
    """Folders that hold installed packages (a virtual environment may sit inside the project)."""
    roots = {Path(sys.prefix), Path(sys.base_prefix)}
    roots.update(Path(p) for key in ("purelib", "platlib") if (p := sysconfig.get_paths().get(key)))
    return [r.resolve() for r in roots]


def _static_folders(app: Sphinx) -> tuple[list[Path], list[Path]]:
    """(folders of the theme and installed extensions, everything else in `html_static_path`:
    the project's own folders and the kit's per-build folder)."""
    project = Path(app.confdir).resolve()
    installed = _installed_roots()
    theirs = [Path(d) / "static" for d in app.builder.theme.get_theme_dirs()]
    own = []
    for entry in app.config.html_static_path:
        folder = (project / entry).resolve()
        (theirs if any(_inside(folder, r) for r in installed) else own).append(folder)
    return theirs, own


# Sphinx renders a theme's `basic.css_t` (`basic.css.jinja` since Sphinx 7.4) to `basic.css`.
def _holds(folder: Path, rel: Path) -> bool:
    return any((folder / f"{rel}{template}").is_file() for template in ("", "_t", ".jinja"))


def purgeable(app: Sphinx, site: Path):
    """A test of whether a stylesheet under `site/_static` may be purged."""
    theirs, own = _static_folders(app)
    static = site / "_static"

    def may_purge(sheet: Path) -> bool:
        try:
            rel = sheet.resolve().relative_to(static.resolve())
        except ValueError:                   # outside `_static`: nobody's to purge
            return False
        if any(_holds(folder, rel) for folder in own):
            return False
        return (any(_holds(folder, rel) for folder in theirs)
                or any(fnmatch(rel.as_posix(), name) for name in WRITTEN_BY_BUILD))
    return may_purge
