/* The hand-in bar: name, student id, Export answers, Import answers, and what storage says.

   Import never loses work: it reads the file, lists what would change (item by item, the newer
   checked answer wins), and changes nothing until the student applies it; Undo puts back what
   was there. Export never writes an empty file silently, and works from memory when storage
   is full or blocked. */

import { makeAnswersFile, plannedChanges, readAnswersFile } from './answers-file.js';
import { assignmentNote, assignmentNeedsId, currentAssignment } from './assignment.js';
import { bookSeed, setBookSeed } from './seed.js';
import { cryptoAvailable } from './crypto.js';
import { check } from './exercise-set.js';
import { load, onStorageProblem, remove, save, storageProblem, PREFIX } from './store.js';
import { element, isRecord, isString, query, queryAll } from './util.js';

const STORAGE_WORDS = {
  blocked: 'This browser is not saving your answers (storage is blocked). They are kept while this page is open: export them before you close it.',
  full: 'This browser could not save your last change (storage is full). Your answers are kept while this page is open: export them before you close it.',
};

/** The teacher's build, or the assignment in the teacher's link, asks for a student id. */
function idRequired(bar, book) {
  return bar.dataset.requireId === 'true' || assignmentNeedsId(book);
}

/** What this page knows of the book: its items (with their source) and sources. */
export function knownToPage(root = document) {
  const items = new Map();
  const sources = new Set();
  const roots = root === document ? [document] : [root, document];
  roots.flatMap((r) => queryAll(r, '.sb-set .sb-data')).forEach((script) => {
    let data = null;
    try { data = JSON.parse(script.textContent); } catch (error) { return; }
    (Array.isArray(data.sources) ? data.sources : []).forEach((slug) => { if (isString(slug)) sources.add(slug); });
    Object.entries(isRecord(data.book_items) ? data.book_items : {}).forEach(([id, slug]) => {
      if (isString(slug)) items.set(id, { source: slug });
    });
    Object.values(isRecord(data.items) ? data.items : {}).forEach((p) => {
      if (isRecord(p) && isString(p.id)) items.set(p.id, { source: isString(p.source) ? p.source : '' });
    });
  });
  roots.flatMap((r) => queryAll(r, '.sb-reader')).forEach((section) => sources.add(section.dataset.source));
  return {
    item: (id) => items.get(id) || null,
    source: (slug) => sources.has(slug),
    items, sources,
  };
}

/** "your answer to Question 3" when the item is on this page, else its id. */
function describe(change) {
  if (!change.item) return change.what;
  const item = document.getElementById(`sb-${change.item}`);
  const number = item && item.querySelector('.sb-n');
  return number ? `your answer to ${number.textContent}` : change.what;
}

/** The payloads of the items on this page, by id. */
function payloadsOnPage() {
  const out = new Map();
  queryAll(document, '.sb-set .sb-data').forEach((script) => {
    try {
      const items = JSON.parse(script.textContent).items;
      Object.values(isRecord(items) ? items : {}).forEach((p) => { if (isRecord(p) && isString(p.id)) out.set(p.id, p); });
    } catch (error) { /* a set that does not parse has no items to check against */ }
  });
  return out;
}

/** A checked answer from the file that this page cannot check (junk for its item) never
    replaces anything: it is left out and counted with the unknown entries. */
async function leaveOutInvalid(plan, file) {
  if (!cryptoAvailable()) return;
  const payloads = payloadsOnPage();
  const kept = [];
  for (const change of plan.changes) {
    const payload = change.item && payloads.get(change.item);
    const response = change.after && change.after.response;
    if (payload && response != null && change.after.attempts > 0) {
      const res = await check(payload, response, {});
      if (res.status === 'invalid') { file.skipped += 1; continue; }
    }
    kept.push(change);
  }
  plan.changes = kept;
}

export function toolbar(bar, refreshers) {
  const section = bar.closest('[data-book]');
  const book = section.dataset.book;
  const version = section.dataset.version;
  assignmentNote(bar, book);
  const nameBox = query(bar, '.sb-who');
  const idBox = query(bar, '.sb-stid');
  const message = query(bar, '.sb-msg');
  const alert = query(bar, '.sb-alert');
  const review = query(bar, '.sb-review');
  const fileInput = query(bar, '.sb-impf');
  const studentKey = `${PREFIX}${book}:student`;
  const say = (text) => { message.textContent = text; };

  onStorageProblem((kind) => { alert.textContent = STORAGE_WORDS[kind]; alert.hidden = false; });

  const restore = () => {
    const student = load(studentKey);
    nameBox.value = isRecord(student) && isString(student.name) ? student.name : '';
    idBox.value = isRecord(student) && isString(student.id) ? student.id : '';
  };
  restore();
  refreshers.push(restore);

  const keepStudent = () => {
    save(studentKey, { name: nameBox.value, id: idBox.value });
    queryAll(document, '.sb-toolbar').forEach((other) => {
      if (other === bar) return;
      query(other, '.sb-who').value = nameBox.value;
      query(other, '.sb-stid').value = idBox.value;
    });
  };
  nameBox.addEventListener('input', keepStudent);
  idBox.addEventListener('input', keepStudent);

  query(bar, '.sb-exp').addEventListener('click', () => {
    const name = nameBox.value.trim();
    if (!name) { say('Type your name first (and your student id, if your teacher gave you one).'); nameBox.focus(); return; }
    if (idRequired(bar, book) && !idBox.value.trim()) {
      say('Type your student id too: your teacher needs it to put your marks in the gradebook. Nothing was downloaded.');
      idBox.focus();
      return;
    }
    let file;
    try {
      file = makeAnswersFile({
        book, version, student: { name, id: idBox.value.trim() }, seed: bookSeed(book),
        assignment: currentAssignment(book),
      });
    } catch (error) {
      console.error(error);
      say('Export failed: this page could not read your answers. Nothing was downloaded.');
      return;
    }
    const answers = Object.keys(file.responses).length;
    const notes = Object.values(file.notes).reduce((n, byParagraph) => n + Object.keys(byParagraph).length, 0);
    if (!answers && !notes) { say('There is nothing to export yet: check an answer or write a note first. Nothing was downloaded.'); return; }
    const link = element('a');
    link.href = URL.createObjectURL(new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' }));
    // letters of any script stay as typed (Núñez, not N_ez); only what a file name cannot hold goes
    link.download = `${book}-answers-${name.normalize('NFC').replace(/[^\p{L}\p{N}_-]+/gu, '_')}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    const where = storageProblem() ? ' (from this page’s memory: this browser is not saving them)' : '';
    say(`Exported ${answers} answer${answers === 1 ? '' : 's'} and ${notes} note${notes === 1 ? '' : 's'}${where}. Hand in the downloaded file.`);
  });

  let undo = null;

  function apply(plan, file) {
    const before = plan.changes.map((change) => [change.key, change.before]);
    const seedBefore = bookSeed(book);
    plan.changes.forEach((change) => save(change.key, change.after));
    if (file.seed && file.seed !== seedBefore && !plan.hadChecked) setBookSeed(book, file.seed);
    undo = () => {
      before.forEach(([key, value]) => (value == null ? remove(key) : save(key, value)));
      setBookSeed(book, seedBefore);
    };
    refreshers.forEach((refresh) => refresh());
  }

  function showPlan(plan, file, fileName) {
    review.textContent = '';
    const n = plan.changes.length;
    const lines = [
      `${fileName}: ${n} change${n === 1 ? '' : 's'} to make.`,
      plan.keptNewer === 1 ? '1 of your answers is newer than the file’s and is kept.' : '',
      plan.keptNewer > 1 ? `${plan.keptNewer} of your answers are newer than the file’s and are kept.` : '',
      file.skipped === 1 ? '1 entry in the file this book does not know is left out.' : '',
      file.skipped > 1 ? `${file.skipped} entries in the file this book does not know are left out.` : '',
      file.contentVersion && file.contentVersion !== version
        ? `The file was made for exercises version ${file.contentVersion}; this page has version ${version}.` : '',
    ].filter(Boolean);
    lines.forEach((line) => review.append(element('p', null, line)));
    if (n) {
      const list = element('ul');
      plan.changes.slice(0, 12).forEach((change) => list.append(element('li', null,
        `${change.before == null ? 'Add' : 'Replace'} ${describe(change)}`)));
      if (n > 12) list.append(element('li', null, `and ${n - 12} more`));
      review.append(list);
      const go = element('button', 'sb-apply', 'Apply these changes');
      go.type = 'button';
      const stop = element('button', 'sb-cancel', 'Cancel');
      stop.type = 'button';
      go.addEventListener('click', () => {
        apply(plan, file);
        review.textContent = '';
        const back = element('button', 'sb-undo', 'Undo the import');
        back.type = 'button';
        back.addEventListener('click', () => {
          if (undo) undo();
          undo = null;
          refreshers.forEach((refresh) => refresh());
          review.textContent = '';
          say('Import undone: your answers are as they were.');
        });
        review.append(back);
        say(`Imported ${n} change${n === 1 ? '' : 's'} from ${fileName}.`);
      });
      stop.addEventListener('click', () => { review.textContent = ''; say('Import cancelled. Nothing was changed.'); });
      review.append(go, ' ', stop);
    } else say('Nothing to import: your answers are the same or newer.');
    review.hidden = false;
  }

  fileInput.addEventListener('change', async () => {
    const chosen = fileInput.files[0];
    fileInput.value = '';
    if (!chosen) return;
    if (chosen.size > 5 * 1024 * 1024) { say('Not imported: the file is too large to be an answers file. Nothing was changed.'); return; }
    const { file, error } = readAnswersFile(await chosen.text(), book, knownToPage());
    if (error) { say(`Not imported: ${error}. Nothing was changed.`); return; }
    const plan = plannedChanges(file, book);
    await leaveOutInvalid(plan, file);
    showPlan(plan, file, chosen.name);
  });
}
