// Which canvas nodes and edges stand for a member of the model's sets (for hover highlighting):
// an event type's topics and senders, a handler, and the way a subscription (e, h) runs.
import type { Scenario } from '../../model/types';
import { displayName, eventTypeOf } from '../canvas/summary';

/** Canvas ids that stand for an event type: topics and publishers/handlers sending that event. */
export function idsForEvent(scenario: Scenario, event: string): string[] {
  return scenario.nodes.filter((n) => n.type !== 'queue' && (eventTypeOf(n) === event || (n.type === 'topic' && n.id === event))).map((n) => n.id);
}

export function idsForHandler(scenario: Scenario, handler: string): string[] {
  return scenario.nodes.filter((n) => n.type === 'handler' && (n.id === handler || displayName(n) === handler)).map((n) => n.id);
}

/** The nodes and edges along which messages of event type `event` reach `handler` (through topics and queues). */
export function subscriptionPath(scenario: Scenario, event: string, handler: string): string[] {
  const starts = idsForEvent(scenario, event);
  const senders = new Set(starts);
  const ends = new Set(idsForHandler(scenario, handler));
  const typeOf = new Map(scenario.nodes.map((n) => [n.id, n.type]));
  const forward = new Set(starts);
  const queue = [...starts];
  while (queue.length) {
    const id = queue.shift()!;
    for (const e of scenario.edges) {
      if (e.source !== id || forward.has(e.target)) continue;
      if (typeOf.get(e.target) === 'handler' && !ends.has(e.target)) continue;
      forward.add(e.target);
      if (typeOf.get(e.target) !== 'handler') queue.push(e.target);
    }
  }
  const backward = new Set(ends);
  const back = [...ends];
  while (back.length) {
    const id = back.shift()!;
    for (const e of scenario.edges) {
      if (e.target !== id || backward.has(e.source) || !forward.has(e.source)) continue;
      backward.add(e.source);
      back.push(e.source);
    }
  }
  // a handler's outgoing edges carry its own event type only: they belong to the path when it is a sender of `event`
  const carries = (source: string) => typeOf.get(source) !== 'handler' || senders.has(source);
  const edges = scenario.edges.filter((e) => carries(e.source) && forward.has(e.source) && backward.has(e.source) && backward.has(e.target) && forward.has(e.target)).map((e) => e.id);
  return [...[...backward].filter((id) => forward.has(id)), ...edges];
}
