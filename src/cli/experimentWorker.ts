// Worker-thread entry of `npm run sim -- … --replications N --jobs J`: a thin switch around the experiment
// core's pair handler (the same one the browser's Web Workers use).
import { parentPort } from 'node:worker_threads';
import { createPairHandler, type PairRequest } from '../experiment/pool';
import { runPair } from '../experiment/pair';

const port = parentPort;
if (port === null) throw new Error('experimentWorker.ts runs as a worker thread');
const handle = createPairHandler(runPair);
port.on('message', (request: PairRequest) => {
  const response = handle(request);
  if (response !== undefined) port.postMessage(response);
});
