/* An exercise set on the page: each item's controls, Check, the verdict, hints, attempts and
   the progress line. The item types' own parts are in ../items/. */

import { decrypt, deriveKey } from './crypto.js';
import { isEmpty, unanswered } from './score.js';
import { load, save, PREFIX } from './store.js';
import { element, isRecord, query, queryAll } from './util.js';
import { itemType } from '../items/index.js';

const VERDICTS = {
  correct: ['✔', 'Correct.'],
  partial: ['◐', 'Partly right.'],
  incorrect: ['✘', 'Not right yet.'],
  recorded: ['✔', 'Answer recorded.'],
  invalid: ['⚠', ''],
  unanswered: ['?', ''],
};
const CHECKED = new Set(['correct', 'partial', 'incorrect', 'recorded']);
const MARKED = new Set(['correct', 'partial', 'incorrect']);

const twoPlaces = (x) => Number(x.toFixed(2));
const pointsText = (score, max) => `${twoPlaces(score)} of ${twoPlaces(max)} point${max === 1 ? '' : 's'}.`;

/** The explanation a response unlocks, or null. */
export function explain(payload, response) {
  const material = itemType(payload.type).explanationMaterial(payload, response);
  return material == null ? null : decrypt(payload.explanation, deriveKey(payload, 'explain', material));
}

export function optionFeedback(payload, response) {
  const module = itemType(payload.type);
  return module.optionFeedback ? module.optionFeedback(payload, response) : [];
}

/** The verdict on a response: empty is unanswered for every type; the type checks the rest. */
export function check(payload, response) {
  if (isEmpty(response)) return unanswered(payload.points);
  return itemType(payload.type).check(payload, response);
}

export function exerciseSet(section, refreshers) {
  const data = JSON.parse(query(section, '.sb-data').textContent);
  const book = section.dataset.book;
  const items = queryAll(section, '.sb-item');
  const progressLine = query(section, '.sb-prog');
  const states = new Map();

  function showProgress() {
    let answered = 0;
    let correct = 0;
    items.forEach((li) => {
      const status = (states.get(li) || {}).status;
      if (status) answered += 1;
      if (status === 'correct') correct += 1;
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
    const state = () => states.get(li);
    const store = () => save(key, state());

    /* after a partly right or wrong check: the blanks or menus to look at again */
    function pointAt(rightParts) {
      const names = [];
      const controls = queryAll(li, '.sb-blank,.sb-match select');
      controls.forEach((control, i) => {
        if (rightParts && !rightParts[i]) {
          control.setAttribute('aria-invalid', 'true');
          names.push(module.type === 'cloze' ? `blank ${i + 1}` : `“${control.labels[0].textContent.trim()}”`);
        } else control.removeAttribute('aria-invalid');
      });
      if (names.length && names.length < controls.length) {
        feedback.append(element('p', 'sb-of sb-parts', `Look again at ${names.join(', ')}.`));
      }
    }

    function show(res, response) {
      feedback.textContent = '';
      explanation.hidden = true;
      const status = res.status;
      const [icon, word] = VERDICTS[status];
      const verdict = element('p', `sb-v sb-${status}`);
      const iconSpan = element('span', 'sb-i', icon);
      iconSpan.setAttribute('aria-hidden', 'true');
      verdict.append(iconSpan, ' ');
      const fallback = status === 'unanswered' ? 'Answer first, then press Check.'
        : (module.invalidMessage || 'This answer cannot be checked.');
      verdict.append(word || fallback);
      if (status === 'correct' || status === 'partial') verdict.append(` ${pointsText(res.score, res.max)}`);
      if (status === 'partial' || status === 'incorrect') {
        verdict.append(` Try again${query(li, '.sb-hint:not([open])') ? ', or open the hint.' : '.'}`);
      }
      if (status === 'recorded') verdict.append(' Now tick each rubric point it covers.');
      feedback.append(verdict);
      if (MARKED.has(status)) {
        optionFeedback(payload, response).forEach((html) => {
          const line = element('p', 'sb-of');
          line.innerHTML = html;        // author text from the build (inline()), never the student's
          feedback.append(line);
        });
      }
      pointAt((status === 'partial' || status === 'incorrect') && module.parts ? module.parts(payload, response) : null);
      const why = status === 'correct' ? explain(payload, response)
        : status === 'recorded' ? module.openText(payload, payload.explanation) : null;
      if (why) {
        explanation.textContent = '';
        if (status === 'correct') explanation.append(element('p', 'sb-exh', 'Why'));
        const text = element('p');
        text.innerHTML = why;            // author text from the build
        explanation.append(text);
        explanation.hidden = false;
      }
      if (rubric && status === 'recorded') rubric.hidden = false;
    }

    const showAttempts = () => {
      attemptsLine.textContent = state().attempts ? `Attempts: ${state().attempts}` : '';
      showProgress();
    };

    function restore() {
      const stored = load(key);
      const s = isRecord(stored) ? { ...stored } : { response: null };
      s.attempts = Number.isInteger(s.attempts) ? s.attempts : 0;
      states.set(li, s);
      module.write(li, s.response);
      if (!s.status && s.attempts) {
        const status = check(payload, s.response).status;
        if (CHECKED.has(status)) s.status = status;
      }
      feedback.textContent = '';
      explanation.hidden = true;
      if (rubric) rubric.hidden = s.status !== 'recorded';
      if (s.status && !s.dirty) show(check(payload, s.response), s.response);
      showAttempts();
    }

    function run() {
      const response = module.read(li);
      const res = check(payload, response);
      const s = state();
      const now = new Date().toISOString();
      if (CHECKED.has(res.status)) {
        s.attempts += 1;
        s.first_at = s.first_at || now;
        s.last_at = now;
        s.status = res.status;
        s.dirty = false;
        s.checked = JSON.stringify(response);
      }
      s.response = response;
      store();
      show(res, response);
      showAttempts();
    }

    /* the verdict stays while the answer is the one checked; rubric ticks never hide it */
    function edited(event) {
      const s = state();
      if (event && event.target && event.target.removeAttribute) event.target.removeAttribute('aria-invalid');
      s.response = module.read(li);
      if (!(event && event.target.closest && event.target.closest('.sb-rub'))) {
        s.dirty = !!s.status && JSON.stringify(s.response) !== s.checked;
      }
      store();
    }

    const host = { say: (text) => { feedback.textContent = text; }, edited };
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
    restore();
  });
  refreshers.push(() => items.forEach((li) => li.sourcebookRestore()));
}
