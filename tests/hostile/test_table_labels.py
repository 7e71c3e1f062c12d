"""A table header from a page's source reaches an attribute of every cell of its column
(`data-label`, shown on phones): it stays text, never markup, whatever it holds."""

from __future__ import annotations

from html import escape

from sourcebook.sphinx.stacked_tables import label_stacked_tables


def test_a_header_that_closes_the_attribute_stays_text():
    evil = '"><img src=x onerror=alert(1)>'
    head = "".join(f"<th>{escape(h)}</th>" for h in [evil, "B", "C", "D"])
    html = (f'<table class="table"><thead><tr>{head}</tr></thead><tbody><tr><td>1</td>'
            '<td>2</td><td>3</td><td>4</td></tr></tbody></table>')
    out = label_stacked_tables(html)
    assert '<td data-label="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">1</td>' in out
    assert "<img" not in out
