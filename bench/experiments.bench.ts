// Experiments benchmark (not part of npm test): the CLI's replications with worker threads, --jobs 2 vs --jobs 1,
// alternating, ROUNDS times; prints each run's perf.wallMs with the load average, the medians and the speed-up.
//   npx tsx bench/experiments.bench.ts [FILE] [N] [ROUNDS] [STOP_AT_MS]   (default: example 11, 20 replications, 3 rounds)
// `npm run bench` has the standard row (8 replications of a heavy M/M/1); this one takes any file.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { experimentsSummary, timeExperiments } from './experimentsRow';

const file = resolve(process.argv[2] ?? 'public/examples/11-how-many-consumers.eventflow.json');
const replications = Number(process.argv[3] ?? '20');
const rounds = Number(process.argv[4] ?? '3');
const extraArgs = process.argv[5] === undefined ? [] : ['--stop-at', process.argv[5]];
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const row = timeExperiments({ repoRoot, file, replications, rounds, extraArgs, log: (line) => console.log(line) });
console.log(experimentsSummary(`${file}, ${replications} replications${extraArgs.length ? `, stop at ${extraArgs[1]} ms` : ''}, ${row.timings[0].events.toLocaleString('en')} events`, row));
