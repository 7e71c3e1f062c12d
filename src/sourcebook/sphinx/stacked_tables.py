"""Tables that stack on a phone: a table with the class `sb-stacked` becomes one card per row
below 600 px, each cell under its column's name.

    :::{table}
    :class: sb-stacked
    | # | Document | Date | ... |
    :::

At build time every body cell of such a table gets `data-label="<its column's header>"`; the CSS
(`sourcebook-theme.css`) shows the label before the cell when the screen is narrow. No script.
"""

from __future__ import annotations

import re
from html import escape, unescape

_TABLE = re.compile(r'<table\b[^>]*class="[^"]*\bsb-stacked\b[^"]*"[^>]*>.*?</table>', re.S)
_HEAD_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_ROW = re.compile(r"<tr\b[^>]*>.*?</tr>", re.S)
_BODY_CELL = re.compile(r"<td\b(?![^>]*\bdata-label=)")
_TAGS = re.compile(r"<[^>]+>")


def _labels(table: str) -> list[str]:
    head = re.search(r"<thead\b.*?</thead>", table, re.S)
    if not head:
        return []
    return [" ".join(unescape(_TAGS.sub("", cell)).split()) for cell in _HEAD_CELL.findall(head.group(0))]


def label_cells(table: str) -> str:
    """The table with each body cell labelled by its column's header."""
    labels = _labels(table)
    body = re.search(r"<tbody\b.*?</tbody>", table, re.S)
    if not labels or not body:
        return table

    def row(m: re.Match) -> str:
        column = iter(labels)
        return _BODY_CELL.sub(lambda _: f'<td data-label="{escape(next(column, ""))}"', m.group(0))

    labelled = _ROW.sub(row, body.group(0))
    return table[:body.start()] + labelled + table[body.end():]


def label_stacked_tables(html: str) -> str:
    return _TABLE.sub(lambda m: label_cells(m.group(0)), html)


def _page_context(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body", "")
    if "sb-stacked" in body:
        context["body"] = label_stacked_tables(body)


def setup(app) -> None:
    app.connect("html-page-context", _page_context)
