// Classroom hygiene for the run: when the diagram the run was compiled from no longer exists (a new or
// loaded document, or a structural edit: nodes or connections added, removed or rewired), the run must
// not go on. Pure decisions here; the run controller acts on them (ui/run/runHygiene.ts).
import type { Scenario } from '../model/types';
import type { RunMeta } from '../worker/protocol';
import type { RunStatus } from './runSlice';
import type { CommandId } from './commandIds';

/** the run's structure and the diagram's: same node ids and types, same connections (id, source, target) */
export function sameStructure(meta: RunMeta, scenario: Pick<Scenario, 'nodes' | 'edges'>): boolean {
  if (meta.nodes.length !== scenario.nodes.length || meta.edges.length !== scenario.edges.length) return false;
  const nodes = new Map(scenario.nodes.map((n) => [n.id, n.type]));
  if (meta.nodes.some((n) => nodes.get(n.id) !== n.type)) return false;
  const edges = new Map(scenario.edges.map((e) => [e.id, `${e.source}\u0000${e.target}`]));
  return meta.edges.every((e) => edges.get(e.id) === `${meta.nodes[e.source]?.id}\u0000${meta.nodes[e.target]?.id}`);
}

export type HygieneAction = 'none' | 'clear' | 'stop';

/** what a document change means for the run: a new or loaded document clears it; a structural edit stops a moving run */
export function afterDocumentChange(change: { label: CommandId | null; status: RunStatus; meta: RunMeta | null; scenario: Pick<Scenario, 'nodes' | 'edges'> }): HygieneAction {
  if (change.label === 'newScenario' || change.label === 'load' || change.label === 'reset') return change.status === 'idle' && change.meta === null ? 'none' : 'clear';
  const moving = change.status === 'playing' || change.status === 'running-to-end' || change.status === 'loading';
  if (moving && change.meta && !sameStructure(change.meta, change.scenario)) return 'stop';
  return 'none';
}
