/* Evidence: tick the sentences of the source that answer the question (scored as multiple
   select: right ticks / right sentences − wrong ticks / other sentences offered). */

import { checkPicks, read, write } from './multiple-select.js';

export const type = 'evidence';
export { read, write };
export const check = (payload, response) =>
  checkPicks(payload, response, payload.sentences.map((s) => s.id), 'sentence', false);
