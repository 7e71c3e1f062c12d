"""The starter exercise set `sourcebook new` writes (`exercises/<slug>.yml`) and the two
objectives it appends: questions about the apparatus, which the code picks to fit the document
(a country question only for a file number whose country the book can name, a page-turn
question only where a page turns inside a sentence). The words are in
`templates/starter_exercises.yml`."""

from __future__ import annotations

import yaml

from sourcebook.authoring.chapter import file_number_rows, kind_words, source_note_number
from sourcebook.authoring.draft import Draft, _q
from sourcebook.authoring.wording import cap, say, say_all
from sourcebook.model import decimal_file
from sourcebook.model.source import CLASSIFICATIONS

WORDS = "starter_exercises.yml"


def _choices(right: str, wrong: list[tuple[str, str | None]], slot: int
             ) -> tuple[list[dict], str]:
    """Options A, B, ...: the wrong ones in alphabetical order, the right one at `slot`, so
    that the starter set's answers sit in different places (`sourcebook check` warns when one
    place holds most of them)."""
    entries = sorted(wrong, key=lambda e: e[0].lower())
    entries.insert(min(slot, len(entries)), (right, None))
    options, answer = [], ""
    for letter, (text, feedback) in zip("ABCDEFGHIJKL", entries):
        option = {"id": letter, "text": text}
        if feedback:
            option["feedback"] = feedback
        options.append(option)
        if text == right:
            answer = letter
    return options, answer


def _item(d: Draft, what: str, kind: str, objective: int, **fields) -> dict:
    return {"id": f"{d.slug}-{what}", "type": kind, "skill": "sourcing",
            "objective": f"{d.slug}-{objective}", "points": fields.pop("points", 1),
            "prompt": fields.pop("prompt"), **fields}


def _people_items(d: Draft) -> list[dict]:
    """Who wrote the document, and (when the heading names one) to whom."""
    words = {"kind": kind_words(d), "heading": d.heading, "author": d.author.phrase,
             "recipient": d.recipient.phrase if d.recipient else None,
             "author_then": d.author.set_off,
             "recipient_then": d.recipient.set_off if d.recipient else None}
    editors = (say(WORDS, "editors", "option"), say(WORDS, "editors", "feedback"))
    author, recipient = d.author.label, d.recipient.label if d.recipient else None
    addressed = recipient and recipient != author
    wrong = [editors] + ([(recipient, say(WORDS, "author", "recipient_feedback", **words))]
                         if addressed else [])
    options, answer = _choices(author, wrong, slot=1)
    items = [_item(d, "author", "single-choice", 1, prompt=say(WORDS, "author", "prompt", **words),
                   options=options, answer=answer, hint=say(WORDS, "author", "hint"),
                   explanation=say(WORDS, "author", "explanation", **words))]
    if addressed:
        options, answer = _choices(recipient, [editors, (author, say(
            WORDS, "recipient", "author_feedback", **words))], slot=0)
        items.append(_item(d, "recipient", "single-choice", 1,
                           prompt=say(WORDS, "recipient", "prompt", **words),
                           options=options, answer=answer, hint=say(WORDS, "recipient", "hint"),
                           explanation=say(WORDS, "recipient", "explanation", **words)))
    return items


def _date_item(d: Draft) -> dict:
    ap = d.ap
    if d.date_basis == "file number" and ap.file_number:
        part = ap.file_number.split("/", 1)[1]
        words = {"file_number": ap.file_number, "part": part,
                 "meaning": dict(file_number_rows(ap.file_number, d.names))[part]}
        return _item(d, "date", "date", 2, answer=d.date,
                     prompt=say(WORDS, "date_in_file_number", "prompt", **words),
                     hint=say(WORDS, "date_in_file_number", "hint"),
                     explanation=say(WORDS, "date_in_file_number", "explanation", **words))
    why = ("why_date_line" if ap.date_line else "why_file_number"
           if d.date_basis == "file number" else "why_editors")
    return _item(d, "date", "date", 1, answer=d.date, prompt=say(WORDS, "date", "prompt"),
                 hint=say(WORDS, "date", "hint_date_line" if ap.date_line
                          else "hint_no_date_line"),
                 explanation=say(WORDS, "date", why, date_line=ap.date_line, date=d.date,
                                 file_number=d.facts.file_number))


def _secrecy_item(d: Draft) -> dict | None:
    """How secret the document was: from its marking, or else from the editors' source note."""
    level = d.ap.classification or d.facts.classification
    if not level:
        return None
    in_note = "" if d.ap.classification else "_in_note"
    options, answer = _choices(cap(level), [(cap(c), None) for c in CLASSIFICATIONS
                                             if c != level], slot=2)
    return _item(d, "secrecy", "single-choice", 1, prompt=say(WORDS, "secrecy", "prompt"),
                 options=options, answer=answer,
                 hint=say(WORDS, "secrecy", f"hint{in_note}", number=source_note_number(d)),
                 explanation=say(WORDS, "secrecy", f"explanation{in_note}",
                                 classification=level))


def _country_item(d: Draft) -> dict | None:
    fn = d.ap.file_number
    countries = d.names.countries       # the book's names: the kit's and the lesson's own
    m = decimal_file.FILE_NUMBER.match(fn or "")
    if not m or m.group("country") not in countries:
        return None
    key = m.group("country")
    right = countries[key]
    # each name once: a lesson may give two numbers one name
    others = [c for c in dict.fromkeys(countries.values()) if c != right][:3]
    options, answer = _choices(right, [(c, None) for c in others], slot=3)
    words = {"file_number": fn, "key": key, "country": right, "topic": d.ap.decoded.topic}
    why = say(WORDS, "country", "explanation", **words)
    if d.ap.decoded.topic.startswith("relations with"):
        why += say(WORDS, "country", "relations", **words)
    return _item(d, "country", "single-choice", 2, options=options, answer=answer,
                 prompt=say(WORDS, "country", "prompt", **words),
                 hint=say(WORDS, "country", "hint"), explanation=why)


def _page_turn_item(d: Draft) -> dict | None:
    turn = [s for s in d.source.sentences if s.page != s.page_end]
    if not turn:
        return None
    paragraphs = sorted({s.paragraph for s in turn})
    return _item(d, "page-turn", "evidence", 1, answers=[s.id for s in turn],
                 scope=[f"p{n}" for n in paragraphs], prompt=say(WORDS, "page_turn", "prompt"),
                 hint=say(WORDS, "page_turn", "hint"),
                 explanation=say(WORDS, "page_turn", "explanation", turn=turn))


def _footnote_item(d: Draft) -> dict | None:
    """An exercise that points at a footnote: which sentence does the editors' note explain?
    (A footnote is reached through the sentence that calls it.)"""
    called = [(n, s) for s in d.source.sentences for n in s.footnotes]
    if not called:
        return None
    n, sentence = called[0]
    words = {"number": n, "text": d.source.footnotes.get(n, ""), "sentence": sentence.id}
    return _item(d, "footnote", "evidence", 1, answers=[sentence.id],
                 scope=[f"p{sentence.paragraph}"], prompt=say(WORDS, "footnote", "prompt", **words),
                 hint=say(WORDS, "footnote", "hint"),
                 explanation=say(WORDS, "footnote", "explanation", **words))


def _only_in_note(d: Draft) -> bool:
    """Whether the editors' source note gives a file number or marking the text does not print."""
    return bool((d.facts.file_number and not d.ap.file_number)
                or (d.facts.classification and not d.ap.classification))


def starter_items(d: Draft) -> list[dict]:
    items = _people_items(d) + [_date_item(d)]
    items += [item for item in (_secrecy_item(d), _country_item(d), _page_turn_item(d),
                                _footnote_item(d)) if item]
    items.append(_item(d, "sourcing", "short-answer", 1, points=2,
                       prompt=say(WORDS, "sourcing", "prompt", note=_only_in_note(d)),
                       rubric=say_all(WORDS, "sourcing", "rubric", kind=kind_words(d))))
    return items


def exercises_yaml(d: Draft, chapter: str) -> str:
    """The starter set for the new source's chapter (its docname, e.g. book/sources/<slug>)."""
    data = {"set": {"id": d.slug, "title": say(WORDS, "set", "title", title=d.title),
                    "chapter": chapter, "source": d.slug,
                    "intro": say(WORDS, "set", "intro")},
            "items": starter_items(d)}
    head = say(WORDS, "header", slug=d.slug)
    return head + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=96)


def objectives_yaml(d: Draft, chapter: str) -> str:
    """The new chapter's two objectives, as text to append to objectives.yml."""
    first = say(WORDS, "objectives", "identify", title=d.title)
    file_number = d.ap.file_number or d.facts.file_number   # the chapter explains either
    second = (say(WORDS, "objectives", "decode", file_number=file_number)
              if file_number else say(WORDS, "objectives", "explain"))
    return (f"\n# {say(WORDS, 'objectives', 'comment', slug=d.slug)}\n"
            f"- id: {d.slug}-1\n  chapter: {chapter}\n  text: {_q(first)}\n"
            f"- id: {d.slug}-2\n  chapter: {chapter}\n  text: {_q(second)}\n")
