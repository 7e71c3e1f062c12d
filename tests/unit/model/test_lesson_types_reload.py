"""A lesson's item-type module is imported once per process; the live preview, which outlives
an edit of it, forgets it (`forget_lesson_types`) so that the next load imports it again."""

from __future__ import annotations

import sys

from guide_item_type import MODULE, forgotten_afterwards, load_module, write_modules

from sourcebook.items.registry import TYPES
from sourcebook.model.lesson_types import PACKAGE, forget_lesson_types, load_lesson_types


def lesson_modules(root) -> list[str]:
    """The lesson modules imported from `root` (other tests import modules of their own)."""
    return [name for name, module in sys.modules.items() if name.startswith(f"{PACKAGE}.")
            and str(getattr(module, "__file__", "")).startswith(str(root))]


def test_a_forgotten_type_is_imported_again_as_it_is_now(tmp_path):
    module = write_modules(tmp_path / "book" / "_ext") / f"{MODULE}.py"
    with forgotten_afterwards():
        load_module(tmp_path)
        first = TYPES["number"]
        module.write_text(module.read_text(encoding="utf-8").replace(
            "minutes=1.0", "minutes=2.5"), encoding="utf-8")
        assert load_lesson_types(tmp_path) == ("number",)
        assert TYPES["number"] is first                       # imported once: not the edit
        assert forget_lesson_types(tmp_path) == ("number",)
        assert "number" not in TYPES and not lesson_modules(tmp_path)
        assert load_lesson_types(tmp_path) == ("number",)
        assert TYPES["number"] is not first and TYPES["number"].minutes == 2.5


def test_only_the_lessons_own_modules_are_forgotten(tmp_path):
    write_modules(tmp_path / "book" / "_ext")
    with forgotten_afterwards():
        load_module(tmp_path)
        other = tmp_path.parent / f"{tmp_path.name}-other"
        other.mkdir()
        assert forget_lesson_types(other) == ()                 # another book's: kept
        assert "number" in TYPES and lesson_modules(tmp_path)


def test_a_module_is_compiled_with_its_own_future_imports_not_the_kits(tmp_path):
    # compile() inherits the caller's `from __future__ import annotations` unless told not
    # to: a module without it got string annotations, unlike any import of it
    module = write_modules(tmp_path / "book" / "_ext") / f"{MODULE}.py"
    module.write_text(module.read_text(encoding="utf-8").replace(
        "from __future__ import annotations\n", "") + "\nPLAIN: int = 0\n", encoding="utf-8")
    with forgotten_afterwards():
        assert load_module(tmp_path).__annotations__["PLAIN"] is int
