"""`sourcebook check` warns about answer keys a blind student could exploit."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from engine_support import make_project
from sourcebook.cli import main


def _single(n: int, answer: str) -> str:
    return (f"  - id: bias-{n:02d}\n    type: single-choice\n    skill: sourcing\n"
            f"    objective: smp-1\n    prompt: Question {n}?\n    options:\n"
            f"      - {{id: A, text: one}}\n      - {{id: B, text: two}}\n"
            f"      - {{id: C, text: three}}\n    answer: {answer}\n    explanation: Because.\n")


def _tf(n: int, answer: bool) -> str:
    return (f"  - id: tf-{n:02d}\n    type: true-false\n    skill: sourcing\n    objective: smp-1\n"
            f"    prompt: Statement {n}.\n    answer: {str(answer).lower()}\n"
            f"    explanation: Because.\n")


def run_check(tmp_path: Path, items: str):
    book = make_project(tmp_path)
    (book / "exercises" / "bias.yml").write_text("set: {id: bias, title: Bias}\nitems:\n" + items)
    return CliRunner().invoke(main, ["check", "--root", str(book)])


def test_a_biased_set_gets_warnings_but_passes(tmp_path):
    result = run_check(tmp_path, "".join(_single(n, "A") for n in range(5))
                       + "".join(_tf(n, False) for n in range(5)))
    assert result.exit_code == 0, result.stderr
    assert "bias.yml: warning: answers: 5 of the 5 single-choice answers are option 1" in \
        result.stderr
    assert "0 of the 5 true/false statements are true" in result.stderr
    assert "2 warning(s) above" in result.stdout


def test_a_balanced_set_gets_none(tmp_path):
    result = run_check(tmp_path, "".join(_single(n, "ABCAB"[n]) for n in range(5))
                       + "".join(_tf(n, n % 2 == 0) for n in range(5)))
    assert result.exit_code == 0 and "warning" not in result.stderr
