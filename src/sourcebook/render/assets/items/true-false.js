/* True or false: two radio buttons; the response is a boolean. */

import { digest } from '../core/crypto.js';
import { invalid, scored } from '../core/score.js';
import { query, queryAll } from '../core/util.js';
export { optionFeedback } from './single-choice.js';

export const type = 'true-false';

export function read(li) {
  const chosen = query(li, '.sb-q input:checked');
  return chosen ? chosen.value === 'true' : null;
}

export function write(li, response) {
  queryAll(li, '.sb-q input').forEach((box) => { box.checked = response != null && box.value === String(response); });
}

export function check(payload, response) {
  if (typeof response !== 'boolean') return invalid(payload.points);
  return scored(payload.points, payload.answers.includes(digest(payload, 'answer', response)) ? 1 : 0, 1);
}

export const explanationMaterial = (payload, response) => String(response);
