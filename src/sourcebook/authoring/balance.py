"""Answer keys a blind student could exploit: `sourcebook check` warns about them.

Options are dealt per student on the page, but a printed worksheet of version A and a reader of
the YAML see data order, and a habit of the author (the right answer first, "False" most of the
time) is worth catching. Two checks, both warnings:

* **per set**, with enough items to mean something (`key_warnings`):
  single choice: one position holds more than half of the right answers (4+ items);
  true/false: fewer than a quarter or more than three quarters are true (4+ items);
  multiple select: the first option is right in every item (3+ items).
* **over the whole lesson**, every set pooled (`lesson_key_warnings`), so that many small sets
  keyed alike are caught too, with the limits of issue 12 (5+ items of a kind; not for a kind
  a set is already warned about, so one habit is not reported twice):
  single choice: no position holds more than 40 % of the right answers (or, when the items have
  too few options for that, more than an even spread would);
  true/false: 40-60 % are true;
  multiple select: no position is right in more than 60 % of the items (rounded up).
"""

from __future__ import annotations

import math
from collections import Counter

from sourcebook.errors import SourcebookError

LESSON_MIN = 5          # items of a kind before the lesson-wide limits mean something
SINGLE_SHARE = 0.4      # most right answers any one position may hold, lesson-wide
TRUE_SHARE = (0.4, 0.6)
MULTI_SHARE = 0.6


def _letter(position: int) -> str:
    return chr(ord("A") + position)


def _of_type(items, name: str) -> list:
    return [i for i in items if i.type == name]


# --------------------------------------------------------------------------- per set

def _set_single(single) -> str | None:
    if len(single) < 4:
        return None
    pos, n = Counter(i.option_ids().index(i.answer) for i in single).most_common(1)[0]
    if n > len(single) / 2:
        return (f"{n} of the {len(single)} single-choice answers are option {pos + 1} in data "
                "order; spread the right answers over the positions")
    return None


def _set_true_false(tf) -> str | None:
    true = sum(1 for i in tf if i.answer)
    if len(tf) >= 4 and not len(tf) / 4 <= true <= 3 * len(tf) / 4:
        return f"{true} of the {len(tf)} true/false statements are true; aim for about half"
    return None


def _set_multi(multi) -> str | None:
    if len(multi) >= 3 and all(i.option_ids()[0] in i.answers for i in multi):
        return f"the first option is right in all {len(multi)} multiple-select items"
    return None


# --------------------------------------------------------------------------- the whole lesson

def _lesson_single(single) -> str | None:
    if len(single) < LESSON_MIN:
        return None
    pos, n = Counter(i.option_ids().index(i.answer) for i in single).most_common(1)[0]
    widest = max(len(i.option_ids()) for i in single)
    # with few options an even spread itself may pass 40 %: then only worse than even warns
    if n > max(SINGLE_SHARE * len(single), math.ceil(len(single) / widest)):
        return (f"{n} of the {len(single)} single-choice answers are option {_letter(pos)} in "
                f"data order (at most {SINGLE_SHARE:.0%} should be); spread the right answers "
                "over the positions")
    return None


def _lesson_true_false(tf) -> str | None:
    true = sum(1 for i in tf if i.answer)
    low, high = TRUE_SHARE
    if len(tf) >= LESSON_MIN and not low * len(tf) <= true <= high * len(tf):
        return (f"{true} of the {len(tf)} true/false statements are true; aim for "
                f"{low:.0%}-{high:.0%}")
    return None


def _lesson_multi(multi) -> str | None:
    if len(multi) < LESSON_MIN:
        return None
    counts = Counter(i.option_ids().index(a) for i in multi for a in set(i.answers))
    pos, n = counts.most_common(1)[0]
    if n > math.ceil(MULTI_SHARE * len(multi)):
        return (f"option {_letter(pos)} is right in {n} of the {len(multi)} multiple-select "
                f"items (at most {MULTI_SHARE:.0%} should have it right)")
    return None


#: item type -> (its check in one set, its check over the lesson)
CHECKS = {"single-choice": (_set_single, _lesson_single),
          "true-false": (_set_true_false, _lesson_true_false),
          "multiple-select": (_set_multi, _lesson_multi)}


def _warning(shown: str, message: str) -> SourcebookError:
    return SourcebookError(shown, message, severity="warning", field="answers")


def key_warnings(loaded_set) -> list[SourcebookError]:
    """Warnings about one set's keys (sets large enough for a rule to mean something)."""
    shown = loaded_set.shown or str(loaded_set.path)
    found = (check(_of_type(loaded_set.items, name)) for name, (check, _) in CHECKS.items())
    return [_warning(shown, message) for message in found if message]


def lesson_key_warnings(sets, shown: str) -> list[SourcebookError]:
    """Warnings about the keys of all `sets` pooled; `shown` names the exercises folder."""
    out = []
    for name, (set_check, lesson_check) in CHECKS.items():
        per_set = [_of_type(s.items, name) for s in sets]
        if any(set_check(items) for items in per_set):
            continue        # a set has its own warning: fix that first, then see the whole
        message = lesson_check([i for items in per_set for i in items])
        if message:
            out.append(_warning(shown, f"over the lesson's {len(sets)} exercise sets, "
                                + message))
    return out
