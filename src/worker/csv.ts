// The Q set as CSV in the browser, the same bytes as the command line's --messages file
// (header `id,event,root,node,publishedAt,readAt,doneAt,outcome,attempts`; csv.test.ts holds them equal).
import type { MessageRecord } from '../engine/types';

export const CSV_HEADER = 'id,event,root,node,publishedAt,readAt,doneAt,outcome,attempts\n';

/** RFC 4180 quoting, and a leading apostrophe on text a spreadsheet would run as a formula (as the CLI does). */
const quote = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const field = (text: string): string => quote(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
const time = (ms: number | null): string => (ms === null ? '' : String(ms));

export function csvRow(record: MessageRecord): string {
  return `${record.id},${field(record.event)},${record.root},${field(record.node)},${time(record.publishedAt)},${time(record.readAt)},${time(record.doneAt)},${record.outcome},${record.attempts}\n`;
}

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
