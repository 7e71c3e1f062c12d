/* Fill in the blanks: one text box per blank; the response is the list of texts typed.
   Score: blanks right / blanks. Blank forms are slow hashes (contract §1). */

import { decrypt, jointKey, stretch } from '../core/crypto.js';
import { normalise } from '../core/normalize.js';
import { MAX_TEXT, invalid, scored, unanswered } from '../core/score.js';
import { charLength, hasOwn, isString, queryAll } from '../core/util.js';

export const type = 'cloze';

export const read = (li) => queryAll(li, '.sb-blank').map((box) => box.value);

/** The blanks, one per part of a result; a message names them by number. */
export const partControls = (li) => queryAll(li, '.sb-blank');
export const partName = (control, i) => `blank ${i + 1}`;

export function write(li, response) {
  queryAll(li, '.sb-blank').forEach((box, i) => { box.value = Array.isArray(response) && isString(response[i]) ? response[i] : ''; });
}

/** The canonical secret of blank i when `text` is an accepted form of it, else null. */
async function canonicalSecret(payload, i, text) {
  if (!isString(text) || !text.trim()) return null;
  const blank = payload.blanks[i];
  const { check, secret } = await stretch(payload, `blank${i + 1}`, normalise(text), blank.it);
  if (!blank.h.includes(check) || !hasOwn(blank.k, check)) return null;
  return decrypt(blank.k[check], secret);
}

export async function check(payload, response) {
  const blanks = payload.blanks;
  if (!Array.isArray(response) || response.length !== blanks.length) return invalid(payload.points);
  if (response.some((text) => text !== null && (!isString(text) || charLength(text) > MAX_TEXT))) return invalid(payload.points);
  if (response.every((text) => text === null || !text.trim())) return unanswered(payload.points);
  const secrets = await Promise.all(blanks.map((_, i) => canonicalSecret(payload, i, response[i])));
  const parts = secrets.map((s) => s != null);
  const right = parts.filter(Boolean).length;
  const explanation = right === blanks.length ? await jointKey(secrets) : null;
  return scored(payload.points, right / blanks.length, { parts, unlock: { explanation, feedback: [] } });
}
