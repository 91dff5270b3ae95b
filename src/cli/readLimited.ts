// Reading the scenario file within the size limit: a regular file is measured (stat) before it is
// read, anything else (a pipe, /dev/zero) is read at most one byte past the limit.
import { open, realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { MAX_TEXT_CHARS } from '../model/bounds';

/** Most bytes a file within MAX_TEXT_CHARS UTF-16 units can take in UTF-8 (3 bytes per unit). */
export const MAX_FILE_BYTES = 3 * MAX_TEXT_CHARS;

export type ReadResult = { ok: true; text: string } | { ok: false; tooLarge: true; bytes: number };

/** Reads `path` as UTF-8, refusing (without reading it all) a file over MAX_FILE_BYTES. */
export async function readLimited(path: string, maxBytes = MAX_FILE_BYTES): Promise<ReadResult> {
  const info = await stat(path);
  if (info.isFile() && info.size > maxBytes) return { ok: false, tooLarge: true, bytes: info.size };
  const handle = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.alloc(Math.min(1 << 20, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return { ok: false, tooLarge: true, bytes: total };
    }
    return { ok: true, text: new TextDecoder('utf-8').decode(Buffer.concat(chunks)) };
  } finally {
    await handle.close();
  }
}

/** True when `output` names the same file as `input` (same path, or a link to it). */
export async function sameFile(input: string, output: string): Promise<boolean> {
  if (resolve(input) === resolve(output)) return true;
  try {
    const [a, b] = await Promise.all([stat(input), stat(output)]);
    if (a.dev === b.dev && a.ino === b.ino) return true;
    return (await realpath(input)) === (await realpath(output));
  } catch {
    return false; // the output does not exist yet
  }
}
