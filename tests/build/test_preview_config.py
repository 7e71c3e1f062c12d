"""The live preview (`Preview`, driven here without a browser) after an author breaks
`_config.yml` or `_toc.yml`: the error is shown in place of every page, naming the file and
line, and in the terminal; the preview keeps watching, and the fixed file builds again."""

from __future__ import annotations

import threading
from urllib.request import urlopen

import pytest

from sourcebook.cli.preview import Preview
from tests.build.test_warm_item_type import saved_until_rebuilt

HOSTILE = "book/<img src=x onerror=alert(1)>"      # a page name an author may type


@pytest.fixture
def running(tiny_book):
    preview = Preview(tiny_book, port=0)
    preview.start(timeout=600)
    yield preview
    preview.stop()


def page(running, name: str = "book/memo.html") -> str:
    with urlopen(running.url + name, timeout=30) as response:
        return response.read().decode("utf-8")


def still_building(running) -> bool:
    return any(t.name == "preview-build" for t in threading.enumerate()) and \
        not running.stopping.is_set()


def test_a_config_that_is_not_yaml_is_shown_until_it_is_fixed(running, tiny_book, capsys):
    config = tiny_book / "_config.yml"
    line = config.read_text(encoding="utf-8").splitlines().index("title: Tiny book") + 1
    saved_until_rebuilt(running, config, "title: Tiny book", "title: Tiny book: a colon")
    [problem] = running.state.problems          # libyaml and PyYAML word the rest differently
    assert problem.startswith(f"_config.yml:{line}: not valid YAML: mapping values are not "
                              "allowed"), problem
    shown = page(running)
    assert 'class="sb-preview-error"' in shown and f"_config.yml:{line}: not valid YAML" in shown
    assert "The book did not build: _config.yml:" in capsys.readouterr().err
    assert still_building(running)

    saved_until_rebuilt(running, config, "title: Tiny book: a colon", "title: Tiny book")
    assert running.state.problems == []
    assert "sb-preview-error" not in page(running) and "The memo" in page(running)


def test_a_toc_naming_a_missing_page_is_shown_until_it_is_fixed(running, tiny_book):
    toc = tiny_book / "_toc.yml"
    entry = "      - file: book/memo\n"
    line = toc.read_text(encoding="utf-8").splitlines().index(entry.rstrip()) + 2
    saved_until_rebuilt(running, toc, entry, f"{entry}      - file: {HOSTILE}\n")
    assert f'_toc.yml:{line}: "{HOSTILE}": no such page in the book' in running.state.problems
    shown = page(running)
    assert "onerror" in shown and "<img" not in shown, "the author's text was rendered as HTML"
    assert "&lt;img src=x onerror=alert(1)&gt;" in shown
    assert still_building(running)
    memo = tiny_book / "book" / "memo.md"                  # shown still after another save
    saved_until_rebuilt(running, memo, "# The memo", "# The memo, edited")
    assert f'_toc.yml:{line}: "{HOSTILE}": no such page in the book' in running.state.problems

    saved_until_rebuilt(running, toc, f"{entry}      - file: {HOSTILE}\n", entry)
    assert running.state.problems == []
    assert "The memo, edited" in page(running)


def test_a_config_sphinx_refuses_and_a_bad_item_types_entry_are_shown(running, tiny_book, capsys):
    config = tiny_book / "_config.yml"
    theme = "  config:\n    html_theme: no_such_theme\n"
    saved_until_rebuilt(running, config, "  config:\n", theme)
    [problem] = running.state.problems
    assert problem.startswith("_config.yml: the book cannot start: ThemeError: "), problem
    assert "no_such_theme" in page(running)
    assert "The book did not build: _config.yml: the book cannot start" in capsys.readouterr().err

    # Sphinx starts, and warns about the entry while it starts: the next build shows that warning
    saved_until_rebuilt(running, config, theme, "  config:\n")
    assert running.state.problems == []
    saved_until_rebuilt(running, config, '  content_version: "1"\n',
                        '  content_version: "1"\n  item_types: book/number_item.py\n')
    assert any("_config.yml: sourcebook.item_types: item_types must be a list" in p
               for p in running.state.problems), running.state.problems
    saved_until_rebuilt(running, config, "  item_types: book/number_item.py\n", "")
    assert running.state.problems == []
    assert "The memo" in page(running)
