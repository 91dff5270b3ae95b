// The model's sets E (event types), H (handlers), S (subscriptions) derived from a valid scenario,
// in file order (spec: "The model's sets"). Names: a topic's label else id; a publisher's or handler's event
// else label else id.
import type { ModelSets } from '../engine/types';
import type { HandlerNode, PublisherNode, Scenario, ScenarioNode, TopicNode } from './types';

/** The event type a node's messages carry: `event`, else label, else id (a topic has no `event`). */
export function eventName(node: PublisherNode | TopicNode | HandlerNode): string {
  return (node.type === 'topic' ? undefined : node.event) ?? node.label ?? node.id;
}

/**
 * E: every topic's event type, and every publisher's or handler's event (the type of the messages it
 *    emits) that reaches a queue or handler directly.
 * H: every handler's id (ids are unique and stable; labels may repeat).
 * S: (e, h) when messages of type e can reach h: straight from the topic or publisher, or through a
 *    queue it feeds (and that queue's dead-letter queues, where expired or failed copies go).
 * A handler's emissions are event types too (amended spec): in publisher -> queue -> pay -> queue -> ship,
 * E holds the pay handler's emitted type and S pairs it with ship.
 */
export function deriveSets(scenario: Scenario): ModelSets {
  const byId = new Map<string, ScenarioNode>();
  for (const node of scenario.nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  const targets = new Map<string, ScenarioNode[]>();
  for (const edge of scenario.edges) {
    const target = byId.get(edge.target);
    if (!target) continue;
    const list = targets.get(edge.source) ?? [];
    list.push(target);
    targets.set(edge.source, list);
  }

  /** Handlers a message sent to `node` can be read by: itself, or a queue's handlers (and its dead letters'). */
  const handlersFed = (start: ScenarioNode, into: Set<string>): void => {
    if (start.type === 'handler') {
      into.add(start.id);
      return;
    }
    const seenQueues = new Set<string>();
    let queue: ScenarioNode | undefined = start;
    while (queue && queue.type === 'queue' && !seenQueues.has(queue.id)) {
      seenQueues.add(queue.id);
      for (const next of targets.get(queue.id) ?? []) if (next.type === 'handler') into.add(next.id);
      queue = queue.deadLetter === undefined ? undefined : byId.get(queue.deadLetter);
    }
  };

  const events: string[] = [];
  const reached = new Map<string, Set<string>>();
  for (const node of scenario.nodes) {
    if (node.type === 'queue') continue;
    const direct = (targets.get(node.id) ?? []).filter((t) => t.type === 'queue' || t.type === 'handler');
    if (node.type !== 'topic' && direct.length === 0) continue;
    const name = eventName(node);
    if (!reached.has(name)) {
      events.push(name);
      reached.set(name, new Set());
    }
    const handlers = reached.get(name) as Set<string>;
    for (const target of direct) handlersFed(target, handlers);
  }

  const handlerIds = scenario.nodes.filter((node) => node.type === 'handler').map((node) => node.id);
  // each event's handlers in file order: their places in H sorted (linear in S, not E × H, for large diagrams)
  const places = new Map<string, number[]>();
  handlerIds.forEach((id, place) => {
    const list = places.get(id);
    if (list === undefined) places.set(id, [place]); else list.push(place);
  });
  const subscriptions: [string, string][] = [];
  for (const event of events) {
    const found: number[] = [];
    for (const id of reached.get(event) as Set<string>) found.push(...(places.get(id) ?? []));
    found.sort((x, y) => x - y);
    for (const place of found) subscriptions.push([event, handlerIds[place]]);
  }
  return { E: events, H: handlerIds, S: subscriptions };
}
