"""Tables that stack on a phone: below 600 px a table with the class `sb-stacked` becomes one
card per row, each cell under its column's name.

    :::{table}
    :class: sb-stacked
    | # | Document | Date | ... |
    :::

The kit also stacks, by itself, every table with a header that a phone could not show side by
side without breaking words or scrolling: four or more columns, or columns whose longest words
add up to more than a phone's width. The class `sb-unstacked` keeps a table a table.

At build time every body cell of a stacked table gets `data-label="<its column's header>"`; the
CSS (`sourcebook-theme.css`) shows the label before the cell when the screen is narrow (a row's
own header, a stub column's <th>, is its card's title). No script. Long code in any table is
marked `sb-long`: only it may break anywhere on a phone.
"""

from __future__ import annotations

import re
from html import escape, unescape

_TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.S)
_CLASS = re.compile(r'^(<table\b[^>]*?\bclass=")([^"]*)(")')
_HEAD_CELL = re.compile(r"<th\b([^>]*)>(.*?)</th>", re.S)
_ROW = re.compile(r"<tr\b[^>]*>.*?</tr>", re.S)
_CELL = re.compile(r"<t([hd])\b[^>]*>(.*?)</t\1>", re.S)
_BODY_CELL = re.compile(r"<t([hd])\b([^>]*)>")
_TAGS = re.compile(r"<[^>]+>")
_SPAN = re.compile(r'\b(col|row)span="?(\d+)')
MAX_SPAN = 100              # a cell spans at most this many columns or rows here (a hostile page)
# Long code (a path, a URL: the kit marks it `sb-long`) and links to other sites may break
# anywhere in a phone's table (the CSS): they never widen a column. Short code, such as a
# field's name, and a link inside the book (a title) keep their words whole, and so count.
_BREAKABLE = re.compile(r'<(code|a)\b(?=[^>]*\bclass="[^"]*\b(?:sb-long|external)\b)[^>]*>.*?</\1>', re.S)
_CODE = re.compile(r"<code\b([^>]*)>(.*?)</code>", re.S)
# Where a line may break inside a word: after a hyphen or a slash not followed by a digit
# (Unicode line breaking keeps "9-12" and "1/2" together), after an en or em dash.
_WORD_BREAK = re.compile(r"(?<=[-/])(?=[^\d])|(?<=[–—])")

MANY_COLUMNS = 4            # a 390 px phone leaves under 90 px a column: cards read better
PHONE_TABLE_PX = 358        # a 390 px phone's article column (measured)
CHAR_PX = 9                 # a character of table text is 8.5 px on average: errs toward cards
CELL_PADDING_PX = 10        # the phone CSS's .3rem either side
LONG_CODE_CHARS = 20        # longer, a code word would take over half a phone's column


def _spans(attrs: str) -> dict[str, int]:
    spans = {"col": 1, "row": 1}
    for which, n in _SPAN.findall(attrs):
        spans[which] = max(1, min(int(n), MAX_SPAN))
    return spans


def _starts(rows: list[list[str]]) -> list[list[tuple[int, int]]]:
    """For each row's cells (their attributes), the first column each fills and how many it
    spans, as a browser lays out colspan and rowspan."""
    taken: dict[int, set[int]] = {}         # row -> columns a cell above spans into
    out = []
    for r, cells in enumerate(rows):
        column, starts = 0, []
        for attrs in cells:
            while column in taken.get(r, ()):
                column += 1
            spans = _spans(attrs)
            starts.append((column, spans["col"]))
            for below in range(r + 1, min(r + spans["row"], len(rows))):
                taken.setdefault(below, set()).update(range(column, column + spans["col"]))
            column += spans["col"]
        out.append(starts)
    return out


def _labels(table: str) -> list[str]:
    """Each column's name: the text of its lowest header cell."""
    head = re.search(r"<thead\b.*?</thead>", table, re.S)
    if not head:
        return []
    rows = [_HEAD_CELL.findall(row) for row in _ROW.findall(head.group(0))]
    names: dict[int, str] = {}
    for cells, starts in zip(rows, _starts([[attrs for attrs, _ in r] for r in rows])):
        for (_, text), (first, span) in zip(cells, starts):
            for column in range(first, first + span):
                names[column] = " ".join(unescape(_TAGS.sub("", text)).split())
    return [names.get(c, "") for c in range(max(names, default=-1) + 1)]


def label_cells(table: str) -> str:
    """The table with each body cell labelled by its column's header."""
    labels = _labels(table)
    body = re.search(r"<tbody\b.*?</tbody>", table, re.S)
    if not labels or not body:
        return table

    rows = _ROW.findall(body.group(0))
    columns = iter(_starts([[c.group(2) for c in _BODY_CELL.finditer(r)] for r in rows]))

    def row(m: re.Match) -> str:
        starts = iter(next(columns))

        def cell(c: re.Match) -> str:
            first, _ = next(starts)
            label = labels[first] if first < len(labels) else ""
            # a row's own header (a stub column's <th>) is its card's title: no label
            if c.group(1) == "h" or "data-label=" in c.group(2):
                return c.group(0)
            return f'<td data-label="{escape(label)}"{c.group(2)}>'
        return _BODY_CELL.sub(cell, m.group(0))

    labelled = _ROW.sub(row, body.group(0))
    return table[:body.start()] + labelled + table[body.end():]


def _longest_word(cell: str) -> int:
    text = unescape(_TAGS.sub(" ", _BREAKABLE.sub(" ", cell)))
    return max((len(part) for word in text.split() for part in _WORD_BREAK.split(word)), default=0)


def narrowest_width_px(table: str) -> float:
    """About how wide the table is at its narrowest when no word may break (its min-content
    width): each column as wide as its longest word, long code and outside links left out."""
    longest: dict[int, int] = {}
    for row in _ROW.findall(table):
        for column, (_, cell) in enumerate(_CELL.findall(row)):
            longest[column] = max(longest.get(column, 0), _longest_word(cell))
    return sum(n * CHAR_PX + CELL_PADDING_PX for n in longest.values())


def too_wide_for_a_phone(table: str) -> bool:
    columns = max((len(_CELL.findall(row)) for row in _ROW.findall(table)), default=0)
    return columns >= MANY_COLUMNS or narrowest_width_px(table) > PHONE_TABLE_PX


def mark_long_code(table: str) -> str:
    """The table with each code element holding a word of over LONG_CODE_CHARS marked
    `sb-long`: only those may break anywhere on a phone."""
    def mark(m: re.Match) -> str:
        attrs, words = m.group(1), unescape(_TAGS.sub("", m.group(2))).split()
        if max(map(len, words), default=0) <= LONG_CODE_CHARS:
            return m.group(0)
        if 'class="' in attrs:
            attrs = attrs.replace('class="', 'class="sb-long ', 1)
        else:
            attrs = f' class="sb-long"{attrs}'
        return f"<code{attrs}>{m.group(2)}</code>"
    return _CODE.sub(mark, table)


def _classes(table: str) -> list[str]:
    m = _CLASS.match(table)
    return m.group(2).split() if m else []


def stack_if_wide(table: str) -> str:
    """The table, labelled and stacked if its author asked for it or a phone could not show it."""
    table = mark_long_code(table)
    classes = _classes(table)
    if "sb-stacked" in classes:
        return label_cells(table)
    if "sb-unstacked" in classes or not _labels(table) or not too_wide_for_a_phone(table):
        return table
    if _CLASS.match(table):
        table = _CLASS.sub(lambda m: f"{m.group(1)}{m.group(2)} sb-stacked{m.group(3)}", table, 1)
    else:
        table = table.replace("<table", '<table class="sb-stacked"', 1)
    return label_cells(table)


def label_stacked_tables(html: str) -> str:
    # a table inside a table is left a table: the match ends at the inner one's </table>
    return _TABLE.sub(lambda m: m.group(0) if m.group(0).count("<table") > 1
                      else stack_if_wide(m.group(0)), html)


def _page_context(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body", "")
    if "<table" in body:
        context["body"] = label_stacked_tables(body)


def setup(app) -> None:
    app.connect("html-page-context", _page_context)
