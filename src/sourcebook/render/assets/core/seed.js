/* The student's seed for this book (contract §4): made once in the browser, kept with the
   answers, exported, and taken from an imported file when this browser has none yet. */

import { load, save, PREFIX } from './store.js';
import { newSeed } from './deal.js';
import { isString } from './util.js';

export const SEED = /^[0-9a-f]{16}$/;
const seeds = new Map();

export function bookSeed(book) {
  if (seeds.has(book)) return seeds.get(book);
  const key = `${PREFIX}${book}:seed`;
  let seed = load(key);
  if (!isString(seed) || !SEED.test(seed)) {
    seed = newSeed();
    save(key, seed);
  }
  seeds.set(book, seed);
  return seed;
}

export function setBookSeed(book, seed) {
  seeds.set(book, seed);
  save(`${PREFIX}${book}:seed`, seed);
}
