"""A FRUS-style primary source as data: apparatus, paragraphs, sentences with stable ids and pages.

A seed is two files in ``seeds/``: ``<slug>.txt`` (the document as printed, verbatim) and
``<slug>.yml`` (its metadata). The text is parsed into blocks separated by blank lines:

* the apparatus at the top — file-number line (``795.00/1–1251``, optionally ``: Telegram``),
  heading (who to whom), classification line, optional date line, ``Subject:`` line;
* body paragraphs, split into sentences with ids ``p3`` / ``p3.s2`` that depend only on the
  text, so they stay the same for as long as the text does;
* ``[Page N]`` markers, removed from the reading text but kept as each sentence's page;
  ``[N]`` footnote call-outs, removed likewise and kept on the sentence (or on the heading);
  footnote texts at the end written as ``[N] text``;
* after the body: a complimentary close ("Sincerely yours,"), a short signature line, and
  enclosures (an ``[Enclosure]`` line, then the enclosure's heading and its own paragraphs,
  numbered on from the document's).

A paragraph that starts with a list label ("1.", "(2)", "a.", "(b)") is one item of a list: the
label never ends a sentence. A "Reference:" line belongs to the apparatus. A heading may start
with the document's number in the volume ("52. Memorandum by ..."), as history.state.gov prints it.

Every block keeps its raw text and its separator, so ``rebuild()`` gives back the file exactly.

This module loads and checks seeds; the rest lives beside it, one idea a module:
``source_meta`` (the ``.yml``), ``source_patterns`` (what each line looks like),
``source_apparatus`` (the lines on top), ``source_sentences`` (paragraph -> sentences),
``source_parts`` (the parsed data), ``source_parse`` (the parser) and ``text_files`` (reading
a text file). Their public names are importable from here too.
"""

from __future__ import annotations

from pathlib import Path

from sourcebook.errors import SourceError
from sourcebook.model.decimal_file import names_for
from sourcebook.model.project import Project
from sourcebook.model.source_apparatus import HEADING_KINDS, parse_heading
from sourcebook.model.source_meta import Citation, Person, SourceMeta, load_meta
from sourcebook.model.source_parse import parse_text
from sourcebook.model.source_parts import Apparatus, Block, Paragraph, PrimarySource, Sentence
from sourcebook.model.source_patterns import (
    ANY_MARKER, CLASSIFICATION_LINE, CLASSIFICATIONS, CLOSING_LINE, DATE_LINE, DATE_TIME,
    DOC_NUMBER, ENCLOSURE_LINE, FILE_LINE, FOOTNOTE_CALL, FOOTNOTE_TEXT, HEADING_WORDS, LIST_LABEL,
    MONTHS, PAGE_LIKE, PAGE_MARKER, REFERENCE_LINE, SALUTATION_LINE, SUBJECT_LINE)
from sourcebook.model.source_sentences import ABBREVIATIONS, reading_text, split_sentences
from sourcebook.model.text_files import decode_text, read_text

__all__ = [
    "ABBREVIATIONS", "ANY_MARKER", "CLASSIFICATIONS", "CLASSIFICATION_LINE", "CLOSING_LINE",
    "DATE_LINE", "DATE_TIME", "DOC_NUMBER", "ENCLOSURE_LINE", "FILE_LINE", "FOOTNOTE_CALL",
    "FOOTNOTE_TEXT", "HEADING_KINDS", "HEADING_WORDS", "LIST_LABEL", "MONTHS", "PAGE_LIKE",
    "PAGE_MARKER", "REFERENCE_LINE", "SALUTATION_LINE", "SUBJECT_LINE",
    "Apparatus", "Block", "Citation", "Paragraph", "Person", "PrimarySource", "Sentence",
    "SourceMeta", "all_seeds", "check_source", "decode_text", "load_meta", "load_source",
    "parse_heading", "parse_text", "read_text", "reading_text", "seeds_dir", "split_sentences",
]


def seeds_dir(root: Path) -> Path:
    return Project(root).seeds


def load_source(slug_or_path: str | Path, root: Path | None = None) -> PrimarySource:
    """Load `seeds/<slug>.txt` with its `<slug>.yml` (a path to a .txt works too); its file
    number is decoded with the names of the lesson at `root`, or the kit's without one."""
    p = Path(slug_or_path)
    txt = p if p.suffix == ".txt" and p.exists() else seeds_dir(root) / f"{slug_or_path}.txt"
    if not txt.is_file():
        raise SourceError(txt, "no such seed text")
    meta_path = txt.with_suffix(".yml")
    meta = load_meta(meta_path) if meta_path.is_file() else None
    source = parse_text(read_text(txt), path=txt, slug=txt.stem,
                        first_page=meta.first_page if meta else None, names=names_for(root))
    source.meta = meta
    return source


def check_source(source: PrimarySource) -> list[str]:
    """Consistency problems between a seed's text and its metadata (empty list: all good)."""
    problems = []
    meta, ap = source.meta, source.apparatus
    where = str(source.path.with_suffix(".yml")) if source.path else source.slug
    if meta is None:
        return [f"{source.path}: no metadata file {source.slug}.yml beside it"]
    if meta.slug != source.slug:
        problems.append(f"{where}: slug: {meta.slug!r} differs from the file name {source.slug!r}")
    if ap.file_number and meta.file_number and ap.file_number != meta.file_number:
        problems.append(f"{where}: file_number: {meta.file_number!r} differs from the text's "
                        f"{ap.file_number!r}")
    if ap.decoded and ap.decoded.date:
        filed, written = ap.decoded.date, meta.date
        # A paper is filed on or after the day it is written; without a date line the file
        # number is the only date there is, so then the two must agree exactly.
        late = (filed - written).days
        if (ap.date is None and late != 0) or not 0 <= late <= 60:
            problems.append(f"{where}: date: {written} does not fit the date the file number "
                            f"encodes ({filed})")
    if ap.date and ap.date != meta.date:
        problems.append(f"{where}: date: {meta.date} differs from the date line ({ap.date})")
    if ap.classification and ap.classification != meta.classification.lower():
        problems.append(f"{where}: classification: {meta.classification!r} differs from the "
                        f"text's {ap.classification!r}")
    if ap.subject and ap.subject.rstrip(".") != meta.subject.rstrip("."):
        problems.append(f"{where}: subject: {meta.subject!r} differs from the text's "
                        f"{ap.subject!r}")
    return problems


def all_seeds(root: Path) -> list[Path]:
    return sorted(seeds_dir(root).glob("*.txt"))
