/* The registry of item types: the kit's ten below, and a lesson's own, which the build adds with
   addItemType before the page starts (render/bundle.py: a Python ItemType's `front_end`).

   Every module exports `type` (the YAML type), `read(li)` (the response from the controls),
   `write(li, response)` and `check(payload, response, context)` (async, a result of
   ../core/score.js). Optional: `render(li, host, payload)` (set-up), `invalidMessage`,
   `partControls(li)` and `partName(control, i)` (the controls a result's `parts` mark, and how
   a message names one), `selfMarkingOnly(current, checked)` (a change that is the student's own
   marking of a recorded answer). ../core/exercise-set.js has the defaults. */

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

export const ITEM_TYPES = new Map();

/** Add an item type's module; a module without the required exports, or a second module for a
    type, is refused (the page would otherwise fail later, at a student's Check). */
export function addItemType(module) {
  const missing = ['read', 'write', 'check'].filter((name) => typeof module[name] !== 'function');
  if (typeof module.type !== 'string' || !module.type || missing.length) {
    throw new Error(`item type module ${String(module.type)}: needs type, read, write and check`);
  }
  if (ITEM_TYPES.has(module.type) && ITEM_TYPES.get(module.type) !== module) {
    throw new Error(`an item type ${module.type} is registered already`);
  }
  ITEM_TYPES.set(module.type, module);
}

[singleChoice, multipleSelect, trueFalse, ordering, matching, cloze, evidence, markWords, date, shortAnswer]
  .forEach(addItemType);

export function itemType(name) {
  const module = ITEM_TYPES.get(name);
  if (!module) throw new Error(`no item type ${name}`);
  return module;
}
