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
});
