"""`sourcebook new` with a TEI volume or a copied text: a lesson that checks (its build, with
footnotes on its page: tests/browser/test_tei_footnotes.py); refusals write nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from sourcebook.cli import main

from conftest import copy_lesson

ROOT = Path(__file__).resolve().parents[3]
TEI = ROOT / "tests" / "fixtures" / "tei"
COPIED = ROOT / "tests" / "fixtures" / "copied"
TELEGRAM = "acheson-1951-03-12-telegram"


def run_new(root: Path, path: Path, *args: str):
    return CliRunner().invoke(main, ["new", str(path), "--root", str(root), *args])


def snapshot(book: Path) -> dict[str, bytes]:
    return {str(p.relative_to(book)): p.read_bytes() for p in sorted(book.rglob("*"))
            if p.is_file() and "src" not in p.relative_to(book).parts}


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    book = copy_lesson(tmp_path_factory.mktemp("tei") / "book")
    result = run_new(book, TEI / "volume.xml", "--document", "d53")
    assert result.exit_code == 0, result.output
    assert "(from the date line; the file number 795.00/3–1351 was filed 1 day(s) later)" \
        in result.output
    return book


def test_tei_lesson_metadata_has_no_placeholder_for_what_the_tei_states(book):
    text = (book / f"seeds/{TELEGRAM}.yml").read_text(encoding="utf-8")
    meta = yaml.safe_load(text)
    assert meta["citation"] == {"series": "Foreign Relations of the United States", "year": 1951,
                                "volume": "VII", "volume_title": "Korea and China", "part": 1,
                                "document": 53, "pages": "67"}
    assert meta["source_url"].endswith("/frus1951v07p1/d53")
    assert meta["author"] == {"name": "Dean Acheson", "office": "Secretary of State"}
    assert (meta["kind"], meta["date_basis"], meta["classification"]) == (
        "Telegram", "date line", "secret")
    placeholders = [ln for ln in text.splitlines() if "FILL IN" in ln and not ln.startswith("#")]
    # the only gap: the heading addresses an embassy, and the TEI names no person for it
    items = yaml.safe_load((book / f"exercises/{TELEGRAM}.yml").read_text("utf-8"))["items"]
    note = next(i for i in items if i["id"] == f"{TELEGRAM}-footnote")
    assert (note["type"], note["answers"], note["scope"]) == ("evidence", ["p1.s1"], ["p1"])
    assert "footnote 2: “Not printed.”" in note["prompt"]
    assert placeholders == ['  name: "Embassy in Korea"   # FILL IN: the heading names only the office']


def test_tei_lesson_checks_clean(book):
    from sourcebook.authoring.validate import check_book
    assert check_book(book) == []


@pytest.mark.parametrize("name", ["memo-footnotes.txt", "letter-enclosure.txt",
                                  "telegram-dateline.txt", "memo-reference-list.txt"])
def test_copied_text_becomes_a_lesson_that_checks(tmp_path, name):
    from sourcebook.authoring.validate import check_book
    book = copy_lesson(tmp_path / "book")
    result = run_new(book, COPIED / name)
    assert result.exit_code == 0, result.output
    assert check_book(book) == []
    assert "glued footnote" in result.output or "list items" in result.output


@pytest.mark.parametrize("path, args, fragment", [
    (TEI / "volume.xml", ["--document", "d51"], "is an editorial note"),
    (TEI / "volume.xml", ["--document", "ch1"], "is a chapter heading"),
    (TEI / "volume.xml", ["--document", "d999"], 'no document "d999"'),
    (TEI / "malformed.xml", [], "not well-formed XML"),
    (COPIED / "memo-footnotes.txt", ["--document", "d1"], "--document picks a document"),
])
def test_refusals_write_nothing(tmp_path, path, args, fragment):
    book = copy_lesson(tmp_path / "book")
    before = snapshot(book)
    result = run_new(book, path, *args)
    assert result.exit_code != 0 and fragment in result.output, result.output
    assert str(path) in result.output
    assert snapshot(book) == before


def test_text_that_is_not_a_frus_document_is_refused(tmp_path):
    book = copy_lesson(tmp_path / "book")
    before = snapshot(book)
    recipe = tmp_path / "recipe.txt"
    recipe.write_text("Pancakes\n\nMix flour, milk and two eggs. Fry them in butter.\n",
                      encoding="utf-8")
    result = run_new(book, recipe)
    assert result.exit_code != 0 and "does not read as a FRUS document" in result.output
    assert snapshot(book) == before


@pytest.mark.parametrize("edit, basis, note", [
    # no date line: the file number in the source note dates it
    (lambda x: x.replace('<dateline><placeName>Washington</placeName>, <date when="1970-03-02">'
                         'March 2, 1970</date>.</dateline>', ""), "file number", None),
    # the date line and the file number disagree by months: reported, the date line wins
    (lambda x: x.replace("611.95/3–270", "611.95/9–270"), "date line", "DISAGREES"),
])
def test_tei_dates_without_a_date_line_or_in_disagreement(tmp_path, edit, basis, note):
    from sourcebook.authoring.validate import check_book
    volume = tmp_path / "modern.xml"
    volume.write_text(edit((TEI / "modern.xml").read_text(encoding="utf-8")), encoding="utf-8")
    book = copy_lesson(tmp_path / "book")
    result = run_new(book, volume, "--document", "d2")
    assert result.exit_code == 0 or "sourcebook check" in result.output, result.output
    meta = yaml.safe_load((book / "seeds" / "rogers-1970-03-02-talks-testland.yml")
                          .read_text(encoding="utf-8"))
    assert meta["date_basis"] == basis and str(meta["date"]) == "1970-03-02"
    if note:
        assert note in result.output and "check the printed volume" in result.output
    else:
        assert check_book(book) == []


def test_tei_chapter_quotes_the_heading_without_call_outs_and_explains_footnotes(book):
    chapter = (book / "book" / "sources" / f"{TELEGRAM}.md").read_text(encoding="utf-8")
    assert "> The Secretary of State to the Embassy in Korea\n" in chapter
    assert "### Footnotes" in chapter and "Footnote 1 reads: “Repeated to Tokyo" in chapter
    assert "- Its date line dates it to 12 March 1951." in chapter
