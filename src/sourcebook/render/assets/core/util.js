/* Small helpers shared by every module of the front end. */

export const isString = (value) => typeof value === 'string';
export const isRecord = (value) => !!value && typeof value === 'object' && !Array.isArray(value);
export const charLength = (text) => [...text].length;
export const query = (root, selector) => root.querySelector(selector);
export const queryAll = (root, selector) => [...root.querySelectorAll(selector)];

/** A new element; its text (never HTML) is set with textContent. */
export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

/** Read (value omitted) or set a toggle button's aria-pressed. */
export function pressed(button, value) {
  if (value == null) return button.getAttribute('aria-pressed') === 'true';
  button.setAttribute('aria-pressed', String(value));
  return value;
}

/** Own keys of a record, never inherited ones. */
export const ownKeys = (record) => Object.keys(record);
export const hasOwn = (record, key) => Object.prototype.hasOwnProperty.call(record, key);

/** Python's round(x, 4): the exact decimal expansion, ties to even. */
export function roundLikePython(x) {
  const digits = x.toFixed(100);
  const cut = digits.indexOf('.') + 5;
  const tail = digits.slice(cut);
  let n = Number(digits.slice(0, cut).replace('.', ''));
  if (tail[0] > '5' || (tail[0] === '5' && (/[1-9]/.test(tail.slice(1)) || n % 2))) n += 1;
  return n / 1e4;
}
