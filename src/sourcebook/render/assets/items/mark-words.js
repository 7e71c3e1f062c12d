/* Mark the words: each word of the passage is a toggle button; the response is the list of
   token numbers marked. Score: the mean share of each phrase's words marked − wrongly marked
   tokens / tokens outside every phrase (the page knows neither count: it says what it can).
   Fully right is every word of every phrase and nothing else: only then do the marked words'
   secrets make the explanation's key. */

import { decrypt, jointKey, stretch } from '../core/crypto.js';
import { invalid, partlyUnknown, plural, scored } from '../core/score.js';
import { hasOwn, pressed, queryAll } from '../core/util.js';

export const type = 'mark-words';

export const read = (li) => queryAll(li, '.sb-w[aria-pressed=true]').map((word) => Number(word.dataset.i));

export function write(li, response) {
  queryAll(li, '.sb-w').forEach((word) => pressed(word, Array.isArray(response) && response.includes(Number(word.dataset.i))));
}

export async function check(payload, response) {
  const count = payload.tokens.length;
  const ok = Array.isArray(response) && response.length <= count
    && response.every((i) => Number.isInteger(i) && i >= 0 && i < count);
  if (!ok) return invalid(payload.points);
  const marks = [...new Set(response)].sort((a, b) => a - b);
  const found = await Promise.all(marks.map(async (i) => {
    const { check: hash, secret } = await stretch(payload, 'token', String(i), payload.targets.it);
    if (!payload.targets.h.includes(hash) || !hasOwn(payload.pieces, hash)) return null;
    const piece = await decrypt(payload.pieces[hash], secret);
    return piece == null ? null : { piece, secret };
  }));
  const opened = found.map((f) => f && f.piece);
  // Promise.all keeps the marks' (passage) order: the key is the secrets in that order.
  const secrets = found.filter(Boolean).map((f) => f.secret);
  const phrases = new Map();
  let wrong = 0;
  opened.forEach((piece) => {
    const m = piece && /^(\d+):([0-9a-f]{32})$/.exec(piece);
    if (m) phrases.set(Number(m[1]), m[2]);
    else wrong += 1;
  });
  const inPhrases = marks.length - wrong;
  const detail = `${plural(inPhrases, 'of your marked words is', 'of your marked words are')} in a passage to find; `
    + `${wrong ? plural(wrong, 'is not', 'are not') : 'none is outside one'}.`;
  if (!phrases.size) return scored(payload.points, 0, { detail });
  const indices = [...phrases.keys()].sort((a, b) => a - b);
  const contiguous = indices.every((k, i) => k === i);
  if (contiguous && wrong === 0) {
    const key = await jointKey(secrets);
    if ((await decrypt(payload.explanation, key)) != null) {
      return scored(payload.points, 1, { unlock: { explanation: key, feedback: [] } });
    }
  }
  return partlyUnknown(payload.points, { detail });
}

export function render(li, host) {
  li.addEventListener('click', (event) => {
    const word = event.target.closest('.sb-w');
    if (!word) return;
    pressed(word, !pressed(word));
    host.edited(event);
  });
}
