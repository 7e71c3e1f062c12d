/* Results of a check (docs/contract.md §3): {score, max, correct, status}. */

import { isRecord, isString, roundLikePython } from './util.js';

export const MAX_LIST = 200;
export const MAX_TEXT = 200;
export const MAX_ESSAY = 20000;

export const result = (points, status, score = 0, correct = false) => ({ score, max: points, correct, status });
export const unanswered = (points) => result(points, 'unanswered');
export const invalid = (points) => result(points, 'invalid');

/** right / outOf of the points; fully right only when right reaches outOf. */
export function scored(points, right, outOf) {
  if (right >= outOf) return result(points, 'correct', roundLikePython(points), true);
  const score = roundLikePython(points * (Math.max(right, 0) / outOf));
  return result(points, score > 0 ? 'partial' : 'incorrect', score);
}

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
