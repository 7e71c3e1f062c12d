/* Evidence: tick the sentences of the source that answer the question. */

import { checkPicks, explanationMaterial, read, write } from './multiple-select.js';

export const type = 'evidence';
export { read, write, explanationMaterial };
export const check = (payload, response) => checkPicks(payload, response, payload.sentences);
