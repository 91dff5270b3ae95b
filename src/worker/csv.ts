// The Q set as CSV in the browser: rows in chunks for a Blob, formatted by the same module as the
// command line's --messages file (src/model/messagesCsv.ts), so the bytes are the same.
import type { MessageRecord } from '../engine/types';
import { CSV_HEADER, csvRow } from '../model/messagesCsv';

export { CSV_HEADER, csvRow };

/** Collects rows into string chunks of about 64k characters, later joined into one Blob without one giant string. */
export class CsvChunks {
  readonly parts: string[] = [CSV_HEADER];
  private chunk = '';
  rows = 0;

  readonly push = (record: MessageRecord): void => {
    this.chunk += csvRow(record);
    this.rows++;
    if (this.chunk.length >= 1 << 16) {
      this.parts.push(this.chunk);
      this.chunk = '';
    }
  };

  toBlob(): Blob {
    if (this.chunk !== '') this.parts.push(this.chunk);
    this.chunk = '';
    return new Blob(this.parts, { type: 'text/csv' });
  }
}
