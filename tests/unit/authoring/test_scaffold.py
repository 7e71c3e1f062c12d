"""`sourcebook new`: a second FRUS-style document becomes a lesson that checks (and builds:
tests/browser/test_new_source.py).

TEST FIXTURE, NOT A REAL DOCUMENT: tests/fixtures/new-source/muccio-telegram.txt is a short
telegram invented for these tests. It imitates the layout of a FRUS telegram (file number,
heading, classification, date line, subject, a [Page N] marker); nothing in it is a quotation
from the historical record.
"""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from sourcebook.cli import main

from conftest import copy_lesson

from conftest import ROOT  # noqa: E402
FIXTURE = ROOT / "tests" / "fixtures" / "new-source" / "muccio-telegram.txt"
SLUG = "muccio-1951-01-10-morale-rok-government"
CHAPTER = f"book/sources/{SLUG}"


def run_new(root: Path, text: Path, *args: str):
    return CliRunner().invoke(main, ["new", str(text), "--root", str(root), *args])


@pytest.fixture
def book(tmp_path) -> Path:
    return copy_lesson(tmp_path / "book-copy")


@pytest.fixture
def added(book):
    before = {p: (book / p).read_text(encoding="utf-8")
              for p in ("_toc.yml", "book/data/objectives.yml")}
    result = run_new(book, FIXTURE)
    assert result.exit_code == 0, result.output
    return book, result, before


def test_new_writes_every_file_of_the_lesson(added):
    book, result, _ = added
    for rel in (f"seeds/{SLUG}.txt", f"seeds/{SLUG}.yml", f"{CHAPTER}.md",
                f"exercises/{SLUG}.yml"):
        assert (book / rel).is_file(), rel
        assert rel in result.output
    assert (book / f"seeds/{SLUG}.txt").read_bytes() == FIXTURE.read_bytes()
    assert "citation" in result.output and "source_url" in result.output


def test_seed_metadata_is_read_from_the_apparatus(added):
    from sourcebook.model.source import load_meta, load_source
    book, _, _ = added
    meta = load_meta(book / f"seeds/{SLUG}.yml")
    source = load_source(SLUG, book)
    assert meta.date == source.apparatus.decoded.date == dt.date(1951, 1, 10)
    assert meta.date_basis == "date line"   # the date line first; the file number agrees
    assert meta.file_number == "795.00/1–1051"
    assert meta.kind == "Telegram"
    assert (meta.author.name, meta.author.office) == ("Muccio", "Ambassador in Korea")
    assert meta.recipient.office == "Secretary of State"
    assert meta.classification == "secret"
    assert meta.title == "Morale of the ROK Government at Pusan"
    assert meta.first_page == 44 and source.sentence("p2.s3").pages == "44–45"
    text = (book / f"seeds/{SLUG}.yml").read_text(encoding="utf-8")
    for placeholder in ("volume:", "document:", "pages:", "source_url:"):
        line = next(x for x in text.splitlines() if x.lstrip().startswith(placeholder))
        assert "FILL IN" in line or "#" in line, line


def test_the_book_checks_clean_with_both_sources(added):
    from sourcebook.authoring.validate import check_book
    book, result, _ = added
    assert check_book(book) == []
    assert "sourcebook check: all" in result.output


def test_starter_set_loads_with_slug_prefixed_ids(added):
    from sourcebook.model.lesson import BookContext, load_all, load_set
    book, _, _ = added
    ctx = BookContext.load(book)
    loaded = load_set(book / f"exercises/{SLUG}.yml", ctx)
    assert loaded.info.id == SLUG and loaded.info.source == SLUG
    assert loaded.info.chapter == CHAPTER
    types = {i.id.removeprefix(f"{SLUG}-"): i.type for i in loaded.items}
    assert types == {"author": "single-choice", "recipient": "single-choice", "date": "date",
                     "secrecy": "single-choice", "country": "single-choice",
                     "page-turn": "evidence", "sourcing": "short-answer"}
    items = {i.id.removeprefix(f"{SLUG}-"): i for i in loaded.items}
    assert items["date"].answer == dt.date(1951, 1, 10)
    secrecy = items["secrecy"]
    assert next(o.text for o in secrecy.options if o.id == secrecy.answer) == "Secret"
    assert len(secrecy.options) == 5
    country = items["country"]
    assert next(o.text for o in country.options if o.id == country.answer) == "Korea"
    assert items["page-turn"].answers == ["p2.s3"] and items["page-turn"].source == SLUG
    author = items["author"]
    assert "Muccio" in next(o.text for o in author.options if o.id == author.answer)
    sets, problems = load_all(ctx)
    assert problems == []
    ids = [i.id for s in sets for i in s.items]
    assert len(ids) == len(set(ids))


def test_starter_items_are_marked_right_by_the_checker(added):
    from sourcebook.items.check import check
    from sourcebook.model.lesson import BookContext, load_set
    book, _, _ = added
    ctx = BookContext.load(book)
    items = load_set(book / f"exercises/{SLUG}.yml", ctx).items
    date = next(i for i in items if i.type == "date")
    assert check(date, "10 January 1951", ctx=ctx).correct is True
    assert check(date, "1951-01-12", ctx=ctx).correct is False
    evidence = next(i for i in items if i.type == "evidence")
    assert check(evidence, ["p2.s3"], ctx=ctx).correct is True


def test_objectives_are_appended_and_comments_kept(added):
    book, _, before = added
    text = (book / "book/data/objectives.yml").read_text(encoding="utf-8")
    assert text.startswith(before["book/data/objectives.yml"])
    data = yaml.safe_load(text)
    mine = [o for o in data if o["chapter"] == CHAPTER]
    assert [o["id"] for o in mine] == [f"{SLUG}-1", f"{SLUG}-2"]
    assert "795.00/1–1051" in mine[1]["text"]


def test_toc_lists_the_chapter_under_more_sources(added):
    book, _, before = added
    text = (book / "_toc.yml").read_text(encoding="utf-8")
    toc = yaml.safe_load(text)
    part = next(p for p in toc["parts"] if p["caption"] == "More sources")
    assert part["chapters"] == [{"file": CHAPTER}]
    ops = difflib.SequenceMatcher(None, before["_toc.yml"].splitlines(), text.splitlines())
    assert {op for op, *_ in ops.get_opcodes()} == {"equal", "insert"}   # only lines added
    assert text.splitlines()[0].startswith("#")


def test_chapter_uses_the_kit_directives(added):
    book, _, _ = added
    md = (book / f"{CHAPTER}.md").read_text(encoding="utf-8")
    assert md.count("\n# ") == 0 and md.startswith("# Morale of the ROK Government at Pusan\n")
    assert f"```{{primary-source}} {SLUG}\n```" in md
    assert f"```{{exercise-set}} exercises/{SLUG}.yml\n```" in md
    assert "```{objectives}\n```" in md
    assert "| **95** | The country number: Korea |" in md
    assert "10 January 1951" in md and ":class: keypoints" in md


def test_running_new_twice_refuses_and_changes_nothing(added):
    book, _, _ = added
    snapshot = {p: p.read_bytes() for p in book.rglob("*") if p.is_file()}
    result = run_new(book, FIXTURE)
    assert result.exit_code != 0
    assert "already exist" in result.output and SLUG in result.output
    assert {p: p.read_bytes() for p in book.rglob("*") if p.is_file()} == snapshot


def test_a_second_new_source_joins_the_same_part(added, tmp_path):
    # A letter with no file number and no recipient's name: dated by its date line.
    book, _, _ = added
    letter = tmp_path / "letter.txt"
    letter.write_text("Memorandum by the Director of the Office of Northeast Asian Affairs "
                      "(Johnson) to the Assistant Secretary of State for Far Eastern Affairs\n\n"
                      "confidential\n\nWashington, January 15, 1951.\n\n"
                      "Subject: Refugees on the Islands.\n\n"
                      "The islands cannot feed more refugees. We should plan for that now.\n",
                      encoding="utf-8")
    result = run_new(book, letter, "--slug", "johnson-refugees")
    assert result.exit_code == 0, result.output
    from sourcebook.model.source import load_meta
    meta = load_meta(book / "seeds/johnson-refugees.yml")
    assert meta.date == dt.date(1951, 1, 15) and meta.date_basis == "date line"
    assert meta.file_number is None
    toc = yaml.safe_load((book / "_toc.yml").read_text(encoding="utf-8"))
    parts = [p for p in toc["parts"] if p["caption"] == "More sources"]
    assert len(parts) == 1
    assert parts[0]["chapters"] == [{"file": CHAPTER}, {"file": "book/sources/johnson-refugees"}]


def test_every_parser_fixture_becomes_a_lesson_that_checks(book):
    # The parser's own fixtures cover a memorandum of conversation (no addressee), a letter
    # (no subject line, unnamed writer), footnotes, and an unknown country number.
    from sourcebook.authoring.validate import check_book
    for path in sorted((ROOT / "tests" / "fixtures" / "frus").glob("*.txt")):
        result = run_new(book, path)
        assert result.exit_code == 0, f"{path.name}: {result.output}"
    assert check_book(book) == []
    toc = yaml.safe_load((book / "_toc.yml").read_text(encoding="utf-8"))
    more = next(p for p in toc["parts"] if p["caption"] == "More sources")
    assert len(more["chapters"]) == 5
    slugs = [c["file"].rsplit("/", 1)[1] for c in more["chapters"]]
    assert all(len(s) <= 48 and not s.endswith("-") for s in slugs)
    assert "macarthur-1951-01-10-request-clarification" in slugs   # whole words only


BAD_TEXTS = {
    "no heading": ("795.00/1–1051\n\nsecret\n\nSubject: Nothing.\n\nThe body of the text.\n",
                   1, "heading"),
    "bad file number": ("795.00/13–1051: Telegram\n\nThe Ambassador in Korea (Muccio) to the "
                        "Secretary of State\n\nsecret\n\nThe body of the text.\n", 1,
                        "file number"),
    "impossible date line": ("795.00/1–1051\n\nThe Ambassador in Korea (Muccio) to the Secretary "
                             "of State\n\nsecret\n\nPusan, February 30, 1951.\n\nThe body.\n", 7,
                             "date line"),
    "undated": ("The Ambassador in Korea (Muccio) to the Secretary of State\n\nsecret\n\n"
                "The body of the text.\n", 1, "date"),
}


@pytest.mark.parametrize("case", sorted(BAD_TEXTS))
def test_unparseable_text_fails_naming_file_and_line(book, tmp_path, case):
    text, line, field = BAD_TEXTS[case]
    path = tmp_path / "bad-document.txt"
    path.write_text(text, encoding="utf-8")
    toc = (book / "_toc.yml").read_bytes()
    result = run_new(book, path)
    assert result.exit_code != 0
    assert f"bad-document.txt:{line}" in result.output, result.output
    assert field in result.output
    assert not (book / "book" / "sources").exists()
    assert (book / "_toc.yml").read_bytes() == toc


def test_bad_slug_is_refused(book):
    result = run_new(book, FIXTURE, "--slug", "Not A Slug")
    assert result.exit_code != 0 and "slug" in result.output


def test_draft_of_the_memo_matches_its_seed(root):
    from sourcebook.authoring.scaffold import draft
    from sourcebook.model.source import load_meta
    seed = root / "seeds" / "rusk-1951-01-12-continued-resistance.txt"
    d = draft(seed)
    meta = load_meta(seed.with_suffix(".yml"))
    assert (d.kind, d.date, d.title) == (meta.kind, meta.date, meta.title)
    assert d.author.name == "Rusk" and d.author.office == meta.author.office
    assert d.recipient.office == meta.recipient.office and not d.recipient.named
    assert d.ap.classification == meta.classification
    assert d.slug.startswith("rusk-1951-01-12-continued-resistance")


TOC_WITH_PART = """\
# a comment at the top
format: jb-book
root: book/intro
parts:
  - caption: The document   # trailing comment
    chapters:
    - file: book/document
  - caption: More sources
    chapters:
    - file: book/sources/first
      # a comment inside the part
    - file: book/sources/second
      sections:
        - file: book/sources/second-notes

# a comment at the end
"""


def test_toc_edit_appends_inside_an_existing_part_and_keeps_comments(tmp_path):
    from sourcebook.authoring.scaffold import toc_with_chapter
    path = tmp_path / "_toc.yml"
    path.write_text(TOC_WITH_PART, encoding="utf-8")
    text = toc_with_chapter(path, "book/sources/third")
    added = [line for line in text.splitlines() if line not in TOC_WITH_PART.splitlines()]
    assert added == ["    - file: book/sources/third"]
    assert text.index("book/sources/third") > text.index("second-notes")
    assert text.index("book/sources/third") < text.index("# a comment at the end")
    toc = yaml.safe_load(text)
    assert [c["file"] for c in toc["parts"][1]["chapters"]][-1] == "book/sources/third"


def test_toc_in_flow_style_is_refused_with_advice(tmp_path):
    from sourcebook.authoring.scaffold import ScaffoldError, toc_with_chapter
    path = tmp_path / "_toc.yml"
    path.write_text("format: jb-book\nroot: intro\nparts: [{caption: A, chapters: [{file: a}]}]\n")
    with pytest.raises(ScaffoldError, match="by hand"):
        toc_with_chapter(path, "book/sources/x")


def test_party_parsing():
    from sourcebook.authoring.scaffold import parse_party
    p = parse_party("the Ambassador in Korea (Muccio)")
    assert (p.name, p.office, p.named) == ("Muccio", "Ambassador in Korea", True)
    p = parse_party("The Commander in Chief, Far East (MacArthur)")
    assert (p.name, p.office) == ("MacArthur", "Commander in Chief, Far East")
    p = parse_party("the Secretary of State")
    assert (p.name, p.office, p.named) == ("Secretary of State", "Secretary of State", False)


def test_a_slug_taken_by_an_exercise_set_is_refused(book):
    result = run_new(book, FIXTURE, "--slug", "document")   # exercises/document.yml's set id
    assert result.exit_code != 0 and "taken" in result.output
    assert not (book / "seeds" / "document.txt").exists()
