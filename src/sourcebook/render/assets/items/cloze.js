/* Fill in the blanks: one text box per blank; the response is the list of texts typed. */

import { decrypt, deriveKey, digest } from '../core/crypto.js';
import { normalise } from '../core/normalize.js';
import { MAX_TEXT, invalid, scored, unanswered } from '../core/score.js';
import { charLength, isString, queryAll } from '../core/util.js';

export const type = 'cloze';

export const read = (li) => queryAll(li, '.sb-blank').map((box) => box.value);

export function write(li, response) {
  queryAll(li, '.sb-blank').forEach((box, i) => { box.value = Array.isArray(response) && isString(response[i]) ? response[i] : ''; });
}

const formOf = (payload, i, text) => payload.blanks[i].find((form) => form.h === digest(payload, `blank${i + 1}`, normalise(text)));

export function check(payload, response) {
  const blanks = payload.blanks;
  if (!Array.isArray(response) || response.length !== blanks.length) return invalid(payload.points);
  let right = 0;
  for (let i = 0; i < blanks.length; i++) {
    const text = response[i];
    if (text === null) continue;
    if (!isString(text) || charLength(text) > MAX_TEXT) return invalid(payload.points);
    if (formOf(payload, i, text)) right += 1;
  }
  if (response.every((text) => text === null || !text.trim())) return unanswered(payload.points);
  return scored(payload.points, right, blanks.length);
}

/** Each blank's piece, opened by the form typed; all of them make the explanation key. */
export function explanationMaterial(payload, response) {
  const pieces = payload.blanks.map((_, i) => {
    const form = formOf(payload, i, response[i]);
    return form && decrypt(form.k, deriveKey(payload, `blank${i + 1}-key`, normalise(response[i])));
  });
  return pieces.every((piece) => piece != null) ? pieces.join('|') : null;
}

export const parts = (payload, response) => (Array.isArray(response)
  ? payload.blanks.map((_, i) => isString(response[i]) && !!response[i].trim() && !!formOf(payload, i, response[i]))
  : null);
