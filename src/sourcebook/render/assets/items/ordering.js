/* Ordering: entries moved up and down with arrow buttons; the response is the ids in order. */

import { digest } from '../core/crypto.js';
import { distinctStrings, invalid, scored } from '../core/score.js';
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

export function check(payload, response) {
  const ids = distinctStrings(response);
  const entries = payload.entries;
  if (!ids || ids.length !== response.length || ids.length !== entries.length || ids.some((id) => !entries.includes(id))) {
    return invalid(payload.points);
  }
  let inOrder = 0;
  for (let i = 1; i < ids.length; i++) {
    if (payload.answers.includes(digest(payload, 'pair', `${ids[i - 1]}>${ids[i]}`))) inOrder += 1;
  }
  return scored(payload.points, inOrder, ids.length - 1);
}

export const explanationMaterial = (payload, response) => response.join(',');

/** The arrow buttons: move a row, keep focus on the button, say where it went. */
export function render(li, { say, edited }) {
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
    say(`${query(row, '.sb-ot').textContent} is now number ${to + 1} of ${rows.length}.`);
    edited(event);
  });
}
