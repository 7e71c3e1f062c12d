/* Short answer: recorded, not marked (the teacher marks it); the student then ticks the rubric
   points it covers. Its rubric and explanation are only out of plain text: the key is public. */

import { cryptoAvailable, decrypt, sha256Hex } from '../core/crypto.js';
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

/** Only the rubric ticks changed: the student's own marking of the recorded answer, kept with
    its verdict rather than made a draft. */
export const selfMarkingOnly = (current, checked) => isRecord(current) && isRecord(checked)
  && current.text === checked.text;

export const recordedKey = (payload) => sha256Hex(`${payload.book}|${payload.id}|rubric|recorded`);

export async function check(payload, response) {
  if (!isRecord(response)) return invalid(payload.points);
  const { text, self } = response;
  const bad = Object.keys(response).some((k) => k !== 'text' && k !== 'self') || !isString(text)
    || charLength(text) > MAX_ESSAY
    || (self != null && !(Array.isArray(self) && self.length === payload.rubric.length && self.every((b) => typeof b === 'boolean')));
  if (bad) return invalid(payload.points);
  if (!text.trim()) return unanswered(payload.points);
  return result(payload.points, 'recorded', 0, null, { unlock: { explanation: await recordedKey(payload), feedback: [] } });
}

/** The rubric points as ticks, their text from the payload (author text made by inline()). */
export function render(li, host, payload) {
  const box = query(li, '.sb-t');
  box.maxLength = payload.maxlength || MAX_ESSAY;
  const list = query(li, '.sb-rub ul');
  host.later(async () => {
    if (!cryptoAvailable()) return;        // plain http: the rubric opens where checking works
    const key = await recordedKey(payload);
    const texts = await Promise.all(payload.rubric.map((ciphertext) => decrypt(ciphertext, key)));
    const ticks = texts.map((html) => {
      const row = element('li');
      const label = element('label');
      const tick = element('input');
      tick.type = 'checkbox';
      const words = element('span');
      words.innerHTML = html || '';
      label.append(tick, ' ', words);
      row.append(label);
      return row;
    });
    list.replaceChildren(...ticks);
    host.restoreControls();
  });
}
