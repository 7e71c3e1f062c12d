/* The answers file (docs/contract.md §5): made from what is stored, and read back. */

import { allKeys, load, save, PREFIX } from './store.js';
import { charLength, isRecord, isString } from './util.js';

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,6})?)?(Z|[+-]\d\d:\d\d)$/;
const onlyKeys = (record, allowed) => Object.keys(record).every((k) => allowed.includes(k));
const goodKey = (key) => !!key && charLength(key) <= 100 && !key.includes(':');

export function makeAnswersFile(book, version, student) {
  const file = {
    format: 'sourcebook-answers', version: 1, book: { id: book, content_version: version }, student,
    exported_at: new Date().toISOString(), responses: {}, notes: {},
  };
  for (const key of allKeys()) {
    const parts = key.split(':');
    if (`${parts[0]}:` !== PREFIX || parts[1] !== book) continue;
    const value = load(key);
    if (parts.length === 4 && isRecord(value) && value.response != null) {
      file.responses[parts[3]] = {
        response: value.response, attempts: value.attempts | 0,
        first_at: value.first_at || null, last_at: value.last_at || null, source: parts[2],
      };
    }
    if (parts.length === 5 && parts[3] === 'note' && isString(value) && value.trim()) {
      if (!file.notes[parts[2]]) file.notes[parts[2]] = {};
      file.notes[parts[2]][parts[4]] = value;
    }
  }
  return file;
}

/** Why a parsed file cannot be imported, or null. */
export function whyNotImportable(file, book) {
  const isTime = (x) => isString(x) && TIMESTAMP.test(x);
  if (!isRecord(file) || file.format !== 'sourcebook-answers') return 'it is not a sourcebook answers file';
  if (file.version !== 1) return 'its format version is not one this page reads';
  if (!isRecord(file.book) || file.book.id !== book) return 'it holds answers for another book';
  const student = file.student;
  const damaged = !onlyKeys(file, ['format', 'version', 'book', 'student', 'exported_at', 'responses', 'notes'])
    || !isString(file.book.content_version) || !isRecord(student) || !isString(student.name) || !isString(student.id)
    || !isTime(file.exported_at) || !isRecord(file.responses) || ('notes' in file && !isRecord(file.notes))
    || Object.entries(file.responses).some(([id, r]) => !goodKey(id) || !isRecord(r) || !('response' in r)
      || !onlyKeys(r, ['response', 'attempts', 'first_at', 'last_at', 'source'])
      || !Number.isInteger(r.attempts) || r.attempts < 0 || r.attempts > 1e5
      || [r.first_at, r.last_at].some((t) => t != null && !isTime(t))
      || ('source' in r && !(isString(r.source) && !r.source.includes(':'))))
    || Object.entries(file.notes || {}).some(([slug, notes]) => !goodKey(slug) || !isRecord(notes)
      || Object.entries(notes).some(([pid, text]) => !goodKey(pid) || !isString(text)));
  return damaged ? 'it is damaged or was edited by hand' : null;
}

/** Store what the file holds; all or nothing. */
export function importAnswersFile(file, book) {
  const writes = [];
  const sourceOf = (id) => (document.getElementById(`sb-${id}`) || { dataset: {} }).dataset.source || '';
  for (const [id, r] of Object.entries(file.responses)) {
    const key = `${PREFIX}${book}:${isString(r.source) ? r.source : sourceOf(id)}:${id}`;
    writes.push([key, { response: r.response, attempts: r.attempts, first_at: r.first_at || null, last_at: r.last_at || null }]);
  }
  for (const [slug, notes] of Object.entries(file.notes || {})) {
    for (const [pid, text] of Object.entries(notes)) writes.push([`${PREFIX}${book}:${slug}:note:${pid}`, text]);
  }
  writes.push([`${PREFIX}${book}:student`, file.student]);
  const before = writes.map(([key]) => [key, load(key)]);
  if (!writes.every(([key, value]) => save(key, value))) {
    before.forEach(([key, value]) => save(key, value));
    throw new Error('storage');
  }
  return writes.length;
}
