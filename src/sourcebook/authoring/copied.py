"""Text as a teacher copies it from history.state.gov, put in the seed's plain-text form.

Copying a document from its page on history.state.gov loses what the page shows by layout:

* footnote call-outs become digits glued to the word ("Your memorandum August 22, 19501") and the
  footnotes a block at the end ("1. See footnote 2 …"); the block is the evidence: each of its
  numbers is looked for, in order, glued to the text, and only when every one is found are the
  call-outs written `[1]` and the notes `[1] text`;
* the items of a list end up on consecutive lines of one block; each becomes its own block, so it
  stays a separate item. (A `[Page N]` on a line of its own inside a paragraph needs nothing: the
  parser reads it where it stands, so the page turns inside the sentence.)

A text already in the seed form comes back unchanged. What was changed is listed for the author.
"""

from __future__ import annotations

import re
from pathlib import Path

from sourcebook.model.source import LIST_LABEL

NOTE_LINE = re.compile(r"^(?P<n>\d{1,3})(?:\.\s+|\s+)(?P<text>\S.*)$", re.S)
FILE_FIRST = re.compile(r"^\d{3}[A-Z]?[./]\S")


def normalize(text: str, path: Path | None = None) -> tuple[str, list[str]]:
    """(text in seed form, what was changed)."""
    changes: list[str] = []
    blocks = [b for b in re.split(r"\n[ \t]*\n(?:[ \t]*\n)*", text.strip("\n")) if b.strip()]
    out: list[str] = []
    for block in blocks:
        out += _split_block(block, changes)
    out = _footnotes(out, changes)
    if not changes:
        return text, []
    return "\n\n".join(out) + "\n", changes


def _split_block(block: str, changes: list[str]) -> list[str]:
    lines = [ln.strip() for ln in block.split("\n")]
    labelled = [i for i, ln in enumerate(lines) if LIST_LABEL.match(ln)]
    if len(lines) < 2 or len(labelled) < 2:
        return [block]
    cuts = sorted({0, *labelled})
    pieces = [" ".join(lines[a:b]) for a, b in zip(cuts, cuts[1:] + [len(lines)])]
    changes.append(f'kept the {len(labelled)} list items of "{_short(lines[0])}" apart')
    return pieces


def _footnotes(blocks: list[str], changes: list[str]) -> list[str]:
    """Find the trailing footnote block and the glued call-outs it proves."""
    start = len(blocks)
    while start > 1 and NOTE_LINE.match(blocks[start - 1]):
        start -= 1
    notes = [NOTE_LINE.match(b) for b in blocks[start:]]
    numbers = [int(m.group("n")) for m in notes]
    if not numbers or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return blocks
    body = blocks[:start]
    joined = "\n\n".join(body)
    # never read into a file number ("795.00/1–1251"), before or after the heading: it is
    # blanked out of the text searched, keeping every other position as it is
    masked = "\n\n".join(" " * len(b) if i < 3 and FILE_FIRST.match(b) else b
                         for i, b in enumerate(body))
    pos, found = 0, []
    for n in numbers:
        m = _glued(masked, n, pos)
        if m is None:
            return blocks           # no proof: leave the text as it is
        found.append(m)
        pos = m.end()
    for m, n in reversed(list(zip(found, numbers))):
        joined = joined[:m.start()] + f"[{n}]" + joined[m.end():]
    changes.append(f"read {len(numbers)} glued footnote call-out(s) as [N] and the notes at the "
                   "end as [N] text")
    return joined.split("\n\n") + [f"[{n}] {' '.join(m.group('text').split())}" for n, m in zip(numbers, notes)]


def _glued(text: str, n: int, pos: int):
    """The first `n` after `pos` stuck to the end of a word, a mark or a year (19501 = 1950 + 1),
    but not a clock time ("—7 p. m.") nor a number of its own."""
    digits = re.escape(str(n))
    pattern = re.compile(rf"(?:(?<=[^\s\d\[(—–-])|(?<=\b1[6-9]\d\d))(?:{digits})(?![\d)\]])"
                         r"(?!\s*[ap]\.\s?m\.)")
    for m in pattern.finditer(text, pos):
        before = text[max(0, m.start() - 5):m.start()]
        if re.search(r"\b1[6-9]\d\d$", before) or not before[-1:].isdigit():
            return m
    return None


def _short(line: str) -> str:
    return line if len(line) <= 40 else line[:37] + "…"
