/* Per-student order (docs/contract.md §4): entries sorted by mix32(fnv1a32("seed|item|entry")),
   ties by id; the same as items/shuffle.py. */

const encoder = new TextEncoder();

export function fnv1a32(text) {
  let h = 0x811c9dc5;
  for (const byte of encoder.encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** MurmurHash3's fmix32 finaliser. */
export function mix32(h) {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** `ids` in the order student `seed` sees them (before any rotation of a solved ordering). */
export function deal(seed, itemId, ids) {
  const rank = new Map(ids.map((id) => [id, mix32(fnv1a32(`${seed}|${itemId}|${id}`))]));
  return [...ids].sort((a, b) => rank.get(a) - rank.get(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** `ids` rotated left by one (an ordering never starts solved). */
export const rotated = (ids) => (ids.length > 1 ? [...ids.slice(1), ids[0]] : [...ids]);

/** A new seed: 16 random hex digits. */
export function newSeed() {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
