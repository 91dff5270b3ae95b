// The Q set as CSV: one row per message copy, streamed to a file in chunks with backpressure,
// so a 10-million-message run never holds its rows in memory.
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { MessageRecord } from '../engine/types';
import { CSV_HEADER, csvRow } from '../model/messagesCsv';

export { CSV_HEADER, csvField, csvRow } from '../model/messagesCsv';

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
    this.stream.end();
    try {
      await finished(this.stream); // rejects on a write error, however small the file (/dev/full)
    } catch (error) {
      this.failure ??= error as Error;
    }
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
