/* The student's answers and notes in localStorage, with a copy in memory.

   Keys: sourcebook:<book>:<source>:<item> | …:note:<paragraph> | …:bo:<black-out> |
   sourcebook:<book>:student. When storage is blocked or full, the memory copy goes on
   (answers can still be exported) and every listener hears about it at once. */

import { isString } from './util.js';

export const PREFIX = 'sourcebook:';

let storage = null;
try { storage = window.localStorage; } catch (error) { storage = null; }

const memory = new Map();
const listeners = new Set();
const savers = new Set();
let problem = storage ? null : 'blocked';

/** In a notebook the widget keeps answers (Python writes the file): no localStorage. */
export function keepInMemoryOnly() {
  storage = null;
  problem = null;
}

/** Calls `listener()` after every change kept (the notebook widget syncs its model). */
export function onSaved(listener) {
  savers.add(listener);
}

function report(kind) {
  problem = kind;
  listeners.forEach((listener) => listener(kind));
}

/** Calls `listener(problem)` now if storage already failed, and on every later failure. */
export function onStorageProblem(listener) {
  listeners.add(listener);
  if (problem) listener(problem);
}

export const storageProblem = () => problem;

/** The stored value (parsed JSON), or null. */
export function load(key) {
  if (memory.has(key)) return memory.get(key);
  if (!storage) return null;
  try {
    const text = storage.getItem(key);
    return text == null ? null : JSON.parse(text);
  } catch (error) {
    return null;
  }
}

/** Keep `value`; false when it is only in memory (storage full or blocked). */
export function save(key, value) {
  memory.set(key, value);
  savers.forEach((listener) => listener(key));
  if (!storage) {
    if (problem) report(problem);
    return savers.size > 0;
  }
  try {
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch (error) {
    report('full');
    return false;
  }
}

export function remove(key) {
  memory.delete(key);
  savers.forEach((listener) => listener(key));
  try { if (storage) storage.removeItem(key); } catch (error) { /* kept out of memory anyway */ }
}

/** Every key kept (storage and memory), once each. */
export function allKeys() {
  const keys = new Set(memory.keys());
  if (storage) {
    try {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (isString(key) && key.startsWith(PREFIX)) keys.add(key);
      }
    } catch (error) { /* blocked after load */ }
  }
  return [...keys];
}

/** Forget the memory copy (the page re-reads storage: after an import elsewhere). */
export function refreshFromStorage() {
  if (storage && !problem) memory.clear();
}
