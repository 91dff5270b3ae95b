// Unit tests of the CSV rows and the chunked, backpressure-aware writer.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { MessageRecord } from '../engine/types';
import { CSV_HEADER, csvField, csvRow, CsvWriter } from './csv';

const record = (overrides: Partial<MessageRecord> = {}): MessageRecord => ({
  id: 3, parent: -1, root: 3, event: 'user.registered', node: 'q1', publishedAt: 1.5, readAt: 2.25, doneAt: 4, outcome: 'completed', attempts: 1, from: 'p', handler: 'h', startedAt: 2.25, ...overrides,
});

/** A sink that keeps what it is given and reports backpressure after `highWaterMark` bytes. */
function sink(highWaterMark: number): { stream: Writable; text: () => string } {
  const parts: string[] = [];
  const stream = new Writable({
    highWaterMark,
    decodeStrings: false,
    write(chunk: string, _encoding, callback) {
      parts.push(chunk);
      setImmediate(callback);
    },
  });
  return { stream, text: () => parts.join('') };
}

describe('csv rows', () => {
  it('quotes fields with quotes, commas and newlines', () => {
    expect(csvField('plain.event')).toBe('plain.event');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField('用户注册')).toBe('用户注册');
  });
  it('writes one row per record, empty cells for times not reached', () => {
    expect(CSV_HEADER).toBe('id,event,root,node,publishedAt,readAt,doneAt,outcome,attempts,priority,key,partition,handler\n');
    expect(csvRow(record())).toBe('3,user.registered,3,q1,1.5,2.25,4,completed,1,0,,,h\n');
    expect(csvRow(record({ event: 'a,"b"', readAt: null, doneAt: null, outcome: 'inFlight', attempts: 0, handler: null }))).toBe('3,"a,""b""",3,q1,1.5,,,inFlight,0,0,,,\n');
    // architect.md's trailing columns: priority, key, partition and the handler that read the copy
    expect(csvRow(record({ priority: 7, key: 12, partition: 0, handler: '=h' }))).toBe(`3,user.registered,3,q1,1.5,2.25,4,completed,1,7,12,0,'=h\n`);
  });
});

describe('CsvWriter', () => {
  it('writes the header and every row, in order, across many chunks', async () => {
    const { stream, text } = sink(256);
    const writer = new CsvWriter(stream, 100);
    for (let id = 0; id < 1000; id++) {
      writer.push(record({ id, root: id }));
      if (writer.backpressured) await writer.drain();
    }
    await writer.end();
    const lines = text().split('\n');
    expect(lines[0]).toBe('id,event,root,node,publishedAt,readAt,doneAt,outcome,attempts,priority,key,partition,handler');
    expect(lines.length).toBe(1002); // header, 1000 rows, the empty string after the last newline
    expect(lines[1000]).toBe('999,user.registered,999,q1,1.5,2.25,4,completed,1,0,,,h');
    expect(writer.rows).toBe(1000);
  });
  it('signals backpressure when the stream is full and clears it after drain', async () => {
    const { stream } = sink(16);
    const writer = new CsvWriter(stream, 1);
    writer.push(record());
    expect(writer.backpressured).toBe(true);
    await writer.drain();
    expect(writer.backpressured).toBe(false);
    await writer.end();
  });
  it('rejects when the stream fails', async () => {
    const stream = new Writable({ write(_chunk, _encoding, callback) { callback(new Error('disk full')); } });
    const writer = new CsvWriter(stream, 1);
    writer.push(record());
    await expect(writer.end()).rejects.toThrow(/disk full/);
  });
});
