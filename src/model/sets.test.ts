// The model's sets E, H, S on the article's examples and on the spec's rules (file order, dead letters).
import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';
import { deriveSets, eventName } from './sets';
import type { Scenario } from './types';

function scenario(nodes: unknown[], edges: [string, string][]): Scenario {
  const result = parseScenario({
    format: 'eventflow-scenario', version: 1, name: 'sets', stopAt: 1000, nodes,
    edges: edges.map(([source, target], i) => ({ id: `e${i + 1}`, source, target })),
  });
  if (!result.ok) throw new Error(result.problems.map((p) => p.text).join('\n'));
  return result.scenario;
}

const service = { kind: 'constant', value: 1 };
const arrival = { kind: 'poisson', ratePerSecond: 1 };

describe('deriveSets', () => {
  it('eventlet GreenPool(2) handling 用户注册 and 用户登录 straight from their publishers', () => {
    const s = scenario([
      { id: 'register', type: 'publisher', label: '用户注册', arrival },
      { id: 'login', type: 'publisher', label: '用户登录', arrival },
      { id: 'pool', type: 'handler', label: 'GreenPool(2)', concurrency: 2, service },
    ], [['register', 'pool'], ['login', 'pool']]);
    expect(deriveSets(s)).toEqual({ E: ['用户注册', '用户登录'], H: ['pool'], S: [['用户注册', 'pool'], ['用户登录', 'pool']] });
  });

  it('Kafka: producer -> test_topic -> consumer', () => {
    const s = scenario([
      { id: 'producer', type: 'publisher', arrival },
      { id: 'test_topic', type: 'topic' },
      { id: 'partitions', type: 'queue', partitions: 3 },
      { id: 'consumer', type: 'handler', service },
    ], [['producer', 'test_topic'], ['test_topic', 'partitions'], ['partitions', 'consumer']]);
    // the producer reaches only a topic, so its own event is not in E
    expect(deriveSets(s)).toEqual({ E: ['test_topic'], H: ['consumer'], S: [['test_topic', 'consumer']] });
  });

  it('the report example: user.registered -> queue -> mailer', () => {
    const s = scenario([
      { id: 'signup', type: 'publisher', arrival },
      { id: 'user.registered', type: 'topic' },
      { id: 'q1', type: 'queue' },
      { id: 'mailer', type: 'handler', service },
    ], [['signup', 'user.registered'], ['user.registered', 'q1'], ['q1', 'mailer']]);
    expect(deriveSets(s)).toEqual({ E: ['user.registered'], H: ['mailer'], S: [['user.registered', 'mailer']] });
  });

  it('names: a topic label else id; a publisher event else label else id; shared names merge', () => {
    const s = scenario([
      { id: 'p1', type: 'publisher', event: 'orders', label: 'ignored', arrival },
      { id: 'p2', type: 'publisher', label: 'orders', arrival },
      { id: 't', type: 'topic', label: 'orders' },
      { id: 'q', type: 'queue' },
      { id: 'a', type: 'handler', service },
      { id: 'b', type: 'handler', service },
    ], [['p1', 'b'], ['p2', 'q'], ['t', 'a'], ['q', 'a']]);
    expect(deriveSets(s)).toEqual({ E: ['orders'], H: ['a', 'b'], S: [['orders', 'a'], ['orders', 'b']] });
  });

  it('follows dead letters, keeps file order, and counts a handler emission that reaches a queue', () => {
    const s = scenario([
      { id: 'h2', type: 'handler', service },
      { id: 't', type: 'topic', label: 'T' },
      { id: 'main', type: 'queue', ttl: 10, deadLetter: 'dlq' },
      { id: 'dlq', type: 'queue' },
      { id: 'h1', type: 'handler', service, event: 'done' },
      { id: 'out', type: 'queue' },
      { id: 'h3', type: 'handler', service },
      { id: 'lonely', type: 'publisher', arrival },
    ], [['t', 'main'], ['main', 'h1'], ['dlq', 'h2'], ['h1', 'out'], ['out', 'h3']]);
    expect(deriveSets(s)).toEqual({
      E: ['T', 'done'], H: ['h2', 'h1', 'h3'], S: [['T', 'h2'], ['T', 'h1'], ['done', 'h3']],
    });
  });

  it('order chain: the pay handler emits order.paid, which the ship handler reads', () => {
    const s = scenario([
      { id: 'shop', type: 'publisher', event: 'order.placed', arrival },
      { id: 'orders', type: 'queue' },
      { id: 'pay', type: 'handler', event: 'order.paid', service },
      { id: 'paid', type: 'queue' },
      { id: 'ship', type: 'handler', event: 'order.shipped', service },
    ], [['shop', 'orders'], ['orders', 'pay'], ['pay', 'paid'], ['paid', 'ship']]);
    // ship emits nothing (no outgoing edge), so order.shipped reaches no queue or handler and is not in E
    expect(deriveSets(s)).toEqual({
      E: ['order.placed', 'order.paid'], H: ['pay', 'ship'],
      S: [['order.placed', 'pay'], ['order.paid', 'ship']],
    });
  });

  it('a handler emitting back into its own queue subscribes to its own event type', () => {
    const s = scenario([
      { id: 'p', type: 'publisher', event: 'job', arrival },
      { id: 'q', type: 'queue' },
      { id: 'worker', type: 'handler', event: 'job.again', service },
    ], [['p', 'q'], ['q', 'worker'], ['worker', 'q']]);
    expect(deriveSets(s)).toEqual({ E: ['job', 'job.again'], H: ['worker'], S: [['job', 'worker'], ['job.again', 'worker']] });
  });

  it('a handler whose event is absent emits its label, then its id; emitting only to a topic adds nothing', () => {
    const s = scenario([
      { id: 'p', type: 'publisher', event: 'in', arrival },
      { id: 'q1', type: 'queue' },
      { id: 'labelled', type: 'handler', label: 'Billing', service },
      { id: 'q2', type: 'queue' },
      { id: 'plain', type: 'handler', service },
      { id: 'q3', type: 'queue' },
      { id: 'tail', type: 'handler', service },
      { id: 'news', type: 'topic' },
    ], [['p', 'q1'], ['q1', 'labelled'], ['labelled', 'q2'], ['q2', 'plain'], ['plain', 'q3'], ['q3', 'tail'], ['tail', 'news']]);
    expect(deriveSets(s)).toEqual({
      E: ['in', 'Billing', 'plain', 'news'], H: ['labelled', 'plain', 'tail'],
      S: [['in', 'labelled'], ['Billing', 'plain'], ['plain', 'tail']],
    });
  });

  it('eventName defaults', () => {
    expect(eventName({ id: 'x', type: 'topic' })).toBe('x');
    expect(eventName({ id: 'x', type: 'handler', label: 'L', service: { kind: 'constant', value: 1 } })).toBe('L');
    expect(eventName({ id: 'x', type: 'publisher', label: 'L', event: 'E', arrival: { kind: 'schedule', times: [] } })).toBe('E');
  });
});
