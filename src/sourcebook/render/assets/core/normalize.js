/* Normalisation of typed text and dates: the same rules as items/normalize.py. */

import { charLength, isString } from './util.js';

/** Lower case, accents dropped, punctuation as spaces, spaces collapsed. */
export function normalise(text) {
  return text.normalize('NFKD').replace(/\p{Mn}/gu, '').toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, ' ').replace(/ +/g, ' ').trim();
}

const MONTHS = new Map();
'january february march april may june july august september october november december'
  .split(' ').forEach((name, i) => { MONTHS.set(name, i + 1); MONTHS.set(name.slice(0, 3), i + 1); });
MONTHS.set('sept', 9);
const WEEKDAYS = new Set(('monday tuesday wednesday thursday friday saturday sunday '
  + 'mon tue tues wed thu thur thurs fri sat sun').split(' '));

/** "5 March 1950", "March 5th, 1950" or "1950-03-05" as "1950-03-05"; null if not a date. */
export function parseDate(text) {
  if (!isString(text) || charLength(text) > 100) return null;
  let words = normalise(text).split(' ');
  // A leading weekday or "the", and "of" after the day, as items/normalize.py drops them.
  if (WEEKDAYS.has(words[0])) words = words.slice(1);
  if (words[0] === 'the') words = words.slice(1);
  if (words.length === 4 && words[1] === 'of' && /^(\d\d?)(st|nd|rd|th)?$/.test(words[0])) {
    words = [words[0], ...words.slice(2)];
  }
  if (words.length !== 3) return null;
  const [a, b, c] = words;
  const YEAR = /^[1-9]\d{3}$/, NUMBER = /^\d\d?$/, DAY = /^(\d\d?)(st|nd|rd|th)?$/;
  let year, month, day, m;
  if (YEAR.test(a) && NUMBER.test(b) && NUMBER.test(c)) [year, month, day] = [+a, +b, +c];
  else if (MONTHS.has(b) && YEAR.test(c) && (m = DAY.exec(a))) [year, month, day] = [+c, MONTHS.get(b), +m[1]];
  else if (MONTHS.has(a) && YEAR.test(c) && (m = DAY.exec(b))) [year, month, day] = [+c, MONTHS.get(a), +m[1]];
  else return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = month > 0 && month < 13 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? date.toISOString().slice(0, 10) : null;
}
