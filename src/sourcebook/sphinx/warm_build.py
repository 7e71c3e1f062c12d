"""One Sphinx application kept warm across rebuilds, for the live preview.

`sourcebook build` starts Python, Jupyter Book and Sphinx and loads the pickled environment
every time (~5 s before any page is read). The preview makes the application once, with the
same settings as `sourcebook build` (`sphinx.book_build.sphinx_settings`) and into the same output
folder, and then only asks it to build again: Sphinx re-reads the pages whose source or
dependencies changed (a page notes the YAML files it shows, so editing an exercise set re-reads
only the pages that use it) and writes what changed.

The kit's page assets are shipped once per application (`builder-inited`), and a lesson's own
item types imported once per process; the preview outlives edits of both, so a rebuild looks at
the lesson's item-type files first (`_lesson_type_files`). When one changed, a Python module is
imported again (and item_type_digest.py has every page read again), and the assets are shipped
again: the new sourcebook.js bundles the edited JS module, and asset_digest.py writes every page
again with the new `?v=`.

Warnings are not errors here: they are collected and shown to the author in the browser.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from sourcebook.sphinx.warm_config import configuration_problems


@dataclass
class BuildResult:
    ok: bool
    seconds: float
    problems: list[str] = field(default_factory=list)   # warnings and errors, as Sphinx words them
    pages: list[str] = field(default_factory=list)      # the pages this build wrote


_COLOUR = re.compile(r"\x1b\[[0-9;]*m")


def _problem_lines(text: str) -> list[str]:
    text = _COLOUR.sub("", text)
    return [line for line in text.splitlines()
            if "WARNING" in line or "ERROR" in line or "CRITICAL" in line or "SEVERE" in line]


class WarmBook:
    """`WarmBook(root).rebuild()` -> BuildResult; `close()` when done."""

    def __init__(self, root: Path, edition: str = "student"):
        from jupyter_book.config import get_final_config
        from sphinx.application import Sphinx
        from sphinx.util.docutils import docutils_namespace, patch_docutils

        from sourcebook.model.project import Project
        from sourcebook.sphinx.book_build import sphinx_settings
        self.root, self.html, out, overrides = sphinx_settings(Path(root), edition, None)
        self.edition = edition
        self._warnings = io.StringIO()
        self._reported = 0                      # warnings up to here were shown by a rebuild
        configuration_problems(self.root)      # raises, naming file and line, for bad YAML
        config, _meta = get_final_config(user_yaml=Project(self.root).config, cli_config=overrides,
                                         sourcedir=self.root, use_external_toc=True)
        # Directives and roles are registered in docutils' global tables for as long as these
        # contexts are open: for the life of the preview (or until the application fails).
        self._contexts = contextlib.ExitStack()
        try:
            self._contexts.enter_context(patch_docutils(None))
            self._contexts.enter_context(docutils_namespace())
            self._contexts.enter_context(_in_folder(self.root))
            self.app = Sphinx(srcdir=str(self.root), confdir=None, outdir=str(self.html),
                              doctreedir=str(out / ".doctrees"), buildername="html",
                              confoverrides=config, status=None, warning=self._warnings,
                              freshenv=False, warningiserror=False, keep_going=True)
            if self.app.config["use_multitoc_numbering"] and "numbered: true" in str(
                    self.app.config.external_site_map.as_json()):
                self.app.setup_extension("sphinx_multitoc_numbering")
        except BaseException:
            from sourcebook.model.lesson_types import forget_lesson_types
            self._contexts.close()              # the old working folder and docutils tables
            forget_lesson_types(self.root)      # imported as it started: the next one imports
            raise
        self._written: list[str] = []
        self.app.connect("html-page-context", lambda app, name, *a: self._written.append(name))
        self._type_files = _lesson_type_files(self.root)     # as the application shipped them

    def rebuild(self) -> BuildResult:
        from sourcebook.sphinx import directives, figures, pacing
        start = time.perf_counter()
        mark = self._reported                   # construction warnings go to the first rebuild
        self._written = []
        directives.reset_context(self.app)            # sources and sets are read again
        pacing.reset_pace(self.app)                   # and the pages' words counted again
        try:
            missing = configuration_problems(self.root)   # _toc.yml pages, until made
            self._follow_lesson_type_edits()
            figures.start_figures(self.app)            # redraw a figure whose data changed
            self.app.build(False, [])
            figures.wait_figures(self.app)
            problems = missing + _problem_lines(self._warnings.getvalue()[mark:])
        except Exception:  # noqa: BLE001 - anything a bad edit raises is shown to the author
            problems = _problem_lines(self._warnings.getvalue()[mark:]) + [
                traceback.format_exc(limit=3)]
        self._reported = len(self._warnings.getvalue())
        return BuildResult(not problems, time.perf_counter() - start, problems, list(self._written))

    def _follow_lesson_type_edits(self) -> None:
        """Ship the assets again when a lesson item type's file changed, after importing its
        Python module again when that changed (a module that no longer imports is reported
        as a warning, like any broken file, and imported again at the next save)."""
        from sourcebook.model.lesson_types import forget_lesson_types
        from sourcebook.sphinx import _ship_assets
        now = _lesson_type_files(self.root)
        edited = {p for p in now.keys() | self._type_files.keys()
                  if now.get(p) != self._type_files.get(p)}
        if not edited:
            return
        if any(p.suffix == ".py" for p in edited):
            forget_lesson_types(self.root)             # item_type_digest.py reads every page
        _ship_assets(self.app)                         # imports the types, bundles their JS
        self._type_files = _lesson_type_files(self.root)

    def close(self) -> None:
        from sourcebook.model.lesson_types import forget_lesson_types
        self._contexts.close()
        forget_lesson_types(self.root)      # a new WarmBook (after a _config.yml edit) imports them


def _lesson_type_files(root: Path) -> dict[Path, str]:
    """The lesson's item-type files -> a digest of their bytes: the modules `_config.yml`
    declares and the JS modules of the lesson types registered now."""
    from sourcebook.errors import SourcebookError
    from sourcebook.items.registry import lesson_types
    from sourcebook.model.lesson_types import declared
    try:
        modules = declared(root)
    except SourcebookError:          # reported by the build, as the assets are shipped
        modules = []
    paths = {*modules, *(t.front_end for t in lesson_types() if t.front_end is not None)}
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "" for p in paths}


@contextlib.contextmanager
def _in_folder(folder: Path):
    """Notebooks and figure code resolve paths from the book's root (as `build_book` does)."""
    old = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(old)
