// Node entry of `npm run asyncapi -- import …` / `… export …`; the work is in asyncapi.ts.
import { performance } from 'node:perf_hooks';
import { runAsyncApiCli } from './asyncapi';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runAsyncApiCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, now: () => performance.now() });
