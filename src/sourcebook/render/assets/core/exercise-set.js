/* An exercise set on the page: each item's controls, Check, the verdict, hints, attempts and
   the progress line. The item types' own parts are in ../items/.

   A verdict never outlives its answer: changing the answer after a check shows "Not checked
   yet" and keeps the change as a draft, apart from the last checked response (contract §5). */

import { cryptoAvailable, decrypt } from './crypto.js';
import { isEmpty, unanswered } from './score.js';
import { load, save, PREFIX } from './store.js';
import { bookSeed } from './seed.js';
import { element, isRecord, isString, query, queryAll } from './util.js';
import { itemType } from '../items/index.js';

export const HISTORY_LIMIT = 20;

const VERDICTS = {
  correct: ['✔', 'Correct.'],
  partial: ['◐', 'Partly right.'],
  incorrect: ['✘', 'Not right yet.'],
  recorded: ['✎', 'Answer recorded: your teacher marks it.'],
  draft: ['○', 'Not checked yet.'],
  invalid: ['⚠', ''],
  unanswered: ['?', ''],
};
const CHECKED = new Set(['correct', 'partial', 'incorrect', 'recorded']);
const MARKED = new Set(['correct', 'partial', 'incorrect']);

const twoPlaces = (x) => Number(x.toFixed(2));
const pointsText = (score, max) => `${twoPlaces(score)} of ${twoPlaces(max)} point${max === 1 ? '' : 's'}.`;
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const verdictOf = (res) => ({ status: res.status, score: res.score, max: res.max, detail: res.detail, parts: res.parts, unlock: res.unlock });

/* What an item module may add to read, write and check (items/index.js), and what the set
   does without it. */
const partControls = (module, li) => (module.partControls ? module.partControls(li) : []);
const partName = (module, control, i) => (module.partName ? module.partName(control, i)
  : `“${control.labels[0].textContent.trim()}”`);
const selfMarkingOnly = (module, current, checked) => !!module.selfMarkingOnly
  && module.selfMarkingOnly(current, checked);

/** The verdict on a response: empty is unanswered for every type; the type checks the rest. */
export async function check(payload, response, context = {}) {
  if (isEmpty(response)) return unanswered(payload.points);
  return itemType(payload.type).check(payload, response, context);
}

/** The texts a result unlocked: {explanation: html or null, feedback: [html…]}. */
export async function unlocked(payload, res) {
  const unlock = isRecord(res.unlock) ? res.unlock : {};
  const feedbackMap = isRecord(payload.feedback) ? payload.feedback : {};
  const feedback = [];
  for (const pair of Array.isArray(unlock.feedback) ? unlock.feedback : []) {
    if (!Array.isArray(pair) || !isString(pair[0]) || !Object.prototype.hasOwnProperty.call(feedbackMap, pair[0])) continue;
    const text = await decrypt(feedbackMap[pair[0]], pair[1]);
    if (text) feedback.push(text);
  }
  const explanation = isString(unlock.explanation) ? await decrypt(payload.explanation, unlock.explanation) : null;
  return { explanation, feedback };
}

/** The history kept: the first check and the last HISTORY_LIMIT − 1. */
export const trimmed = (history) => (history.length <= HISTORY_LIMIT ? history
  : [history[0], ...history.slice(history.length - HISTORY_LIMIT + 1)]);

export function exerciseSet(section, refreshers) {
  const data = JSON.parse(query(section, '.sb-data').textContent);
  const book = section.dataset.book;
  const seed = bookSeed(book);
  const items = queryAll(section, '.sb-item');
  const progressLine = query(section, '.sb-prog');
  const states = new Map();
  const later = [];
  let started = false;
  const runLater = () => later.splice(0).forEach((task) => task().catch((error) => console.error(error)));

  function showProgress() {
    let answered = 0;
    let correct = 0;
    items.forEach((li) => {
      const s = states.get(li) || {};
      if (s.status) answered += 1;
      if (s.status === 'correct' && s.draft === undefined) correct += 1;
    });
    progressLine.textContent = `${answered} of ${items.length} answered, ${correct} correct`;
  }

  items.forEach((li) => {
    const payload = data.items[li.dataset.item];
    const module = itemType(li.dataset.type);
    const key = `${PREFIX}${book}:${li.dataset.source}:${payload.id}`;
    const feedback = query(li, '.sb-fb');
    const explanation = query(li, '.sb-ex');
    const attemptsLine = query(li, '.sb-att');
    const rubric = query(li, '.sb-rub');
    const checkButton = query(li, '.sb-check');
    const context = {};
    const state = () => states.get(li);
    const store = () => save(key, state());
    let shown = 0;             // the latest display wins when decryptions overlap

    /* after a partly right or wrong check: the parts to look at again (a cloze's blanks, a
       matching's menus: the controls the type's partControls gives, one per result part) */
    function pointAt(rightParts) {
      const names = [];
      const controls = partControls(module, li);
      controls.forEach((control, i) => {
        if (rightParts && !rightParts[i]) {
          control.setAttribute('aria-invalid', 'true');
          names.push(partName(module, control, i));
        } else control.removeAttribute('aria-invalid');
      });
      if (names.length && names.length < controls.length) {
        feedback.append(element('p', 'sb-of sb-parts', `Look again at ${names.join(', ')}.`));
      }
    }

    function verdictLine(status, word) {
      const [icon] = VERDICTS[status];
      const verdict = element('p', `sb-v sb-${status}`);
      const iconSpan = element('span', 'sb-i', icon);
      iconSpan.setAttribute('aria-hidden', 'true');
      verdict.append(iconSpan, ' ', word);
      return verdict;
    }

    function clear() {
      feedback.textContent = '';
      explanation.hidden = true;
      explanation.textContent = '';
      queryAll(li, '[aria-invalid]').forEach((control) => control.removeAttribute('aria-invalid'));
    }

    function showDraft() {
      shown += 1;
      clear();
      feedback.append(verdictLine('draft', 'Not checked yet. Press Check when you are ready.'));
      if (rubric) rubric.hidden = true;
    }

    async function show(res) {
      const ticket = ++shown;
      const texts = CHECKED.has(res.status) ? await unlocked(payload, res) : { explanation: null, feedback: [] };
      if (ticket !== shown) return;
      clear();
      const status = res.status;
      let word = VERDICTS[status][1];
      if (status === 'partial' && res.score == null) word = 'Not fully right yet.';
      if (!word) {
        word = status === 'unanswered' ? (res.detail || 'Answer first, then press Check.')
          : (module.invalidMessage || 'This answer cannot be checked.');
      }
      const verdict = verdictLine(status, word);
      if ((status === 'correct' || status === 'partial') && res.score != null) verdict.append(` ${pointsText(res.score, res.max)}`);
      if (res.detail && status !== 'unanswered') verdict.append(` ${res.detail}`);
      if (status === 'partial' || status === 'incorrect') {
        verdict.append(` Try again${query(li, '.sb-hint:not([open])') ? ', or open the hint.' : '.'}`);
      }
      if (status === 'recorded' && rubric) verdict.append(' Now tick each rubric point it covers.');
      feedback.append(verdict);
      if (MARKED.has(status)) {
        texts.feedback.forEach((html) => {
          const line = element('p', 'sb-of');
          line.innerHTML = html;        // author text decrypted from the build's payload
          feedback.append(line);
        });
      }
      pointAt((status === 'partial' || status === 'incorrect') && Array.isArray(res.parts) ? res.parts : null);
      if (texts.explanation) {
        if (status === 'correct') explanation.append(element('p', 'sb-exh', 'Why'));
        const text = element('p');
        text.innerHTML = texts.explanation;   // author text decrypted from the build's payload
        explanation.append(text);
        explanation.hidden = false;
      }
      if (rubric) rubric.hidden = status !== 'recorded';
    }

    const showAttempts = () => {
      const s = state();
      attemptsLine.textContent = s.attempts ? `Attempts: ${s.attempts}` : '';
      showProgress();
    };

    function restoreControls() {
      const s = state();
      module.write(li, s.draft !== undefined ? s.draft : s.response);
    }

    function restore() {
      const stored = load(key);
      const s = isRecord(stored) ? { ...stored } : { response: null };
      s.attempts = Number.isInteger(s.attempts) && s.attempts > 0 ? s.attempts : 0;
      s.history = Array.isArray(s.history) ? s.history : [];
      states.set(li, s);
      if (s.draft === undefined && s.response == null && context.start) module.write(li, context.start);
      else restoreControls();
      clear();
      if (rubric) rubric.hidden = true;
      if (s.status === 'checked' && !isRecord(s.verdict)) {
        li.dataset.verifying = String(Number(li.dataset.verifying || 0) + 1);
        later.push(verifyImported);
        if (started) setTimeout(runLater, 0);
      }
      if (s.draft !== undefined && s.status) showDraft();
      else if (s.status && isRecord(s.verdict)) show(s.verdict);
      else if (s.status) {
        shown += 1;
        feedback.append(verdictLine('draft', 'Checked on another computer; its verdict comes in a moment.'));
      }
      showAttempts();
    }

    /* li[data-checking] is there from the press of Check until the verdict is on screen */
    async function run() {
      if (li.hasAttribute('data-checking')) return;
      if (!cryptoAvailable()) {
        feedback.textContent = 'Checking needs a secure page: open the book over https or from a file on disk.';
        return;
      }
      const response = module.read(li);
      li.setAttribute('data-checking', '');
      checkButton.setAttribute('aria-busy', 'true');
      try {
        const res = await check(payload, response, context);
        const s = state();
        if (CHECKED.has(res.status)) {
          const now = new Date().toISOString();
          s.attempts += 1;
          s.history = trimmed([...s.history, response]);
          s.first_at = s.first_at || now;
          s.last_at = now;
          s.status = res.status;
          s.response = response;
          s.verdict = verdictOf(res);
          delete s.draft;
          delete s.draft_at;
          store();
          showAttempts();
        }
        if (same(module.read(li), response)) await show(res);
        else edited();                                   // changed while checking
      } finally {
        li.removeAttribute('data-checking');
        checkButton.removeAttribute('aria-busy');
      }
    }

    /* an answer that came from an imported file: checked again (no attempt counted);
       li[data-verifying] counts the re-checks still to finish */
    async function verifyImported() {
      try {
        const s = state();
        if (s.status !== 'checked' || isRecord(s.verdict) || !cryptoAvailable()) return;
        const res = await check(payload, s.response, context);
        if (state() !== s || !CHECKED.has(res.status)) return;
        s.status = res.status;
        s.verdict = verdictOf(res);
        store();
        if (s.draft === undefined) await show(res);
        showProgress();
      } finally {
        const left = Number(li.dataset.verifying || 1) - 1;
        if (left > 0) li.dataset.verifying = String(left); else delete li.dataset.verifying;
      }
    }

    /* a change: back to the checked answer shows its verdict; anything else is a draft */
    function edited(event) {
      const s = state();
      if (event && event.target && event.target.removeAttribute) event.target.removeAttribute('aria-invalid');
      const current = module.read(li);
      if (s.status === 'recorded' && selfMarkingOnly(module, current, s.response)) {
        s.response = current;      // the student's own marking of a recorded answer is part of it
        const wasDraft = s.draft !== undefined;
        delete s.draft;
        delete s.draft_at;
        if (wasDraft && isRecord(s.verdict)) show(s.verdict);
      } else if (s.status && same(current, s.response)) {
        delete s.draft;
        delete s.draft_at;
        if (isRecord(s.verdict)) show(s.verdict); else clear();
      } else {
        s.draft = current;
        s.draft_at = new Date().toISOString();
        if (s.status) showDraft(); else clear();
      }
      store();
      showProgress();
    }

    const host = {
      seed, context, edited, restoreControls,
      say: (text) => { feedback.textContent = text; },
      later: (task) => later.push(task),
    };
    if (module.render) module.render(li, host, payload);
    li.addEventListener('click', (event) => { if (event.target.closest('.sb-check')) run(); });
    li.addEventListener('change', edited);
    li.addEventListener('input', edited);
    li.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.target.matches('input[type=text]')) { event.preventDefault(); run(); }
    });
    const hint = query(li, '.sb-hint');
    if (hint) hint.addEventListener('toggle', () => { if (hint.open) { state().hint = true; store(); } });
    li.sourcebookRestore = restore;
    li.sourcebookState = state;
    restore();
  });
  refreshers.push(() => items.forEach((li) => li.sourcebookRestore()));
  /* work that may hash or decrypt runs after set-up, never in it */
  started = true;
  setTimeout(runLater, 0);
}
