/* The assignment a student works on: the teacher's link carries `?assignment=ID`. The page
   keeps the id for the book (a later page without it still knows), says which chapters the
   assignment covers (the build puts assignments.yml's list on the page: nothing secret), and
   the export carries the id, so the teacher's `grade --assignment` and gradebook match. */

import { load, save, PREFIX } from './store.js';
import { element, isRecord, isString, query } from './util.js';

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

function fromLink() {
  try {
    const id = new URLSearchParams(window.location.search).get('assignment');
    return id && ID.test(id) ? id : null;
  } catch (error) {
    return null;
  }
}

function listed() {
  const script = document.getElementById('sb-assignments');
  if (!script) return new Map();
  try {
    const data = JSON.parse(script.textContent);
    return new Map((Array.isArray(data) ? data : []).filter((a) => isRecord(a) && isString(a.id)
      && ID.test(a.id)).map((a) => [a.id, a]));
  } catch (error) {
    return new Map();
  }
}

/** The assignment id for `book`: the link's, else the one kept from an earlier page, or null. */
export function currentAssignment(book) {
  const key = `${PREFIX}${book}:assignment`;
  const linked = fromLink();
  if (linked) {
    if (load(key) !== linked) save(key, linked);
    return linked;
  }
  const kept = load(key);
  return isString(kept) && ID.test(kept) ? kept : null;
}

/** A line above the hand-in bar naming the assignment and its chapters (text only). */
export function assignmentNote(bar, book) {
  const id = currentAssignment(book);
  if (!id || query(bar.parentNode || bar, '.sb-assignment')) return id;
  const known = listed().get(id);
  const note = element('p', 'sb-assignment');
  note.setAttribute('role', 'note');
  const title = known && isString(known.title) ? known.title : id;
  note.append(element('strong', null, `Assignment: ${title}. `));
  const chapters = known && Array.isArray(known.chapters) ? known.chapters : [];
  if (chapters.length) {
    note.append(document.createTextNode('It covers '));
    const root = document.documentElement.dataset.content_root || '';
    chapters.forEach((chapter, n) => {
      if (!isRecord(chapter) || !isString(chapter.doc) || !isString(chapter.title)) return;
      const link = element('a', null, chapter.title);
      link.href = `${root}${chapter.doc}.html?assignment=${id}`;
      note.append(link, document.createTextNode(n < chapters.length - 1 ? ', ' : '. '));
    });
  }
  if (known && isString(known.due)) note.append(document.createTextNode(`Due ${known.due}. `));
  note.append(document.createTextNode('Your exported answers carry its name.'));
  bar.before(note);
  return id;
}

/** Whether the assignment in force asks for a student id (`require_student_id` in assignments.yml). */
export function assignmentNeedsId(book) {
  const id = currentAssignment(book);
  const known = id ? listed().get(id) : null;
  return !!(known && known.require_student_id === true);
}
