// Ids and labels for imported nodes (asyncapi.md): slugs in the id alphabet (other characters become
// `-`), at most 64 characters, made unique with -2, -3, …; labels cut with … to the format's limit.
import { MAX_ID_CHARS, MAX_LABEL_CHARS, MAX_NAME_CHARS } from '../model/bounds';

export function slug(text: string): string {
  const chars = Array.from(text).map((c) => (/^[A-Za-z0-9._-]$/.test(c) ? c : '-')).join('');
  return chars === '' ? 'node' : chars;
}

export class IdMaker {
  private readonly used = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const id of reserved) this.used.add(id);
  }

  make(text: string): string {
    const base = slug(text);
    let candidate = base.slice(0, MAX_ID_CHARS);
    for (let n = 2; this.used.has(candidate); n += 1) {
      const suffix = `-${n}`;
      candidate = `${base.slice(0, MAX_ID_CHARS - suffix.length)}${suffix}`;
    }
    this.used.add(candidate);
    return candidate;
  }
}

/** Cuts `text` to `max` characters (code points), ending with … when cut; control characters become spaces. */
export function cut(text: string, max: number = MAX_LABEL_CHARS): string {
  // eslint-disable-next-line no-control-regex -- labels carry no control characters
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  const chars = Array.from(clean);
  return chars.length <= max ? clean : `${chars.slice(0, max - 1).join('')}…`;
}

export const cutName = (text: string): string => cut(text, MAX_NAME_CHARS);
