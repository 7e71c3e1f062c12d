/* The answers file, version 2 (docs/contract.md §5): made from what is kept, read back
   item by item. Nothing from a file is ever used as a key of a plain object or shown as HTML:
   ids are checked against what this book page knows, maps are Map, and what is kept is
   rebuilt field by field. */

import { allKeys, load, PREFIX } from './store.js';
import { NOTE_LIMIT } from './reader.js';
import { HISTORY_LIMIT } from './exercise-set.js';
import { SEED } from './seed.js';
import { charLength, hasOwn, isRecord, isString } from './util.js';

export const FORMAT = 'sourcebook-answers';
export const VERSION = 2;
export const MAX_FILE = 5 * 1024 * 1024;
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,6})?)?(Z|[+-]\d\d:\d\d)$/;
const ITEM_ID = /^[a-z0-9][a-z0-9-]*[a-z0-9]$/;
const SLUG = /^[a-z0-9][a-z0-9._-]*$/;
const PARAGRAPH = /^p\d{1,4}$/;
const isTime = (x) => isString(x) && TIMESTAMP.test(x);
const okId = (x) => isString(x) && x.length <= 64 && ITEM_ID.test(x);
const okSlug = (x) => isString(x) && x.length <= 120 && SLUG.test(x);

/** Every item state and note kept for `book`: {items: Map(id -> {source, state}), notes: Map}. */
export function keptAnswers(book) {
  const items = new Map();
  const notes = new Map();
  for (const key of allKeys()) {
    const parts = key.split(':');
    if (`${parts[0]}:` !== PREFIX || parts[1] !== book) continue;
    const value = load(key);
    if (parts.length === 4 && okId(parts[3]) && isRecord(value)) items.set(parts[3], { source: parts[2], state: value, key });
    if (parts.length === 5 && parts[3] === 'note' && isString(value) && value.trim()) notes.set(`${parts[2]}/${parts[4]}`, value);
  }
  return { items, notes };
}

/** The file to hand in. */
export function makeAnswersFile({ book, version, student, seed, assignment = null }) {
  const { items, notes } = keptAnswers(book);
  const responses = Object.create(null);
  for (const [id, { source, state }] of [...items].sort()) {
    const checked = state.response != null && Number.isInteger(state.attempts) && state.attempts > 0;
    if (!checked && state.draft === undefined) continue;
    const entry = {
      response: checked ? state.response : null,
      attempts: checked ? state.attempts : 0,
      history: checked && Array.isArray(state.history) ? state.history.slice(-HISTORY_LIMIT) : [],
      first_at: checked && isTime(state.first_at) ? state.first_at : null,
      last_at: checked && isTime(state.last_at) ? state.last_at : null,
      source,
    };
    if (state.draft !== undefined) {
      entry.draft = state.draft;
      entry.draft_at = isTime(state.draft_at) ? state.draft_at : null;
    }
    responses[id] = entry;
  }
  const notesOut = Object.create(null);
  const truncated = [];
  for (const [where, text] of [...notes].sort()) {
    const [slug, pid] = where.split('/');
    if (!notesOut[slug]) notesOut[slug] = Object.create(null);
    notesOut[slug][pid] = [...text].slice(0, NOTE_LIMIT).join('');
    if (charLength(text) > NOTE_LIMIT) truncated.push(where);
  }
  return {
    format: FORMAT, version: VERSION, book: { id: book, content_version: version },
    student, assignment, seed, exported_at: new Date().toISOString(),
    responses: { ...responses }, notes: Object.fromEntries(Object.entries(notesOut).map(([k, v]) => [k, { ...v }])),
    notes_truncated: truncated,
  };
}

/** A file's text as a checked, rebuilt answers file, or {error}. */
export function readAnswersFile(text, book, known) {
  if (text.length > MAX_FILE) return { error: 'the file is too large to be an answers file' };
  let raw;
  try { raw = JSON.parse(text); } catch (error) { return { error: 'it is not a sourcebook answers file' }; }
  if (!isRecord(raw) || raw.format !== FORMAT) return { error: 'it is not a sourcebook answers file' };
  if (raw.version !== 1 && raw.version !== 2) return { error: 'its format version is not one this page reads' };
  if (!isRecord(raw.book) || raw.book.id !== book) return { error: 'it holds answers for another book' };
  if (!isRecord(raw.responses)) return { error: 'it is damaged or was edited by hand' };
  const file = {
    version: raw.version,
    contentVersion: isString(raw.book.content_version) ? raw.book.content_version : '',
    student: {
      name: isRecord(raw.student) && isString(raw.student.name) ? raw.student.name.slice(0, 120) : '',
      id: isRecord(raw.student) && isString(raw.student.id) ? raw.student.id.slice(0, 64) : '',
    },
    seed: isString(raw.seed) && SEED.test(raw.seed) ? raw.seed : null,
    responses: new Map(),
    notes: new Map(),
    skipped: 0,
  };
  for (const [id, entry] of Object.entries(raw.responses)) {
    const item = okId(id) && known.item(id);
    const good = item && isRecord(entry) && hasOwn(entry, 'response')
      && (!hasOwn(entry, 'attempts') || (Number.isInteger(entry.attempts) && entry.attempts >= 0 && entry.attempts <= 1e5));
    if (!good) { file.skipped += 1; continue; }
    const response = entry.response;
    const attempts = raw.version === 1 ? (response != null ? Math.max(1, entry.attempts | 0) : 0) : entry.attempts | 0;
    const history = raw.version === 1 ? (response != null ? [response] : [])
      : (Array.isArray(entry.history) ? entry.history.slice(-HISTORY_LIMIT) : []);
    const kept = {
      response: attempts > 0 ? response : null, attempts, history,
      first_at: isTime(entry.first_at) ? entry.first_at : null,
      last_at: isTime(entry.last_at) ? entry.last_at : null,
      source: item.source,
    };
    if (raw.version === 2 && hasOwn(entry, 'draft')) {
      kept.draft = entry.draft;
      kept.draft_at = isTime(entry.draft_at) ? entry.draft_at : null;
    }
    file.responses.set(id, kept);
  }
  if (isRecord(raw.notes)) {
    for (const [slug, notes] of Object.entries(raw.notes)) {
      if (!okSlug(slug) || !known.source(slug) || !isRecord(notes)) { file.skipped += 1; continue; }
      for (const [pid, note] of Object.entries(notes)) {
        if (!PARAGRAPH.test(pid) || !isString(note)) { file.skipped += 1; continue; }
        file.notes.set(`${slug}/${pid}`, [...note].slice(0, NOTE_LIMIT).join(''));
      }
    }
  }
  return { file };
}

/* A time in the future (beyond a day of clock skew) is not believed: a file dated 2099 must
   not replace the student's real answers. */
const believable = (time) => {
  const t = isTime(time) ? Date.parse(time) : NaN;
  return Number.isFinite(t) && t <= Date.now() + 86400000 ? t : -Infinity;
};
const checkedAt = (state) => (state && state.attempts > 0 ? believable(state.last_at) : -Infinity);
const draftAt = (state) => (state && state.draft !== undefined ? believable(state.draft_at) : -Infinity);

/** What importing `file` would change: [{id, key, before, after, why}], item by item; the
    newer checked answer wins, a draft only fills an item with none or replaces an older draft. */
export function plannedChanges(file, book) {
  const { items, notes } = keptAnswers(book);
  const changes = [];
  let keptNewer = 0;
  for (const [id, incoming] of file.responses) {
    const mine = items.get(id);
    const key = `${PREFIX}${book}:${incoming.source}:${id}`;
    const before = mine ? mine.state : null;
    const after = { ...(before || {}) };
    let changed = false;
    const mineChecked = !!before && Number.isInteger(before.attempts) && before.attempts > 0;
    if (incoming.attempts > 0 && (!mineChecked || checkedAt(incoming) > checkedAt(before))) {
      Object.assign(after, {
        response: incoming.response, attempts: incoming.attempts, history: incoming.history,
        first_at: incoming.first_at, last_at: incoming.last_at, status: 'checked',
      });
      delete after.verdict;
      if (after.draft !== undefined && draftAt(before) <= checkedAt(incoming)) { delete after.draft; delete after.draft_at; }
      changed = true;
    } else if (incoming.attempts > 0 && before && before.attempts > 0) keptNewer += 1;
    const mineBlank = !before || (!mineChecked && before.draft === undefined);
    if (incoming.draft !== undefined && (mineBlank || draftAt(incoming) > Math.max(draftAt(after), checkedAt(after)))) {
      after.draft = incoming.draft;
      after.draft_at = incoming.draft_at;
      changed = true;
    }
    if (changed) changes.push({ key, before, after, what: `the answer to ${id}`, item: id });
  }
  for (const [where, text] of file.notes) {
    const [slug, pid] = where.split('/');
    const key = `${PREFIX}${book}:${slug}:note:${pid}`;
    const mine = notes.get(where);
    if (mine === text) continue;
    const after = mine ? `${mine}\n\n${text}` : text;       // notes are joined, never replaced
    changes.push({ key, before: mine == null ? null : mine, after: [...after].slice(0, NOTE_LIMIT).join(''), what: `your note on ¶${pid.slice(1)}` });
  }
  const hadChecked = [...items.values()].some(({ state }) => Number.isInteger(state.attempts) && state.attempts > 0);
  return { changes, keptNewer, hadChecked };
}
