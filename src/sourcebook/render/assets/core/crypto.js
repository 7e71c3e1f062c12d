/* Hashes and secrets of the payload (docs/contract.md §1).

   Today (contract version 1): digest = first 20 hex digits of SHA-256("book|item|part|value");
   a key is the full SHA-256 hex of the same kind of string; a text is XOR-ed with the keystream
   SHA-256("key:n") and starts with "sb:" when the key is right. SHA-256 is computed here, in
   plain JS, because crypto.subtle is missing on plain http pages. */

const ROUND = [];
const INITIAL = [];
for (let n = 2, found = 0; found < 64; n++) {
  let d = 2;
  while (n % d) d++;
  if (d === n) {
    if (found < 8) INITIAL[found] = (n ** 0.5 * 2 ** 32) | 0;
    ROUND[found++] = (n ** (1 / 3) * 2 ** 32) | 0;
  }
}
const rotate = (x, n) => (x >>> n) | (x << (32 - n));

/** SHA-256 of the UTF-8 of `text`, as 64 hex digits. */
export function sha256(text) {
  const bytes = [...new TextEncoder().encode(text)];
  const bits = bytes.length * 8;
  bytes.push(128);
  while (bytes.length % 64 !== 56) bytes.push(0);
  for (let i = 7; i >= 0; i--) bytes.push(i > 3 ? 0 : (bits >>> (i * 8)) & 255);
  let h = INITIAL.slice();
  const w = [];
  for (let j = 0; j < bytes.length; j += 64) {
    for (let i = 0; i < 64; i++) {
      if (i < 16) {
        w[i] = (bytes[j + 4 * i] << 24) | (bytes[j + 4 * i + 1] << 16) | (bytes[j + 4 * i + 2] << 8) | bytes[j + 4 * i + 3];
      } else {
        const s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^ (w[i - 15] >>> 3);
        const s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^ (w[i - 2] >>> 10);
        w[i] = (s0 + w[i - 16] + s1 + w[i - 7]) | 0;
      }
    }
    let [a, b, c, d, e, f, g, k] = h;
    for (let i = 0; i < 64; i++) {
      const t1 = (k + (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) + ((e & f) ^ (~e & g)) + ROUND[i] + w[i]) | 0;
      const t2 = ((rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      k = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    h = [a, b, c, d, e, f, g, k].map((v, i) => (v + h[i]) | 0);
  }
  return h.map((v) => (v >>> 0).toString(16).padStart(8, '0')).join('');
}

/** The salted digest of one part of a right response. */
export const digest = (payload, part, value) => sha256(`${payload.book}|${payload.id}|${part}|${value}`).slice(0, 20);

/** The key of a text that `material` unlocks. */
export const deriveKey = (payload, purpose, material) => sha256(`${payload.book}|${payload.id}|${purpose}|${material}`);

/** The plain text of a ciphertext, or null when the key is wrong. */
export function decrypt(ciphertext, key) {
  try {
    const bytes = Uint8Array.from(atob(ciphertext), (c) => c.charCodeAt(0));
    let stream = '';
    for (let i = 0; i * 32 < bytes.length; i++) stream += sha256(`${key}:${i}`);
    bytes.forEach((x, i) => { bytes[i] = x ^ parseInt(stream.substr(2 * i, 2), 16); });
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.startsWith('sb:') ? text.slice(3) : null;
  } catch (error) {
    return null;
  }
}
