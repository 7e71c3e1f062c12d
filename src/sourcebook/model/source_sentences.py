"""A paragraph of a FRUS-style text cut into sentences, and each sentence's reading text and
pages. A list label ("1.", "(b)") opens a paragraph without ending a sentence; an abbreviation or
an initial ("Mr.", "U.S.", "John M. Chang") ends none either."""

from __future__ import annotations

import re

from sourcebook.model.source_patterns import FOOTNOTE_CALL, LIST_LABEL, PAGE_MARKER

# Words that end with a period without ending the sentence.
ABBREVIATIONS = {
    "Mr", "Mrs", "Messrs", "Ms", "Dr", "Gen", "Lt", "Col", "Maj", "Capt", "Adm", "Sgt", "Gov",
    "Sen", "Rep", "Amb", "Jr", "Sr", "St", "No", "Nos", "vol", "pp", "p", "cf", "Jan", "Feb",
    "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Ft", "Mt", "Vice",
}
OPENERS = "“\"‘'([{"
CLOSERS = "”\"’')]"


def _is_abbreviation(raw: str, period: int) -> bool:
    word = re.search(r"(\S+)$", raw[:period])
    if not word:
        return False
    w = word.group(1).lstrip(OPENERS)
    if w in ABBREVIATIONS:
        return True
    if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?", w + ".") or re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", w):
        return True     # U.S., U.N., R.O.K., initials such as the M. of John M. Chang
    return False


def split_sentences(raw: str) -> list[tuple[str, str]]:
    """Split a paragraph into (sentence raw, trailing whitespace) pairs; joins back to `raw`."""
    pieces: list[tuple[str, str]] = []
    start = 0
    label = LIST_LABEL.match(raw)
    i = label.end() if label else 0     # "1. " or "a. " opens a list item; it ends no sentence
    n = len(raw)
    while i < n:
        ch = raw[i]
        if ch in ".!?":
            j = i + 1
            while j < n and (raw[j] in CLOSERS or raw[j] in ".!?"):
                j += 1
            call = FOOTNOTE_CALL.match(raw, j)
            while call:
                j = call.end()
                call = FOOTNOTE_CALL.match(raw, j)
            ws = re.match(r"\s+", raw[j:])
            if ws:
                k = j + ws.end()
                nxt = raw[k:k + 12]
                starts_sentence = bool(re.match(r"[“\"‘'(\[]?[A-Z0-9]", nxt))
                if starts_sentence and not (ch == "." and _is_abbreviation(raw, i)):
                    pieces.append((raw[start:j], ws.group(0)))
                    start = k
                    i = k
                    continue
            i = j
            continue
        i += 1
    if start < n:
        tail = raw[start:]
        body = tail.rstrip()
        pieces.append((body, tail[len(body):]))
    # A piece that is only markers (e.g. "[Page 67]" after the last full stop) joins the one before.
    merged: list[tuple[str, str]] = []
    for body, ws in pieces:
        if merged and not reading_text(body):
            prev_body, prev_ws = merged[-1]
            merged[-1] = (prev_body + prev_ws + body, ws)
        else:
            merged.append((body, ws))
    return merged


def reading_text(raw: str) -> str:
    text = PAGE_MARKER.sub(" ", raw)
    text = FOOTNOTE_CALL.sub("", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"(?<!\.) ([,.;:!?])", r"\1", text)   # an omission row ". . ." stays spaced


def pages_of(raw: str, page: int) -> tuple[int, int, int]:
    """(start page, end page, page after) for a sentence's raw text beginning on `page`."""
    first_text = None
    last_text_page = page
    current = page
    pos = 0
    for m in PAGE_MARKER.finditer(raw):
        if reading_text(raw[pos:m.start()]):
            if first_text is None:
                first_text = current
            last_text_page = current
        current = int(m.group(1))
        pos = m.end()
    if reading_text(raw[pos:]):
        if first_text is None:
            first_text = current
        last_text_page = current
    start = first_text if first_text is not None else current
    return start, last_text_page, current

