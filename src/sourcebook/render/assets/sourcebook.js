/* The static page's entry point: wires every exercise set, close reader and hand-in bar.
   window.sourcebook is the same front end's API, for tests and the curious. */

import { check, exerciseSet, unlocked } from './core/exercise-set.js';
import { deal } from './core/deal.js';
import { reader } from './core/reader.js';
import { knownToPage, toolbar } from './core/toolbar.js';
import { readAnswersFile } from './core/answers-file.js';
import { queryAll } from './core/util.js';
import { itemType } from './items/index.js';
import { startingOrder } from './items/ordering.js';

const refreshers = [];

function init() {
  window.sourcebookInitAt = window.sourcebookInitAt || performance.now();
  queryAll(document, '.sb-set:not(.sb-js)').forEach((section) => {
    section.classList.add('sb-js');
    try { exerciseSet(section, refreshers); } catch (error) { console.error(error); }
  });
  queryAll(document, '.sb-reader:not(.sb-js)').forEach((section) => {
    section.classList.add('sb-js');
    reader(section, refreshers);
  });
  queryAll(document, '.sb-toolbar:not(.sb-tb)').forEach((bar) => {
    bar.classList.add('sb-tb');
    toolbar(bar, refreshers);
  });
  window.sourcebookReadyAt = performance.now();
}

window.sourcebook = Object.freeze({
  check, unlocked, init, deal, startingOrder, readAnswersFile, knownToPage,
  get: (li, type) => itemType(type).read(li),
  put: (li, type, response) => itemType(type).write(li, response),
});
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
else init();
