/* Ordering: entries moved up and down with arrow buttons; the response is the ids in order.
   The starting order is dealt per student (contract §4) and, untouched, is not an answer.
   Score: (neighbouring pairs in the right order − those in the wrong order) / (entries − 1). */

import { cryptoAvailable, jointKey, stretch } from '../core/crypto.js';
import { deal, rotated } from '../core/deal.js';
import { distinctStrings, invalid, scored, unanswered } from '../core/score.js';
import { query, queryAll } from '../core/util.js';

export const type = 'ordering';

export const read = (li) => queryAll(li, '.sb-ord > li').map((row) => row.dataset.k);

export function write(li, response) {
  if (!Array.isArray(response)) return;
  const list = query(li, '.sb-ord');
  const rows = queryAll(li, '.sb-ord > li');
  response.forEach((id) => {
    const row = rows.find((r) => r.dataset.k === id);
    if (row) list.append(row);
  });
}

const sameOrder = (a, b) => Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]);

async function neighbours(payload, ids) {
  return Promise.all(ids.slice(1).map((id, i) => stretch(payload, 'pair', `${ids[i]}>${id}`, payload.pairs.it)));
}

/** The student's starting order: dealt, and rotated when the deal happens to be the answer. */
export async function startingOrder(payload, seed) {
  const dealt = deal(seed, payload.id, payload.entries.map((e) => e.id));
  const pairs = await neighbours(payload, dealt);
  return pairs.every((p) => payload.pairs.h.includes(p.check)) ? rotated(dealt) : dealt;
}

export async function check(payload, response, context = {}) {
  const ids = distinctStrings(response);
  const entries = payload.entries.map((e) => e.id);
  if (!ids || ids.length !== response.length || ids.length !== entries.length || ids.some((id) => !entries.includes(id))) {
    return invalid(payload.points);
  }
  if (context.start && sameOrder(ids, context.start)) {
    return unanswered(payload.points, 'Move the entries into order first: the order they started in is not an answer.');
  }
  const pairs = await neighbours(payload, ids);
  const right = pairs.filter((p) => payload.pairs.h.includes(p.check)).length;
  const explanation = right === pairs.length ? await jointKey(pairs.map((p) => p.secret)) : null;
  return scored(payload.points, (right - (pairs.length - right)) / (ids.length - 1), { unlock: { explanation, feedback: [] } });
}

/** Deal the starting order; the arrow buttons move a row, keep focus, say where it went. */
export function render(li, host, payload) {
  li.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-d]');
    if (!button) return;
    const row = button.closest('li');
    const list = row.parentNode;
    const rows = queryAll(list, ':scope > li');
    const from = rows.indexOf(row);
    const to = from + Number(button.dataset.d);
    if (to < 0 || to >= rows.length) return;
    list.insertBefore(row, to > from ? rows[to].nextSibling : rows[to]);
    button.focus();
    host.say(`${query(row, '.sb-ot').textContent} is now number ${to + 1} of ${rows.length}.`);
    host.edited(event);
  });
  const dealt = deal(host.seed, payload.id, payload.entries.map((e) => e.id));
  write(li, dealt);
  host.context.start = dealt;
  /* the rotation needs fast hashes; they run after the page is ready, not in its set-up */
  host.later(async () => {
    if (!cryptoAvailable()) return;
    const start = await startingOrder(payload, host.seed);
    const untouched = sameOrder(read(li), dealt);
    host.context.start = start;
    if (untouched) write(li, start);
  });
}
