/* Mark the words: each word of the passage is a toggle button; the response is the list of
   token numbers marked. */

import { decrypt, deriveKey, digest } from '../core/crypto.js';
import { invalid, scored } from '../core/score.js';
import { pressed, queryAll } from '../core/util.js';

export const type = 'mark-words';

export const read = (li) => queryAll(li, '.sb-w[aria-pressed=true]').map((word) => Number(word.dataset.i));

export function write(li, response) {
  queryAll(li, '.sb-w').forEach((word) => pressed(word, Array.isArray(response) && response.includes(Number(word.dataset.i))));
}

export function check(payload, response) {
  const ok = Array.isArray(response) && response.length <= payload.tokens
    && response.every((i) => Number.isInteger(i) && i >= 0 && i < payload.tokens);
  if (!ok) return invalid(payload.points);
  const found = new Set();
  let wrongRuns = 0;
  let last = -2;
  for (const i of [...new Set(response)].sort((a, b) => a - b)) {
    const h = digest(payload, 'token', i);
    const phrases = payload.targets.filter((target) => target.h === h);
    if (phrases.length) phrases.forEach((target) => found.add(target.p));
    else {
      if (last !== i - 1) wrongRuns += 1;
      last = i;
    }
  }
  return scored(payload.points, found.size - wrongRuns, payload.phrases);
}

export function explanationMaterial(payload, response) {
  const pieces = [];
  for (let phrase = 0; phrase < payload.phrases; phrase++) {
    let piece = null;
    for (const i of response) {
      const target = payload.targets.find((t) => t.p === phrase && t.h === digest(payload, 'token', i));
      if (target) { piece = decrypt(target.k, deriveKey(payload, 'token-key', i)); break; }
    }
    if (piece == null) return null;
    pieces.push(piece);
  }
  return pieces.join(',');
}

export function render(li, { edited }) {
  li.addEventListener('click', (event) => {
    const word = event.target.closest('.sb-w');
    if (!word) return;
    pressed(word, !pressed(word));
    edited(event);
  });
}
