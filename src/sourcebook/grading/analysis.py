"""Item analysis: how the class did on each item.

Per item: percent correct, mean score, discrimination (the upper minus the lower 27 % of the
class by total score, each student's share of the item's points), the most chosen wrong answer
and, for an item with options, how often each option was chosen. It reads the compact records
the grader kept (grading/scoring.py), never the students' files.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sourcebook.items.base import Key

GROUP_SHARE = 0.27                  # Kelley's upper and lower groups for discrimination


@dataclass
class ItemStats:
    id: str
    type: str
    points: float
    students: int
    answered: int
    invalid: int
    percent_correct: float | None          # None for written (teacher-marked) items
    mean_percent: float | None
    discrimination: float | None
    top_wrong: tuple[str, int] | None
    options: list[tuple[str, str, int, bool]] = field(default_factory=list)  # id, text, n, right
    written: bool = False                  # marked by the teacher, never in the automatic totals


def analyse(students, keys: dict[str, Key], scored) -> list[ItemStats]:
    """`students` (StudentResult, with `results`) and `scored` (their grading.scoring.Scored
    records, in the same order)."""
    n = len(students)
    order = sorted(range(n), key=lambda k: (students[k].total, students[k].file))
    g = max(1, round(GROUP_SHARE * n)) if n >= 2 else 0
    lower, upper = order[:g], order[n - g:]
    stats = []
    for col, (item_id, key) in enumerate(keys.items()):
        item = key.item
        results = [s.results[item_id] for s in students]
        answered = sum(r.status != "unanswered" for r in results)
        invalid = sum(r.status == "invalid" for r in results)
        if key.written:
            stats.append(ItemStats(item_id, item.type, key.points, n, answered, invalid,
                                   None, None, None, None, written=True))
            continue
        scores = [r.score for r in results]

        def share(group):
            return sum(scores[k] for k in group) / (key.points * len(group))
        wrong: Counter[str] = Counter()
        chosen: Counter[str] = Counter()
        for record in scored:
            picks = record.picks[col]
            if picks is not None:
                wrong.update(picks.wrong)
                chosen.update(picks.chosen)
        rows = key.option_rows()
        options = [(oid, text, chosen[oid], right) for oid, text, right in rows]
        top = wrong.most_common(1)[0] if wrong else None
        if top:
            top = (key.label(top[0]), top[1])
        stats.append(ItemStats(
            item_id, item.type, key.points, n, answered, invalid,
            100.0 * sum(r.status == "correct" for r in results) / n if n else None,
            100.0 * share(range(n)) if n else None,
            share(upper) - share(lower) if g else None, top, options))
    return stats
