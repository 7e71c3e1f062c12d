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
    """Balanced in itself and, with the fixture's sample set (keyed B and true), as a lesson."""
    result = run_check(tmp_path, "".join(_single(n, "ABCAC"[n]) for n in range(5))
                       + "".join(_tf(n, n % 2 == 1) for n in range(5)))
    assert result.exit_code == 0 and "warning" not in result.stderr


def _small_set(book: Path, name: str, items: str) -> None:
    (book / "exercises" / f"{name}.yml").write_text(f"set: {{id: {name}, title: {name}}}\n"
                                                     "items:\n" + items)


def test_small_sets_all_keyed_alike_get_one_lesson_wide_warning(tmp_path):
    """No set is large enough for its own check, but the lesson as a whole is keyed "A"."""
    book = make_project(tmp_path)
    for n in range(3):
        _small_set(book, f"small{n}", _single(2 * n, "A") + _single(2 * n + 1, "A"))
    result = CliRunner().invoke(main, ["check", "--root", str(book)])
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "warning:" in line]
    assert warnings == ["exercises: warning: answers: over the lesson's 4 exercise sets, 6 of "
                        "the 7 single-choice answers are option A in data order (at most 40% "
                        "should be); spread the right answers over the positions"]
    assert "1 warning(s) above" in result.stdout


def test_pooled_true_false_keys_are_checked_too(tmp_path):
    book = make_project(tmp_path)
    for n in range(3):
        _small_set(book, f"small{n}", _tf(2 * n, False) + _tf(2 * n + 1, False))
    result = CliRunner().invoke(main, ["check", "--root", str(book)])
    assert "1 of the 7 true/false statements are true; aim for 40%-60%" in result.stderr


def test_spread_small_sets_get_no_lesson_wide_warning(tmp_path):
    book = make_project(tmp_path)
    for n, keys in enumerate(("AC", "CA")):        # with the fixture's B: 2-1-2
        _small_set(book, f"small{n}", _single(2 * n, keys[0]) + _single(2 * n + 1, keys[1])
                   + _tf(2 * n, n % 2 == 0) + _tf(2 * n + 1, n % 2 == 1))
    result = CliRunner().invoke(main, ["check", "--root", str(book)])
    assert result.exit_code == 0 and "warning" not in result.stderr, result.stderr


def test_a_lesson_of_three_option_items_is_held_only_to_an_even_spread():
    """Seven items of three options cannot keep every position under 40 %: 3-2-2 is fair."""
    from types import SimpleNamespace

    from sourcebook.authoring.balance import lesson_key_warnings

    def item(answer):
        return SimpleNamespace(type="single-choice", answer=answer,
                               option_ids=lambda: ["A", "B", "C"])
    fair = [SimpleNamespace(items=[item(k)]) for k in "AAABBCC"]
    assert lesson_key_warnings(fair, "exercises") == []
    unfair = [SimpleNamespace(items=[item(k)]) for k in "AAAABCC"]
    assert "4 of the 7 single-choice answers are option A" in \
        lesson_key_warnings(unfair, "exercises")[0].message


def test_the_real_lesson_has_no_biased_keys(book_sets):
    """The book's keys were rebalanced (issue 12): neither check finds anything."""
    from sourcebook.authoring.balance import key_warnings, lesson_key_warnings
    _, sets = book_sets
    assert len(sets) > 1
    assert lesson_key_warnings(sets, "exercises") == []
    assert [w for s in sets for w in key_warnings(s)] == []
