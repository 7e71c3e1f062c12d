/* Multiple select: one checkbox per option, dealt per student; the response is the ids ticked.
   Score (contract §3): right picks / right answers − wrong picks / wrong options. */

import { jointKey, stretch, decrypt } from '../core/crypto.js';
import { distinctStrings, invalid, partlyUnknown, plural, scored } from '../core/score.js';
import { queryAll } from '../core/util.js';
import { dealOptions } from './choices.js';

export const type = 'multiple-select';

export const read = (li) => queryAll(li, '.sb-q input:checked').map((box) => box.value);

export function write(li, response) {
  queryAll(li, '.sb-q input').forEach((box) => { box.checked = Array.isArray(response) && response.includes(box.value); });
}

/** Shared with evidence: which picks are right, and what the page can say about the rest. */
export async function checkPicks(payload, response, offered, part, withFeedback) {
  const picks = distinctStrings(response);
  if (!picks || picks.some((id) => !offered.includes(id))) return invalid(payload.points);
  const hashed = await Promise.all(picks.map((id) => stretch(payload, part, id, payload.answers.it)));
  const right = picks.filter((_, i) => payload.answers.h.includes(hashed[i].check));
  const wrong = picks.length - right.length;
  const feedback = withFeedback ? picks.map((id, i) => [id, hashed[i].secret]) : [];
  const secretOf = new Map(picks.map((id, i) => [id, hashed[i].secret]));
  const detail = `${plural(right.length, 'of your picks is right', 'of your picks are right')}; `
    + `${wrong ? plural(wrong, 'is not', 'are not') : 'none is wrong'}.`;
  if (right.length === 0) return scored(payload.points, 0, { detail, unlock: { explanation: null, feedback } });
  if (wrong === 0) {
    const key = await jointKey([...right].sort().map((id) => secretOf.get(id)));
    if ((await decrypt(payload.explanation, key)) != null) {
      return scored(payload.points, 1, { unlock: { explanation: key, feedback } });
    }
    return partlyUnknown(payload.points, {
      detail: `${detail.slice(0, -1)}, but some right ones are missing.`, unlock: { explanation: null, feedback } });
  }
  return partlyUnknown(payload.points, { detail, unlock: { explanation: null, feedback } });
}

export const check = (payload, response) =>
  checkPicks(payload, response, payload.options.map((o) => o.id), 'option', true);

export const render = (li, host, payload) => dealOptions(li, host, payload);
