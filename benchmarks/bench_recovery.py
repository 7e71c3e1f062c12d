"""What it costs to recover a key from the student page, and what a Check costs, in Chromium.

    python benchmarks/bench_recovery.py [--hashes 60] [--write]

The page holds, for a date answer or a cloze blank, only the *check* half of a PBKDF2-SHA256
hash stretched with items/crypto.py's SLOW iterations (docs/contract.md §1). Recovering the
answer from the page means hashing every candidate the same way. This measures, in Debian's
Chromium with WebCrypto on this machine:

  hashes_per_s          slow hashes per second on one core (sequential deriveBits calls)
  ms_per_hash           the same as milliseconds per hash
  date_cpu_minutes      trying every date of the guess space (55,000: ~150 years of days)
  cloze_cpu_minutes     trying every word of the guess space of a blank (51,000 words)
  check_ms_max          the slowest Check of any date or cloze item of the real book, through
                        the page's own front end (median of 5 runs per item, cold cache)
and with --write stores them in benchmarks/results.json under "recovery". Targets (issue 12):
date >= 10 CPU-minutes, cloze blank >= 5 CPU-minutes, Check <= 300 ms.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from sourcebook.items.crypto import SLOW  # noqa: E402

DATES, WORDS = 55_000, 51_000
CHROMIUM = "/usr/bin/chromium"


def measure(hashes: int) -> dict:
    from playwright.sync_api import sync_playwright
    from tests.browser.pages import book_page
    with tempfile.TemporaryDirectory() as tmp:
        folder, sets, ctx = book_page(Path(tmp) / "book")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
            page = browser.new_page()
            page.goto((folder / "index.html").as_uri())
            page.wait_for_function("document.querySelector('.sb-set.sb-js')")
            speed = page.evaluate("""async ([n, it]) => {
                const enc = new TextEncoder();
                const run = async (i) => {
                  const key = await crypto.subtle.importKey('raw', enc.encode('date|1951-01-' + i), 'PBKDF2', false, ['deriveBits']);
                  await crypto.subtle.deriveBits({name: 'PBKDF2', hash: 'SHA-256',
                    salt: enc.encode('sourcebook|bench|dt'), iterations: it}, key, 256);
                };
                await run(0);                                   // warm up
                const t0 = performance.now();
                for (let i = 0; i < n; i++) await run(i + 1);   // one after another: one core
                return (performance.now() - t0) / n;
            }""", [hashes, SLOW])
            checks = page.evaluate("""async () => {
                const out = [];
                for (const script of document.querySelectorAll('.sb-data')) {
                  const items = JSON.parse(script.textContent).items;
                  for (const p of Object.values(items)) {
                    if (p.type !== 'date' && p.type !== 'cloze') continue;
                    const times = [];
                    for (let r = 0; r < 5; r++) {
                      const response = p.type === 'date' ? `${r + 1} March 1950`
                        : p.blanks.map((_, i) => `guess${r}x${i}`);   // new values: no cache
                      const t0 = performance.now();
                      await sourcebook.check(p, response, {});
                      times.push(performance.now() - t0);
                    }
                    times.sort((a, b) => a - b);
                    out.push([p.id, p.type, p.blanks ? p.blanks.length : 1, times[2]]);
                  }
                }
                return out;
            }""")
            version = browser.version
            browser.close()
    ms = speed
    slowest = max(checks, key=lambda c: c[3])
    return {
        "when": time.strftime("%Y-%m-%d"), "machine": f"{platform.machine()}, Chromium {version}",
        "slow_iterations": SLOW, "ms_per_hash": round(ms, 2), "hashes_per_s": round(1000 / ms, 1),
        "date_guess_space": DATES, "cloze_guess_space": WORDS,
        "date_cpu_minutes": round(DATES * ms / 60_000, 1),
        "cloze_cpu_minutes": round(WORDS * ms / 60_000, 1),
        "check_ms_max": round(slowest[3], 1), "check_slowest_item": f"{slowest[0]} ({slowest[1]}, {slowest[2]} blank(s))",
        "targets": {"date_cpu_minutes": ">= 10", "cloze_cpu_minutes": ">= 5", "check_ms_max": "<= 300"},
        "met": DATES * ms / 60_000 >= 10 and WORDS * ms / 60_000 >= 5 and slowest[3] <= 300,
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--hashes", type=int, default=60)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    result = measure(args.hashes)
    print(json.dumps(result, indent=1))
    if args.write:
        path = ROOT / "benchmarks" / "results.json"
        data = json.loads(path.read_text("utf-8")) if path.exists() else {}
        data["recovery"] = result
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", "utf-8")
    return 0 if result["met"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
