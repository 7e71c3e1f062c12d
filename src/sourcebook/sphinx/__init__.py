"""Sphinx extension: the kit's directives and roles, editions, generated figures, assets.

Loaded from `_config.yml` (`sphinx.extra_extensions`). The edition comes from the config value
`sourcebook_edition` ("student" by default; the CLI overrides it) and becomes a Sphinx tag, so
pages can say ```{only} instructor```: content outside the edition is absent from the build, not
hidden. Instructor-only pages live in `book/instructor/` and are excluded from student builds.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from sourcebook import __version__
from sourcebook.errors import SourcebookError

EDITIONS = ("student", "instructor")
ASSETS = Path(__file__).parent / "static"
TEMPLATES = Path(__file__).parent / "templates"
logger = logging.getLogger(__name__)


def _config_inited(app: Sphinx, config) -> None:
    edition = config.sourcebook_edition
    if edition not in EDITIONS:
        raise ValueError(f"sourcebook_edition must be one of {EDITIONS}, not {edition!r}")
    for other in EDITIONS:
        if app.tags.has(other) and other != edition:
            app.tags.remove(other)
    app.tags.add(edition)
    if edition == "student":
        config.exclude_patterns.append("book/instructor/**")
    # A book without a favicon of its own gets the kit's (a plain page): without one every page
    # makes the browser ask the host for /favicon.ico, a 404 in the console.
    if not config.html_favicon:
        config.html_favicon = str(ASSETS / "favicon.png")
    # Theme-level template fixes; the assets are shipped minified at builder-inited.
    config.templates_path = [str(TEMPLATES), *config.templates_path]
    # A school's own JupyterHub (given at build time, e.g. by the publishing workflow) adds a
    # JupyterHub launch button beside Binder and Colab; _config.yml stays the same for everyone.
    if config.sourcebook_jupyterhub_url:
        options = dict(config.html_theme_options or {})
        options["launch_buttons"] = {**options.get("launch_buttons", {}),
                                     "jupyterhub_url": config.sourcebook_jupyterhub_url}
        config.html_theme_options = options
    if edition == "student":
        config.html_theme_options = student_links(dict(config.html_theme_options or {}),
                                                  config.sourcebook_student_repository)


def student_links(options: dict, student_repository: str) -> dict:
    """The student edition links to nothing that holds a key: no repository, edit or issues
    button (the lesson's repository holds exercises/*.yml), and launch buttons only to the
    student kit (render/student_kit.py) when `sourcebook_student_repository` names one
    ("https://github.com/org/repo" or "…/repo@branch")."""
    for button in ("use_repository_button", "use_edit_page_button", "use_issues_button",
                   "use_source_button"):
        options[button] = False
    if student_repository:
        url, _, branch = student_repository.partition("@")
        options.update(repository_url=url, repository_branch=branch or "main", path_to_docs="")
    else:
        options["launch_buttons"] = {k: v for k, v in (options.get("launch_buttons") or {}).items()
                                     if k not in ("binderhub_url", "colab_url", "jupyterhub_url",
                                                  "deepnote_url")}
        options.pop("repository_url", None)
    return options


WIDGET_ASSETS = ("sourcebook.js", "sourcebook.css")


def _ship_assets(app: Sphinx) -> Path:
    """Minified copies of the kit's JS (its ES modules bundled into one script, with the JS
    modules of the lesson's own item types registered from `book/_ext/`) and CSS, and
    the student bundle the live notebook shows (render/student_bundle.py: the sets' and readers'
    fragments, no key), in a folder of this build's own."""
    from sourcebook.items.registry import front_ends, without_front_end
    from sourcebook.model.lesson_types import load_lesson_types
    from sourcebook.render import static
    from sourcebook.render.minify import minified
    try:
        load_lesson_types(app.srcdir)     # `sourcebook: item_types:` in _config.yml
    except SourcebookError as err:
        logger.warning(f"sourcebook: {err}")
    folder = Path(app.doctreedir) / "_kit_static"
    folder.mkdir(parents=True, exist_ok=True)
    for name in without_front_end():
        logger.warning(f'sourcebook: item type "{name}" names no front-end module '
                       "(ItemType front_end=...): its items cannot be checked on the page")
    for path in static.asset_paths():
        (folder / path.name).write_text(minified(path, item_types=front_ends()), encoding="utf-8")
    for path in sorted(ASSETS.glob("sourcebook-theme.*")):
        (folder / path.name).write_text(minified(path), encoding="utf-8")
    try:
        from sourcebook.render.student_bundle import write_bundle
        from sourcebook.sphinx.directives import book_context
        write_bundle(book_context(str(app.srcdir)), folder)
    except Exception as err:  # noqa: BLE001 - a book that does not load reports it on its pages
        from sphinx.util import logging
        logging.getLogger(__name__).warning(f"sourcebook: no student bundle for notebooks: {err}")
    return folder


def _copy_current_assets(app: Sphinx, exception) -> None:
    """Sphinx copies static files only when it writes pages (and a change of the kit's files
    writes every page, asset_digest.py): a rebuild with nothing to rewrite would leave whatever
    `_static` holds, yesterday's widget code or none at all. The kit's own files are written at
    the end of every HTML build, from this build's minified copies."""
    import shutil
    if exception or app.builder.format != "html":
        return
    static_dir = Path(app.outdir) / "_static"
    static_dir.mkdir(parents=True, exist_ok=True)
    for path in sorted((Path(app.doctreedir) / "_kit_static").glob("sourcebook*")):
        shutil.copyfile(path, static_dir / path.name)


def _builder_inited(app: Sphinx) -> None:
    app.config.html_static_path.append(str(_ship_assets(app)))
    app.add_css_file("sourcebook-theme.css")
    app.add_js_file("sourcebook-theme.js", defer="defer")
    app.add_css_file("sourcebook.css")
    app.add_js_file("sourcebook.js", defer="defer")
    app.config.thebe_config = {**(app.config.thebe_config or {}), "always_load": False}


def _widget_assets_where_needed(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Pages without an exercise set or a close reader load none of the widget code."""
    body = context.get("body", "")
    if "sb-set" in body or "sb-reader" in body:
        return
    for key in ("script_files", "css_files"):
        context[key] = [a for a in context.get(key, [])
                        if Path(str(getattr(a, "filename", a) or "")).name not in WIDGET_ASSETS]


def _drop_thebe(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Live code runs through the launch buttons, not thebe; sphinx-thebe (always loaded by
    Jupyter Book) still adds its config script, twice on some builds, which throws a
    redeclaration error in every page. Nothing of thebe is needed in the static site."""
    scripts = context.get("script_files") or []
    context["script_files"] = [
        js for js in scripts
        if "thebe" not in str(js) and "THEBE_JS_URL" not in str(getattr(js, "attributes", {}))]


def _repair_aria(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """docutils marks bibliography entries role="doc-biblioentry", a role deprecated in
    DPUB-ARIA 1.1 and not allowed inside the role="list" wrapper it emits (axe:
    aria-deprecated-role, aria-required-children): as list items they read the same."""
    if "body" in context and "doc-biblioentry" in context["body"]:
        context["body"] = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')


def _collect_links(app: Sphinx, doctree) -> None:
    """Remember every external link of a page, for the publisher's link report (at read
    time, so the list survives incremental builds in the pickled environment)."""
    from docutils import nodes
    links = app.env.__dict__.setdefault("sourcebook_links", {})
    links[app.env.docname] = sorted({n["refuri"] for n in doctree.findall(nodes.reference)
                             if n.get("refuri", "").startswith(("http://", "https://"))})


def _collect_resolved_links(app: Sphinx, doctree, docname: str) -> None:
    """Links made while resolving (bibliography entries' URLs) join the page's list."""
    from docutils import nodes
    links = app.env.__dict__.setdefault("sourcebook_links", {})
    links[docname] = sorted(set(links.get(docname, [])) | {
        n["refuri"] for n in doctree.findall(nodes.reference)
        if n.get("refuri", "").startswith(("http://", "https://"))})


def _purge_links(app: Sphinx, env, docname: str) -> None:
    env.__dict__.get("sourcebook_links", {}).pop(docname, None)


def _write_link_report(app: Sphinx, exception) -> None:
    """external-links.csv beside the site: every outside URL and the pages that use it. No
    network is needed (or used) to build; a publisher checks these with a link checker."""
    import csv
    if exception or app.builder.format != "html":
        return
    by_url: dict[str, list[str]] = {}
    for docname, urls in sorted(app.env.__dict__.get("sourcebook_links", {}).items()):
        for url in urls:
            by_url.setdefault(url, []).append(docname)
    report = Path(app.outdir).parent / "external-links.csv"
    with report.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["url", "host", "pages"])
        for url, pages in sorted(by_url.items()):
            writer.writerow([url, url.split("/")[2], " ".join(pages)])
    logger.info(f"external links: {len(by_url)} listed in {report}")


def _complete_redirect(app: Sphinx, exception) -> None:
    """The site's index.html is a bare meta-refresh written by sphinx-external-toc. Without a
    favicon link a browser asks the *host root* for /favicon.ico (a 404 under a sub-path), and
    without a link a reader whose browser ignores refreshes is stuck: give it both."""
    import re
    from html import escape
    index = Path(app.outdir) / "index.html"
    if exception or app.builder.format != "html" or not index.is_file():
        return
    m = re.fullmatch(r'\s*<meta http-equiv="Refresh" content="0; url=([^"]+)" />\s*',
                     index.read_text(encoding="utf-8"))
    if not m:
        return
    target = m.group(1)
    icon = Path(app.config.html_favicon or "").name
    link = f'<link rel="icon" href="_static/{icon}">' if icon else ""
    index.write_text(
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(str(app.config.html_title))}'
        f'</title>{link}<meta http-equiv="Refresh" content="0; url={target}"></head><body>'
        f'<p><a href="{target}">Start reading</a></p></body></html>\n', encoding="utf-8")


def _rewrite_citing_pages_when_the_bibliography_changes(app: Sphinx, env) -> list[str]:
    """sphinxcontrib-bibtex re-renders the bibliography page when references.bib changes, but
    not the pages that cite it: an incremental build would keep yesterday's "(Matray, 2002)"
    there. When the .bib files' bytes change, every citing page is written again."""
    import hashlib
    digest = hashlib.sha256()
    # A book without bibtex_bibfiles has no sphinxcontrib-bibtex (Jupyter Book adds it only
    # then), so neither the setting nor the "cite" domain exists: nothing to rewrite.
    if "bibtex_bibfiles" not in app.config:
        return []
    for name in app.config.bibtex_bibfiles or []:
        path = Path(app.confdir) / name
        digest.update(path.read_bytes() if path.is_file() else b"")
    before = env.__dict__.get("sourcebook_bib_digest")
    env.sourcebook_bib_digest = digest.hexdigest()
    if before is None or before == env.sourcebook_bib_digest:
        return []
    return sorted({ref.docname for ref in env.get_domain("cite").citation_refs})


def setup(app: Sphinx) -> dict:
    from sourcebook.sphinx import (asset_digest, assignment_links, assignments, directives,
                                   figures, frus_role, item_type_digest, light_pages, pacing,
                                   phone_figures, stacked_tables, student_notebooks)
    from sourcebook.sphinx.bibtex_lookups import remember_plugin_lookups

    app.add_config_value("sourcebook_edition", "student", "env", [str])
    app.add_config_value("sourcebook_jupyterhub_url", "", "html", [str])
    app.add_config_value("sourcebook_student_repository", "", "env", [str])
    app.connect("config-inited", _config_inited)
    figures.setup(app)                 # first: the figures draw while everything else runs
    remember_plugin_lookups()
    app.connect("builder-inited", _builder_inited)
    app.connect("html-page-context", _drop_thebe)
    app.connect("env-updated", _rewrite_citing_pages_when_the_bibliography_changes)
    asset_digest.setup(app)            # the kit's JS/CSS changed: every page links today's ?v=
    item_type_digest.setup(app)        # a lesson's item-type module changed: every page read
    app.connect("html-page-context", _repair_aria)
    app.connect("html-page-context", _widget_assets_where_needed)
    app.connect("doctree-read", _collect_links)
    app.connect("doctree-resolved", _collect_resolved_links)
    app.connect("env-purge-doc", _purge_links)
    app.connect("build-finished", _write_link_report)
    app.connect("build-finished", _complete_redirect, priority=900)
    app.connect("build-finished", _copy_current_assets)
    directives.setup(app)
    frus_role.setup(app)
    assignments.setup(app)
    light_pages.setup(app)
    pacing.setup(app)
    assignment_links.setup(app)
    stacked_tables.setup(app)
    phone_figures.setup(app)
    student_notebooks.setup(app)
    return {"version": __version__, "parallel_read_safe": False, "parallel_write_safe": True,
            "env_version": 1}
