/* Multiple select: one checkbox per option; the response is the list of option ids ticked. */

import { digest } from '../core/crypto.js';
import { distinctStrings, invalid, scored } from '../core/score.js';
import { queryAll } from '../core/util.js';
export { optionFeedback } from './single-choice.js';

export const type = 'multiple-select';

export const read = (li) => queryAll(li, '.sb-q input:checked').map((box) => box.value);

export function write(li, response) {
  queryAll(li, '.sb-q input').forEach((box) => { box.checked = Array.isArray(response) && response.includes(box.value); });
}

/** Shared with evidence: right picks minus wrong picks, out of the right answers. */
export function checkPicks(payload, response, offered) {
  const picks = distinctStrings(response);
  if (!picks || picks.some((id) => !offered.includes(id))) return invalid(payload.points);
  const right = picks.filter((id) => payload.answers.includes(digest(payload, 'answer', id))).length;
  return scored(payload.points, right - (picks.length - right), new Set(payload.answers).size);
}

export const check = (payload, response) => checkPicks(payload, response, payload.options);

export const explanationMaterial = (payload, response) => [...new Set(response)].sort().join(',');
