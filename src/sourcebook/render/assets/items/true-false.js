/* True or false: two radio buttons; the response is a boolean. */

import { jointKey, stretch } from '../core/crypto.js';
import { invalid, scored } from '../core/score.js';
import { query, queryAll } from '../core/util.js';

export const type = 'true-false';

export function read(li) {
  const chosen = query(li, '.sb-q input:checked');
  return chosen ? chosen.value === 'true' : null;
}

export function write(li, response) {
  queryAll(li, '.sb-q input').forEach((box) => { box.checked = response != null && box.value === String(response); });
}

export async function check(payload, response) {
  if (typeof response !== 'boolean') return invalid(payload.points);
  const value = String(response);
  const { check: hash, secret } = await stretch(payload, 'option', value, payload.answers.it);
  const right = payload.answers.h.includes(hash);
  return scored(payload.points, right ? 1 : 0, {
    unlock: { explanation: right ? await jointKey([secret]) : null, feedback: [[value, secret]] },
  });
}
