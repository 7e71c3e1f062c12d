"""The editable timeline: the real data file and the loader's error messages."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import textwrap
from pathlib import Path
from urllib.parse import urlparse

import pytest

from sourcebook.errors import SourcebookError
from sourcebook.model.timeline import LABEL_MAX, TimelineError, lesson_policy, load_timeline

from conftest import ROOT  # noqa: E402
TIMELINE = ROOT / "book" / "data" / "timeline.yml"

# ids other chapters' chronology exercises refer to: they must not change
REQUIRED = {
    "north-korea-invades": "1950-06-25",
    "unsc-unified-command": "1950-07-07",
    "link-up": "1950-09-27",
    "pyongyang-taken": "1950-10-19",
    "home-by-christmas": "1950-11-24",
    "chinese-attack": "1950-11-25",
    "walker-killed": "1950-12-23",
    "ridgway-command": "1950-12-26",
    "jcs-99935": "1950-12-29",
    "macarthur-c52391": "1950-12-30",
    "third-phase-offensive": "1950-12-31",
    "seoul-falls-1951": "1951-01-04",
    "jcs-80680": "1951-01-09",
    "macarthur-c53167": "1951-01-10",
    "ceasefire-principles": "1951-01-11",
    "rusk-memo": "1951-01-12",
    "white-house-meeting": "1951-01-12",
    "zhou-reply": "1951-01-17",
    "collins-report": "1951-01-19",
    "thunderbolt": "1951-01-25",
    "prc-aggressor": "1951-02-01",
    "rusk-outline": "1951-02-11",
    "seoul-retaken": "1951-03-14",
    "macarthur-relieved": "1951-04-11",
    "talks-open": "1951-07-10",
    "armistice": "1953-07-27",
}


@pytest.fixture(scope="module")
def events():
    return load_timeline(TIMELINE)


# --- the real file --------------------------------------------------------------------------------

def test_real_file_loads_with_required_ids_and_dates(events):
    by_id = {e.id: e for e in events}
    assert 22 <= len(events) <= 30
    for event_id, date in REQUIRED.items():
        assert event_id in by_id, f"missing required event {event_id}"
        assert by_id[event_id].date == dt.date.fromisoformat(date), event_id
    assert len(by_id) == len(events), "ids must be unique"


def test_real_file_spans_the_war_and_is_dense_around_the_memo(events):
    assert events[0].date == dt.date(1950, 6, 25)
    assert events[-1].date == dt.date(1953, 7, 27)
    crisis = [e for e in events if dt.date(1950, 11, 1) <= e.date <= dt.date(1951, 2, 28)]
    assert len(crisis) >= len(events) / 2, "the timeline should be dense for Nov 1950 - Feb 1951"


def test_events_sorted_and_file_kept_in_order(events):
    dates = [e.date for e in events]
    assert dates == sorted(dates)
    # the file itself is kept in date order too, for instructors reading it
    raw = re.findall(r"^\s*date:\s*(\S+)", TIMELINE.read_text(encoding="utf-8"), flags=re.M)
    assert raw == sorted(raw)


def test_fields_are_well_formed(events):
    for e in events:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", e.id)
        assert 0 < len(e.label) <= LABEL_MAX
        assert e.phase in lesson_policy(TIMELINE.parent)[0]
        assert e.detail.endswith("."), f"{e.id}: detail should be one full sentence"
        text = re.sub(r"\b(Lt|Gen|Adm|Maj|Col|Mr|Dr|U\.S|U\.N|a\.m|p\.m)\.", "", e.detail)
        assert not re.search(r"[.!?] [A-Z]", text), f"{e.id}: detail should be a single sentence"
    memo = next(e for e in events if e.id == "rusk-memo")
    assert memo.source == "https://history.state.gov/historicaldocuments/frus1951v07p1/d52"
    assert memo.phase == "crisis"


def test_every_source_is_http_and_not_tertiary(events):
    for e in events:
        parsed = urlparse(e.source)
        assert parsed.scheme in ("http", "https") and parsed.netloc, e.id
        host = parsed.hostname or ""
        assert not any(host == d or host.endswith("." + d) for d in lesson_policy(TIMELINE.parent)[1]), e.id


def _normalise(url: str) -> str:
    # the fact sheet sometimes writes history.state.gov as www. or test.; the book uses the plain host
    return re.sub(r"^https?://(www\.|test\.)?history\.state\.gov", "https://history.state.gov", url.rstrip(".,;)"))


FACT_SOURCES = Path(__file__).resolve().parents[2] / "fixtures" / "facts-sources.txt"


def _fact_sources() -> set[str]:
    lines = FACT_SOURCES.read_text(encoding="utf-8").splitlines()
    return {_normalise(u) for u in lines if u and not u.startswith("#")}


def test_every_source_comes_from_the_fact_sheet(events):
    urls = _fact_sources()
    for e in events:
        assert _normalise(e.source) in urls, f"{e.id}: {e.source} is not a source the fact sheet gives"


def test_the_copied_source_list_is_a_list_of_web_addresses():
    """In any checkout: every line of the copy is one http(s) address, given once."""
    lines = [u for u in FACT_SOURCES.read_text(encoding="utf-8").splitlines()
             if u and not u.startswith("#")]
    assert len(lines) > 50
    for line in lines:
        parsed = urlparse(line)
        assert parsed.scheme in ("http", "https") and parsed.netloc and line == line.strip(), line
    normalised = [_normalise(u) for u in lines]
    assert len(set(normalised)) == len(normalised), "an address is listed twice"


# --- broken files ---------------------------------------------------------------------------------

GOOD = """\
- id: seoul-falls-1951
  date: 1951-01-04
  label: Seoul falls again
  detail: Communist forces occupy Seoul.
  source: https://en.wikipedia.org/wiki/Third_Battle_of_Seoul?oldid=645504635
  phase: crisis
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "book" / "data" / "timeline.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    for policy in ("timeline-chart.yml", "citation-policy.yml"):    # the lesson's own rules
        shutil.copy(TIMELINE.parent / policy, path.parent / policy)
    return path


def test_a_lesson_without_policy_files_accepts_any_phase_and_site(tmp_path):
    path = tmp_path / "timeline.yml"
    path.write_text(textwrap.dedent(GOOD).replace("phase: crisis", "phase: any-phase")
                    .replace("https://en.wikipedia.org/wiki/Third_Battle_of_Seoul?oldid=645504635",
                             "https://grokipedia.com/page/x"), encoding="utf-8")
    assert load_timeline(path)[0].phase == "any-phase"


def _error(path: Path) -> TimelineError:
    with pytest.raises(TimelineError) as info:
        load_timeline(path)
    return info.value


def test_bad_date_names_file_line_event_and_field(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = _write(tmp_path, "# comment\n\n" + GOOD.replace("1951-01-04", "1951-13-04"))
    err = _error(path)
    assert str(err) == ('book/data/timeline.yml:4 event seoul-falls-1951: '
                        'date "1951-13-04" is not a real date (YYYY-MM-DD)')
    assert isinstance(err, SourcebookError)
    assert (err.line, err.field, err.item) == (4, "date", "seoul-falls-1951")


def test_malformed_date_is_rejected(tmp_path):
    err = _error(_write(tmp_path, GOOD.replace("1951-01-04", "4 Jan 1951")))
    assert ':2 event seoul-falls-1951: date "4 Jan 1951" is not a date in the form YYYY-MM-DD' in str(err)


def test_duplicate_id_points_at_the_second_one(tmp_path):
    path = _write(tmp_path, GOOD + GOOD.replace("1951-01-04", "1951-01-05"))
    err = _error(path)
    assert len(err.problems) == 1
    assert f"{path.name}:7 event seoul-falls-1951: id \"seoul-falls-1951\" is used twice (first at line 1)" in str(err)
    assert err.field == "id"


def test_missing_field_names_the_event_and_its_line(tmp_path):
    text = GOOD + GOOD.replace("seoul-falls-1951", "seoul-retaken").replace("  label: Seoul falls again\n", "")
    err = _error(_write(tmp_path, text))
    assert "timeline.yml:7 event seoul-retaken: label is missing" in str(err)
    assert err.field == "label"


def test_empty_value_counts_as_missing(tmp_path):
    err = _error(_write(tmp_path, GOOD.replace("phase: crisis", "phase:")))
    assert "timeline.yml:6 event seoul-falls-1951: phase is missing" in str(err)


def test_several_problems_are_all_reported_in_line_order(tmp_path):
    text = (GOOD.replace("1951-01-04", "1951-02-30")
            + GOOD.replace("seoul-falls-1951", "x").replace("phase: crisis", "phase: crisi")
            .replace("https://en.wikipedia.org/wiki/Third_Battle_of_Seoul?oldid=645504635",
                     "https://grokipedia.com/page/Operation_Thunderbolt_(1951)"))
    err = _error(_write(tmp_path, text))
    lines = str(err).splitlines()
    assert len(lines) == 3
    assert ':2 event seoul-falls-1951: date "1951-02-30" is not a real date' in lines[0]
    assert ":11 event x: source" in lines[1] and "grokipedia.com" in lines[1]
    assert ':12 event x: phase "crisi" is not one of the phases in timeline-chart.yml: invasion,' in lines[2]


@pytest.mark.parametrize("source", ["https://historysnacks.io/event/x", "https://wikisum.wiki/wiki/Resolution_498(V)",
                                    "https://www.historycentral.com/korea/op_ripper.html", "ftp://example.org/x",
                                    "history.state.gov/historicaldocuments/frus1951v07p1/d52"])
def test_bad_sources_are_rejected(tmp_path, source):
    err = _error(_write(tmp_path, GOOD.replace(
        "https://en.wikipedia.org/wiki/Third_Battle_of_Seoul?oldid=645504635", source)))
    assert ":5 event seoul-falls-1951: source" in str(err)
    assert err.field == "source"


def test_long_label_unknown_field_and_bad_id(tmp_path):
    text = (GOOD.replace("Seoul falls again", "x" * (LABEL_MAX + 1))
            .replace("phase: crisis", "phase: crisis\n  lable: typo")
            .replace("id: seoul-falls-1951", "id: Seoul Falls"))
    err = str(_error(_write(tmp_path, text)))
    assert ':1 event Seoul Falls: id "Seoul Falls" is not a slug' in err
    assert f":3 event Seoul Falls: label \"{'x' * (LABEL_MAX + 1)}\" has {LABEL_MAX + 1} characters" in err
    assert ":7 event Seoul Falls: lable is not a known field" in err


def test_nested_value_is_rejected(tmp_path):
    err = _error(_write(tmp_path, GOOD.replace("detail: Communist forces occupy Seoul.", "detail: [a, b]")))
    assert ":4 event seoul-falls-1951: detail must be a single value" in str(err)


def test_yaml_syntax_error_has_a_line(tmp_path):
    err = _error(_write(tmp_path, GOOD + "- id: broken\n  date: [1951-01-05\n"))
    assert re.search(r"timeline\.yml:\d+: not valid YAML", str(err))
    assert err.line is not None and err.line >= 8


def test_top_level_must_be_a_list(tmp_path):
    err = _error(_write(tmp_path, "events:\n  - id: x\n"))
    assert "timeline.yml:1: expected a list of events" in str(err)
    assert "the file is empty" in str(_error(_write(tmp_path, "# nothing yet\n")))


def test_missing_file(tmp_path):
    err = _error(tmp_path / "nope.yml")
    assert "nope.yml: cannot read file" in str(err)


def test_loader_sorts_out_of_order_events(tmp_path):
    later = GOOD.replace("seoul-falls-1951", "seoul-retaken").replace("1951-01-04", "1951-03-14")
    events = load_timeline(_write(tmp_path, later + GOOD))
    assert [e.id for e in events] == ["seoul-falls-1951", "seoul-retaken"]
    assert events[0].date_note is None


def test_date_note_is_kept(tmp_path):
    text = GOOD.replace("  label:", "  date_note: The battle ran from 31 Dec to 7 Jan.\n  label:")
    (event,) = load_timeline(_write(tmp_path, text))
    assert event.date_note == "The battle ran from 31 Dec to 7 Jan."
