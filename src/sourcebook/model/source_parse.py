"""Parse a FRUS-style text (the format `model/source.py` describes) into a `PrimarySource`:
blocks between blank lines, the apparatus on top, then paragraphs, markers, footnotes, the
close, the signature and enclosures. Problems are SourceErrors naming the file and line."""

from __future__ import annotations

import re
from pathlib import Path

from sourcebook.errors import SourceError
from sourcebook.model.decimal_file import KIT, DecimalNames
from sourcebook.model.source_apparatus import apparatus_block
from sourcebook.model.source_parts import Apparatus, Block, Paragraph, PrimarySource, Sentence
from sourcebook.model.source_patterns import (ANY_MARKER, CLOSING_LINE, ENCLOSURE_LINE,
                                              FOOTNOTE_CALL, FOOTNOTE_TEXT, PAGE_LIKE, PAGE_MARKER)
from sourcebook.model.source_sentences import pages_of, reading_text, split_sentences


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _split_blocks(text: str) -> tuple[str, list[tuple[str, str, int]]]:
    """Blocks separated by blank lines as (raw, separator after it, line); plus leading blank lines."""
    lead = re.match(r"(?:[ \t]*\n)*", text).group(0)
    parts = re.split(r"(\n(?:[ \t]*\n)+)", text[len(lead):])
    if len(parts) > 1 and parts[-1] == "":     # the text ends with blank lines
        parts.pop()
    else:
        parts.append("")
    blocks, offset = [], len(lead)
    for raw, sep in zip(parts[0::2], parts[1::2]):
        if raw.endswith("\n") and sep == "":   # a single final newline belongs to the separator
            raw, sep = raw[:-1], "\n"
        blocks.append((raw, sep, _line_of(text, offset)))
        offset += len(raw) + len(sep)
    return lead, blocks


def _check_markers(raw: str, path, line: int) -> None:
    for m in PAGE_LIKE.finditer(raw):
        if not PAGE_MARKER.fullmatch(m.group(0)):
            raise SourceError(path, f'malformed page marker "{m.group(0)}" (expected e.g. [Page 67])',
                              line=line + raw.count("\n", 0, m.start()), field="page marker")
    for m in ANY_MARKER.finditer(raw):
        if m.group(1) != "Page":
            raise SourceError(path, f'unknown marker "{m.group(0)}" (known: [Page N], footnote [N])',
                              line=line + raw.count("\n", 0, m.start()), field="marker")


def _closing_spots(raw_blocks) -> set[int]:
    """Blocks where a signature may stand: the last one before the footnotes, and the last one
    before each enclosure."""
    spots = set()
    last = len(raw_blocks) - 1
    while last > 0 and FOOTNOTE_TEXT.match(raw_blocks[last][0]):
        last -= 1
    spots.add(last)
    for i, (raw, _, _) in enumerate(raw_blocks):
        if i and ENCLOSURE_LINE.match(" ".join(raw.split())):
            spots.add(i - 1)
    return spots


def parse_text(text: str, *, path: str | Path | None = None, slug: str | None = None,
               first_page: int | None = None, names: DecimalNames = KIT) -> PrimarySource:
    """Parse a FRUS-style document, its file number decoded with `names` (the kit's unless a
    lesson's are given). Raises SourceError naming the file and line."""
    if not text.strip():
        raise SourceError(path, "the file is empty", line=1)
    lead, raw_blocks = _split_blocks(text)
    ap = Apparatus()
    blocks: list[Block] = []
    paragraphs: list[Paragraph] = []
    footnotes: dict[int, str] = {}
    signature = None
    page = first_page if first_page is not None else 1
    in_body = False
    enclosure_opened = False
    closing_spots = _closing_spots(raw_blocks)

    for idx, (raw, sep, line) in enumerate(raw_blocks):
        one_line = " ".join(raw.split())
        kind = None if in_body else apparatus_block(ap, idx, raw, one_line, line, path,
                                                    has_paragraphs=bool(paragraphs),
                                                    names=names)
        if kind is None and paragraphs and ENCLOSURE_LINE.match(one_line):
            kind, enclosure_opened = "enclosure", True
        elif kind is None and enclosure_opened and len(one_line) < 300 \
                and not one_line.endswith((".", "?", "!", "”", '"')):
            kind, enclosure_opened = "enclosure-heading", False
        elif kind is None and paragraphs and CLOSING_LINE.match(one_line):
            kind = "closing"
        if kind is None:
            enclosure_opened = False
            _check_markers(raw, path, line)
            in_body = True
            if PAGE_MARKER.fullmatch(raw.strip()):
                page = int(PAGE_MARKER.fullmatch(raw.strip()).group(1))
                kind = "marker"
            elif fn := FOOTNOTE_TEXT.match(raw):
                footnotes[int(fn.group("n"))] = " ".join(fn.group("text").split())
                kind = "footnote"
            elif idx in closing_spots and paragraphs and len(one_line.split()) <= 5 \
                    and not one_line.endswith((".", "?", "!", "”", '"', ":", ";")):
                signature = signature or FOOTNOTE_CALL.sub("", one_line).strip()
                kind = "signature"
            else:
                number = len(paragraphs) + 1
                sentences = []
                offset = 0
                for s_index, (s_raw, ws) in enumerate(split_sentences(raw), start=1):
                    start_page, end_page, page = pages_of(s_raw, page)
                    sentences.append(Sentence(
                        id=f"p{number}.s{s_index}", paragraph=number, index=s_index, raw=s_raw,
                        trailing=ws, text=reading_text(s_raw), page=start_page,
                        page_end=end_page,
                        footnotes=[int(n) for n in FOOTNOTE_CALL.findall(s_raw)],
                        line=line + raw.count("\n", 0, offset)))
                    offset += len(s_raw) + len(ws)
                para = Paragraph(id=f"p{number}", number=number, sentences=sentences, line=line)
                paragraphs.append(para)
                blocks.append(Block("paragraph", raw, sep, line, paragraph=para))
                continue
        blocks.append(Block(kind, raw, sep, line))

    if ap.heading is None:
        raise SourceError(path, "no heading line (who to whom) before the body", line=1,
                          field="heading")
    if not paragraphs:
        raise SourceError(path, "the document has an apparatus but no body paragraphs",
                          line=raw_blocks[-1][2], field="body")
    calls = [(n, s.line) for p in paragraphs for s in p.sentences for n in s.footnotes]
    calls += [(int(n), b.line) for b in blocks if b.kind != "footnote" and not b.paragraph
              for n in FOOTNOTE_CALL.findall(b.raw)]
    for n, at in calls:
        if footnotes and n not in footnotes:
            raise SourceError(path, f"footnote call-out [{n}] has no footnote text",
                              line=at, field="footnote")
    source = PrimarySource(slug=slug or (Path(path).stem if path else "source"),
                           path=Path(path) if path else None, apparatus=ap, blocks=blocks,
                           paragraphs=paragraphs, footnotes=footnotes, signature=signature,
                           leading=lead)
    if source.rebuild() != text:  # the model must hold the text exactly; a bug here is ours
        raise AssertionError(f"{path}: internal error: the parsed text does not rebuild exactly")
    return source
