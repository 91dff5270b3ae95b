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

  it('follows dead letters, keeps file order, and leaves out handler emissions (the spec is literal)', () => {
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
    expect(deriveSets(s)).toEqual({ E: ['T'], H: ['h2', 'h1', 'h3'], S: [['T', 'h2'], ['T', 'h1']] });
  });

  it('eventName defaults', () => {
    expect(eventName({ id: 'x', type: 'topic' })).toBe('x');
    expect(eventName({ id: 'x', type: 'handler', label: 'L', service: { kind: 'constant', value: 1 } })).toBe('L');
    expect(eventName({ id: 'x', type: 'publisher', label: 'L', event: 'E', arrival: { kind: 'schedule', times: [] } })).toBe('E');
  });
});
