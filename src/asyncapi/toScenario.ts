// The import mapping of asyncapi.md: channels -> topics, receiving documents -> handlers with their
// reaction sends as emissions, spontaneous sends -> publishers, x-eventflow-* fields or visible
// defaults. Validates the result with the app's own parser and names the extension field of any problem.
import { parseScenario } from '../model/parse';
import type { HandlerNode, PublisherNode, QueueNode, Scenario, ScenarioEdge, ScenarioNode, TopicNode } from '../model/types';
import { defaultChoices, sendKey, type SendChoice, type SendMode } from './choices';
import { DEFAULT_ARRIVAL, DEFAULT_SERVICE, DEFAULT_STOP_AT_MS, EXT } from './defaults';
import { problem, warning } from './findings';
import { cut, cutName, IdMaker } from './ids';
import { isObject } from './refs';
import { restoreScenario } from './restore';
import type { ArchOperation, Architecture, Finding, Json, JsonObject } from './types';

export interface Mapped {
  /** undefined when a problem stops the import */
  scenario?: Scenario;
  findings: Finding[];
  choices: SendChoice[];
  /** how many of each kind were built, for the dialog */
  counts: { publishers: number; topics: number; queues: number; handlers: number; edges: number };
}

/** Where a node field came from: `field` -> document and JSON path of the x-eventflow-* value. */
type Sources = Map<string, { document: string; fields: Record<string, string> }>;

function copyJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function scenarioName(arch: Architecture): string {
  const titles = arch.documents.filter((doc) => arch.operations.some((op) => arch.documents[op.document] === doc)).map((doc) => doc.title);
  if (titles.length === 1) return cutName(titles[0]);
  return cutName(titles.length === 0 ? 'AsyncAPI import' : titles.join(' + '));
}

class Mapper {
  readonly nodes: ScenarioNode[] = [];
  readonly edges: ScenarioEdge[] = [];
  readonly findings: Finding[] = [];
  readonly sources: Sources = new Map();
  private readonly ids = new IdMaker();
  private readonly edgeKeys = new Set<string>();
  /** channel index -> topic id */
  private readonly topics = new Map<number, string>();

  constructor(private readonly arch: Architecture, private readonly modes: ReadonlyMap<string, SendMode>) {}

  private edge(source: string, target: string, probability?: number): void {
    const key = `${source}\u0000${target}`;
    if (this.edgeKeys.has(key)) return;
    this.edgeKeys.add(key);
    this.edges.push({ id: `e${this.edges.length + 1}`, source, target, ...(probability === undefined ? {} : { probability }) });
  }

  private topic(channelIndex: number): string {
    const known = this.topics.get(channelIndex);
    if (known !== undefined) return known;
    const channel = this.arch.channels[channelIndex];
    const id = this.ids.make(channel.key);
    const asyncapi: JsonObject = { address: channel.address, channel: channel.key, documents: channel.documents, messages: channel.messages };
    if (channel.bindings !== undefined) asyncapi.bindings = channel.bindings;
    const node: TopicNode = { id, type: 'topic', label: cut(channel.messages[0] ?? channel.key), 'x-asyncapi': asyncapi };
    this.nodes.push(node);
    this.topics.set(channelIndex, id);
    return id;
  }

  /** Reads an x-eventflow-* field from the operation, else from the document's info; records where. */
  private setting(doc: number, op: ArchOperation | undefined, name: string): { value: Json; path: string } | undefined {
    if (op && op.extensions[name] !== undefined) return { value: op.extensions[name], path: `${op.path}.${name}` };
    const info = this.arch.documents[doc].info;
    if (info[name] !== undefined) return { value: info[name], path: `info.${name}` };
    return undefined;
  }

  private handler(doc: number, op: ArchOperation | undefined): string {
    const document = this.arch.documents[doc];
    const id = this.ids.make(op ? op.key : document.title);
    const label = cut(op ? `${document.title}: ${op.key}` : document.title);
    const fields: Record<string, string> = {};
    const node = { id, type: 'handler', label } as HandlerNode & Record<string, unknown>;
    const where = op ? op.path : 'info';
    const service = this.setting(doc, op, EXT.service);
    if (service) {
      node.service = copyJson(service.value) as HandlerNode['service'];
      fields.service = service.path;
    } else {
      node.service = { ...DEFAULT_SERVICE };
      this.findings.push(warning(document.path, where, `default service time used for handler "${label}": exponential, mean 10 ms (set ${EXT.service})`, 'default'));
    }
    const concurrency = this.setting(doc, op, EXT.concurrency);
    if (concurrency) {
      node.concurrency = concurrency.value as number;
      fields.concurrency = concurrency.path;
    } else this.findings.push(warning(document.path, where, `default concurrency used for handler "${label}": 1 (set ${EXT.concurrency})`, 'default'));
    const retries = this.setting(doc, op, EXT.retries);
    if (retries) {
      node.retry = copyJson(retries.value) as HandlerNode['retry'];
      fields.retry = retries.path;
    } else this.findings.push(warning(document.path, where, `default retries used for handler "${label}": one attempt, no retry (set ${EXT.retries})`, 'default'));
    node['x-asyncapi'] = { document: document.path, ...(op ? { operation: op.key } : {}), ...(document.servers !== undefined ? { servers: document.servers } : {}) };
    this.nodes.push(node);
    this.sources.set(id, { document: document.path, fields });
    return id;
  }

  private publisher(op: ArchOperation): string {
    const document = this.arch.documents[op.document];
    const label = cut(`${document.title}: ${op.key}`);
    const id = this.ids.make(op.key);
    const node = { id, type: 'publisher', label } as PublisherNode & Record<string, unknown>;
    const fields: Record<string, string> = {};
    const arrival = op.extensions[EXT.arrival];
    if (arrival !== undefined) {
      node.arrival = copyJson(arrival) as PublisherNode['arrival'];
      fields.arrival = `${op.path}.${EXT.arrival}`;
    } else {
      node.arrival = { ...DEFAULT_ARRIVAL };
      this.findings.push(warning(document.path, op.path, `default arrival used for publisher "${label}": Poisson, 10 per second (set ${EXT.arrival})`, 'default'));
    }
    node['x-asyncapi'] = { document: document.path, operation: op.key, ...(document.servers !== undefined ? { servers: document.servers } : {}) };
    this.nodes.push(node);
    this.sources.set(id, { document: document.path, fields });
    return id;
  }

  /** topic -> handler, or topic -> queue -> handler when the channel has x-eventflow-queue. */
  private subscribe(channelIndex: number, handlerId: string): void {
    const topicId = this.topic(channelIndex);
    const channel = this.arch.channels[channelIndex];
    if (channel.queue === undefined) return this.edge(topicId, handlerId);
    const queueId = this.ids.make(`${topicId}.${handlerId}`);
    const settings = isObject(channel.queue.value) ? channel.queue.value : {};
    const queue = { ...copyJson(settings), id: queueId, type: 'queue', label: cut(`${channel.messages[0] ?? channel.key} → ${handlerId}`) } as QueueNode;
    this.nodes.push(queue);
    this.sources.set(queueId, { document: channel.queue.document, fields: Object.fromEntries(Object.keys(settings).map((key) => [key, `${channel.queue?.path}.${key}`])) });
    this.edge(topicId, queueId);
    this.edge(queueId, handlerId);
  }

  run(): void {
    const { arch } = this;
    const used = new Set(arch.operations.map((op) => op.channel));
    arch.channels.forEach((channel, index) => {
      if (!used.has(index)) this.findings.push(warning(channel.documents[0] ?? '', `channels.${channel.key}`, 'no send or receive operation uses this channel; it is left out', 'other'));
    });
    arch.documents.forEach((document, doc) => {
      // this document's channels first, so topic ids follow document and key order
      arch.channels.forEach((channel, index) => {
        if (used.has(index) && channel.documents[0] === document.path) this.topic(index);
      });
      const ops = arch.operations.filter((op) => op.document === doc);
      const receives = ops.filter((op) => op.action === 'receive');
      const own = (op: ArchOperation) => op.extensions[EXT.service] !== undefined || op.extensions[EXT.concurrency] !== undefined;
      const handlers: string[] = [];
      const shared = receives.filter((op) => !own(op));
      if (shared.length > 0) {
        const id = this.handler(doc, undefined);
        handlers.push(id);
        for (const op of shared) this.subscribe(op.channel, id);
      }
      for (const op of receives.filter(own)) {
        const id = this.handler(doc, op);
        handlers.push(id);
        this.subscribe(op.channel, id);
      }
      for (const op of ops.filter((o) => o.action === 'send')) {
        if (this.modes.get(sendKey(op)) === 'spontaneous' || handlers.length === 0) {
          this.edge(this.publisher(op), this.topic(op.channel));
          continue;
        }
        const emit = op.extensions[EXT.emit];
        const probability = typeof emit === 'number' ? emit : undefined;
        if (emit !== undefined && probability === undefined) this.findings.push(problem(document.path, `${op.path}.${EXT.emit}`, 'must be a probability (a number above 0, at most 1)'));
        for (const handlerId of handlers) this.edge(handlerId, this.topic(op.channel), probability);
      }
    });
  }
}

/** Handlers that no publisher reaches (they stay idle): a warning each. */
function idleWarnings(scenario: Scenario, sources: Sources): Finding[] {
  const out = new Map<string, string[]>();
  for (const edge of scenario.edges) out.set(edge.source, [...(out.get(edge.source) ?? []), edge.target]);
  const reached = new Set<string>();
  const queue = scenario.nodes.filter((node) => node.type === 'publisher').map((node) => node.id);
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const next of out.get(id) ?? []) {
      if (reached.has(next)) continue;
      reached.add(next);
      queue.push(next);
    }
  }
  return scenario.nodes
    .filter((node) => node.type === 'handler' && !reached.has(node.id))
    .map((node) => warning(sources.get(node.id)?.document ?? '', 'operations', `no publisher reaches handler "${node.label ?? node.id}"; it stays idle`, 'idle'));
}

/** Maps an app-side problem (`nodes[3].arrival.ratePerSecond`) back to the x-eventflow field it came from. */
function locate(scenario: Scenario, sources: Sources, path: string, message: string): Finding {
  const match = /^nodes\[(\d+)\]\.([A-Za-z]+)(.*)$/.exec(path);
  const node = match ? scenario.nodes[Number(match[1])] : undefined;
  const source = node ? sources.get(node.id) : undefined;
  const field = match && source ? source.fields[match[2]] : undefined;
  if (match && source && field) return problem(source.document, `${field}${match[3]}`, message);
  return problem('', path, message);
}

/** Builds the scenario; `modes` overrides the default spontaneous/reaction choice per send operation. */
export function toScenario(arch: Architecture, modes?: ReadonlyMap<string, SendMode>): Mapped {
  const empty = { publishers: 0, topics: 0, queues: 0, handlers: 0, edges: 0 };
  const defaults = defaultChoices(arch);
  const findings: Finding[] = [...arch.findings];
  if (findings.some((f) => f.severity === 'problem')) return { findings, choices: defaults.choices, counts: empty };
  if (arch.documents.some((doc) => doc.scenario !== undefined)) {
    const restored = restoreScenario(arch);
    return { ...restored, findings: [...findings, ...restored.findings], choices: [], counts: countNodes(restored.scenario) };
  }
  if (arch.operations.length === 0) {
    return { findings: [...findings, problem('', '$', 'no send or receive operation in any given document: nothing to simulate')], choices: defaults.choices, counts: empty };
  }
  const chosen = new Map(defaults.choices.map((choice) => [choice.key, choice.mode]));
  if (modes) for (const choice of defaults.choices) if (choice.changeable && modes.has(choice.key)) chosen.set(choice.key, modes.get(choice.key) as SendMode);
  const choices = defaults.choices.map((choice) => ({ ...choice, mode: chosen.get(choice.key) as SendMode }));
  if (!modes) findings.push(...defaults.findings);
  const mapper = new Mapper(arch, chosen);
  mapper.run();
  const draft: Scenario = { format: 'eventflow-scenario', version: 1, name: scenarioName(arch), stopAt: DEFAULT_STOP_AT_MS, nodes: mapper.nodes, edges: mapper.edges };
  findings.push(...mapper.findings, warning('', 'stopAt', `default stopAt used: ${DEFAULT_STOP_AT_MS.toLocaleString('en-US')} ms, so that cycles between services end`, 'default'));
  if (mapper.findings.some((f) => f.severity === 'problem')) return { findings, choices, counts: empty };
  const parsed = parseScenario(draft);
  if (!parsed.ok) return { findings: [...findings, ...parsed.problems.map((p) => locate(draft, mapper.sources, p.path, p.message))], choices, counts: empty };
  findings.push(...idleWarnings(parsed.scenario, mapper.sources));
  return { scenario: parsed.scenario, findings, choices, counts: countNodes(parsed.scenario) };
}

/** `2 publishers, 3 topics, 1 queue, …` (English, for the command line and the dialog). */
export function countsText(counts: Mapped['counts']): string {
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return [n(counts.publishers, 'publisher'), n(counts.topics, 'topic'), n(counts.queues, 'queue'), n(counts.handlers, 'handler'), n(counts.edges, 'edge')].join(', ');
}

export function countNodes(scenario: Scenario | undefined): Mapped['counts'] {
  const count = (type: ScenarioNode['type']) => scenario?.nodes.filter((node) => node.type === type).length ?? 0;
  return { publishers: count('publisher'), topics: count('topic'), queues: count('queue'), handlers: count('handler'), edges: scenario?.edges.length ?? 0 };
}
