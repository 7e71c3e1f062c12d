/* Results of a check (docs/contract.md §3).

   {status, score, max, correct, detail, parts, unlock}
   - score is null when the page cannot know it (a partly right multiple-select, evidence or
     mark-words answer: the page does not know how many answers are right); the grader can.
   - detail: what the page can say ("2 of your picks are right; 1 is not"), or null.
   - parts: per blank or menu, true when right (to point at the ones to look at again).
   - unlock: {explanation: key or null, feedback: [[option id, key]…]}: keys of texts the
     response opened (decrypted for display; stored so a reload shows them without hashing). */

import { isRecord, isString, roundLikePython } from './util.js';

export const MAX_LIST = 200;
export const MAX_TEXT = 200;
export const MAX_ESSAY = 20000;

export function result(points, status, score = 0, correct = false, more = {}) {
  return { status, score, max: points, correct, detail: null, parts: null,
    unlock: { explanation: null, feedback: [] }, ...more };
}
export const unanswered = (points, detail = null) => result(points, 'unanswered', 0, false, { detail });
export const invalid = (points) => result(points, 'invalid');

/** A known fraction of the points (clamped to [0, 1]). */
export function scored(points, fraction, more = {}) {
  const f = Math.min(1, Math.max(0, fraction));
  if (f >= 1) return result(points, 'correct', roundLikePython(points), true, more);
  const score = roundLikePython(points * f);
  return result(points, score > 0 ? 'partial' : 'incorrect', score, false, more);
}

/** Some right, not all: the page cannot say how many points (null score). */
export const partlyUnknown = (points, more = {}) => result(points, 'partial', null, false, more);

export function isEmpty(value) {
  if (value == null) return true;
  if (isString(value) || Array.isArray(value)) return value.length === 0;
  return isRecord(value) && Object.keys(value).length === 0;
}

/** A response as distinct strings, or null when it is not a list of strings. */
export function distinctStrings(response) {
  if (!Array.isArray(response) || response.length > MAX_LIST || !response.every(isString)) return null;
  return [...new Set(response)];
}

export const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
