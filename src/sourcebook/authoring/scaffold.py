"""`sourcebook new`: turn another FRUS-style document into a lesson an author then completes.

From a plain text (as printed, or as copied from history.state.gov: `copied.py`) or one document
of a TEI volume (`tei.py`), and the metadata drafted from it (`draft.py`), it writes five
things: the seed (`seeds/<slug>.txt` and `<slug>.yml`), a chapter
(`book/sources/<slug>.md`), a starter exercise set (`exercises/<slug>.yml`), two objectives
appended to `book/data/objectives.yml`, and an entry in `_toc.yml` under "More sources".

Everything is planned first and written only when no file of that slug exists, so a refused run
leaves the book untouched. Existing YAML files are edited as text (appended or one line
inserted), never re-dumped, so their comments and layout survive.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

# draft, seed_yaml and parse_party are part of this module's surface (tests, other tools)
from sourcebook.authoring.draft import Draft, ScaffoldError, _q, draft, seed_yaml  # noqa: F401
from sourcebook.authoring.facts import Facts, parse_party  # noqa: F401  (parse_party: tests)
from sourcebook.model import decimal_file
from sourcebook.model.source import CLASSIFICATIONS, PAGE_MARKER, SourceMeta, read_text

MORE_SOURCES = "More sources"
DATED_BY = {"date line": "Its date line dates it", "file number": "Its file number dates it",
            "editors' date": "The volume's editors date it"}


# --------------------------------------------------------------------------- shared wording


def file_number_rows(fn: str) -> list[tuple[str, str]]:
    """(part as printed, what it means) for each part of a decimal file number."""
    m = decimal_file.FILE_NUMBER.match(fn)
    if not m:
        return []
    dec = decimal_file.decode(fn)
    klass, country, topic = m.group("klass"), m.group("country"), m.group("topic")
    unknown = " (not in the kit's table: look it up in the 1950 filing manual)"
    name = decimal_file.CLASSES.get(klass)
    rows = [(klass, f"The subject class: {name.lower()}" if name else f"A subject class{unknown}")]
    cname = decimal_file.COUNTRIES.get(country)
    rows.append((country + (m.group("sub") or ""),
                 f"The country number: {cname}" if cname else f"A country number{unknown}"))
    if topic:
        what = dec.topic if not dec.topic.startswith("unknown") else None
        rows.append(("." + topic, f"The topic: {what}" if what else f"The topic{unknown}"))
    if dec.date:
        part = fn.split("/", 1)[1]
        mo, dy = part.replace("–", "-").split("-")
        rows.append((part, f"The date as month–day–year: month {int(mo)}, day {int(dy[:-2])}, "
                           f"year (19){dy[-2:]}, so {human_date(dec.date)}"))
    return rows


def human_date(d: dt.date) -> str:
    return f"{d.day} {d:%B %Y}"


def _md(text: str) -> str:
    """Document text made safe for MyST: every ASCII mark that could start markup is escaped."""
    return re.sub(r"([\\`*_\[\]<>{}|#$~])", r"\\\1", text)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _kind_words(d: Draft) -> str:
    return d.kind.lower() if d.kind else "document"


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


# --------------------------------------------------------------------------- the chapter


def chapter_md(d: Draft) -> str:
    ap, slug = d.ap, d.slug
    to = f" to {_md(d.recipient.phrase)}" if d.recipient else ""
    out = [
        f"# {_md(d.title)}", "",
        "```{objectives}", "```", "",
        "% sourcebook new: replace this paragraph with your own introduction to the source.",
        f"This chapter presents {_article(_kind_words(d))} {_md(_kind_words(d))} by {_md(d.author.phrase)}{to}, dated "
        f"{human_date(d.date)}. Read it twice: first straight through for the main idea, then "
        "slowly, with an eye on the small print above the text, which the second half of this "
        "chapter explains.", "",
        "## The document", "",
        f"```{{primary-source}} {slug}", "```", "",
        "## Reading the apparatus", "",
        "The labels and numbers printed around a document are its apparatus. Read them first: "
        "they say what the document is, who wrote it, when, and for whose eyes.", "",
    ]
    if ap.file_number:
        rows = file_number_rows(ap.file_number)
        out += [f"### The file number: {_md(ap.file_number)}", "",
                f"The first line, **{_md(ap.file_number)}**, is the number under which the State "
                "Department filed the document in its central decimal file. The part before the "
                "slash says what the document is about; the part after it, when it was filed.", "",
                "| Part | Meaning |", "|---|---|"]
        out += [f"| **{_md(part)}** | {_md(meaning)} |" for part, meaning in rows]
        out.append("")
        if ap.decoded and ap.decoded.date:
            out += [f"So the file number dates the document to **{human_date(ap.decoded.date)}**.",
                    ""]
    out += ["### The heading", "", f"> {_md(d.heading)}", "",
            f"The heading names the writer, {_md(d.author.phrase)}"
            + (f", and the addressee, {_md(d.recipient.phrase)}" if d.recipient else "")
            + "." + (" FRUS names officials by their office and puts the surname in "
                     "parentheses." if d.author.named else ""), ""]
    if ap.classification:
        handling = (f", with the handling instruction “{_md(ap.handling)}”" if ap.handling
                    else "")
        out += [f"### The security marking: “{_md(ap.classification)}”", "",
                f"The document is marked **{_md(ap.classification)}**{handling}. A marking like "
                "this limited who was allowed to read it: the writer knew that only a few "
                "officials would see it.", ""]
    if ap.date_line:
        agree = ""
        if ap.decoded and ap.decoded.date:
            agree = (" It agrees with the date in the file number." if ap.date == ap.decoded.date
                     else f" The file number gives {human_date(ap.decoded.date)}, the day the "
                     "document was filed.")
        out += ["### The date line", "",
                f"“{_md(ap.date_line)}” gives the place and the date of writing.{agree}", ""]
    if ap.subject:
        out += ["### The subject line", "",
                f"“Subject: {_md(ap.subject)}” is the writer's own title for the document.", ""]
    if d.source.footnotes:
        n = min(d.source.footnotes)
        out += ["### Footnotes", "",
                "The small raised numbers are footnotes. The editors of FRUS added them, years "
                "later: they say where a paper mentioned in the text can be found, whether it was "
                f"printed, or who a person was. Footnote {n} reads: “{_md(d.source.footnotes[n])}” "
                "Select a number to read its note, and the arrow after the note to come back.", ""]
    pages = sorted({int(n) for n in PAGE_MARKER.findall(d.source.rebuild())})
    if pages:
        marks = ", ".join(f"“\\[Page {n}\\]”" for n in pages)
        out += ["### Page marks", "",
                f"{marks} marks where a new page of the printed volume begins. It belongs to the "
                "printed edition, not to the document, and this book shows it in the margin.", ""]
    out += ["## Exercises", "", f"```{{exercise-set}} exercises/{slug}.yml", "```", "",
            ":::{admonition} Key points", ":class: keypoints", "",
            f"- {_md(_cap(d.author.phrase))} wrote this {_md(_kind_words(d))}"
            + (f" to {_md(d.recipient.phrase)}." if d.recipient else "."),
            f"- {DATED_BY.get(d.date_basis, 'Its ' + d.date_basis + ' dates it')} to "
            f"{human_date(d.date)}."]
    if ap.classification:
        out.append(f"- It was marked “{_md(ap.classification)}”: a restricted, internal paper.")
    out += [":::", ""]
    return "\n".join(out)


# --------------------------------------------------------------------------- the starter set


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


def starter_items(d: Draft) -> list[dict]:
    ap, items = d.ap, []
    heading = f"The heading reads “{d.heading}”."
    editors = ("The editors of *Foreign Relations of the United States* (FRUS)",
               "The editors printed the document years later and wrote the heading, but the "
               "heading names the writer and the addressee, not the editors.")
    author, recipient = d.author.label, d.recipient.label if d.recipient else None
    wrong = [editors] + ([(recipient, f"{_cap(d.recipient.phrase)} received it: look at the "
                           "word “to” in the heading.")] if recipient and recipient != author
                         else [])
    options, answer = _choices(author, wrong, slot=1)
    items.append(_item(d, "author", "single-choice", 1, prompt=f"Who wrote this "
                       f"{_kind_words(d)}?", options=options, answer=answer,
                       hint="Read the heading above the first paragraph.",
                       explanation=f"{heading} The writer is {d.author.phrase}."))
    if recipient and recipient != author:
        options, answer = _choices(recipient, [editors, (author, f"{_cap(d.author.phrase)} wrote "
                                                         "it: the heading names the writer "
                                                         "first.")], slot=0)
        items.append(_item(d, "recipient", "single-choice", 1,
                           prompt=f"To whom was this {_kind_words(d)} addressed?",
                           options=options, answer=answer,
                           hint="Look at the word “to” in the heading.",
                           explanation=f"{heading} It is addressed to {d.recipient.phrase}."))
    if d.date_basis == "file number" and ap.file_number:
        part = ap.file_number.split("/", 1)[1]
        rows = dict(file_number_rows(ap.file_number))
        items.append(_item(d, "date", "date", 2, answer=d.date,
                           prompt=f"The document carries the file number **{ap.file_number}**. "
                           "What date does the part after the slash encode? Give day, month "
                           "and year.",
                           hint="After the slash come the month, a dash, then the day and the "
                           "two-digit year written together.",
                           explanation=f"“{part}” is {rows[part][0].lower()}{rows[part][1:]}."))
    else:
        items.append(_item(d, "date", "date", 1, answer=d.date,
                           prompt="On what date was the document written? Give day, month and "
                           "year.", hint="Look for the line with a place and a date."
                           if ap.date_line else "Look at the footnotes and the page's caption.",
                           explanation=_date_why(d)))
    if ap.classification:
        options, answer = _choices(_cap(ap.classification),
                                   [(_cap(c), None) for c in CLASSIFICATIONS
                                    if c != ap.classification], slot=2)
        items.append(_item(d, "secrecy", "single-choice", 1,
                           prompt="How secret was the document when it was written?",
                           options=options, answer=answer,
                           hint="Look for a security marking below the heading.",
                           explanation=f"The document is marked “{ap.classification}”: a "
                           "classification that limited who was allowed to read it."))
    country = _country_item(d)
    if country:
        items.append(country)
    turn = [s for s in d.source.sentences if s.page != s.page_end]
    if turn:
        paragraphs = sorted({s.paragraph for s in turn})
        items.append(_item(d, "page-turn", "evidence", 1, answers=[s.id for s in turn],
                           scope=[f"p{n}" for n in paragraphs],
                           prompt="A page marker shows where a new page of the printed volume "
                           "begins. Pick the sentence in which the page turns.",
                           hint="Look at the document above: a page number in the margin "
                           "marks where the page turns.",
                           explanation="The page turns inside "
                           + ", ".join(f"{s.id} (pages {s.pages})" for s in turn)
                           + ". A quotation from it must cite both pages."))
    note = _footnote_item(d)
    if note:
        items.append(note)
    items.append(_item(d, "sourcing", "short-answer", 1, points=2,
                       prompt="Using only the apparatus (the lines above the first paragraph), "
                       "say in two or three sentences what this document is, who wrote it to "
                       "whom and when, and who was allowed to read it. What can the apparatus "
                       "not tell you?",
                       rubric=[f"Names the kind of document ({_kind_words(d)}), its writer and "
                               "its addressee.",
                               "Gives the date and says which line it comes from.",
                               "Explains what the security marking says about its readers.",
                               "Names something the apparatus cannot show, such as how the "
                               "document was received."]))
    return items


def _date_why(d: Draft) -> str:
    if d.ap.date_line:
        return f"The date line reads “{d.ap.date_line}”."
    if d.date_basis == "file number":
        return (f"The file number in the source note, {d.facts.file_number}, dates it to "
                f"{human_date(d.date)}.")
    return f"The volume's editors date it to {human_date(d.date)}."


def _footnote_item(d: Draft) -> dict | None:
    """An exercise that points at a footnote: which sentence does the editors' note explain?
    (A footnote is reached through the sentence that calls it.)"""
    called = [(n, s) for s in d.source.sentences for n in s.footnotes]
    if not called:
        return None
    n, sentence = called[0]
    text = d.source.footnotes.get(n, "")
    return _item(d, "footnote", "evidence", 1, answers=[sentence.id],
                 scope=[f"p{sentence.paragraph}"],
                 prompt=f"The editors of FRUS added footnote {n}: “{text}” Pick the sentence "
                 "that carries its number.",
                 hint="Look for the small raised number in the document above.",
                 explanation=f"Footnote {n} is called at the end of {sentence.id}. FRUS editors "
                 "add such notes to say what a document refers to, whether it was printed, or "
                 "who a person was.")


def _country_item(d: Draft) -> dict | None:
    fn = d.ap.file_number
    m = decimal_file.FILE_NUMBER.match(fn or "")
    if not m or m.group("country") not in decimal_file.COUNTRIES:
        return None
    key = m.group("country")
    right = decimal_file.COUNTRIES[key]
    others = [c for c in decimal_file.COUNTRIES.values() if c != right][:3]
    options, answer = _choices(right, [(c, None) for c in others], slot=3)
    why = f"In {fn}, “{key}” is the country number for {right}."
    if d.ap.decoded.topic.startswith("relations with"):
        why += f" The part after the point names the other country: {d.ap.decoded.topic}."
    return _item(d, "country", "single-choice", 2, options=options, answer=answer,
                 prompt=f"In the file number **{fn}**, the two digits after the first one "
                 f"(**{key}**) are a country number. Which country do they stand for?",
                 hint="The first digit is the subject class; the next two name the country.",
                 explanation=why)


def exercises_yaml(d: Draft) -> str:
    data = {"set": {"id": d.slug, "title": f"Reading the apparatus: {d.title}",
                    "chapter": f"book/sources/{d.slug}", "source": d.slug,
                    "intro": "These questions are about the lines printed around the document: "
                             "the file number, the heading, the marking and the date."},
            "items": starter_items(d)}
    head = (f"# Starter exercise set for book/sources/{d.slug}.\n# Drafted by `sourcebook new` "
            "from the source's apparatus: check every item, then add your\n# own (see the Author "
            "guide). Item ids start with the slug, so they stay unique in the book.\n")
    return head + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=96)


def objectives_yaml(d: Draft) -> str:
    who = f"who wrote “{d.title}”, to whom, when and how secret it was"
    second = (f"Decode the file number {d.ap.file_number} and explain what it says about the "
              "document's subject and date." if d.ap.file_number else
              "Explain what each part of the apparatus tells a reader about the document.")
    return (f"\n# {d.slug}: added by `sourcebook new`; reword to fit your lesson.\n"
            f"- id: {d.slug}-1\n  chapter: book/sources/{d.slug}\n"
            f"  text: {_q('Identify ' + who + ', using its apparatus.')}\n"
            f"- id: {d.slug}-2\n  chapter: book/sources/{d.slug}\n  text: {_q(second)}\n")


# --------------------------------------------------------------------------- editing YAML as text


def _last_line(node) -> int:
    """0-based line of the last scalar inside `node` (a block node's end mark can lie further
    down, past comments, so the scalars are the reliable edge)."""
    if isinstance(node, yaml.ScalarNode):
        return node.end_mark.line - (1 if node.end_mark.column == 0 else 0)
    children = [c for pair in node.value for c in pair] if isinstance(node, yaml.MappingNode) \
        else node.value
    return max((_last_line(c) for c in children), default=node.start_mark.line)


def _dash_column(lines: list[str], node) -> int:
    """Column of the "- " that starts a block-sequence item."""
    line = lines[node.start_mark.line]
    col = line.rfind("-", 0, node.start_mark.column + 1)
    if col < 0:
        raise ValueError("not a block sequence item")
    return col


def _get(mapping, key: str):
    for k, v in mapping.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return v
    return None


def _toc_files(node) -> set[str]:
    """Every `file:` anywhere in a parsed table of contents."""
    if isinstance(node, dict):
        own = {node["file"]} if isinstance(node.get("file"), str) else set()
        return own.union(*(_toc_files(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_toc_files(v) for v in node))
    return set()


def toc_with_chapter(toc_path: Path, docname: str) -> str:
    """_toc.yml's text with `docname` added at the end of the "More sources" part (created at
    the end of `parts` if missing). Only lines are inserted: comments and layout stay."""
    text = toc_path.read_text(encoding="utf-8")
    manual = (f'add "- file: {docname}" under a part captioned "{MORE_SOURCES}" by hand')
    try:
        root = yaml.compose(text)
        parts = _get(root, "parts")
        if not isinstance(parts, yaml.SequenceNode) or parts.flow_style or not parts.value:
            raise ValueError("no block list of parts")
        lines = text.splitlines(keepends=True)
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        part = next((p for p in parts.value if isinstance(p, yaml.MappingNode)
                     and getattr(_get(p, "caption"), "value", None) == MORE_SOURCES), None)
        if part is not None:
            chapters = _get(part, "chapters")
            if not isinstance(chapters, yaml.SequenceNode) or chapters.flow_style \
                    or not chapters.value:
                raise ValueError(f'the "{MORE_SOURCES}" part has no block list of chapters')
            col = _dash_column(lines, chapters.value[0])
            new = [" " * col + f"- file: {docname}\n"]
            at = _last_line(chapters.value[-1]) + 1
        else:
            col = _dash_column(lines, parts.value[0])
            pad = " " * col
            new = [f"{pad}- caption: {MORE_SOURCES}\n", f"{pad}  chapters:\n",
                   f"{pad}    - file: {docname}\n"]
            at = _last_line(parts.value[-1]) + 1
    except (yaml.YAMLError, ValueError, AttributeError) as err:
        raise ScaffoldError(toc_path, f"cannot edit the table of contents ({err}); {manual}"
                            ) from None
    result = "".join(lines[:at] + new + lines[at:])
    data = yaml.safe_load(result)   # prove the edit did what it says before anything is written
    listed = [c.get("file") for p in data["parts"] if p.get("caption") == MORE_SOURCES
              for c in p.get("chapters", [])]
    if docname not in listed:
        raise ScaffoldError(toc_path, f"editing the table of contents failed; {manual}")
    return result


def objectives_with(path: Path, d: Draft) -> str:
    """objectives.yml's text with the new chapter's objectives appended."""
    text = path.read_text(encoding="utf-8") if path.is_file() else (
        "# Learning objectives for every chapter (see the Author guide).\n")
    data = yaml.safe_load(text) or []
    if not isinstance(data, list):
        raise ScaffoldError(path, "expected a list of objectives; add the new ones by hand")
    taken = {o.get("id") for o in data if isinstance(o, dict)} & {f"{d.slug}-1", f"{d.slug}-2"}
    if taken:
        raise ScaffoldError(path, f"objective {sorted(taken)[0]} already exists", field="id")
    if text and not text.endswith("\n"):
        text += "\n"
    return text + objectives_yaml(d)


# --------------------------------------------------------------------------- plan and write


@dataclass
class Plan:
    root: Path
    draft: Draft
    text: bytes                    # the document, byte for byte
    files: dict[Path, str]         # new files (relative to root) -> content
    edits: dict[Path, str]         # existing files -> new content

    @property
    def slug(self) -> str:
        return self.draft.slug


def new_paths(slug: str) -> dict[str, Path]:
    return {"seed": Path("seeds") / f"{slug}.txt", "meta": Path("seeds") / f"{slug}.yml",
            "chapter": Path("book") / "sources" / f"{slug}.md",
            "exercises": Path("exercises") / f"{slug}.yml"}


def read_document(path: Path, document: str | None = None) -> tuple[str, Facts, list[str]]:
    """The seed text for `path` (a TEI volume or file, or a plain text as printed or as copied
    from history.state.gov), the facts its markup states, and what was changed in a copied text."""
    from sourcebook.authoring import copied, tei
    if path.suffix.lower() == ".xml":
        doc = tei.import_document(path, document)
        return doc.text, doc.facts, [f"imported {doc.doc_id} of {doc.volume_id} from the TEI"]
    if document:
        raise ScaffoldError(path, "--document picks a document out of a TEI volume (.xml); "
                            "this is a plain text", field="--document")
    text, changes = copied.normalize(read_text(path), path)
    return text, Facts(), changes


def plan(text_path: Path, root: Path, slug: str | None = None,
         document: str | None = None) -> Plan:
    """Everything `sourcebook new` would write, checked, with nothing written yet."""
    text_path, root = Path(text_path), Path(root)
    text, facts, changes = read_document(text_path, document)
    d = draft(text_path, slug, text=text, facts=facts)
    d.changes = changes
    paths = new_paths(d.slug)
    there = [str(p) for p in paths.values() if (root / p).exists()]
    if there:
        raise ScaffoldError(root / there[0], f'the slug "{d.slug}" is taken: {", ".join(there)} '
                            "already exist(s); nothing was written (pick another --slug)")
    for other in sorted((root / "exercises").glob("*.yml")):
        data = yaml.safe_load(other.read_text(encoding="utf-8"))
        if isinstance(data, dict) and (data.get("set") or {}).get("id") == d.slug:
            raise ScaffoldError(other, f'the exercise set id "{d.slug}" is taken; nothing was '
                                "written (pick another --slug)", field="set id")
    meta = seed_yaml(d)
    SourceMeta.model_validate(yaml.safe_load(meta))     # a bug here is ours, not the author's
    docname = paths["chapter"].with_suffix("").as_posix()
    if docname in _toc_files(yaml.safe_load((root / "_toc.yml").read_text("utf-8"))):
        raise ScaffoldError(root / "_toc.yml", f"{docname} is already in the table of contents; "
                            "nothing was written")
    files = {paths["meta"]: meta, paths["chapter"]: chapter_md(d),
             paths["exercises"]: exercises_yaml(d)}
    objectives = Path("book") / "data" / "objectives.yml"
    toc = Path("_toc.yml")
    edits = {objectives: objectives_with(root / objectives, d),
             toc: toc_with_chapter(root / toc, docname)}
    return Plan(root=root, draft=d, text=text.encode("utf-8"), files=files, edits=edits)


def write(p: Plan) -> list[Path]:
    """Write the plan; returns the paths written, new files first. Every file is first written
    beside its target under a temporary name and only then moved into place, so a failure
    (a full disk, a read-only folder) leaves no half-written lesson."""
    import os
    seed = new_paths(p.slug)["seed"]
    contents = [(seed, p.text), *((rel, c.encode("utf-8"))
                                  for rel, c in [*p.files.items(), *p.edits.items()])]
    temps: list[tuple[Path, Path]] = []
    try:
        for rel, data in contents:
            target = p.root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            temp = target.with_name(f".{target.name}.sourcebook-new.tmp")
            temp.write_bytes(data)
            temps.append((temp, target))
    except OSError as err:
        for temp, _ in temps:
            temp.unlink(missing_ok=True)
        raise ScaffoldError(p.root / contents[len(temps)][0], f"cannot write ({err.strerror}); "
                            "nothing was written") from None
    for temp, target in temps:
        os.replace(temp, target)
    return [rel for rel, _ in contents]
