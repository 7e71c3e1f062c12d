"""Which tables the kit stacks into cards on a phone, and how their cells are labelled."""

from __future__ import annotations

from sourcebook.sphinx.stacked_tables import label_stacked_tables, mark_long_code, narrowest_width_px


def table(header: list[str], *rows: list[str], cls: str = "table") -> str:
    head = "".join(f"<th>{h}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def stacked(html: str) -> bool:
    return "sb-stacked" in label_stacked_tables(html)


def test_four_columns_stack_and_each_cell_gets_its_columns_name():
    out = label_stacked_tables(table(["Item", "Type", "Answer", "Why"], ["a", "b", "c", "d"]))
    assert out.startswith('<table class="table sb-stacked">')
    assert '<td data-label="Item">a</td>' in out and '<td data-label="Why">d</td>' in out


def test_three_columns_of_short_words_stay_a_table():
    html = table(["Date", "What", "Why"], ["12 January", "Rusk writes", "to keep a foothold"])
    assert label_stacked_tables(html) == html


def test_three_columns_whose_longest_words_overflow_a_phone_stack():
    long_words = ["contextualization", "interpretations", "CCSS.ELA-LITERACY.WHST.9-10.1"]
    assert stacked(table(["A", "B", "C"], long_words))


def test_a_hyphen_before_a_digit_is_no_break_but_one_before_a_letter_is():
    # "9-10" stays on one line (Unicode line breaking); "ELA-" may end one
    whole, split = table(["A"], ["LITERACY.9-10"]), table(["A"], ["ELA-LITERACY"])
    assert narrowest_width_px(whole) > narrowest_width_px(split)


def test_long_code_and_outside_links_may_break_anywhere_so_do_not_widen_a_column():
    url = "https://history.state.gov/historicaldocuments/frus1951v07p1/d52"
    outside = f'<a class="reference external" href="{url}">{url}</a>'
    inside = '<a class="reference internal" href="x.html">Corroborationcorroboration</a>'
    long_code = mark_long_code(table(["A"], [f"<code>{url}</code>"]))
    assert narrowest_width_px(table(["A"], [outside])) == narrowest_width_px(long_code)
    assert narrowest_width_px(table(["A"], [outside])) < narrowest_width_px(table(["A"], [inside]))


def test_the_author_can_keep_a_table_or_stack_one():
    wide = table(["A", "B", "C", "D"], ["1", "2", "3", "4"], cls="sb-unstacked table")
    assert label_stacked_tables(wide) == wide
    narrow = label_stacked_tables(table(["A", "B"], ["1", "2"], cls="sb-stacked table"))
    assert '<td data-label="A">1</td>' in narrow


def test_a_table_without_a_header_row_is_left_alone():
    # its cards would have no names to show
    html = '<table class="table"><tbody><tr><td>1</td><td>2</td><td>3</td><td>4</td></tr></tbody></table>'
    assert label_stacked_tables(html) == html


def test_a_rows_own_header_is_not_labelled_and_does_not_shift_the_labels():
    # a list table's stub column: <th> first in each body row (the review page's rubric)
    html = ('<table class="table"><thead><tr><th>Criterion</th><th>4</th><th>3</th><th>2</th></tr>'
            '</thead><tbody><tr><th class="stub">Claim</th><td>a</td><td>b</td><td>c</td></tr>'
            '</tbody></table>')
    out = label_stacked_tables(html)
    assert '<th class="stub">Claim</th><td data-label="4">a</td>' in out
    assert '<td data-label="2">c</td>' in out


def test_only_long_code_is_marked_to_break_anywhere_short_code_keeps_its_width():
    out = label_stacked_tables(table(["Field", "Path"], [
        '<code class="literal"><span class="pre">explanation</span></code>',
        "<code>book/data/guides/muccio-1951-01-10.yml</code>"]))
    assert '<code class="literal">' in out and '<code class="sb-long">book/data' in out
    short = table(["A"], ['<code class="literal">explanation</code>'])
    assert narrowest_width_px(short) == narrowest_width_px(table(["A"], ["explanation"]))


def test_a_header_spanning_columns_names_each_column_it_spans():
    html = ('<table class="table"><thead><tr><th colspan="2">Name</th><th>Date</th><th>Place</th>'
            '<th>Why</th></tr></thead><tbody><tr><td>Dean</td><td>Rusk</td><td>1951</td>'
            '<td>Washington</td><td>memo</td></tr></tbody></table>')
    out = label_stacked_tables(html)
    assert '<td data-label="Name">Rusk</td><td data-label="Date">1951</td>' in out
    assert '<td data-label="Why">memo</td>' in out


def test_a_cell_spanning_columns_or_rows_does_not_shift_the_labels_after_it():
    html = table(["A", "B", "C", "D"], ["x"]).replace(
        "<tr><td>x</td></tr>",
        '<tr><td colspan="2">ab</td><td rowspan="2">c</td><td>d</td></tr>'
        '<tr><td>a</td><td>b</td><td>d2</td></tr>')
    out = label_stacked_tables(html)
    assert '<td data-label="A" colspan="2">ab</td>' in out
    assert '<td data-label="C" rowspan="2">c</td><td data-label="D">d</td>' in out
    assert '<td data-label="B">b</td><td data-label="D">d2</td>' in out


def test_two_header_rows_label_each_column_with_its_lowest_header():
    # a grid table's header: "Who" over First and Last, "When" over Day and Year
    html = ('<table class="table"><thead><tr><th colspan="2">Who</th><th colspan="2">When</th>'
            '</tr><tr><th>First</th><th>Last</th><th>Day</th><th>Year</th></tr></thead>'
            '<tbody><tr><td>Dean</td><td>Rusk</td><td>12</td><td>1951</td></tr></tbody></table>')
    out = label_stacked_tables(html)
    assert '<td data-label="First">Dean</td>' in out and '<td data-label="Year">1951</td>' in out


def test_a_hostile_span_neither_hangs_nor_fills_memory():
    html = table(["A", "B", "C", "D"], ["1", "2", "3", "4"]).replace(
        "<th>A</th>", '<th colspan="999999999" rowspan="999999999">A</th>').replace(
        "<td>1</td>", '<td colspan="999999999" rowspan="999999999">1</td>')
    assert 'data-label="A"' in label_stacked_tables(html)


def test_a_table_inside_a_table_is_left_alone():
    # the inner table's cells are not the outer table's columns
    inner = table(["X", "Y", "Z", "W"], ["1", "2", "3", "4"])
    html = table(["A", "B", "C", "D"], [inner, "b", "c", "d"])
    assert label_stacked_tables(html) == html
