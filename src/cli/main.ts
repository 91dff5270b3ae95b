// Node entry of `npm run sim -- FILE [--seed N] [--stop-at MS] [--json] [--messages OUT.csv]`.
// Thin on purpose: the work is in run.ts (args.ts, summary.ts, csv.ts); this only wires up the process.
import { performance } from 'node:perf_hooks';
import { runCli } from './run';

// `npm run sim -- f.json --json | head`: a reader that stops early is not an error
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => performance.now(),
});
