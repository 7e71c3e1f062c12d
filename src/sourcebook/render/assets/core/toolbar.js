/* The hand-in bar: the student's name, Export answers and Import answers. */

import { importAnswersFile, makeAnswersFile, whyNotImportable } from './answers-file.js';
import { load, save, PREFIX } from './store.js';
import { element, isRecord, query, queryAll } from './util.js';

export function toolbar(bar, refreshers) {
  const section = bar.closest('[data-book]');
  const book = section.dataset.book;
  const version = section.dataset.version;
  const nameBox = query(bar, '.sb-who');
  const message = query(bar, '.sb-msg');
  const fileInput = query(bar, '.sb-impf');
  const studentKey = `${PREFIX}${book}:student`;
  const say = (text) => { message.textContent = text; };

  const restore = () => {
    const student = load(studentKey);
    nameBox.value = isRecord(student) ? student.name || student.id || '' : '';
  };
  restore();
  refreshers.push(restore);

  nameBox.addEventListener('input', () => {
    save(studentKey, { name: nameBox.value, id: '' });
    queryAll(document, '.sb-who').forEach((box) => { if (box !== nameBox) box.value = nameBox.value; });
  });

  query(bar, '.sb-exp').addEventListener('click', () => {
    const name = nameBox.value.trim();
    if (!name) { say('Type your name or student id first.'); nameBox.focus(); return; }
    const file = makeAnswersFile(book, version, { name, id: '' });
    const link = element('a');
    link.href = URL.createObjectURL(new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' }));
    link.download = `${book}-answers-${name.replace(/[^\w-]+/g, '_')}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    say(`Exported ${Object.keys(file.responses).length} answers and your notes. Hand in the downloaded file.`);
  });

  fileInput.addEventListener('change', async () => {
    const chosen = fileInput.files[0];
    if (!chosen) return;
    const text = await chosen.text();
    let file = null;
    try { file = JSON.parse(text); } catch (error) { file = null; }
    let why = whyNotImportable(file, book);
    if (!why) {
      try { importAnswersFile(file, book); } catch (error) { why = 'this browser could not store it'; }
    }
    if (why) say(`Not imported: ${why}. Nothing was changed.`);
    else {
      refreshers.forEach((refresh) => refresh());
      const other = file.book.content_version !== version
        ? ` (Made for exercises version ${file.book.content_version}; this page has version ${version}.)` : '';
      say(`Imported ${Object.keys(file.responses).length} answers and the notes from ${chosen.name}.${other}`);
    }
    fileInput.value = '';
  });
}
