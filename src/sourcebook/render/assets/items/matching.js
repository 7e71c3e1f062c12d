/* Matching: one menu per left-hand entry; the response maps left numbers ("1", "2", …) to
   right-hand keys. */

import { digest } from '../core/crypto.js';
import { invalid, scored, unanswered } from '../core/score.js';
import { isRecord, isString, queryAll } from '../core/util.js';

export const type = 'matching';

const lefts = (payload) => payload.answers.map((_, i) => String(i + 1));

export function read(li) {
  const response = {};
  queryAll(li, 'select').forEach((menu) => { if (menu.value) response[menu.dataset.l] = menu.value; });
  return response;
}

export function write(li, response) {
  queryAll(li, 'select').forEach((menu) => {
    const left = menu.dataset.l;
    menu.value = isRecord(response) && Object.prototype.hasOwnProperty.call(response, left) && isString(response[left]) ? response[left] : '';
  });
}

const isRight = (payload, response, left) =>
  isString(response[left]) && digest(payload, `match${left}`, response[left]) === payload.answers[Number(left) - 1];

export function check(payload, response) {
  const all = lefts(payload);
  if (!isRecord(response)) return invalid(payload.points);
  const given = Object.keys(response);
  const bad = given.length > all.length || given.some((left) => !all.includes(left)
    || (response[left] !== null && !(isString(response[left]) && payload.keys.includes(response[left]))));
  if (bad) return invalid(payload.points);
  if (given.every((left) => response[left] === null)) return unanswered(payload.points);
  return scored(payload.points, all.filter((left) => isRight(payload, response, left)).length, all.length);
}

export const explanationMaterial = (payload, response) => lefts(payload).map((left) => response[left]).join(',');

/** Which menus are right, to point at the ones to look at again. */
export const parts = (payload, response) => (isRecord(response) ? lefts(payload).map((left) => isRight(payload, response, left)) : null);
