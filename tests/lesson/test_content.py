"""The lesson's content keeps the promises of its history audit (issue 14) and of fair keys (issue 12).

Three kinds of check, all on the data and the chapters (no build, no network):

* **Quotations of the memo are verbatim.** Every quotation in the chapters (`book/**/*.md`), the
  reading guide (`book/data/guides/*.yml`), the timeline and the exercise sets is found; a quotation
  counts as *attributed to the memo* when a memo reference stands right after it (or right before
  it): a sentence id such as `p2.s3` or `` (`p2.s3`) ``, a paragraph reference (¶2, "paragraph 2"),
  or the memo's own citation ``{frus}`1951v07p1-d52` ``. An attributed quotation must be in the
  seed word for word. Any other quotation that *nearly* matches the memo (a close match that is not
  exact, such as "problem of disposition") is a misquotation too, whoever it is attributed to.
  Only whitespace and curly/straight quotes are normalised; the usual quoting conventions are
  honoured: an ellipsis (… or ...) joins fragments that must appear in order, square brackets mark
  an editor's insertion (`[sic]`, `[Page 67]`), a closing comma or full stop inside the quotation
  marks may be the writer's, and the first letter may change case to fit the sentence.
* **Keys a blind student cannot exploit** (issue 12, point 1), in data order over the whole book:
  no position holds more than 40 % of single-choice keys; multiple-select keys are not always the
  first options and no position is right in more than 60 % of those items (rounded up: 5 of 8);
  40-60 % of true/false keys are "true".
* **Guards for the audit's corrections**: wording the audit found wrong must not come back.
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "rusk-1951-01-12-continued-resistance.txt"
MEMO_KEY = "1951v07p1-d52"


# --------------------------------------------------------------------------- text and quotations

def normalise(text: str) -> str:
    """Curly quotes and apostrophes to straight ones, every run of whitespace to one space."""
    text = unicodedata.normalize("NFC", text)
    text = text.translate({0x201C: '"', 0x201D: '"', 0x2018: "'", 0x2019: "'"})
    return re.sub(r"\s+", " ", text).strip()


def memo_text() -> str:
    """The memo's words as printed, without the editors' page markers."""
    text = SEED.read_text(encoding="utf-8")
    return normalise(re.sub(r"\[Page \d+\]\s*", "", text))


@dataclass(frozen=True)
class Quote:
    where: str      # file (and field) it comes from
    text: str       # the words between the quotation marks
    before: str     # what precedes it in the same passage
    after: str      # what follows it


def plain(quote: str) -> str:
    """A quotation without the book's markup: MyST roles ({term}`word <entry>`), emphasis, code."""
    quote = re.sub(r"\{[\w:-]+\}`([^`<]*?)\s*(?:<[^>]*>)?`", r"\1", quote)
    return re.sub(r"\*\*?|`", "", quote)


def quotes_in(text: str, where: str) -> list[Quote]:
    """Double-quoted spans, and single-quoted phrases that open after a space or bracket."""
    text = normalise(text)
    found = []
    for m in re.finditer(r'"([^"]+)"', text):
        found.append(Quote(where, plain(m.group(1)), text[:m.start()], text[m.end():]))
    for m in re.finditer(r"(?<![\w'])'([^'\"]{3,}?)'(?![\w'])", text):
        if " " in m.group(1):      # a phrase, not a lone word in scare quotes
            found.append(Quote(where, plain(m.group(1)), text[:m.start()], text[m.end():]))
    return found


def strings(data, path=""):
    """Every string in a YAML document with its path, except cloze passages (blanks in [[…]])."""
    if isinstance(data, dict):
        for k, v in data.items():
            if k != "passage":
                yield from strings(v, f"{path}.{k}" if path else str(k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            label = v.get("id") if isinstance(v, dict) and "id" in v else i
            yield from strings(v, f"{path}[{label}]")
    elif isinstance(data, str):
        yield path, data


def all_quotes() -> list[Quote]:
    found = []
    for md in sorted((ROOT / "book").rglob("*.md")):
        if "_build" in md.parts:
            continue
        text = md.read_text(encoding="utf-8")
        text = re.sub(r"```.*?```", " ", text, flags=re.S)          # fenced blocks hold no prose
        for para in re.split(r"\n\s*\n", text):
            found += quotes_in(para, str(md.relative_to(ROOT)))
    yml = [*sorted((ROOT / "book" / "data" / "guides").glob("*.yml")),
           ROOT / "book" / "data" / "timeline.yml", *sorted((ROOT / "exercises").glob("*.yml"))]
    for path in yml:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for field, value in strings(data):
            found += quotes_in(value, f"{path.relative_to(ROOT)}:{field}")
    return found


MEMO_REF = (r"(?:\{frus\}`" + re.escape(MEMO_KEY) + r"`|`?p\d\.s\d(?:[–-](?:p\d\.)?s?\d)?`?"
            r"|¶\s?\d|\bparagraphs? \d)")
#: right after the quotation, in brackets: ("…" (p2.s1), "…" (¶4, p4.s5), "…" ({frus}`…-d52`))
REF_AFTER = re.compile(r"^[\s,.;:!?]*\((?:[^\"()]{0,12}?)" + MEMO_REF)
#: just before it, with a verb of saying: (p2.s3 speaks of "…", In ¶2 (p2.s3) Rusk writes of "…")
REF_BEFORE = re.compile(MEMO_REF + r"\)?[^\"(){}.]{0,45}?\b(?:writes?|wrote|says?|said|speaks?|"
                        r"calls?|reads?|ends?|begins?|opens?|asks?|warns?|puts?)\b"
                        r"[^\"(){}.]{0,30}$")


def attributed_to_memo(q: Quote) -> bool:
    return bool(REF_AFTER.match(q.after) or REF_BEFORE.search(q.before))


def fragments(quote: str) -> list[str]:
    """The parts of a quotation that must stand in the source, in order."""
    quote = re.sub(r"\[[^\]]*\]", " ", quote)                # an editor's insertion
    parts = re.split(r"\s*(?:…|\.\.\.)\s*", quote)
    return [normalise(p) for p in parts if normalise(p).strip(" .,;:")]


def verbatim(quote: str, source: str) -> bool:
    pos = 0
    for part in fragments(quote):
        found = -1
        for variant in {part, part.rstrip(",.;:"), part[:1].swapcase() + part[1:],
                        part[:1].swapcase() + part[1:].rstrip(",.;:")}:
            i = source.find(variant, pos)
            if i >= 0 and (found < 0 or i < found):
                found, length = i, len(variant)
        if found < 0:
            return False
        pos = found + length
    return True


CLOSE = 0.85     # "problem of disposition" ~ "problem of the disposition": 0.92


def near_miss(quote: str, source: str) -> str | None:
    """The stretch of the memo a quotation nearly matches, if it is close but not exact."""
    words = source.split(" ")
    for part in fragments(quote):
        n = len(part.split(" "))
        if n < 3 or verbatim(part, source):
            continue
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(part.lower())                  # analysed once, compared with every window
        for size in (n - 1, n, n + 1):
            for i in range(0, max(1, len(words) - size + 1)):
                window = " ".join(words[i:i + size])
                matcher.set_seq1(window.lower())
                if (matcher.real_quick_ratio() >= CLOSE and matcher.quick_ratio() >= CLOSE
                        and matcher.ratio() >= CLOSE):
                    return window
    return None


QUOTES = all_quotes()
MEMO = memo_text()


def test_quotations_are_found_and_many_are_attributed_to_the_memo():
    """The detector itself works: it sees the lesson's many quotations of the memo."""
    attributed = [q for q in QUOTES if attributed_to_memo(q)]
    assert len(QUOTES) > 300 and len(attributed) > 100, (len(QUOTES), len(attributed))
    assert verbatim("to to [sic] continue", MEMO)
    assert verbatim("We are going to stay in Korea… We shall not abandon them", MEMO)
    assert verbatim("It is also assumed that, under these conditions, a maximum air effort", MEMO)
    assert not verbatim("problem of disposition", MEMO)
    assert near_miss("problem of disposition", MEMO) == "problem of the disposition"


def test_every_quotation_attributed_to_the_memo_is_verbatim():
    wrong = [f"{q.where}: \"{q.text}\"" for q in QUOTES
             if attributed_to_memo(q) and not verbatim(q.text, MEMO)]
    assert not wrong, "quoted as the memo's words but not in the seed:\n" + "\n".join(wrong)


def test_no_quotation_nearly_matches_the_memo():
    wrong = []
    for q in QUOTES:
        if not verbatim(q.text, MEMO) and (near := near_miss(q.text, MEMO)):
            wrong.append(f"{q.where}: \"{q.text}\" (the memo reads \"{near}\")")
    assert not wrong, "misquotations of the memo:\n" + "\n".join(wrong)


# --------------------------------------------------------------------------- fair keys (issue 12)

def choice_items() -> list[dict]:
    items = []
    for path in sorted((ROOT / "exercises").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            items += [i for i in data.get("items", [])
                      if i.get("type") in ("single-choice", "multiple-select", "true-false")]
    return items


def positions(item: dict) -> list[int]:
    ids = [o["id"] for o in item["options"]]
    keys = [item["answer"]] if item["type"] == "single-choice" else item["answers"]
    return sorted(ids.index(k) for k in keys)


def test_option_ids_follow_data_order():
    """Hints and explanations name options by letter; the letters are the order students see."""
    for item in choice_items():
        if item["type"] != "true-false":
            ids = [o["id"] for o in item["options"]]
            assert ids == [chr(65 + i) for i in range(len(ids))], f"{item['id']}: {ids}"


def test_no_position_holds_more_than_40_percent_of_single_choice_keys():
    keys = Counter(positions(i)[0] for i in choice_items() if i["type"] == "single-choice")
    total = sum(keys.values())
    assert total >= 10
    assert max(keys.values()) <= 0.4 * total, {chr(65 + p): n for p, n in sorted(keys.items())}


def test_multiple_select_keys_are_not_the_first_options():
    items = [i for i in choice_items() if i["type"] == "multiple-select"]
    keys = [positions(i) for i in items]
    assert len(items) >= 5
    first_k = [k == list(range(len(k))) for k in keys]
    assert sum(first_k) <= len(items) // 4, "too many keys are simply the first options"
    assert not all(0 in k for k in keys), "option A is right in every multiple-select item"
    counts = Counter(p for k in keys for p in k)
    limit = math.ceil(0.6 * len(items))
    assert max(counts.values()) <= limit, {chr(65 + p): n for p, n in sorted(counts.items())}


def test_true_false_keys_are_balanced():
    keys = [bool(i["answer"]) for i in choice_items() if i["type"] == "true-false"]
    assert len(keys) >= 10
    assert 0.4 <= sum(keys) / len(keys) <= 0.6, f"{sum(keys)} of {len(keys)} are true"


# --------------------------------------------------------------------------- the audit's corrections

CHAPTERS = "book/*.md"
ALL_PROSE = ("book/*.md", "book/instructor/*.md", "book/data/*.yml", "book/data/guides/*.yml",
             "exercises/*.yml")

#: (files, wording that must not come back, why) — each row is one finding of issue 14.
WRONG = [
    (ALL_PROSE, r"one level below the Secretary",
     "1: the Under Secretary and his deputies ranked between Rusk and Acheson"),
    (ALL_PROSE, r"aimed at Korea, not China",
     "2: the 'laboratory' is 'against Asiatic communism'; only the guerrillas are 'within Korea'"),
    (ALL_PROSE, r"became policy in February|neither\s+withdrawal nor a wider war, became policy|"
                r"the policy Washington settled on by February",
     "3: nothing shown says Rusk's February outline (d128) was adopted"),
    (ALL_PROSE, r"Security Council set it up|UN sets up|set up\s+by the UN Security Council",
     "4: on 7 July 1950 the Council recommended a unified command under the United States (d238)"),
    (("book/war.md",), r"planning for evacuation \(\{frus\}`1950v07-d1099`; "
                       r"\{frus\}`1950v07-d1069`; \{frus\}`1951v07p1-d55`\)",
     "6: the memo cannot be said to answer the 12 January meeting: their order is unknown"),
    (ALL_PROSE, r"(?:filed|file date) on 12 January|says \*when\* it was filed|"
                r"date under which the paper was filed",
     "7: the date after the slash is normally the document's date"),
    (ALL_PROSE, r"no footnote call-outs at all|FRUS prints no footnote",
     "8: only the part of d52 that could be checked"),
    (ALL_PROSE, r"no island strategy(?! in the part)|did not press the islands",
     "9: keep the hedge 'in the part we could read'"),
    (ALL_PROSE, r"ministries followed him|(?:had |Rhee )moved to Pusan|Rhee went to Pusan|"
                r"ministries moved around|U\.S\. embassy moved there",
     "10: d23 reports plans for the move, not the move itself"),
    (ALL_PROSE, r"ruled out backing|had no plan to\s+back",
     "11: d29 says the U.S. did 'not intend to recommend' a Nationalist guerrilla war to the UN"),
    (ALL_PROSE, r"steps against China must wait", "12: JCS 80680 deferred the blockade (d31)"),
    (ALL_PROSE, r"took notes \(\{frus\}`1950v07-d679`\)|keep notes of the talks|"
                r"Rusk's notes on the Truman–MacArthur meeting",
     "13: d679 is Rusk's addendum on a talk with Muccio; the meeting record is d680"),
    (ALL_PROSE, r"sent the Defense Department a list of political goals|"
                r"Rusk to the Defense Department, political goals",
     "14: d863 passes on Acheson's list"),
    (ALL_PROSE, r"(?:became public|reached the public) when",
     "16: that FRUS was the first publication is not established"),
    (ALL_PROSE, r"Joint Chiefs'? (?:own )?(?:limit|condition) of no\s+\"unacceptable losses",
     "18: the Joint Chiefs wrote 'serious losses' (d1099); 'unacceptable losses' is Rusk's"),
    (ALL_PROSE, r"never tested, because\s+the front held and no reply",
     "19: a missing reply is not a cause"),
    (("book/glossary.md",), r"\{frus\}`1950v03-d734`",
     "20: a December 1950 communiqué does not show the Joint Chiefs of 1951"),
    (ALL_PROSE, r"November 1952 \{cite:p\}`hermes1966`", "20: cite the 1952 election directly"),
    (("book/war.md",), r"unified Korea \(\{frus\}`1950v07-d863`\)",
     "20: d863 only refers back to the 7 October resolution"),
    ((CHAPTERS,), r"We have not established whether the printed page",
     "page note: author-note wording on a student page"),
    (("book/intro.md",), r"\{doc\}`review` and its writing task",
     "page note: renders as 'Review and writing task and its writing task'"),
]


def files(patterns) -> list[Path]:
    found = []
    for pattern in patterns:
        found += [p for p in sorted(ROOT.glob(pattern)) if "_build" not in p.parts]
    return found


@pytest.mark.parametrize("patterns, wrong, why", WRONG, ids=[w[2].split(":")[0] for w in WRONG])
def test_the_audits_findings_stay_fixed(patterns, wrong, why):
    hits = []
    for path in files(patterns):
        text = normalise(path.read_text(encoding="utf-8"))
        hits += [f"{path.relative_to(ROOT)}: …{m.group(0)}…" for m in re.finditer(wrong, text)]
    assert not hits, f"row {why}\n" + "\n".join(hits)


def test_frus_first_pages_match_the_page_markers():
    """Row 15: each document starts on the page before its first "[Page N]" marker."""
    registry = yaml.safe_load((ROOT / "book" / "data" / "frus.yml").read_text(encoding="utf-8"))
    first = {"1950v07-d1069": "1570", "1951v07p1-d31": "41", "1951v07p1-d44": "55",
             "1951v07p1-d62": "79", "1951v07p1-d125": "158", "1951v07p1-d128": "165",
             "1951v07p2-d7": "1514", "1951v07p1-d52": "66", "1951v07p1-d55": "68"}
    for key, page in first.items():
        assert re.split(r"[–-]", str(registry[key]["page"]))[0] == page, (key, registry[key])


def test_sentence_labels_are_explained_on_the_document_page():
    """Page note: the document page uses labels such as p4.s2 before Close reading explains them."""
    text = normalise((ROOT / "book" / "document.md").read_text(encoding="utf-8"))
    assert re.search(r"p4\.s2,? (?:which )?means paragraph 4, sentence 2", text)


def item(item_id: str) -> dict:
    for path in sorted((ROOT / "exercises").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i in data.get("items", []) if isinstance(data, dict) else []:
            if i["id"] == item_id:
                return i
    raise KeyError(item_id)


def test_the_five_ambiguous_keys_are_defensible():
    # corr-16: p2.s5 puts ROK forces on Korean soil, as the Joint Chiefs' Cheju-do plan did
    assert item("corr-16")["answers"] == ["p2.s2"]
    # rev-09: p3.s2 ("most far-reaching … benefits") supports the claim too
    assert "p3.s2" in item("rev-09")["answers"]
    # read-07: the prompt limits the question to limits on the effort, and the hint warns that
    # the "If" of p4.s1 is not one
    read07 = item("read-07")
    assert "p4.s1" not in read07["answers"] and "p4.s1" in read07["explanation"]
    assert "Not every \"if\"" in normalise(read07["hint"])
    # auth-05: the sentences of the draft statement speak for the President but do not name him
    auth05 = item("auth-05")
    assert "**names**" in auth05["prompt"] and "p4.s1–p4.s4" in auth05["explanation"]
    # corr-06: the distractor is Marshall's question, not the whole record that holds Rusk's reply
    corr06 = item("corr-06")
    d1069 = next(o for o in corr06["options"] if "doc. 1069" in o["text"])
    assert d1069["text"].startswith("Marshall's question") and d1069["id"] not in corr06["answers"]
