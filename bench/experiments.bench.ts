// Experiments benchmark (not part of npm test): the CLI's replications with worker threads vs one thread.
// Runs `npm run sim -- FILE --replications N --jobs J --json` alternately for J = 1 and J = 2, ROUNDS times,
// and prints each run's perf.wallMs, the medians and the speed-up. Usage:
//   npx tsx bench/experiments.bench.ts [FILE] [N] [ROUNDS] [STOP_AT_MS]   (default: example 11, 20 replications, 3 rounds)
import { execFileSync } from 'node:child_process';

const file = process.argv[2] ?? 'public/examples/11-how-many-consumers.eventflow.json';
const replications = process.argv[3] ?? '20';
const rounds = Number(process.argv[4] ?? '3');
const stopAt = process.argv[5] === undefined ? [] : ['--stop-at', process.argv[5]];

function wallMs(jobs: number): number {
  const out = execFileSync('npx', ['tsx', 'src/cli/main.ts', file, '--replications', replications, '--jobs', String(jobs), ...stopAt, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 28 });
  return (JSON.parse(out) as { perf: { wallMs: number } }).perf.wallMs;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const times: Record<1 | 2, number[]> = { 1: [], 2: [] };
for (let round = 0; round < rounds; round++) {
  for (const jobs of [1, 2] as const) {
    const ms = wallMs(jobs);
    times[jobs].push(ms);
    console.log(`round ${round + 1} jobs ${jobs}: ${ms.toFixed(0)} ms`);
  }
}
const one = median(times[1]);
const two = median(times[2]);
console.log(`${file}, ${replications} replications${stopAt.length ? `, stop at ${stopAt[1]} ms` : ''}: median jobs 1 ${one.toFixed(0)} ms, jobs 2 ${two.toFixed(0)} ms, speed-up ${(one / two).toFixed(2)}`);
