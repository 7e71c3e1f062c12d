/* Single choice: one radio button per option. */

import { digest, decrypt, deriveKey } from '../core/crypto.js';
import { invalid, scored } from '../core/score.js';
import { isString, query, queryAll } from '../core/util.js';

export const type = 'single-choice';

export function read(li) {
  const chosen = query(li, '.sb-q input:checked');
  return chosen ? chosen.value : null;
}

export function write(li, response) {
  queryAll(li, '.sb-q input').forEach((box) => { box.checked = response != null && box.value === String(response); });
}

export function check(payload, response) {
  if (!isString(response) || !payload.options.includes(response)) return invalid(payload.points);
  const right = payload.answers.includes(digest(payload, 'answer', response));
  return scored(payload.points, right ? 1 : 0, 1);
}

/** The key material of the explanation a right response unlocks. */
export const explanationMaterial = (payload, response) => String(response);

/** The feedback of each option chosen (only the chosen ones open). */
export function optionFeedback(payload, response) {
  const chosen = Array.isArray(response) ? [...new Set(response)] : [String(response)];
  const feedback = payload.feedback || {};
  return chosen
    .filter((option) => Object.prototype.hasOwnProperty.call(feedback, option))
    .map((option) => decrypt(feedback[option], deriveKey(payload, 'option', option)))
    .filter(Boolean);
}
