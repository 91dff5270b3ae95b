// Import of multi-service AsyncAPI 3 documents with shared files (fixtures/): the article's user
// registration (用户注册 / 用户登录 on a GreenPool(2) handler) and an order cycle with no source.
import { describe, expect, it } from 'vitest';
import { readAsyncApiFiles } from './importer';
import { fixtureFiles, loadNodeParser } from './testSupport';
import { toScenario } from './toScenario';
import type { HandlerNode, PublisherNode, Scenario } from '../model/types';
import { compile } from '../model/compile';
import { simulate } from '../engine/index';

async function importFolder(folder: string) {
  const read = await readAsyncApiFiles(fixtureFiles(folder), loadNodeParser);
  expect(read.findings.filter((f) => f.severity === 'problem')).toEqual([]);
  const mapped = toScenario(read.architecture!);
  expect(mapped.findings.filter((f) => f.severity === 'problem')).toEqual([]);
  return { mapped, scenario: mapped.scenario as Scenario };
}

const node = (scenario: Scenario, id: string) => scenario.nodes.find((n) => n.id === id);
const edges = (scenario: Scenario) => scenario.edges.map((e) => `${e.source}->${e.target}${e.probability === undefined ? '' : ` p=${e.probability}`}`);

describe('AsyncAPI import: user registration (the article)', () => {
  it('maps channels to topics named by their messages, the handler document to a GreenPool(2) handler, sends to publishers', async () => {
    const { scenario, mapped } = await importFolder('user-registration');
    expect(scenario.stopAt).toBe(60_000);
    const topics = scenario.nodes.filter((n) => n.type === 'topic').map((n) => n.label);
    expect(topics).toEqual(['用户注册', '用户登录', 'welcome.email']);
    const handler = node(scenario, 'event_handler') as HandlerNode;
    expect(handler).toMatchObject({ type: 'handler', concurrency: 2, service: { kind: 'constant', value: 5 } });
    const publisher = node(scenario, 'publishRegistered') as PublisherNode;
    expect(publisher).toMatchObject({ type: 'publisher', label: 'Web front end: publishRegistered', arrival: { kind: 'schedule', times: [0, 20] } });
    const mailer = node(scenario, 'Mailer') as HandlerNode;
    expect(mailer.retry).toEqual({ maxAttempts: 3, backoff: { kind: 'constant', value: 100 } });
    // x-eventflow-queue on the mailer's channel puts a queue between the topic and the mailer
    expect(scenario.nodes.find((n) => n.type === 'queue')).toMatchObject({ capacity: 100, overflow: 'reject' });
    expect(edges(scenario)).toEqual(expect.arrayContaining([
      'userRegistered->event_handler', 'userLoggedIn->event_handler', 'event_handler->welcome p=0.5', 'publishRegistered->userRegistered', 'publishLoggedIn->userLoggedIn',
    ]));
    expect(mapped.choices.map((c) => `${c.operation}:${c.mode}:${c.why}`)).toEqual(['sendWelcome:reaction:default', 'publishRegistered:spontaneous:sends-only', 'publishLoggedIn:spontaneous:sends-only']);
    // every default used is listed, with its document and path
    expect(mapped.findings.map((f) => f.text)).toContain('services/mailer.yaml: info: default concurrency used for handler "Mailer": 1 (set x-eventflow-concurrency)');
    const report = simulate(compile(scenario));
    expect(report.totals.published).toBe(3);
  }, 120_000);
});

describe('AsyncAPI import: an order cycle with no source', () => {
  it('makes the sends of the cycle document with the fewest receives spontaneous, and says so', async () => {
    const { scenario, mapped } = await importFolder('orders');
    const placeOrder = mapped.choices.find((c) => c.operation === 'placeOrder');
    expect(placeOrder).toMatchObject({ mode: 'spontaneous', why: 'cycle', changeable: true });
    expect(mapped.choices.find((c) => c.operation === 'completePayment')?.mode).toBe('reaction');
    expect(mapped.findings.some((f) => f.kind === 'cycle' && f.text.startsWith('services/orders.yaml: operations.placeOrder: made spontaneous'))).toBe(true);
    // a receive operation with its own concurrency is a handler of its own
    expect(node(scenario, 'onOrderPlacedAudit')).toMatchObject({ type: 'handler', label: 'Payments: onOrderPlacedAudit', concurrency: 4 });
    // partitions and overflow from x-eventflow-queue
    expect(scenario.nodes.find((n) => n.type === 'queue')).toMatchObject({ overflow: 'drop-oldest', partitions: 2, capacity: 50 });
    // an http $ref inside a payload is only a warning; an unused channel is left out with a warning
    expect(mapped.findings.some((f) => f.severity === 'warning' && f.kind === 'ref' && /is not fetched/.test(f.message))).toBe(true);
    expect(mapped.findings.some((f) => f.path === 'channels.unused')).toBe(true);
    // kept protocol information
    expect((node(scenario, 'Orders') as HandlerNode)['x-asyncapi']).toMatchObject({ servers: { broker: { protocol: 'kafka' } } });
    // nothing idles: every handler is reached once the cycle has a source
    expect(mapped.findings.filter((f) => f.kind === 'idle')).toEqual([]);
    const report = simulate(compile(scenario));
    expect(report.totals.published).toBeGreaterThan(0);
  }, 120_000);

  it('the dialog choice overrides the default: all reactions make a loop that the app refuses, with the reason', async () => {
    const read = await readAsyncApiFiles(fixtureFiles('orders'), loadNodeParser);
    const first = toScenario(read.architecture!);
    const modes = new Map(first.choices.map((c) => [c.key, 'reaction' as const]));
    const again = toScenario(read.architecture!, modes);
    expect(again.scenario).toBeUndefined();
    expect(again.findings.some((f) => f.severity === 'problem' && /multiply without end going round the loop/.test(f.message))).toBe(true);
    // making only completePayment spontaneous too is accepted
    const both = new Map(first.choices.map((c) => [c.key, c.operation === 'shipOrder' ? 'reaction' as const : 'spontaneous' as const]));
    const third = toScenario(read.architecture!, both);
    expect(third.scenario?.nodes.filter((n) => n.type === 'publisher').map((n) => n.id)).toEqual(['placeOrder', 'completePayment']);
  }, 120_000);
});
