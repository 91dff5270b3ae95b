// Which send operations are spontaneous (publishers) and which are reactions (a handler's emissions):
// x-eventflow-arrival and sending-only documents make publishers; then the cycle rule of asyncapi.md
// gives every source-less cycle of services a source. Pure graph work over the Architecture.
import { warning } from './findings';
import { EXT } from './defaults';
import type { ArchOperation, Architecture, Finding } from './types';

export type SendMode = 'spontaneous' | 'reaction';

/** One send operation as the import dialog shows it. */
export interface SendChoice {
  /** `documentIndex:operationKey` */
  key: string;
  document: string;
  title: string;
  operation: string;
  /** the channel's event name */
  channel: string;
  mode: SendMode;
  /** false for a document with no receive operation: its sends can only be spontaneous */
  changeable: boolean;
  why: 'arrival' | 'sends-only' | 'cycle' | 'default';
}

export const sendKey = (op: ArchOperation): string => `${op.document}:${op.key}`;

const receivingDocuments = (arch: Architecture): Set<number> => new Set(arch.operations.filter((op) => op.action === 'receive').map((op) => op.document));

/** Documents (receiving ones) that a publisher's message can reach under `modes`. */
export function reachedDocuments(arch: Architecture, modes: ReadonlyMap<string, SendMode>): Set<number> {
  const receivers = new Map<number, number[]>(); // channel -> receiving documents
  for (const op of arch.operations) if (op.action === 'receive') receivers.set(op.channel, [...(receivers.get(op.channel) ?? []), op.document]);
  const reached = new Set<number>();
  const queue: number[] = [];
  const visitChannel = (channel: number) => {
    for (const doc of receivers.get(channel) ?? []) {
      if (reached.has(doc)) continue;
      reached.add(doc);
      queue.push(doc);
    }
  };
  for (const op of arch.operations) if (op.action === 'send' && modes.get(sendKey(op)) === 'spontaneous') visitChannel(op.channel);
  while (queue.length > 0) {
    const doc = queue.shift() as number;
    for (const op of arch.operations) if (op.document === doc && op.action === 'send' && modes.get(sendKey(op)) === 'reaction') visitChannel(op.channel);
  }
  return reached;
}

/** Strongly connected components (Tarjan) of the documents in `nodes` under `edges`. */
function components(nodes: number[], edges: Map<number, Set<number>>): number[][] {
  let counter = 0;
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const stack: number[] = [];
  const onStack = new Set<number>();
  const out: number[][] = [];
  const visit = (v: number) => {
    index.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const component: number[] = [];
      let w: number;
      do {
        w = stack.pop() as number;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      out.push(component.sort((a, b) => a - b));
    }
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return out;
}

/** The default mode of every send operation, and a warning for each one the cycle rule made spontaneous. */
export function defaultChoices(arch: Architecture): { choices: SendChoice[]; findings: Finding[] } {
  const receiving = receivingDocuments(arch);
  const modes = new Map<string, SendMode>();
  const why = new Map<string, SendChoice['why']>();
  for (const op of arch.operations) {
    if (op.action !== 'send') continue;
    const key = sendKey(op);
    const reason: SendChoice['why'] = !receiving.has(op.document) ? 'sends-only' : op.extensions[EXT.arrival] !== undefined ? 'arrival' : 'default';
    modes.set(key, reason === 'default' ? 'reaction' : 'spontaneous');
    why.set(key, reason);
  }
  const findings: Finding[] = [];
  for (let round = 0; round <= arch.documents.length; round += 1) {
    const reached = reachedDocuments(arch, modes);
    const unreached = [...receiving].filter((doc) => !reached.has(doc)).sort((a, b) => a - b);
    if (unreached.length === 0) break;
    const inside = new Set(unreached);
    const edges = new Map<number, Set<number>>();
    for (const send of arch.operations) {
      if (send.action !== 'send' || !inside.has(send.document) || modes.get(sendKey(send)) !== 'reaction') continue;
      for (const receive of arch.operations) {
        if (receive.action === 'receive' && receive.channel === send.channel && inside.has(receive.document)) {
          edges.set(send.document, (edges.get(send.document) ?? new Set()).add(receive.document));
        }
      }
    }
    const sccs = components(unreached, edges);
    const home = new Map<number, number>();
    sccs.forEach((component, i) => component.forEach((doc) => home.set(doc, i)));
    const fedFromOutside = new Set<number>();
    for (const [from, targets] of edges) for (const to of targets) if (home.get(from) !== home.get(to)) fedFromOutside.add(home.get(to) as number);
    const sourceless = sccs.filter((component, i) => !fedFromOutside.has(i) && (component.length > 1 || edges.get(component[0])?.has(component[0])));
    if (sourceless.length === 0) break;
    for (const component of sourceless) {
      const receivesOf = (doc: number) => arch.operations.filter((op) => op.document === doc && op.action === 'receive').length;
      const chosen = component.reduce((best, doc) => (receivesOf(doc) < receivesOf(best) ? doc : best), component[0]);
      const names = component.map((doc) => arch.documents[doc].title).join(', ');
      for (const op of arch.operations) {
        if (op.document !== chosen || op.action !== 'send' || modes.get(sendKey(op)) !== 'reaction') continue;
        modes.set(sendKey(op), 'spontaneous');
        why.set(sendKey(op), 'cycle');
        findings.push(warning(arch.documents[chosen].path, op.path, `made spontaneous (a publisher with the default arrival): the services ${names} form a cycle that no publisher reaches; change it in the import dialog or give a send operation x-eventflow-arrival`, 'cycle'));
      }
    }
  }
  const choices: SendChoice[] = arch.operations
    .filter((op) => op.action === 'send')
    .map((op) => ({
      key: sendKey(op),
      document: arch.documents[op.document].path,
      title: arch.documents[op.document].title,
      operation: op.key,
      channel: arch.channels[op.channel].messages[0] ?? arch.channels[op.channel].key,
      mode: modes.get(sendKey(op)) as SendMode,
      changeable: receiving.has(op.document),
      why: why.get(sendKey(op)) as SendChoice['why'],
    }));
  return { choices, findings };
}
