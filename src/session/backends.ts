// The two SimBackends: the Web Worker (normal case) and the main-thread fallback that runs the same
// host in short slices with setTimeout when Worker is unavailable. Both answer asynchronously.
import { createSimHost, defaultHostDeps } from '../worker/host';
import type { Request, Response, SimBackend } from '../worker/protocol';

class WorkerBackend implements SimBackend {
  readonly kind = 'worker';
  private readonly worker: Worker;
  private responseListener: (response: Response) => void = () => {};
  private crashListener: (message: string) => void = () => {};

  constructor() {
    this.worker = new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<Response>) => this.responseListener(event.data);
    this.worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this.crashListener(event.message || 'the simulation worker crashed');
    };
    this.worker.onmessageerror = () => this.crashListener('a message from the simulation worker could not be read');
  }
  post(request: Request): void {
    this.worker.postMessage(request);
  }
  onResponse(listener: (response: Response) => void): void {
    this.responseListener = listener;
  }
  onCrash(listener: (message: string) => void): void {
    this.crashListener = listener;
  }
  terminate(): void {
    this.worker.terminate();
  }
}

class MainThreadBackend implements SimBackend {
  readonly kind = 'main-thread';
  private responseListener: (response: Response) => void = () => {};
  private terminated = false;
  private readonly host = createSimHost((response) => {
    setTimeout(() => {
      if (!this.terminated) this.responseListener(response);
    }, 0);
  }, defaultHostDeps(8));

  post(request: Request): void {
    setTimeout(() => {
      if (!this.terminated) this.host.handle(request);
    }, 0);
  }
  onResponse(listener: (response: Response) => void): void {
    this.responseListener = listener;
  }
  onCrash(): void {}
  terminate(): void {
    this.terminated = true;
    this.host.handle({ type: 'cancel', requestId: -1 });
  }
}

/** A worker when the browser has them (and `preferMainThread` is not set), else the main-thread fallback. */
export function createBackend(preferMainThread = false): SimBackend {
  if (!preferMainThread && typeof Worker !== 'undefined') {
    try {
      return new WorkerBackend();
    } catch {
      // fall through: a CSP or an old browser refused the worker
    }
  }
  return new MainThreadBackend();
}
