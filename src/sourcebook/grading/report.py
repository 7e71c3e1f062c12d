"""The grader's outputs: gradebook CSV, short-answers CSV, item-analysis HTML and its chart.

Files are written whole (temporary file, then link or rename). An existing gradebook is never
replaced unless `force`: the new set of files gets a timestamped name instead
(`gradebook-20260112-103000.csv`, ...), and the report says which files it wrote.
CSV cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a
leading apostrophe. Every text in the HTML is escaped; nothing a student typed becomes markup.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import statistics
from pathlib import Path

from sourcebook.model.answers import write_atomic
from sourcebook.errors import SourcebookError
from sourcebook.grading.gradebook import (csv_bytes as _csv, csv_chunks, csv_safe,  # noqa: F401
                                          gradebook_csv, gradebook_rows, num as _num)

__all__ = ["write_outputs", "gradebook_csv", "short_answers_csv", "report_html", "chart_png",
           "OUTPUT_NAMES", "csv_safe"]



OUTPUT_NAMES = {"gradebook": ("gradebook", ".csv"), "short_answers": ("short-answers", ".csv"),
                "chart": ("item-analysis", ".png"), "report": ("item-analysis", ".html"),
                "written": ("written-work", ".html"), "marks": ("written-marks", ".csv"),
                "attempts": ("attempts", ".csv")}

def short_answers_csv(report) -> bytes:
    """The written answers, for the instructor to read and mark by hand."""
    return _csv(short_answer_rows(report))


def short_answer_rows(report):
    yield ["student", "student_id", "item", "self_assessment", "text"]
    for s in report.students:
        for item_id, answer in report.short_answers.get(s.file, {}).items():
            if not isinstance(answer, dict) or not isinstance(answer.get("text"), str):
                continue
            ticks = answer.get("self")
            mark = (f"{sum(1 for t in ticks if t is True)}/{len(ticks)}"
                    if isinstance(ticks, list) else "")
            yield [s.name, s.student_id, item_id, mark, answer["text"]]


# --------------------------------------------------------------------------- chart

def chart_png(report) -> bytes:
    """Score distribution (histogram) above item difficulty (% fully correct per item)."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    items = [i for i in report.items if i.percent_correct is not None]
    percents = [s.percent for s in report.students]
    bar_height = max(2.4, 0.22 * len(items) + 1.0)
    with rc_context({"font.size": 11, "axes.titlesize": 13, "axes.titleweight": "bold",
                     "font.family": "DejaVu Sans"}):
        fig = Figure(figsize=(10, 3.8 + bar_height), dpi=110, layout="constrained")
        FigureCanvasAgg(fig)
        top, bottom = fig.subplots(2, 1, height_ratios=[3.8, bar_height])

        top.set_title(f"Score distribution ({len(percents)} student"
                      f"{'s' * (len(percents) != 1)})", loc="left")
        if percents:
            top.hist(percents, bins=range(0, 101, 10), color="0.6", edgecolor="black")
            mean = statistics.fmean(percents)
            top.axvline(mean, color="black", linestyle="--", linewidth=1.5)
            top.annotate(f"mean {mean:.0f}%", (mean, 1), xycoords=("data", "axes fraction"),
                         xytext=(4, -14), textcoords="offset points",
                         bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
        else:
            top.text(0.5, 0.5, "no students graded", ha="center", transform=top.transAxes)
        top.set_xlim(0, 100)
        top.set_xticks(range(0, 101, 10))
        top.set_xlabel("score (% of the automatically marked points)")
        top.set_ylabel("students")
        top.yaxis.get_major_locator().set_params(integer=True)

        bottom.set_title("Item difficulty: % of students fully correct", loc="left")
        if items:
            ys = range(len(items))
            values = [i.percent_correct for i in items]
            bottom.barh(ys, values, color="0.35", edgecolor="black", height=0.7,
                        label="% fully correct")
            bottom.plot([i.mean_percent for i in items], ys, "o", markerfacecolor="white",
                        markeredgecolor="black", label="mean score %")
            for y, v in zip(ys, values):     # the bar's own value, inside its end if it fits
                if v >= 12:
                    bottom.text(v - 1, y, f"{v:.0f}", va="center", ha="right", fontsize=8.5,
                                color="white")
                else:
                    bottom.text(v + 1, y, f"{v:.0f}", va="center", fontsize=8.5)
            bottom.set_yticks(list(ys), [i.id for i in items], fontsize=9)
            bottom.set_ylim(len(items) - 0.5, -0.5)         # first item on top, no margins
            bottom.legend(loc="lower right", bbox_to_anchor=(1, 1), ncol=2, fontsize=9,
                          frameon=False, borderaxespad=0.2)
        else:
            bottom.text(0.5, 0.5, "no automatically marked items", ha="center",
                        transform=bottom.transAxes)
        bottom.set_xlim(0, 100)
        bottom.set_xticks(range(0, 101, 10))
        bottom.grid(axis="x", color="0.85")
        bottom.set_axisbelow(True)
        bottom.set_xlabel("% of students")
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
    return buf.getvalue()


def chart_alt(report) -> str:
    items = [i for i in report.items if i.percent_correct is not None]
    text = (f"Two charts. Top: a histogram of {len(report.students)} students' scores in steps "
            "of 10%")
    if report.students:
        text += f", mean {statistics.fmean(s.percent for s in report.students):.0f}%"
    text += ". Bottom: the percentage of students fully correct on each item"
    if items:
        hard = min(items, key=lambda i: i.percent_correct)
        easy = max(items, key=lambda i: i.percent_correct)
        text += (f"; hardest {hard.id} ({hard.percent_correct:.0f}%), easiest {easy.id} "
                 f"({easy.percent_correct:.0f}%)")
    return text + ". The table below gives the same numbers."


# --------------------------------------------------------------------------- HTML

_CSS = """
body{font-family:system-ui,sans-serif;max-width:75rem;margin:2rem auto;padding:0 1rem;
color:#111;line-height:1.45}
table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.92rem}
th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eee} td.n{text-align:right;font-variant-numeric:tabular-nums}
td:first-child{white-space:nowrap}
.flag{font-weight:bold} img{max-width:100%;border:1px solid #ccc}
caption{text-align:left;font-weight:bold;padding:.3rem 0}
.wide{overflow-x:auto;max-width:100%} .wide table{margin:0} td code{overflow-wrap:anywhere}
"""


def _wide(label: str) -> str:
    """The opening of a box a table scrolls in on a narrow screen (the items table has ten
    columns: a teacher on a phone scrolls it, not the page), reachable by keyboard."""
    return f'<div class="wide" role="region" aria-label="{_e(label)}" tabindex="0">'


def _e(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x:.0f}%"


def _flags(item) -> list[str]:
    flags = []
    if item.percent_correct is not None:
        if item.percent_correct < 20:
            flags.append("very hard")
        elif item.percent_correct > 95:
            flags.append("very easy")
    if item.discrimination is not None and item.discrimination < 0.1:
        flags.append("check: negative discrimination" if item.discrimination < 0
                     else "low discrimination")
    return flags


def report_html(report, chart_name: str, files: dict[str, str]) -> str:
    students = report.students
    percents = [s.percent for s in students]
    out = ['<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>Item analysis: {_e(report.book_id)}</title>\n<style>{_CSS}</style>\n</head>",
           "<body>\n<main>", "<h1>Item analysis</h1>",
           f"<p>Book <code>{_e(report.book_id)}</code>, content version "
           f"<code>{_e(report.content_version)}</code>. Generated "
           f"{_e(dt.datetime.now().strftime('%Y-%m-%d %H:%M'))}.</p>",
           "<h2>Summary</h2>\n<ul>",
           f"<li>Students graded: {len(students)}</li>",
           f"<li>Files skipped: {len(report.skipped)}"
           + (' (<a href="#skipped">listed below</a>)' if report.skipped else "") + "</li>"]
    if percents:
        out.append(f"<li>Mean score: {statistics.fmean(percents):.1f}%; median "
                   f"{statistics.median(percents):.1f}%; range {min(percents):.1f}% to "
                   f"{max(percents):.1f}%</li>")
    out.append("<li>Files written: " + ", ".join(f"<code>{_e(n)}</code>" for n in files.values())
               + "</li>\n</ul>")
    out.append(f'<figure>\n<img src="{_e(chart_name)}" alt="{_e(chart_alt(report))}">\n'
               "<figcaption>Score distribution and item difficulty.</figcaption>\n</figure>")
    if len(students) < 10:
        out.append("<p><strong>Few students:</strong> with fewer than 10 students the "
                   "discrimination index says little.</p>")

    out.append('<h2>Items</h2>\n' + _wide("Items") + '<table>\n<thead><tr><th scope="col">item</th>'
               '<th scope="col">type</th><th scope="col">points</th>'
               '<th scope="col">answered</th><th scope="col">% fully correct</th>'
               '<th scope="col">mean score</th><th scope="col">discrimination</th>'
               '<th scope="col">most chosen wrong answer</th>'
               '<th scope="col">options chosen (✓ = right)</th><th scope="col">review</th>'
               "</tr></thead>\n<tbody>")
    for item in report.items:
        if item.percent_correct is None:
            out.append(f"<tr><td>{_e(item.id)}</td><td>{_e(item.type)}</td>"
                       f'<td class="n">{_num(item.points)}</td>'
                       f'<td class="n">{item.answered}</td>'
                       '<td colspan="6">recorded, not marked automatically: see '
                       f"<code>{_e(files.get('short_answers', ''))}</code></td></tr>")
            continue
        wrong = f"{_e(item.top_wrong[0])} ({item.top_wrong[1]})" if item.top_wrong else "—"
        options = "<br>".join(f"{_e(o_id)}{' ✓' if right else ''}: {n}"
                              for o_id, _text, n, right in item.options) or "—"
        disc = "—" if item.discrimination is None else f"{item.discrimination:+.2f}"
        invalid = f" ({item.invalid} unreadable)" if item.invalid else ""
        out.append(f"<tr><td>{_e(item.id)}</td><td>{_e(item.type)}</td>"
                   f'<td class="n">{_num(item.points)}</td>'
                   f'<td class="n">{item.answered}{invalid}</td>'
                   f'<td class="n">{_pct(item.percent_correct)}</td>'
                   f'<td class="n">{_pct(item.mean_percent)}</td><td class="n">{disc}</td>'
                   f"<td>{wrong}</td><td>{options}</td>"
                   f'<td class="flag">{_e(", ".join(_flags(item)))}</td></tr>')
    out.append("</tbody>\n</table></div>")

    out.append('<h2 id="skipped">Skipped files</h2>')
    if report.skipped:
        out.append(_wide("Skipped files") + '<table>\n<thead><tr><th scope="col">file</th>'
                   '<th scope="col">why it was skipped</th></tr></thead>\n<tbody>')
        out.extend(f"<tr><td><code>{_e(s.path)}</code></td><td>{_e(s.reason)}</td></tr>"
                   for s in report.skipped)
        out.append("</tbody>\n</table></div>")
    else:
        out.append("<p>None: every file was graded.</p>")
    if report.notes:
        out.append('<h2>Notes</h2>\n' + _wide("Notes") + '<table>\n<thead><tr>'
                   '<th scope="col">file</th><th scope="col">note</th></tr></thead>\n<tbody>')
        out.extend(f"<tr><td><code>{_e(n.path)}</code></td><td>{_e(n.reason)}</td></tr>"
                   for n in report.notes)
        out.append("</tbody>\n</table></div>")

    out.append("""<h2>How to read this</h2>
<ul>
<li><strong>% fully correct</strong>: students with the full points on the item; students who
did not answer count as not correct. <strong>Mean score</strong> includes partial credit.</li>
<li><strong>Discrimination</strong>: the mean share of the item's points won by the top 27% of
students (by total score) minus that of the bottom 27%. Above +0.30 the item separates strong
from weak students well; below +0.10 it hardly does; a negative value often means a wrong
answer key or a misleading question.</li>
<li><strong>Most chosen wrong answer</strong>: the wrong option (or wrong text, sentence, word
or order) chosen most often, with how many students chose it.</li>
<li>In the gradebook, a blank cell means not answered; short answers show
<em>recorded</em> and are not in the total.</li>
</ul>
</main>
</body>
</html>
""")
    return "\n".join(out)


# --------------------------------------------------------------------------- writing

def _names(out_dir: Path, force: bool) -> dict[str, Path]:
    plain = {k: out_dir / f"{stem}{ext}" for k, (stem, ext) in OUTPUT_NAMES.items()}
    if force or not any(p.exists() for p in plain.values()):
        return plain
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    for n in range(1, 1000):
        tag = stamp if n == 1 else f"{stamp}-{n}"
        named = {k: out_dir / f"{stem}-{tag}{ext}" for k, (stem, ext) in OUTPUT_NAMES.items()}
        if not any(p.exists() for p in named.values()):
            return named
    raise SourcebookError(out_dir, "too many earlier reports here; choose another --out folder")


def attempts_csv(report) -> bytes:
    """Checks per item per student, in lesson order; "unchecked" where a draft is pending."""
    return _csv(attempt_rows(report))


def attempt_rows(report):
    yield ["name", "student_id", *report.item_ids]
    for s in report.students:
        yield [s.name, s.student_id,
               *(f"{s.attempts.get(i, 0)}" + (" unchecked" if i in s.drafts else "")
                 for i in report.item_ids)]


def write_outputs(report, out_dir: Path, *, force: bool = False, keys=None,
                  paper: str = "letter") -> dict[str, Path]:
    """Write every file; the HTML report last, so it never points to a file not yet written.
    The big ones (a class's CSVs and written work) are written as they are made, a chunk at a
    time, never whole in memory."""
    from sourcebook.grading.written import mark_rows, written_work_chunks
    out_dir.mkdir(parents=True, exist_ok=True)
    names = _names(out_dir, force)
    shown = {k: p.name for k, p in names.items()}
    contents = {"chart": chart_png(report), "gradebook": csv_chunks(gradebook_rows(report)),
                "short_answers": csv_chunks(short_answer_rows(report)),
                "attempts": csv_chunks(attempt_rows(report))}
    if keys is not None:
        contents["written"] = written_work_chunks(report, keys, paper=paper)
        contents["marks"] = csv_chunks(mark_rows(report, keys))
    contents["report"] = report_html(report, shown["chart"], shown).encode("utf-8")
    for kind in [k for k in OUTPUT_NAMES if k in contents and k != "report"] + ["report"]:
        try:
            write_atomic(names[kind], contents[kind], replace=force)
        except FileExistsError:
            raise SourcebookError(names[kind], "appeared while grading; run again, or use "
                                  "--force to replace it") from None
    return {k: p for k, p in names.items() if k in contents}
