/* Stretched hashes, secrets and decryption (docs/contract.md §1), with WebCrypto.

   stretch(payload, part, value, iterations) -> {check, secret}
     PBKDF2-HMAC-SHA256 of "part|value" salted "sourcebook|book|item"; bytes 0..15 are the
     check the payload lists, bytes 16..31 the secret that opens what a right value unlocks.
   decrypt(ciphertext, key) -> text or null (keystream SHA-256("key:n"), "sb:" + text + NULs).
   jointKey(secrets) -> SHA-256 hex of the secrets joined by "," (an explanation's key).

   Nothing here runs at page load: only when the student presses Check. Results are kept for
   the page's life, so checking the same value again costs nothing. */

const encoder = new TextEncoder();
const stretched = new Map();

export const cryptoAvailable = () => !!(globalThis.crypto && globalThis.crypto.subtle);

const hex = (bytes) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

export async function sha256Hex(text) {
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text))));
}

export function stretch(payload, part, value, iterations) {
  const password = `${part}|${value}`;
  const salt = `sourcebook|${payload.book}|${payload.id}`;
  const cacheKey = `${iterations}\u0000${salt}\u0000${password}`;
  if (!stretched.has(cacheKey)) {
    stretched.set(cacheKey, (async () => {
      const key = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveBits']);
      const bits = await crypto.subtle.deriveBits(
        { name: 'PBKDF2', hash: 'SHA-256', salt: encoder.encode(salt), iterations }, key, 256);
      const bytes = new Uint8Array(bits);
      return { check: hex(bytes.slice(0, 16)), secret: hex(bytes.slice(16)) };
    })());
  }
  return stretched.get(cacheKey);
}

export const jointKey = (secrets) => sha256Hex(secrets.join(','));

export async function decrypt(ciphertext, key) {
  if (typeof ciphertext !== 'string' || typeof key !== 'string') return null;
  try {
    const bytes = Uint8Array.from(atob(ciphertext), (c) => c.charCodeAt(0));
    for (let block = 0; block * 32 < bytes.length; block++) {
      const stream = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(`${key}:${block}`)));
      for (let i = 0; i < 32 && block * 32 + i < bytes.length; i++) bytes[block * 32 + i] ^= stream[i];
    }
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.startsWith('sb:') ? text.slice(3).replace(/\u0000+$/, '') : null;
  } catch (error) {
    return null;
  }
}
