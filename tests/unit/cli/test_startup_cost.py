"""The command's start-up skips work nobody uses: every `sourcebook build` is its own process
(and the tests start dozens), so a second of imports is paid each time."""

from __future__ import annotations

import subprocess
import sys


def test_the_command_does_not_compile_the_unused_iri_grammar():
    # jupyter-book imports jsonschema, which would import rfc3987_syntax (about 1 s) only to
    # register an "iri" format check that no validation here asks for
    probe = ("import sys, sourcebook.cli, jupyter_book.config, jsonschema\n"
             "print(sys.modules.get('rfc3987_syntax') is None, 'iri' in jsonschema.FormatChecker.checkers)")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.split() == ["True", "False"]
