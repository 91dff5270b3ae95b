// The Q set's CSV format, shared by the command line (--messages) and the browser's export so both
// write the same bytes: header `id,event,root,node,publishedAt,readAt,doneAt,outcome,attempts` (v1), then
// architect.md's trailing `priority,key,partition,handler` (empty where a value does not apply).
import type { MessageRecord } from '../engine/types';

export const CSV_HEADER = 'id,event,root,node,publishedAt,readAt,doneAt,outcome,attempts,priority,key,partition,handler\n';

/** RFC 4180 quoting: a field with a quote, comma, CR or LF is wrapped in quotes, its quotes doubled. Text a
 *  spreadsheet would run as a formula (first character = + - @ tab CR) gets a leading apostrophe (OWASP). */
export function csvField(raw: string): string {
  const text = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const time = (ms: number | null): string => (ms === null ? '' : String(ms));

/** Event and node names repeat on every row: quote each distinct one once (a scenario has few). */
const quoted = new Map<string, string>();
function cachedField(text: string): string {
  let field = quoted.get(text);
  if (field === undefined) {
    field = csvField(text);
    if (quoted.size < 10_000) quoted.set(text, field);
  }
  return field;
}

/** One CSV line (with its newline) for a message record; times in ms, empty when not reached. */
export function csvRow(record: MessageRecord): string {
  return `${record.id},${cachedField(record.event)},${record.root},${cachedField(record.node)},${time(record.publishedAt)},${time(record.readAt)},${time(record.doneAt)},${record.outcome},${record.attempts},${record.priority ?? 0},${record.key ?? ''},${record.partition ?? ''},${record.handler === null ? '' : cachedField(record.handler)}\n`;
}
