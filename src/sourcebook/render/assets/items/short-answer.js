/* Short answer: recorded, not marked; the student then ticks the rubric points it covers. */

import { decrypt, deriveKey } from '../core/crypto.js';
import { MAX_ESSAY, invalid, result, unanswered } from '../core/score.js';
import { charLength, element, isRecord, isString, query, queryAll } from '../core/util.js';

export const type = 'short-answer';

export const read = (li) => ({ text: query(li, '.sb-t').value, self: queryAll(li, '.sb-rub input').map((box) => box.checked) });

export function write(li, response) {
  query(li, '.sb-t').value = isRecord(response) && isString(response.text) ? response.text : '';
  queryAll(li, '.sb-rub input').forEach((box, i) => {
    box.checked = !!(isRecord(response) && Array.isArray(response.self) && response.self[i]);
  });
}

export function check(payload, response) {
  if (!isRecord(response)) return invalid(payload.points);
  const { text, self } = response;
  const bad = Object.keys(response).some((k) => k !== 'text' && k !== 'self') || !isString(text)
    || charLength(text) > MAX_ESSAY
    || (self != null && !(Array.isArray(self) && self.length === payload.rubric.length && self.every((b) => typeof b === 'boolean')));
  if (bad) return invalid(payload.points);
  return text.trim() ? result(payload.points, 'recorded', 0, null) : unanswered(payload.points);
}

/** The rubric and explanation are only out of plain text: anyone may open them. */
export const openText = (payload, ciphertext) => decrypt(ciphertext, deriveKey(payload, 'rubric', 'recorded'));

/** The rubric points as ticks (their text from the author, through inline(): safe markup). */
export function render(li, _host, payload) {
  const list = query(li, '.sb-rub ul');
  payload.rubric.forEach((ciphertext) => {
    const row = element('li');
    const label = element('label');
    const box = element('input');
    box.type = 'checkbox';
    const words = element('span');
    words.innerHTML = openText(payload, ciphertext) || '';
    label.append(box, ' ', words);
    row.append(label);
    list.append(row);
  });
}
