"""The book builds (warnings are errors) and the document page shows the memo from seeds/."""

from __future__ import annotations

import re
from html import unescape

import pytest
import yaml

from conftest import ROOT

pytestmark = pytest.mark.build


def _text(html: str) -> str:
    html = re.sub(r'<span class="sb-pagebreak-label"[^>]*>.*?</span>', "", html)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", html))).strip()


def test_document_page_renders_every_paragraph_with_its_id(built, memo):
    page = (built("student") / "book" / "document.html").read_text(encoding="utf-8")
    for p in memo.paragraphs:
        m = re.search(rf'<p class="sb-para" id="{p.id}"[^>]*>(.*?)</p>', page, re.S)
        assert m, f"paragraph {p.id} missing"
        shown = _text(m.group(1))
        assert shown == f"¶{p.number} {p.text}"
        for s in p.sentences:
            assert f'id="{s.id}"' in m.group(1)
            assert f'data-page="{s.pages}"' in m.group(1)


def test_document_page_shows_the_page_break_in_the_margin(built):
    page = (built("student") / "book" / "document.html").read_text(encoding="utf-8")
    sentence = re.search(r'<span class="sb-sent" id="p2.s4"[^>]*>(.*?)</span></span>', page, re.S)
    assert sentence and 'class="sb-pagebreak"' in sentence.group(0)
    assert "Page 67 of the printed volume begins here" in sentence.group(0)
    document = re.search(r'<figure class="sb-document".*?</figure>', page, re.S).group(0)
    assert "[Page 67]" not in document     # the marker itself is gone from the reading text


def test_document_page_explains_the_apparatus(built):
    text = _text((built("student") / "book" / "document.html").read_text(encoding="utf-8"))
    for words in ("795.00/1–1251", "top secret", "Continued Resistance in Korea", "Page 67"):
        assert words.lower() in text.lower()


def test_every_toc_page_is_built(built, root):
    import yaml
    toc = yaml.safe_load((root / "_toc.yml").read_text())
    files = [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]
    site = built("student")
    for f in files:
        assert (site / f"{f}.html").is_file(), f


def test_external_links_are_listed_in_a_report(built):
    import csv
    report = built("student").parent / "external-links.csv"
    rows = list(csv.DictReader(report.open(encoding="utf-8")))
    urls = {r["url"] for r in rows}
    assert "https://history.state.gov/historicaldocuments/frus1951v07p1/d55" in urls
    assert all(r["url"].startswith(("http://", "https://")) and r["pages"] for r in rows)
    corroboration = [r for r in rows if "book/corroboration" in r["pages"].split()]
    assert len(corroboration) >= 7


def test_notebook_chapter_has_launch_buttons(built):
    page = (built("student") / "book" / "live-notebook.html").read_text(encoding="utf-8")
    # launch buttons open the student kit (no answer key), never the lesson's repository
    assert "mybinder.org/v2/gh/sourcebook-lessons/sourcebook-student/main?urlpath=" in page
    assert ("colab.research.google.com/github/sourcebook-lessons/sourcebook-student/blob/main/"
            "book/live-notebook.ipynb") in page
    assert "sourcebook-lessons/sourcebook/" not in page
    assert "git-pull?" not in page        # no hub given: no JupyterHub button
    # prose pages are not notebooks: no launch buttons there
    assert "mybinder.org" not in (built("student") / "book" / "war.html").read_text(encoding="utf-8")


def test_a_schools_jupyterhub_adds_a_launch_button(tmp_path, monkeypatch):
    """`sourcebook build` with the hub's address (option or SOURCEBOOK_JUPYTERHUB_URL, which the
    publishing workflow passes from a repository variable): an nbgitpuller link that pulls the
    student kit (the notebook and the hashed questions, no key: `sourcebook student-kit`) into
    the student's home and opens the notebook in JupyterLab."""
    from urllib.parse import parse_qs, urlsplit
    from click.testing import CliRunner
    from sourcebook.cli import main
    monkeypatch.setenv("SOURCEBOOK_JUPYTERHUB_URL", "https://hub.example.edu/")
    result = CliRunner().invoke(main, ["build", "--root", str(ROOT), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "html" / "book" / "live-notebook.html").read_text(encoding="utf-8")
    links = re.findall(r'href="(https://hub\.example\.edu/[^"]+)"', page)
    assert len(links) == 1 and 'src="../_static/images/logo_jupyterhub.svg"' in page
    url = urlsplit(unescape(links[0]))
    assert url.path == "/hub/user-redirect/git-pull"
    query = {k: v[0] for k, v in parse_qs(url.query).items()}
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    kit = config["sphinx"]["config"]["sourcebook_student_repository"]
    assert query == {"repo": kit, "branch": "main",
                     "urlpath": "lab/tree/sourcebook-student/book/live-notebook.ipynb"}
    # nbgitpuller puts the repository in a folder named after it: the notebook is really there
    assert (ROOT / query["urlpath"].split("/", 3)[3]).is_file()
    assert "hub.example.edu" not in (tmp_path / "html" / "book" / "war.html").read_text("utf-8")


@pytest.mark.parametrize("bad", ["hub.example.edu", "ftp://hub.example.edu", "https://"])
def test_a_jupyterhub_address_that_is_not_a_web_address_is_refused(bad, tmp_path):
    from click.testing import CliRunner
    from sourcebook.cli import main
    result = CliRunner().invoke(main, ["build", "--root", str(ROOT), "--out", str(tmp_path),
                                       "--jupyterhub-url", bad])
    assert result.exit_code != 0 and "JupyterHub address" in result.output
    assert "https://hub.example.edu" in result.output and not (tmp_path / "html").exists()


def test_each_citation_label_names_one_work(built):
    """A reader of a printed page sees only "(Matray, 2002a)": one label, one work."""
    works: dict[str, set[str]] = {}
    for page in built("student").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for href, label in re.findall(r'<a class="reference internal" href="(?:[^"]*/)?'
                                      r'(bibliography\.html#[^"]+)"[^>]*>([^<]+)</a>', html):
            works.setdefault(unescape(label), set()).add(href)
    assert len(works) >= 20, sorted(works)
    shared = {label: hrefs for label, hrefs in works.items() if len(hrefs) > 1}
    assert not shared, f"one label, several works: {shared}"
    assert "Matray, 2002a" in works and "Matray, 2002b" in works


def test_the_timeline_reads_as_text_with_a_source_for_each_event(built):
    from sourcebook.model.timeline import load_timeline
    events = load_timeline(ROOT / "book" / "data" / "timeline.yml")
    page = (built("student") / "book" / "war.html").read_text(encoding="utf-8")
    listing = re.search(r'<ul class="[^"]*sb-timeline-list[^"]*">(.*?)</ul>', page, re.S)
    rows = re.findall(r"<li>(.*?)</li>", listing.group(1), re.S)
    assert len(rows) == len(events) >= 20
    straight = str.maketrans("“”‘’", "\"\"''")      # the page has typographic quotes
    for event, row in zip(events, rows):
        assert _text(row).translate(straight).startswith(
            f"{event.date.day} {event.date:%B %Y}: {event.detail}")
        assert unescape(re.search(r'href="([^"]+)"', row).group(1)) == event.source
    assert "Source: FRUS 1951, vol. VII, pt. 1, doc. 52." in _text(listing.group(1))


def test_the_site_entry_page_redirects_with_an_icon_and_a_link(built):
    index = (built("student") / "index.html").read_text(encoding="utf-8")
    assert 'url=book/intro.html' in index and '<a href="book/intro.html">' in index
    assert '<link rel="icon" href="_static/favicon.png">' in index
