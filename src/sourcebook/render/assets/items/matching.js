/* Matching: one menu per left-hand entry; the response maps left numbers ("1", "2", …) to
   right-hand keys. Score: lefts matched right / lefts; a right-hand choice used for two or
   more lefts counts wrong for each of them. */

import { jointKey, stretch } from '../core/crypto.js';
import { invalid, scored, unanswered } from '../core/score.js';
import { hasOwn, isRecord, isString, queryAll } from '../core/util.js';

export const type = 'matching';

const lefts = (payload) => payload.lefts.map((_, i) => String(i + 1));

export function read(li) {
  const response = Object.create(null);
  queryAll(li, 'select').forEach((menu) => { if (menu.value) response[menu.dataset.l] = menu.value; });
  return { ...response };
}

/** The menus, one per part of a result (named by their labels, the default). */
export const partControls = (li) => queryAll(li, '.sb-match select');

export function write(li, response) {
  queryAll(li, 'select').forEach((menu) => {
    const left = menu.dataset.l;
    menu.value = isRecord(response) && hasOwn(response, left) && isString(response[left]) ? response[left] : '';
  });
}

export async function check(payload, response) {
  const all = lefts(payload);
  const keys = payload.rights.map((r) => r.key);
  if (!isRecord(response)) return invalid(payload.points);
  const given = Object.keys(response);
  const bad = given.length > all.length || given.some((left) => !all.includes(left)
    || (response[left] !== null && !(isString(response[left]) && keys.includes(response[left]))));
  if (bad) return invalid(payload.points);
  if (given.every((left) => response[left] === null)) return unanswered(payload.points);
  const uses = new Map();
  given.forEach((left) => { if (response[left] !== null) uses.set(response[left], (uses.get(response[left]) || 0) + 1); });
  const hashed = await Promise.all(all.map((left) => (isString(response[left]) && hasOwn(response, left)
    ? stretch(payload, `match${left}`, response[left], payload.answers.it) : null)));
  const parts = all.map((left, i) => !!hashed[i] && hashed[i].check === payload.answers.h[i] && uses.get(response[left]) === 1);
  const right = parts.filter(Boolean).length;
  const explanation = right === all.length ? await jointKey(hashed.map((h) => h.secret)) : null;
  return scored(payload.points, right / all.length, { parts, unlock: { explanation, feedback: [] } });
}
