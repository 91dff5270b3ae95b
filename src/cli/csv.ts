// The Q set as CSV: one row per message copy, streamed to a file in chunks with backpressure,
// so a 10-million-message run never holds its rows in memory.
import type { Writable } from 'node:stream';
import type { MessageRecord } from '../engine/types';

export const CSV_HEADER = 'id,event,root,node,publishedAt,readAt,doneAt,outcome,attempts\n';

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
  return `${record.id},${cachedField(record.event)},${record.root},${cachedField(record.node)},${time(record.publishedAt)},${time(record.readAt)},${time(record.doneAt)},${record.outcome},${record.attempts}\n`;
}

/**
 * Collects rows into chunks of about `chunkChars` characters and writes each chunk to the stream.
 * `push` is synchronous (it is the engine's onMessage); the caller runs the engine in slices and
 * awaits `drain()` between them whenever `backpressured` is true, so at most one slice of rows waits.
 */
export class CsvWriter {
  private chunk = '';
  private waitingForDrain = false;
  private failure: Error | undefined;
  rows = 0;

  constructor(private readonly stream: Writable, private readonly chunkChars = 1 << 16) {
    stream.on('error', (error: Error) => {
      this.failure ??= error;
    });
    this.write(CSV_HEADER);
  }

  /** Adds one record; the engine calls this once per message copy. */
  readonly push = (record: MessageRecord): void => {
    this.chunk += csvRow(record);
    this.rows++;
    if (this.chunk.length >= this.chunkChars) this.flushChunk();
  };

  /** True when the stream asked us to wait: call drain() before running more of the simulation. */
  get backpressured(): boolean {
    return this.waitingForDrain;
  }

  async drain(): Promise<void> {
    this.throwIfFailed();
    if (!this.waitingForDrain) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        this.stream.off('drain', done);
        this.stream.off('error', done);
        resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('error', done);
    });
    this.waitingForDrain = false;
    this.throwIfFailed();
  }

  /** Writes what is left and closes the stream; rejects if any write failed. */
  async end(): Promise<void> {
    this.flushChunk();
    this.throwIfFailed();
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
    this.throwIfFailed();
  }

  private flushChunk(): void {
    if (this.chunk === '') return;
    const text = this.chunk;
    this.chunk = '';
    this.write(text);
  }

  private write(text: string): void {
    if (!this.stream.write(text)) this.waitingForDrain = true;
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}
