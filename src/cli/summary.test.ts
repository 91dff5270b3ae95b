// Unit tests of the human summary: number formats, the latency table, the busiest handler.
import { describe, expect, it } from 'vitest';
import type { Report, Stats } from '../engine/types';
import { busiestHandler, formatCount, formatLatencyTable, formatMs, formatSummary, terminalSafe } from './summary';

const stats = (count: number, base: number): Stats => ({ count, mean: base, min: 0, p50: base * 0.7, p90: base * 2, p95: base * 3, p99: base * 4.6, max: base * 9 });
const empty: Stats = { count: 0, mean: null, min: null, p50: null, p90: null, p95: null, p99: null, max: null };

function report(): Report {
  return {
    format: 'eventflow-report', version: 1, scenario: 'User sign-up', seed: 42, endTime: 60000,
    totals: { published: 1234567, emitted: 10, sent: 1234577, completed: 1234500, retried: 3, dropped: 7, expired: 0, deadLettered: 0, failed: 0, inFlight: 70 },
    latency: { publishToRead: stats(1234500, 9), publishToDone: stats(1234500, 10), endToEnd: empty, endToEndBySink: {} },
    nodes: {
      p: { type: 'publisher', published: 1234567, blockedMs: 0 },
      slow: { type: 'handler', attempts: 5, completed: 5, failed: 0, retried: 0, utilization: 0.2, service: empty, publishToRead: empty },
      mailer: { type: 'handler', attempts: 100, completed: 98, failed: 2, retried: 1, utilization: 0.8734, service: empty, publishToRead: empty },
      twin: { type: 'handler', attempts: 100, completed: 1, failed: 0, retried: 0, utilization: 0.8734, service: empty, publishToRead: empty },
    },
    sets: { E: ['user.registered'], H: ['mailer'], S: [['user.registered', 'mailer']] },
    perf: { wallMs: 512.4, events: 5000000, eventsPerSecond: 9758000 },
  };
}

describe('summary', () => {
  it('formats counts and times', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatMs(null)).toBe('-');
    expect(formatMs(1.23456)).toBe('1.235');
    expect(formatMs(0)).toBe('0.000');
    expect(formatMs(60000)).toBe('60,000.0');
  });
  it('aligns the latency table with mean, p50, p95, p99 and max', () => {
    const lines = formatLatencyTable(report().latency);
    expect(lines).toHaveLength(4);
    expect(lines[0].split(/\s+/)).toEqual(['latency', '(ms)', 'count', 'mean', 'p50', 'p95', 'p99', 'max']);
    expect(lines[2].split(/\s+/)).toEqual(['publishToDone', '1,234,500', '10.000', '7.000', '30.000', '46.000', '90.000']);
    expect(lines[3].split(/\s+/)).toEqual(['endToEnd', '0', '-', '-', '-', '-', '-']);
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
  });
  it('names the busiest handler by its label, with the id beside it', () => {
    const labelled = report();
    labelled.nodes.mailer = { ...labelled.nodes.mailer, label: 'Mail sender' } as Report['nodes'][string];
    expect(busiestHandler(labelled)).toEqual({ id: 'mailer', label: 'Mail sender', utilization: 0.8734, completed: 98 });
    expect(formatSummary(labelled)).toContain('busiest handler: Mail sender (mailer), utilisation 87.3% (98 completed)');
  });
  it('names the busiest handler (first of equals), or none', () => {
    expect(busiestHandler(report())).toEqual({ id: 'mailer', utilization: 0.8734, completed: 98 });
    const noHandlers = { ...report(), nodes: { p: { type: 'publisher' as const, published: 0, blockedMs: 0 } } };
    expect(busiestHandler(noHandlers)).toBeUndefined();
    expect(formatSummary(noHandlers)).toContain('busiest handler: none');
  });
  it('puts name, seed, end time, totals, table and busiest handler in the summary', () => {
    const text = formatSummary(report());
    expect(text).toContain('scenario: User sign-up');
    expect(text).toContain('seed 42, end time 60,000.0 ms');
    expect(text).toContain('published 1,234,567');
    expect(text).toContain('in flight 70');
    expect(text).toContain('dropped 7');
    expect(text).toContain('publishToRead');
    expect(text).toContain('busiest handler: mailer, utilisation 87.3% (98 completed)');
    expect(text.endsWith('\n')).toBe(true);
  });
  it('never passes control characters from the file to the terminal', () => {
    expect(terminalSafe('plain 用户注册')).toBe('plain 用户注册');
    expect(terminalSafe('t\u001b]0;pwned\u0007\u001b[2J\u009b31m')).toBe('t\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m');
    expect(terminalSafe('a\u202eb\nc')).toBe('a\\u202eb\\u000ac');
    const text = formatSummary({ ...report(), scenario: 'x\u001b[31m' });
    expect(text).toContain('scenario: x\\u001b[31m');
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});
