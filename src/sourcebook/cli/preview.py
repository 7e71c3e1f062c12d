"""`sourcebook preview`: serve the book on localhost, rebuild on save, reload the open page.

One Sphinx application stays warm (`sphinx.warm_build.WarmBook`) and builds into the same
folder as `sourcebook build`; watchfiles reports saved files within ~50 ms. Every HTML page is
served with a small script listening to `/__preview__/events` (server-sent events): when a
rebuild finishes, the open page reloads. While the book has an error (an invalid exercise file,
an unknown citation, a `_config.yml` or `_toc.yml` the application cannot start from) every
page shows that error instead of the stale page, and reloads by itself once the file is fixed. The server listens on the loopback interface only.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from html import escape
from pathlib import Path
from urllib.parse import unquote, urlsplit

import click

EVENTS = "/__preview__/events"
STATE = "/__preview__/state"
RELOAD_SCRIPT = (
    '<script>(() => {{ const shown = {version};'
    ' const events = new EventSource("' + EVENTS + '");'
    ' events.onmessage = (e) => {{ if (Number(e.data) !== shown) {{ events.close();'
    ' location.reload(); }} }}; }})();</script>')
WATCHED_SUFFIXES = {".md", ".ipynb", ".yml", ".yaml", ".bib", ".txt", ".py", ".png", ".jpg",
                    ".jpeg", ".svg", ".css", ".js"}
IGNORED_PARTS = {"_build", "_generated", ".sourcebook-cache", ".git", "__pycache__",
                 ".ipynb_checkpoints", ".venv", "node_modules", ".pytest_cache"}
RESTART_FILES = {"_config.yml", "_toc.yml"}     # read when the application starts
WATCHED_FOLDERS = ("book", "exercises", "seeds")


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass                     # a page that reloads mid-response closes its connection


class PreviewState:
    """The last build's outcome; `version` goes up with every build, waking the pages."""

    def __init__(self):
        self.version = 0
        self.problems: list[str] = []
        self.pages: list[str] = []          # what the last build wrote
        self.seconds = 0.0
        self._changed = threading.Condition()

    def publish(self, result) -> None:
        with self._changed:
            self.version += 1
            self.problems, self.seconds = list(result.problems), result.seconds
            self.pages = list(result.pages)
            self._changed.notify_all()

    def wait_past(self, version: int, timeout: float) -> int:
        with self._changed:
            self._changed.wait_for(lambda: self.version != version, timeout)
            return self.version


class _Handler(http.server.SimpleHTTPRequestHandler):
    state: PreviewState
    root: Path
    stopping: threading.Event

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self):
        path = urlsplit(self.path).path
        if path == EVENTS:
            return self._events()
        if path == STATE:
            return self._send(200, "application/json", json.dumps(
                {"version": self.state.version, "ok": not self.state.problems,
                 "problems": self.state.problems, "pages": self.state.pages,
                 "seconds": self.state.seconds}))
        target = Path(self.translate_path(unquote(path)))
        if target.is_dir():
            target = target / "index.html"
        if target.suffix != ".html":
            return super().do_GET()
        script = RELOAD_SCRIPT.format(version=self.state.version)
        if self.state.problems:     # 200: a page like any other, which reloads when fixed
            return self._send(200, "text/html", self._error_page(script))
        if not target.is_file():
            return super().do_GET()
        html = target.read_text(encoding="utf-8")
        cut = html.rfind("</body>")
        html = html[:cut] + script + html[cut:] if cut >= 0 else html + script
        return self._send(200, "text/html", html)

    def _error_page(self, script: str) -> str:
        lines = "\n".join(p.replace(str(self.root) + "/", "") for p in self.state.problems)
        return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
                '<title>The book did not build</title><link rel="icon" href="data:,"></head>'
                '<body style="font-family:sans-serif;max-width:60rem;margin:2rem auto;'
                'padding:0 1rem"><h1>The book did not build</h1>'
                '<p>Fix the file and save it: this page reloads by itself.</p>'
                f'<pre class="sb-preview-error" style="white-space:pre-wrap;background:#fff3f3;'
                f'border:1px solid #c00;padding:1rem">{escape(lines)}</pre>{script}</body></html>')

    def _send(self, status: int, kind: str, body: str) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        version = -1
        try:
            while not self.stopping.is_set():
                now = self.state.wait_past(version, timeout=1.0)
                message = f"data: {now}\n\n" if now != version else ": still here\n\n"
                self.wfile.write(message.encode())
                self.wfile.flush()
                version = now
        except (BrokenPipeError, ConnectionResetError):
            pass                                    # the page reloaded or closed


def _wanted(root: Path, change, path: str) -> bool:
    p = Path(path)
    try:
        parts = p.relative_to(root).parts
    except ValueError:
        return False
    return (not IGNORED_PARTS.intersection(parts) and p.suffix in WATCHED_SUFFIXES
            and not p.name.endswith("-answers.json"))


def watched_paths(root: Path) -> list[Path]:
    """The book's folders and configuration, and the folders of the lesson's own item types
    (`_config.yml` may declare them anywhere in the book, and their JS modules live where
    `front_end=` says) that are not inside those already."""
    from sourcebook.errors import SourcebookError
    from sourcebook.items.registry import lesson_types
    from sourcebook.model.lesson_types import declared
    root = Path(root).resolve()
    paths = [root / name for name in (*WATCHED_FOLDERS, *sorted(RESTART_FILES))
             if (root / name).exists()]
    try:
        modules = declared(root)
    except SourcebookError:          # the build reports it; a fixed _config.yml restarts
        modules = []
    fronts = [t.front_end.resolve() for t in lesson_types() if t.front_end is not None]
    for folder in sorted({p.parent for p in [*modules, *fronts]}):
        if folder.is_dir() and folder.is_relative_to(root) and \
                not any(folder.is_relative_to(p) for p in paths):
            paths.append(folder)
    return paths


class Preview:
    """A running preview: `start()` builds once and serves; `stop()` ends both threads."""

    def __init__(self, root: Path, edition: str = "student", port: int = 8000):
        self.root = Path(root).resolve()
        self.edition = edition
        self.state = PreviewState()
        self.stopping = threading.Event()
        handler = type("PreviewHandler", (_Handler,), {
            "state": self.state, "root": self.root, "stopping": self.stopping})
        self._handler = handler
        self._port = port
        self.server: _Server | None = None
        self._ready = threading.Event()
        self._failure: BaseException | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/"

    def start(self, timeout: float = 600) -> None:
        threading.Thread(target=self._build_loop, name="preview-build", daemon=True).start()
        if not self._ready.wait(timeout) or self._failure:
            self.stop()
            raise click.ClickException(f"the preview could not start: {self._failure}")
        html = self.book_html
        self.server = _Server(("127.0.0.1", self._port),
                              functools.partial(self._handler, directory=str(html)))
        threading.Thread(target=self.server.serve_forever, name="preview-http", daemon=True).start()

    def stop(self) -> None:
        self.stopping.set()
        if self.server:
            self.server.shutdown()
            self.server.server_close()

    def _build_loop(self) -> None:
        import logging

        import watchfiles

        from sourcebook.sphinx.warm_build import WarmBook
        logging.getLogger("watchfiles").setLevel(logging.WARNING)   # one line per save otherwise
        try:
            book = WarmBook(self.root, self.edition)
            self.book_html = book.html
            self.state.publish(book.rebuild())
        except BaseException as err:  # noqa: BLE001 - reported by start()
            self._failure = err
            self._ready.set()
            return
        self._ready.set()
        try:
            while not self.stopping.is_set():     # watched again after a _config.yml edit
                wanted = functools.partial(_wanted, self.root)
                paths = watched_paths(self.root)
                for changes in watchfiles.watch(
                        *paths, watch_filter=wanted, debounce=50, step=20,
                        stop_event=self.stopping, yield_on_timeout=False, raise_interrupt=False):
                    saved = {Path(p).name for _, p in changes}
                    restart = book is None or bool(saved & RESTART_FILES)
                    if restart:                   # configuration is read at start
                        book = self._restarted(book, sorted(saved & RESTART_FILES))
                    if book is not None:
                        self.state.publish(book.rebuild())
                    if restart and watched_paths(self.root) != paths:
                        break                     # a new watcher: saves meanwhile are lost
        finally:
            if book is not None:
                book.close()

    def _restarted(self, book, saved: list[str]):
        """A new warm application for the edited configuration; None when it cannot start: its
        error is then shown like a build's (in the page and the terminal), and the next save,
        of any watched file, tries again."""
        from sourcebook.errors import SourcebookError
        from sourcebook.sphinx.warm_build import BuildResult, WarmBook
        if book is not None:
            book.close()
        try:
            return WarmBook(self.root, self.edition)
        except Exception as err:  # noqa: BLE001 - the author's configuration, shown to them
            if isinstance(err, SourcebookError):
                problem = str(err)
            else:
                where = " or ".join(saved or sorted(RESTART_FILES))
                problem = f"{where}: the book cannot start: {type(err).__name__}: {err}"
            self.state.publish(BuildResult(False, 0.0, [problem]))
            click.echo(f"The book did not build: {problem}", err=True)
            return None


@click.command()
@click.option("--edition", type=click.Choice(["student", "instructor"]), default="student",
              show_default=True)
@click.option("--port", type=int, default=8000, show_default=True,
              help="Port on 127.0.0.1 (0: any free port).")
@click.option("--root", type=click.Path(file_okay=False, exists=True), default=None,
              help="The book's folder (default: found upwards from here).")
def preview(edition: str, port: int, root: str | None) -> None:
    """Serve the book on localhost; rebuild on save and reload the open page."""
    from sourcebook.cli import _root
    running = Preview(_root(root), edition, port)
    click.echo("Building ...")
    running.start()
    click.echo(f"Previewing the {edition} edition at {running.url} (Ctrl-C to stop)")
    try:
        running.stopping.wait()
    except KeyboardInterrupt:
        pass
    finally:
        running.stop()
