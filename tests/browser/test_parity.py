"""Parity: the contract vectors (tests/contract/) through the page's JS in Chromium.

The same data runs through the Python side in tests/contract/test_contract.py: dealing, the
stretched hashes and encryption, and every check vector — verdict, score (or the page's honest
"cannot know the points"), the feedback each response opens and whether the explanation opens."""

from __future__ import annotations

import math

import pytest

from sourcebook.items.page_parts import inline
from sourcebook.render import static

from tests.contract.vectors import CHECK, CRYPTO, ITEMS, page_expect, response
from .pages import MEMO, vector_ctx, write_page


def _for_js(value):
    """A response as JSON hands it to the browser; a float with a whole value travels as an
    object (the browser cannot tell 3.0 from 3): both checkers call it junk."""
    if isinstance(value, float) and value.is_integer():
        return {"__float__": value}
    if isinstance(value, list):
        return [_for_js(v) for v in value]
    if isinstance(value, dict):
        return {k: _for_js(v) for k, v in value.items()}
    return value


@pytest.fixture(scope="module")
def js_page(browser, serve, tmp_path_factory):
    ctx = vector_ctx()
    folder = write_page(tmp_path_factory.mktemp("parity"),
                        static.render_items(list(ITEMS.values()), ctx, set_id="parity",
                                            title="Parity", source=MEMO), "Parity")
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(serve(folder) + "index.html")
    page.wait_for_function("document.querySelector('.sb-set.sb-js')")
    yield page
    page.close()
    assert not errors, errors


@pytest.fixture(scope="module")
def checked(js_page):
    cases = [[v["item"], _for_js(response(v)), v.get("seed")] for v in CHECK["vectors"]]
    return js_page.evaluate("""async cases => {
        const data = JSON.parse(document.querySelector('.sb-data').textContent).items;
        const out = [];
        for (const [id, r, seed] of cases) {
          const p = data[id];
          const context = seed ? {start: await sourcebook.startingOrder(p, seed)} : {};
          const res = await sourcebook.check(p, r, context);
          const texts = await sourcebook.unlocked(p, res);
          let dom = null;
          if (res.status !== 'invalid' && !seed) {        // through the controls and back
            const li = document.getElementById('sb-' + id);
            sourcebook.put(li, p.type, r);
            dom = await sourcebook.check(p, sourcebook.get(li, p.type), {});
          }
          out.push({status: res.status, score: res.score, max: res.max, correct: res.correct,
                    feedback: texts.feedback, explanation: texts.explanation, dom});
        }
        return out;
    }""", cases)


def test_every_check_vector_gives_the_contract_verdict_in_js(checked):
    assert len(checked) == len(CHECK["vectors"]) >= 80
    mismatches = []
    for v, got in zip(CHECK["vectors"], checked):
        want = page_expect(v)
        item = ITEMS[v["item"]]
        ok = got["status"] == want["status"] and got["max"] == item.points and (
            got["score"] is None if want["score"] is None
            else got["score"] is not None
            and math.isclose(got["score"], want["score"], abs_tol=5e-5))
        if not ok:
            mismatches.append(f'{v["name"]}: want {want}, js {got["status"]} {got["score"]}')
    assert not mismatches, "\n".join(mismatches)


def test_the_page_never_claims_points_it_cannot_know(checked):
    """Where the page says "cannot know", the grader's score is below full marks."""
    for v, got in zip(CHECK["vectors"], checked):
        if got["score"] is None:
            assert v["expect"]["status"] in ("partial", "incorrect"), v["name"]


def test_js_unlocks_exactly_the_feedback_and_explanation(checked):
    mismatches = []
    for v, got in zip(CHECK["vectors"], checked):
        item = ITEMS[v["item"]]
        if "feedback" in v and got["feedback"] != [inline(f) for f in v["feedback"]]:
            mismatches.append(f'{v["name"]}: feedback {got["feedback"]}')
        explained = got["explanation"] == inline(item.explanation)
        if got["explanation"] is not None and not explained:
            mismatches.append(f'{v["name"]}: a wrong explanation {got["explanation"]!r}')
        if explained != (v["expect"]["status"] in ("correct", "recorded")):
            mismatches.append(f'{v["name"]}: explanation opened: {explained}')
    assert not mismatches, "\n".join(mismatches)


def test_responses_survive_the_controls(checked):
    """put() then get() on the real widget gives a response checked the same way (an ordering
    widget always shows some order, so it has no "unanswered" state to round-trip)."""
    pairs = [(v, got) for v, got in zip(CHECK["vectors"], checked) if got["dom"]]
    assert len(pairs) > 60
    bad = [f'{v["name"]}: {got["status"]} -> {got["dom"]["status"]}' for v, got in pairs
           if (got["dom"]["status"], got["dom"]["score"]) != (got["status"], got["score"])
           and not (v["item"] in ("v-ord",) and got["status"] == "unanswered")]
    assert not bad, "\n".join(bad)


def test_dealing_hashing_and_decryption_match_python(js_page):
    got = js_page.evaluate("""async v => {
        const enc = new TextEncoder();
        const hex = b => [...new Uint8Array(b)].map(x => x.toString(16).padStart(2, '0')).join('');
        const stretched = [];
        for (const s of v.stretch) {
          const key = await crypto.subtle.importKey('raw', enc.encode(s.part + '|' + s.value), 'PBKDF2', false, ['deriveBits']);
          const bits = hex(await crypto.subtle.deriveBits({name: 'PBKDF2', hash: 'SHA-256',
            salt: enc.encode('sourcebook|' + s.book + '|' + s.item), iterations: s.it}, key, 256));
          stretched.push([bits.slice(0, 32), bits.slice(32)]);
        }
        const viaPage = [];
        for (const s of v.stretch) {
          const p = {book: s.book, id: s.item};
          const payload = {id: s.item, book: s.book, type: 'date', points: 1, explanation: '',
                           answers: {it: s.it, h: [s.check]}};
          viaPage.push(await sourcebook.check(payload, s.part === 'date' ? s.value : 'x', {}));
        }
        return {
          deal: v.deal.map(d => d.avoid_identity ? null : sourcebook.deal(d.seed, d.item, d.ids)),
          dealReversed: v.deal.map(d => sourcebook.deal(d.seed, d.item, [...d.ids].reverse())),
          stretched, date: viaPage.map(r => r.status),
        };
    }""", CRYPTO)
    for d, js, rev in zip(CRYPTO["deal"], got["deal"], got["dealReversed"]):
        if not d["avoid_identity"]:
            assert js == d["expect"], d
            assert rev == d["expect"], d
    assert got["stretched"] == [[s["check"], s["secret"]] for s in CRYPTO["stretch"]]
    dated = [r for s, r in zip(CRYPTO["stretch"], got["date"]) if s["part"] == "date"]
    assert dated == ["correct"]


def test_a_solved_deal_is_rotated_as_python_rotates_it(js_page):
    """The page rotates a starting order that is already right (it finds out with the pairs'
    fast hashes); Python's deal(avoid_identity=True) gives the same order."""
    from sourcebook.items.payload import build_payload
    from sourcebook.items.shuffle import deal
    item = ITEMS["v-ord"]
    ids = [e.id for e in item.entries]
    seeds = [f"{n:016x}" for n in range(3000)]
    solved = [s for s in seeds if deal(s, item.id, ids) == ids][:2]
    assert solved
    payload = build_payload(item, vector_ctx())
    got = js_page.evaluate("async ([p, seeds]) => Promise.all(seeds.map(s => sourcebook.startingOrder(p, s)))",
                           [payload, solved + seeds[:5]])
    assert got == [deal(s, item.id, ids, avoid_identity=True) for s in solved + seeds[:5]]


def test_decryption_matches_python(js_page):
    got = js_page.evaluate("""async v => {
        const out = [];
        for (const d of v.decrypt) {
          const p = {type: 'date', id: 'x', book: 'b', points: 1, explanation: d.ciphertext};
          out.push((await sourcebook.unlocked(p, {unlock: {explanation: d.key, feedback: []}})).explanation);
          out.push((await sourcebook.unlocked(p, {unlock: {explanation: '0'.repeat(64), feedback: []}})).explanation);
        }
        return out;
    }""", CRYPTO)
    assert got == [x for d in CRYPTO["decrypt"] for x in (d["text"], None)]


def test_the_page_reads_answers_files_as_the_contract_says(js_page):
    """tests/contract/answers_vectors.json through the page's reader (core/answers-file.js)."""
    from tests.contract.vectors import ANSWERS
    cases = [v.get("text") or __import__("json").dumps(v["file"]) for v in ANSWERS["vectors"]]
    got = js_page.evaluate("""async cases => {
        const mod = window.sourcebookModules;
        return cases.map(text => {
          const {file, error} = sourcebook.readAnswersFile(text, 'widget-test', sourcebook.knownToPage());
          if (error) return {ok: false, error};
          const responses = {};
          for (const [id, r] of file.responses) responses[id] = r;
          return {ok: true, responses, notes: Object.fromEntries(file.notes), skipped: file.skipped,
                  seed: file.seed, student: file.student, proto: Object.prototype.response};
        });
    }""", cases)
    for v, g in zip(ANSWERS["vectors"], got):
        want = v["expect"]
        assert g["ok"] == want["ok"], v["name"]
        if not want["ok"]:
            assert g["error"] == want["error"], v["name"]
            continue
        assert g["proto"] is None
        assert set(g["responses"]) == set(want["responses"]), v["name"]
        for item_id, fields in want["responses"].items():
            for k, val in fields.items():
                assert g["responses"][item_id].get(k) == val, (v["name"], item_id, k)
        assert g["notes"] == want["notes"] and g["skipped"] == want["skipped"], v["name"]
        for k in ("seed", "student"):
            if k in want:
                assert g[k] == want[k], (v["name"], k)
