/* A date: one text box; "5 March 1950" and "1950-03-05" are the same answer (a slow hash). */

import { jointKey, stretch } from '../core/crypto.js';
import { parseDate } from '../core/normalize.js';
import { MAX_TEXT, invalid, scored, unanswered } from '../core/score.js';
import { charLength, isString, query } from '../core/util.js';

export const type = 'date';

export const read = (li) => query(li, '.sb-d').value;
export function write(li, response) { query(li, '.sb-d').value = isString(response) ? response : ''; }

export async function check(payload, response) {
  if (!isString(response)) return invalid(payload.points);
  if (!response.trim()) return unanswered(payload.points);
  const iso = charLength(response) <= MAX_TEXT && parseDate(response);
  if (!iso) return invalid(payload.points);
  const { check: hash, secret } = await stretch(payload, 'date', iso, payload.answers.it);
  const right = payload.answers.h.includes(hash);
  return scored(payload.points, right ? 1 : 0, { unlock: { explanation: right ? await jointKey([secret]) : null, feedback: [] } });
}

export const invalidMessage = 'Write a date such as 5 March 1950 or 1950-03-05.';
