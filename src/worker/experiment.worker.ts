// The experiment Web Worker: a thin shell around the experiment core's pair handler (the same one the
// command line's worker threads use), so the browser and Node compute the very same replications.
import { createPairHandler, type PairRequest, type PairResponse } from '../experiment/pool';
import { runPair } from '../experiment/pair';

const scope = self as unknown as {
  postMessage: (message: PairResponse) => void;
  onmessage: ((event: MessageEvent<PairRequest>) => void) | null;
};
const handle = createPairHandler(runPair);
scope.onmessage = (event) => {
  const response = handle(event.data);
  if (response !== undefined) scope.postMessage(response);
};
