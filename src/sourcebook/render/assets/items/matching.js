/* Matching: one menu per left-hand entry; the response maps left numbers ("1", "2", …) to
   right-hand keys. Score: lefts matched right / lefts; a right-hand choice used for two or
   more lefts counts wrong for each of them. A closed menu shows only as much of its choice as
   fits: a choice that is cut is written out in full under its menu. */

import { jointKey, stretch } from '../core/crypto.js';
import { invalid, scored, unanswered } from '../core/score.js';
import { element, hasOwn, isRecord, isString, queryAll } from '../core/util.js';

export const type = 'matching';

const lefts = (payload) => payload.lefts.map((_, i) => String(i + 1));

export function read(li) {
  const response = Object.create(null);
  queryAll(li, 'select').forEach((menu) => { if (menu.value) response[menu.dataset.l] = menu.value; });
  return { ...response };
}

/** The menus, one per part of a result (named by their labels, the default). */
export const partControls = (li) => queryAll(li, '.sb-match select');

export function write(li, response) {
  queryAll(li, 'select').forEach((menu) => {
    const left = menu.dataset.l;
    menu.value = isRecord(response) && hasOwn(response, left) && isString(response[left]) ? response[left] : '';
    showChoice(menu);
  });
}

let ruler = null;

/** The chosen text in full under the menu when the closed menu cuts it (its padding, border and
    arrow take about 2.5 em); aria-hidden, as the menu tells a screen reader the whole choice. */
function showChoice(menu) {
  const line = menu.nextElementSibling;
  if (!line || line.className !== 'sb-mfull') return;
  const text = menu.value ? menu.selectedOptions[0].textContent : '';
  const style = getComputedStyle(menu);
  ruler = ruler || document.createElement('canvas').getContext('2d');
  ruler.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  line.textContent = text;
  line.hidden = !text || ruler.measureText(text).width + 2.5 * parseFloat(style.fontSize) <= menu.offsetWidth;
}

export function render(li) {
  const menus = queryAll(li, 'select');
  menus.forEach((menu) => {
    const line = element('span', 'sb-mfull');
    line.setAttribute('aria-hidden', 'true');
    menu.after(line);
  });
  li.addEventListener('change', (event) => showChoice(event.target));
  /* the room changes with the window (a phone turned, a sidebar opened) */
  const watch = new ResizeObserver(() => menus.forEach(showChoice));
  menus.forEach((menu) => watch.observe(menu));
}

export async function check(payload, response) {
  const all = lefts(payload);
  const keys = payload.rights.map((r) => r.key);
  if (!isRecord(response)) return invalid(payload.points);
  const given = Object.keys(response);
  const bad = given.length > all.length || given.some((left) => !all.includes(left)
    || (response[left] !== null && !(isString(response[left]) && keys.includes(response[left]))));
  if (bad) return invalid(payload.points);
  if (given.every((left) => response[left] === null)) return unanswered(payload.points);
  const uses = new Map();
  given.forEach((left) => { if (response[left] !== null) uses.set(response[left], (uses.get(response[left]) || 0) + 1); });
  const hashed = await Promise.all(all.map((left) => (isString(response[left]) && hasOwn(response, left)
    ? stretch(payload, `match${left}`, response[left], payload.answers.it) : null)));
  const parts = all.map((left, i) => !!hashed[i] && hashed[i].check === payload.answers.h[i] && uses.get(response[left]) === 1);
  const right = parts.filter(Boolean).length;
  const explanation = right === all.length ? await jointKey(hashed.map((h) => h.secret)) : null;
  return scored(payload.points, right / all.length, { parts, unlock: { explanation, feedback: [] } });
}
