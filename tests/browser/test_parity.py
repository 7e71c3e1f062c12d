"""Parity: every vector of tests/vectors/check_vectors.yml through the JS checker in Chromium,
compared with the Python checker — score, max, verdict, and the texts each unlocks."""

from __future__ import annotations

import math

import pytest

from sourcebook.items.check import check
from sourcebook.render import static
from sourcebook.items.payload import inline

from .pages import ITEM, MEMO, VECTORS, vector_ctx, write_page


def _for_js(value):
    """A response as JSON hands it to the browser; a float with a whole value stays a float
    (the browser cannot tell 3.0 from 3, so it travels as an object: both checkers call it junk)."""
    if isinstance(value, float) and value.is_integer():
        return {"__float__": value}
    if isinstance(value, list):
        return [_for_js(v) for v in value]
    if isinstance(value, dict):
        return {k: _for_js(v) for k, v in value.items()}
    return value


@pytest.fixture(scope="module")
def parity(browser, serve, tmp_path_factory):
    ctx = vector_ctx()
    items = {}
    for v in VECTORS["vectors"]:
        items.setdefault(v["item"]["id"], ITEM.validate_python(v["item"]))
    folder = write_page(tmp_path_factory.mktemp("parity"),
                        static.render_items(list(items.values()), ctx, set_id="parity",
                                            title="Parity", source=MEMO), "Parity")
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(serve(folder) + "index.html")
    cases = [[v["item"]["id"], _for_js(v["response"])] for v in VECTORS["vectors"]]
    js = page.evaluate("""cases => {
        const data = JSON.parse(document.querySelector('.sb-data').textContent).items;
        return cases.map(([id, r]) => {
          const p = data[id], res = sourcebook.check(p, r), li = document.getElementById('sb-' + id);
          let feedback = null, dom = null;
          if (/correct|partial|incorrect/.test(res.status)) {
            feedback = sourcebook.optionFeedback(p, r);
            if (res.status === 'correct') feedback.push(sourcebook.explain(p, r));
          }
          if (!/invalid/.test(res.status)) {      // through the controls and back
            sourcebook.put(li, p.type, r);
            dom = sourcebook.check(p, sourcebook.get(li, p.type));
          }
          return {...res, feedback, dom};
        });
    }""", cases)
    page.close()
    assert not errors, errors
    return ctx, items, js


def test_every_vector_gives_the_same_result_in_js(parity):
    ctx, items, js = parity
    assert len(js) == len(VECTORS["vectors"]) >= 100
    mismatches = []
    for v, got in zip(VECTORS["vectors"], js):
        py = check(items[v["item"]["id"]], v["response"], ctx)
        want = (py.status, py.score, py.max, py.correct)
        have = (got["status"], got["score"], got["max"], got["correct"])
        if want != have or not math.isclose(got["score"], v["expect"]["score"], abs_tol=5e-5):
            mismatches.append(f'{v["name"]}: python {want}, js {have}')
    assert not mismatches, "\n".join(mismatches)


def test_js_unlocks_exactly_the_feedback_python_gives(parity):
    ctx, items, js = parity
    mismatches = []
    for v, got in zip(VECTORS["vectors"], js):
        py = check(items[v["item"]["id"]], v["response"], ctx)
        if got["feedback"] is not None and got["feedback"] != [inline(f) for f in py.feedback]:
            mismatches.append(f'{v["name"]}: python {py.feedback}, js {got["feedback"]}')
    assert not mismatches, "\n".join(mismatches)


def test_responses_survive_the_controls(parity):
    """put() then get() on the real widget gives a response marked the same way (an ordering
    widget always shows some order, so it has no "unanswered" state to round-trip)."""
    ctx, items, js = parity
    mismatches = [f'{v["name"]}: {got["status"]} -> {got["dom"]["status"]}'
                  for v, got in zip(VECTORS["vectors"], js)
                  if got["dom"] and (got["dom"]["status"], got["dom"]["score"])
                  != (got["status"], got["score"])
                  and not (v["item"]["type"] == "ordering" and got["status"] == "unanswered")]
    assert sum(1 for got in js if got["dom"]) > 80
    assert not mismatches, "\n".join(mismatches)
