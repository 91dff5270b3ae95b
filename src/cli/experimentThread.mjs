// Worker-thread bootstrap: Node cannot start a worker thread from a .ts file, so this plain module registers
// tsx's loader in the thread and then imports the TypeScript worker (experimentWorker.ts).
import { register } from 'tsx/esm/api';

register();
await import('./experimentWorker.ts');
