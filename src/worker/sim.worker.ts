// The simulation worker: a thin shell that hands each message to the host's switch and posts its
// answers back, transferring the series' typed arrays instead of copying them.
import { createSimHost, defaultHostDeps } from './host';
import type { Request, Response } from './protocol';

const scope = self as unknown as {
  postMessage: (message: Response, transfer: Transferable[]) => void;
  onmessage: ((event: MessageEvent<Request>) => void) | null;
};

function transferables(response: Response): Transferable[] {
  if (!('update' in response)) return [];
  const { transit, series } = response.update;
  const packed = [transit.edge.buffer, transit.progress.buffer, transit.event.buffer] as ArrayBuffer[];
  if (!series) return packed;
  const arrays = [series.timeMs, series.completedPerSecond, series.lossesPerSecond, series.latencyP50Ms, series.latencyP95Ms, series.latencyP99Ms,
    series.histogram.lowerMs, series.histogram.upperMs, series.histogram.count, ...series.depth];
  return [...packed, ...arrays.map((array) => array.buffer as ArrayBuffer)];
}

const host = createSimHost((response) => scope.postMessage(response, transferables(response)), defaultHostDeps(50));
scope.onmessage = (event) => host.handle(event.data);
