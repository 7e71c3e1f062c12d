"""Scoring policies: which of a student's checked responses counts (docs/contract.md §6).

    last         the last checked response (the default: what the student settled on)
    best         the best of the checked responses kept in the file (up to 20)
    first-try    the first checked response
    penalty:P    the last checked response, its score times max(0, 1 − P × (attempts − 1))

A draft (an answer changed after its last check) never counts: the teacher sees it listed as
unchecked. A policy never turns a verdict into another status, only the score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sourcebook.errors import SourcebookError
from sourcebook.items.base import Result

POLICIES = ("last", "best", "first-try", "penalty:P")
_PENALTY = re.compile(r"^penalty:(0(\.\d+)?|1(\.0+)?)$")


@dataclass(frozen=True)
class Policy:
    name: str = "last"
    penalty: float = 0.0

    def __str__(self) -> str:
        return f"penalty:{self.penalty:g}" if self.name == "penalty" else self.name


def parse_policy(text: str | None) -> Policy:
    text = (text or "last").strip()
    if text in ("last", "best", "first-try"):
        return Policy(text)
    m = _PENALTY.match(text)
    if m:
        return Policy("penalty", float(m.group(1)))
    raise SourcebookError(None, f'scoring policy "{text}": use last, best, first-try or '
                          "penalty:P with P from 0 to 1 (e.g. penalty:0.25)", field="policy")


def responses_to_score(policy: Policy, record) -> list:
    """The checked responses the policy looks at."""
    if policy.name == "best":
        return list(record.history) or [record.response]
    if policy.name == "first-try":
        return [record.history[0] if record.history else record.response]
    return [record.response]


def counted(policy: Policy, results: list[Result]) -> int:
    """Which of the results of `responses_to_score` counts (the best, or the only one)."""
    if policy.name == "best":
        return max(range(len(results)), key=lambda k: results[k].score)
    return 0


def settle(policy: Policy, results: list[Result], attempts: int) -> Result:
    """One result from the results of `responses_to_score`."""
    result = results[counted(policy, results)]
    if policy.name == "penalty" and attempts > 1 and result.score > 0:
        factor = max(0.0, 1 - policy.penalty * (attempts - 1))
        result = replace(result, score=round(result.score * factor, 4))
    return result
