/* The notebook's entry point: the same front end as the page, as an anywidget module.

   The model carries what the page carries: `html`, the fragment render/static.py writes for
   the page (questions, the memo, the payload as JSON: no answer key), and `answers`, the
   answers file (contract §5). The widget keeps answers in memory, never in localStorage; after
   every change it sets `answers` to the whole file again, and Python writes it beside the
   notebook. */

import { plannedChanges, readAnswersFile, makeAnswersFile } from './core/answers-file.js';
import { exerciseSet } from './core/exercise-set.js';
import { reader } from './core/reader.js';
import { bookSeed, setBookSeed } from './core/seed.js';
import { keepInMemoryOnly, load, onSaved, save, PREFIX } from './core/store.js';
import { toolbar, knownToPage } from './core/toolbar.js';
import { isRecord, isString, queryAll } from './core/util.js';

keepInMemoryOnly();

function adopt(model, book, el) {
  const doc = model.get('answers');
  if (!isRecord(doc) || !isRecord(doc.responses)) return;
  const { file } = readAnswersFile(JSON.stringify(doc), book, knownToPage(el));
  if (!file) return;
  if (file.seed && !isString(load(`${PREFIX}${book}:seed`))) setBookSeed(book, file.seed);
  plannedChanges(file, book).changes.forEach((change) => save(change.key, change.after));
  if (file.student.name || file.student.id) save(`${PREFIX}${book}:student`, file.student);
}

function render({ model, el }) {
  el.classList.add('sourcebook-widget');
  el.innerHTML = model.get('html');        // the build's own markup (render/static.py), no student text
  const section = el.querySelector('[data-book]');
  if (!section) return undefined;
  const book = section.dataset.book;
  const version = section.dataset.version;
  adopt(model, book, el);
  bookSeed(book);
  const refreshers = [];
  queryAll(el, '.sb-set').forEach((s) => { s.classList.add('sb-js'); exerciseSet(s, refreshers); });
  queryAll(el, '.sb-reader').forEach((s) => { s.classList.add('sb-js'); reader(s, refreshers); });
  queryAll(el, '.sb-toolbar').forEach((bar) => { bar.classList.add('sb-tb'); toolbar(bar, refreshers); });

  let pending = false;
  const push = () => {
    pending = false;
    const student = load(`${PREFIX}${book}:student`);
    model.set('answers', makeAnswersFile({
      book, version, seed: bookSeed(book),
      student: isRecord(student) ? { name: String(student.name || ''), id: String(student.id || '') } : { name: '', id: '' },
    }));
    model.save_changes();
  };
  onSaved(() => {
    if (!pending) { pending = true; setTimeout(push, 50); }
  });
  return () => {};
}

export default { render };
