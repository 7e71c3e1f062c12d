/* Single choice: one radio button per option, dealt per student. */

import { jointKey, stretch } from '../core/crypto.js';
import { invalid, scored } from '../core/score.js';
import { isString, query, queryAll } from '../core/util.js';
import { dealOptions } from './choices.js';

export const type = 'single-choice';

export function read(li) {
  const chosen = query(li, '.sb-q input:checked');
  return chosen ? chosen.value : null;
}

export function write(li, response) {
  queryAll(li, '.sb-q input').forEach((box) => { box.checked = response != null && box.value === String(response); });
}

export async function check(payload, response) {
  if (!isString(response) || !payload.options.some((o) => o.id === response)) return invalid(payload.points);
  const { check: hash, secret } = await stretch(payload, 'option', response, payload.answers.it);
  const right = payload.answers.h.includes(hash);
  return scored(payload.points, right ? 1 : 0, {
    unlock: { explanation: right ? await jointKey([secret]) : null, feedback: [[response, secret]] },
  });
}

export const render = (li, host, payload) => dealOptions(li, host, payload);
