"""The close-reading guide (book/data/guides/*.yml): shape, cross-references, messages."""

from __future__ import annotations

import pytest

from sourcebook.errors import SourcebookError
from fixtures.guide_example import EXAMPLE
from sourcebook.model.project import Project
from sourcebook.model.guide import (LENSES, STARTERS, guide_path, load_guide, parse_guide,
                              passage_span)
from sourcebook.model.source import load_source

from conftest import MEMO, ROOT


@pytest.fixture(scope="module")
def source():
    return load_source(MEMO, ROOT)


def problem(text, source, **kw) -> SourcebookError:
    with pytest.raises(SourcebookError) as err:
        parse_guide(text, source, path="guide.yml", **kw)
    return err.value


def test_the_docstring_example_is_valid(source):
    guide = parse_guide(EXAMPLE, source)
    assert [lens.id for lens in guide.lenses] == list(LENSES)
    assert guide.starters_for("sourcing") == STARTERS["sourcing"]
    lens = guide.lenses[2]
    a, b = passage_span(source, lens.passages[0])
    assert source.sentence("p2.s1").text[a:b] == "maximum ingenuity and imagination"


def test_the_books_guide_is_valid(source):
    guide = load_guide(guide_path(MEMO, ROOT), source)
    assert len(guide.lenses) == 4 and guide.glossary and guide.blackouts and guide.compare
    for c in guide.compare:
        assert c.url and c.url.startswith("https://")


def test_frus_keys_become_links_and_citations(source):
    text = EXAMPLE.replace("url: https://history.state.gov/historicaldocuments/frus1951v07p1/d31",
                           "frus: 1951v07p1-d31")
    guide = parse_guide(text, source, project=Project(ROOT))
    c = guide.compare[0]
    assert c.url == "https://history.state.gov/historicaldocuments/frus1951v07p1/d31"
    assert c.citation == "FRUS 1951, vol. VII, pt. 1, doc. 31"
    err = problem(text.replace("1951v07p1-d31", "1951v07p1-d999"), source, project=Project(ROOT))
    assert "compare.0.frus" in str(err) and "d999" in str(err)


@pytest.mark.parametrize("change, where, words", [
    (("maximum ingenuity and imagination", "maximum zeal"), ":14: lenses.2.passages.0.phrase",
     '"maximum zeal" does not occur in sentence p2.s1'),
    (("passages: [p2.s2]\n    notices: The JCS", "passages: [p9.s1]\n    notices: The JCS"),
     ":18: lenses.3.passages.0.sentence", "sentence p9.s1 is not in"),
    (("words: [ingenuity, imagination]", "words: [ingenuity, zeal]"), ":26: blackouts.0.words.1",
     '"zeal" does not occur'),
    (("  - id: corroboration", "  - id: sourcing"), ":4: lenses", "missing corroboration"),
    (("    notices: He asks", "    noticez: He asks"), ":15: lenses.2.noticez",
     "is not a known field"),
    (("    url: https://history.state.gov/historicaldocuments/frus1951v07p1/d31\n", ""),
     ":28: compare.0", "frus: KEY or url"),
    (("term: ROK", "term: NATO"), ":21: glossary.0.term", '"NATO" does not occur'),
])
def test_problems_name_file_line_and_field(source, change, where, words):
    err = problem(EXAMPLE.replace(*change), source)
    assert "guide.yml" + where in str(err), str(err)
    assert words in str(err)


def test_every_problem_is_reported(source):
    text = EXAMPLE.replace("maximum ingenuity and imagination", "maximum zeal").replace(
        "term: ROK", "term: NATO")
    err = problem(text, source)
    assert len(err.problems) == 2 and str(err).count("\n") == 1


def test_two_blackouts_may_not_hide_the_same_word(source):
    text = EXAMPLE.replace("blackouts:\n", "blackouts:\n  - id: again\n    sentence: p2.s1\n"
                                          "    words: [ingenuity]\n")
    assert "overlaps a word another black-out already hides" in str(problem(text, source))


def test_not_yaml_or_not_a_mapping(source):
    assert "not valid YAML" in str(problem("lenses: [", source))
    assert "expected a mapping" in str(problem("- a list", source))
    with pytest.raises(SourcebookError, match="no close-reading guide"):
        load_guide(ROOT / "book" / "data" / "guides" / "nope.yml", source)
