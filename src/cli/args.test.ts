// Unit tests of the command-line argument parser.
import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';

describe('parseArgs', () => {
  it('takes a file and no flags', () => {
    expect(parseArgs(['a.eventflow.json'])).toEqual({ kind: 'run', options: { file: 'a.eventflow.json', json: false } });
  });
  it('takes every flag, in either spelling', () => {
    expect(parseArgs(['--seed', '7', 'f.json', '--stop-at=1500.5', '--json', '--messages', 'out.csv'])).toEqual({
      kind: 'run',
      options: { file: 'f.json', seed: 7, stopAtMs: 1500.5, json: true, messagesPath: 'out.csv' },
    });
    expect(parseArgs(['f.json', '--seed=0'])).toMatchObject({ options: { seed: 0 } });
    expect(parseArgs(['f.json', '--seed', '4294967295'])).toMatchObject({ options: { seed: 4294967295 } });
  });
  it('answers --help and -h', () => {
    expect(parseArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseArgs(['f.json', '-h'])).toEqual({ kind: 'help' });
  });
  it('refuses bad seeds', () => {
    for (const bad of ['-1', '1.5', 'x', '4294967296', '']) {
      const result = parseArgs(['f.json', `--seed=${bad}`]);
      expect(result.kind, bad).toBe('error');
      if (result.kind === 'error') expect(result.message).toMatch(/--seed/);
    }
  });
  it('refuses bad stop times', () => {
    for (const bad of ['0', '-5', 'soon', '', 'Infinity']) {
      const result = parseArgs(['f.json', `--stop-at=${bad}`]);
      expect(result.kind, bad).toBe('error');
    }
  });
  it('refuses a missing file, two files, unknown flags and missing values', () => {
    expect(parseArgs([])).toEqual({ kind: 'error', message: 'no scenario file given' });
    expect(parseArgs(['a', 'b'])).toMatchObject({ kind: 'error', message: expect.stringMatching(/one scenario file/) });
    expect(parseArgs(['a', '--fast'])).toEqual({ kind: 'error', message: 'unknown option --fast' });
    expect(parseArgs(['a', '--seed'])).toEqual({ kind: 'error', message: '--seed needs a value' });
    expect(parseArgs(['a', '--json=yes'])).toEqual({ kind: 'error', message: '--json takes no value' });
    expect(parseArgs(['a', '--messages='])).toMatchObject({ kind: 'error' });
  });
  it('collects repeated --slo goals in the order given', () => {
    expect(parseArgs(['f.json', '--slo', '/totals/completed>=10', '--slo=/latency/publishToDone/p99<=200'])).toMatchObject({
      options: { slo: [{ metric: '/totals/completed', min: 10 }, { metric: '/latency/publishToDone/p99', max: 200 }] },
    });
    expect(parseArgs(['f.json', '--slo'])).toEqual({ kind: 'error', message: '--slo needs a value' });
    expect(parseArgs(['f.json', '--slo', 'p<5'])).toMatchObject({ kind: 'error', message: expect.stringMatching(/^--slo must be/) });
  });
  it('treats everything after -- as a file name', () => {
    expect(parseArgs(['--', '--odd-name.json'])).toEqual({ kind: 'run', options: { file: '--odd-name.json', json: false } });
  });
});
