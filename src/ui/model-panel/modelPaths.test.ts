// Hovering (e, h) in the Model panel lights up the way messages of e reach h, and nothing else.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../model/types';
import { subscriptionPath } from './modelPaths';

const scenario: Scenario = {
  format: 'eventflow-scenario', version: 1, name: 's',
  nodes: [
    { id: 'p', type: 'publisher', arrival: { kind: 'poisson', ratePerSecond: 1 }, limit: 1 },
    { id: 'user.registered', type: 'topic' },
    { id: 'q', type: 'queue' },
    { id: 'mailer', type: 'handler', service: { kind: 'constant', value: 1 } },
    { id: 'audit', type: 'queue' },
    { id: 'auditor', type: 'handler', service: { kind: 'constant', value: 1 } },
  ],
  edges: [
    { id: 'e1', source: 'p', target: 'user.registered' },
    { id: 'e2', source: 'user.registered', target: 'q' },
    { id: 'e3', source: 'q', target: 'mailer' },
    { id: 'e4', source: 'user.registered', target: 'audit' },
    { id: 'e5', source: 'audit', target: 'auditor' },
    { id: 'e6', source: 'mailer', target: 'q' },
  ],
};

describe('subscriptionPath', () => {
  it('covers the topic, queue, handler and the edges between them; not the other branch nor the loop back', () => {
    expect(new Set(subscriptionPath(scenario, 'user.registered', 'mailer'))).toEqual(new Set(['user.registered', 'q', 'mailer', 'e2', 'e3']));
    expect(new Set(subscriptionPath(scenario, 'user.registered', 'auditor'))).toEqual(new Set(['user.registered', 'audit', 'auditor', 'e4', 'e5']));
  });

  it("a handler's emitted event type: the path starts at that handler and takes its outgoing edge", () => {
    const chain: Scenario = {
      format: 'eventflow-scenario', version: 1, name: 'chain',
      nodes: [
        { id: 'shop', type: 'publisher', event: 'order.placed', arrival: { kind: 'poisson', ratePerSecond: 1 }, limit: 1 },
        { id: 'orders', type: 'queue' },
        { id: 'pay', type: 'handler', event: 'order.paid', service: { kind: 'constant', value: 1 } },
        { id: 'paid', type: 'queue' },
        { id: 'ship', type: 'handler', service: { kind: 'constant', value: 1 } },
      ],
      edges: [
        { id: 'e1', source: 'shop', target: 'orders' },
        { id: 'e2', source: 'orders', target: 'pay' },
        { id: 'e3', source: 'pay', target: 'paid' },
        { id: 'e4', source: 'paid', target: 'ship' },
      ],
    };
    expect(new Set(subscriptionPath(chain, 'order.paid', 'ship'))).toEqual(new Set(['pay', 'paid', 'ship', 'e3', 'e4']));
    expect(new Set(subscriptionPath(chain, 'order.placed', 'pay'))).toEqual(new Set(['shop', 'orders', 'pay', 'e1', 'e2']));
  });
});
