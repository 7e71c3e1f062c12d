"""No answer key in the student's site: build the student edition and search every file of it.

What must never appear in plain text anywhere in the site (HTML, JS, JSON, search index):
explanations, per-option feedback, true/false feedback and short-answer exemplars. In each
item's payload: no accepted cloze answer, no date answer, no marked phrase, and nothing but
stretched hashes under any answer-like key. Ordering items are never shown in the right order.

Nor does anything a student can open name the lesson's repository (it holds exercises/*.yml):
every file of the site, notebooks and `_sources` included, and every file of the student kit
(what the launch buttons open; `sourcebook student-kit`) is searched for its address.

Nor can the page's cheap means (reading it, without hashing candidates) tell a key
(docs/contract.md §1-2): every option carries feedback ciphertext of one length, hash lists have
the length of what is offered whatever the key, and dates and cloze blanks need slow hashes.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from conftest import ROOT
from sourcebook.items.cloze import MAX_FORMS
from sourcebook.items.check import perfect_response
from sourcebook.items.normalize import expand_variants

pytestmark = pytest.mark.build
HASH = re.compile(r"^[0-9a-f]{32}$")
ANSWER_KEYS = re.compile(r"answer|accept|correct|solution|right", re.I)


def plain(text: str) -> str:
    """Markup-free, whitespace-folded text as a reader would see it."""
    text = re.sub(r"\{[a-z:]+\}`([^`<]*?)(?:\s*<[^>]+>)?`", r"\1", text)   # MyST roles
    text = re.sub(r"[*_`]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def fragments(secret: str) -> list[str]:
    """Three 40-character windows of a secret, enough to find it even if part is reworded."""
    s = plain(secret)
    if len(s) < 40:
        return [s] if len(s) >= 12 else []
    mid = len(s) // 2
    return [s[:40], s[mid - 20:mid + 20], s[-40:]]


@pytest.fixture(scope="module")
def site_text(built):
    site = built("student")
    texts = {}
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".js", ".json", ".txt", ".css", ".xml"}:
            raw = path.read_text(encoding="utf-8", errors="replace")
            texts[path.relative_to(site).as_posix()] = re.sub(r"\s+", " ", html.unescape(raw))
    return texts


@pytest.fixture(scope="module")
def payloads(site_text):
    """item id -> its JSON payload, from every exercise set on every page."""
    found = {}
    for text in site_text.values():
        for blob in re.findall(r'<script type="application/json" class="sb-data">(.*?)</script>', text):
            for item_id, data in json.loads(blob).get("items", {}).items():
                found[item_id] = data
    return found


def secrets(item) -> list[str]:
    out = [item.explanation]
    out += [o.feedback for o in getattr(item, "options", []) or [] if o.feedback]
    out += [getattr(item, "feedback_true", None) or "", getattr(item, "feedback_false", None) or ""]
    out += [getattr(item, "exemplar", None) or ""]
    return [s for s in out if s]


def test_every_item_is_in_the_site(book, payloads):
    _, items = book
    missing = [i.id for i in items if i.id not in payloads]
    assert missing == []


def test_no_explanation_feedback_or_exemplar_in_plain_text(book, site_text):
    """A secret leaks when its start, middle and end all stand in one file (a single window
    can match ordinary prose: explanations quote the memo and the chapters)."""
    _, items = book
    leaks = []
    for item in items:
        for secret in secrets(item):
            frags = fragments(secret)
            for name, text in site_text.items():
                if frags and all(f in text for f in frags):
                    leaks.append((item.id, frags[0], name))
    assert leaks == []


def _walk(data, path=()):
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _walk(v, (*path, str(k)))
    elif isinstance(data, list):
        for v in data:
            yield from _walk(v, path)
    else:
        yield path, data


def test_answer_like_fields_hold_only_hashes(payloads):
    bad = []
    for item_id, data in payloads.items():
        for path, value in _walk(data):
            if any(ANSWER_KEYS.search(p) for p in path if p != "rights") and isinstance(value, str) \
                    and not HASH.match(value) and path[-1] not in ("type", "book", "id"):
                bad.append((item_id, "/".join(path), value[:40]))
    assert bad == []


def test_typed_answers_are_not_in_the_payload(book, payloads):
    ctx, items = book
    leaks = []
    for item in items:
        blob = json.dumps(payloads[item.id], ensure_ascii=False).lower()
        if item.type == "cloze":
            words = [w for blank in item.blanks() for w in expand_variants(blank, ctx.variants)]
        elif item.type == "date":
            a = item.answer
            words = [a.isoformat(), f"{a.day} {a:%B %Y}", f"{a:%B} {a.day}, {a.year}"]
        elif item.type == "mark-words":
            words = [p for p in item.phrases if " " in p]
        else:
            continue
        leaks += [(item.id, w) for w in words if len(w) > 2 and f'"{w.lower()}"' in blob
                  or (" " in w and w.lower() in blob)]
    assert leaks == []


def test_orderings_are_never_shown_in_the_right_order(book, payloads):
    ctx, items = book
    for item in items:
        if item.type == "ordering":
            shown = payloads[item.id].get("order") or payloads[item.id].get("entries")
            right = perfect_response(item, ctx)
            shown_ids = [e["id"] if isinstance(e, dict) else e for e in shown]
            assert shown_ids != right, item.id


def test_the_page_cannot_tell_the_right_option_without_hashing(book, payloads):
    """Every option has feedback ciphertext, all of one length; hash lists are as long as what
    is offered; nothing else of the payload differs between options."""
    _, items = book
    bad = []
    for item in items:
        p = payloads[item.id]
        if item.type in ("single-choice", "multiple-select"):
            ids = [o["id"] for o in p["options"]]
            if sorted(p["feedback"]) != sorted(ids) or len({len(c) for c in p["feedback"].values()}) != 1:
                bad.append((item.id, "feedback"))
            if len(p["answers"]["h"]) != len(ids):
                bad.append((item.id, "hash list length"))
            if [o["id"] for o in p["options"]] != [o.id for o in item.options]:
                bad.append((item.id, "options not in data order"))
        if item.type == "true-false":
            if sorted(p["feedback"]) != ["false", "true"] or len(p["answers"]["h"]) != 2 \
                    or len({len(c) for c in p["feedback"].values()}) != 1:
                bad.append((item.id, "true-false shape"))
        if item.type == "evidence" and len(p["answers"]["h"]) != len(p["sentences"]):
            bad.append((item.id, "evidence hash list length"))
        if item.type == "mark-words" and not (len(p["targets"]["h"]) == len(p["tokens"])
                                              == len(p["pieces"])
                                              and len({len(c) for c in p["pieces"].values()}) == 1):
            bad.append((item.id, "mark-words lengths"))
        if item.type == "cloze" and any(len(b["h"]) % MAX_FORMS or len(b["k"]) != len(b["h"])
                                        or len({len(c) for c in b["k"].values()}) != 1
                                        for b in p["blanks"]):
            bad.append((item.id, "cloze padding"))
    assert bad == []


def test_dates_and_cloze_blanks_need_slow_hashes(book, payloads):
    from sourcebook.items.crypto import SLOW
    _, items = book
    for item in items:
        p = payloads[item.id]
        if item.type == "date":
            assert p["answers"]["it"] == SLOW >= 40_000, item.id
        if item.type == "cloze":
            assert all(b["it"] == SLOW for b in p["blanks"]), item.id


def test_the_cheap_attack_of_issue_12_finds_nothing(book, payloads):
    """The attack that recovered every choice answer from v1 pages: the right option is the
    one without feedback, or the one whose feedback is shorter. Here it does no better than a
    guess: it finds no option that stands out."""
    _, items = book
    standing_out = 0
    for item in items:
        if item.type not in ("single-choice", "multiple-select", "true-false"):
            continue
        lengths = {k: len(v) for k, v in payloads[item.id]["feedback"].items()}
        if len(set(lengths.values())) > 1:
            standing_out += 1
    assert standing_out == 0


def test_the_site_links_to_no_file_that_holds_a_key(site_text):
    """No link or download in the student edition leads to exercises/*.yml (the keys)."""
    links = []
    for name, text in site_text.items():
        links += [(name, m) for m in re.findall(r'(?:href|src)="([^"]*exercises/[^"]*\.ya?ml[^"]*)"',
                                                text)]
    assert links == []


def test_the_student_edition_links_to_no_repository_but_the_student_kit(site_text):
    """Repository, Binder, Colab and JupyterHub links lead to the student kit (no key), never to
    the lesson's repository (which holds exercises/*.yml)."""
    from sourcebook.yamlio import load_data
    config = load_data(ROOT / "_config.yml")
    lesson = config["repository"]["url"].rstrip("/")
    kit = config["sphinx"]["config"]["sourcebook_student_repository"].split("@")[0].rstrip("/")
    found = []
    for name, text in site_text.items():
        found += [(name, m) for m in re.findall(
            r'href="(https://(?:github\.com|mybinder\.org|colab\.research\.google\.com)[^"]*)"', text)]
    assert found, "the notebook chapter has its launch buttons"
    kit_path = kit.removeprefix("https://github.com/")
    for name, link in found:
        assert kit_path in link, (name, link)
        assert lesson.removeprefix("https://github.com/") + "/" not in link.replace(kit_path, ""), (name, link)


def lesson_and_kit() -> tuple[str, str]:
    """The lesson repository's "owner/name" and the student kit's address (_config.yml)."""
    from sourcebook.yamlio import load_data
    config = load_data(ROOT / "_config.yml")
    lesson = config["repository"]["url"].rstrip("/").removeprefix("https://github.com/")
    kit = config["sphinx"]["config"]["sourcebook_student_repository"]
    return lesson, kit


def plainly(raw: str) -> str:
    """Text with HTML entities, URL escapes and JSON's "\\/" undone, so that an address hidden
    in a query string or a script reads as it would be typed."""
    return unquote(html.unescape(raw).replace("\\/", "/"))


def readable(folder: Path) -> dict[str, str]:
    """Every file under `folder` as plain text, whatever its kind."""
    return {path.relative_to(folder).as_posix():
            plainly(path.read_bytes().decode("utf-8", errors="replace"))
            for path in sorted(p for p in folder.rglob("*") if p.is_file())}


def pointers_to_keys(texts: dict[str, str], lesson: str) -> list[tuple[str, str]]:
    """(file, what) for every mention of the lesson repository ("owner/name" however linked:
    GitHub, raw files, Binder, Colab, nbgitpuller, git clone) and every web address of an
    exercises/*.yml file."""
    repository = re.compile(rf"{re.escape(lesson)}(?![\w-])", re.I)
    raw_yaml = re.compile(r"https?://[^\s\"'<>()]*exercises/[^\s\"'<>()]*\.ya?ml", re.I)
    found = []
    for name, text in texts.items():
        found += [(name, m.group(0)) for m in repository.finditer(text)]
        found += [(name, m.group(0)) for m in raw_yaml.finditer(text)]
    return found


@pytest.fixture(scope="module")
def student_kit(tmp_path_factory):
    """The student kit as `sourcebook student-kit` writes it for the real book."""
    from click.testing import CliRunner
    from sourcebook.cli import main
    out = tmp_path_factory.mktemp("kit") / "student-kit"
    result = CliRunner().invoke(main, ["student-kit", str(out), "--root", str(ROOT)])
    assert result.exit_code == 0, result.output
    return out


def test_no_file_of_the_student_site_names_the_lesson_repository(built):
    """Pages, scripts, JSON, the search index, the notebook's download in _sources: none names
    the repository that holds the keys, nor links a raw exercises/*.yml."""
    lesson, kit = lesson_and_kit()
    texts = readable(built("student"))
    assert "_sources/book/live-notebook.ipynb" in texts and "book/live-notebook.html" in texts
    assert pointers_to_keys(texts, lesson) == []
    # the notebook's set-up cell names the student kit instead (on the page and in the download)
    assert kit in texts["_sources/book/live-notebook.ipynb"]
    assert kit in texts["book/live-notebook.html"]


def test_no_file_of_the_student_kit_names_the_lesson_repository(student_kit):
    lesson, kit = lesson_and_kit()
    texts = readable(student_kit)
    assert "book/live-notebook.ipynb" in texts and "book/sourcebook-student.json" in texts
    assert pointers_to_keys(texts, lesson) == []
    cells = json.loads((student_kit / "book" / "live-notebook.ipynb").read_text("utf-8"))["cells"]
    setup = "".join(next(c for c in cells if c["cell_type"] == "code")["source"])
    assert f'STUDENT_KIT = "{kit}"' in setup


def test_the_search_finds_the_lesson_repository_however_it_is_written():
    """The search itself can fail: the old set-up cell (a sparse clone of the lesson) and an
    nbgitpuller link with the address escaped are both caught; the kit's own address is not."""
    lesson, kit = lesson_and_kit()
    old_cell = ('"subprocess.run([\\"git\\", \\"clone\\", '
                f'\\"https://github.com/{lesson}\\", str(kit)])\\n"')
    hub = ("https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2F"
           + lesson.replace("/", "%2F") + "&amp;urlpath=lab")
    raw = f"https://raw.githubusercontent.com/{lesson}/main/exercises/document.yml"
    texts = {"a.ipynb": old_cell, "b.html": hub, "c.js": raw.replace("/", "\\/"), "kit.html": kit}
    found = pointers_to_keys({name: plainly(text) for name, text in texts.items()}, lesson)
    assert {name for name, _ in found} == {"a.ipynb", "b.html", "c.js"}
    assert any(what == raw for _, what in found)
