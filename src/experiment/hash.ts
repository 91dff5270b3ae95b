// A 64-bit fingerprint (two 32-bit FNV-1a variants) of a scenario, written into shards so that parts of
// different files are never merged. Not cryptographic; the same bits in Node and the browser.
import { fmix32 } from './seeds';

export function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995) ^ (b >>> 15);
  }
  const hex = (x: number) => (fmix32(x) >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b);
}
