"""The written-work page shows each prompt as students saw it: *emphasis* and **strong** as
formatting, not asterisks; the student's own text stays escaped."""

from __future__ import annotations

from sourcebook.grading.written import _answer_block


def test_a_prompt_with_emphasis_is_formatted_and_the_answer_escaped(book_sets):
    _, sets = book_sets
    item = next(i for s in sets for i in s.items
                if i.type == "short-answer" and "*laboratory*" in i.prompt)
    html = _answer_block(item, {"text": "<b>Rusk</b> *means* a test", "self": []})
    assert "<em>laboratory</em>" in html and "*laboratory*" not in html
    assert "&lt;b&gt;Rusk&lt;/b&gt; *means* a test" in html
