"""The JS and CSS as shipped: minified, and never damaged by the minifier."""

from __future__ import annotations

import pytest

from sourcebook.render import static
from sourcebook.render.bundle import bundle
from sourcebook.render.minify import MinifyError, minified, nested_template_lines
from sourcebook.sphinx import ASSETS


def test_nested_template_literals_are_found_by_line():
    js = ("const a = `plain ${x} text`;\n"
          "const b = `outer ${f(`inner [x] .y`)} end`;\n"
          "const c = `escaped \\` backtick ${ {k: 1}.k } and ${'}'.length}`;\n")
    assert nested_template_lines(js) == [2]
    assert nested_template_lines(js.splitlines()[0] + "\n" + js.splitlines()[2]) == []


def test_a_nested_template_literal_is_refused_naming_file_and_line(tmp_path):
    path = tmp_path / "widget.js"
    path.write_text("let s = 1;\nsay(`${$(sec, `.a[x=${v}] .b`).textContent} lens`);\n")
    with pytest.raises(MinifyError, match=r"widget\.js: line 2: a template literal inside"):
        minified(path)


@pytest.mark.parametrize("path", [*static.asset_paths(), *sorted(ASSETS.glob("sourcebook-theme.*"))],
                         ids=lambda p: p.name)
def test_every_shipped_asset_minifies_and_shrinks(path):
    small = minified(path)
    full = bundle(path) if path.suffix == ".js" else path.read_text(encoding="utf-8")
    assert 0 < len(small) < len(full)


def test_the_lens_announcement_keeps_its_descendant_selector():
    js = minified(next(p for p in static.asset_paths() if p.suffix == ".js"))
    assert "'.sb-lp[data-lens=\"'+CSS.escape(lens)+'\"] .sb-lt'" in js
