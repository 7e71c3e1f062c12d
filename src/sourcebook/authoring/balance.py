"""Answer keys a blind student could exploit: `sourcebook check` warns about them.

Options are dealt per student on the page, but a printed worksheet of version A and a reader of
the YAML see data order, and a habit of the author (the right answer first, "False" most of the
time) is worth catching. Per set, with enough items to mean something:

* single choice: one position holds more than half of the right answers (4+ items);
* true/false: fewer than a quarter or more than three quarters are true (4+ items);
* multiple select: the first option is right in every item (3+ items).
"""

from __future__ import annotations

from collections import Counter

from sourcebook.errors import SourcebookError


def key_warnings(loaded_set) -> list[SourcebookError]:
    items = loaded_set.items
    shown = loaded_set.shown or str(loaded_set.path)
    out = []

    def warn(message: str) -> None:
        out.append(SourcebookError(shown, message, severity="warning", field="answers"))

    single = [i for i in items if i.type == "single-choice"]
    if len(single) >= 4:
        positions = Counter(i.option_ids().index(i.answer) for i in single)
        pos, n = positions.most_common(1)[0]
        if n > len(single) / 2:
            warn(f"{n} of the {len(single)} single-choice answers are option {pos + 1} in data "
                 "order; spread the right answers over the positions")
    tf = [i for i in items if i.type == "true-false"]
    if len(tf) >= 4:
        true = sum(1 for i in tf if i.answer)
        if not len(tf) / 4 <= true <= 3 * len(tf) / 4:
            warn(f"{true} of the {len(tf)} true/false statements are true; aim for about half")
    multi = [i for i in items if i.type == "multiple-select"]
    if len(multi) >= 3 and all(i.option_ids()[0] in i.answers for i in multi):
        warn(f"the first option is right in all {len(multi)} multiple-select items")
    return out
