/* The registry of item types: one module each, with the same exports
   (type, read, write, check, explanationMaterial; optionally render, parts, optionFeedback). */

import * as singleChoice from './single-choice.js';
import * as multipleSelect from './multiple-select.js';
import * as trueFalse from './true-false.js';
import * as ordering from './ordering.js';
import * as matching from './matching.js';
import * as cloze from './cloze.js';
import * as evidence from './evidence.js';
import * as markWords from './mark-words.js';
import * as date from './date.js';
import * as shortAnswer from './short-answer.js';

export const ITEM_TYPES = new Map(
  [singleChoice, multipleSelect, trueFalse, ordering, matching, cloze, evidence, markWords, date, shortAnswer]
    .map((module) => [module.type, module]),
);

export function itemType(name) {
  const module = ITEM_TYPES.get(name);
  if (!module) throw new Error(`no item type ${name}`);
  return module;
}
